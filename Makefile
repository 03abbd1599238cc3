# nudge: interview follow-up drafts from inside your mail pipeline.
# Plain make: `make`, `make demo`, `make check`, `make bench`, `make install`.

PREFIX ?= /usr/local
DESTDIR ?=
# Where templates/ and filters/ are found at run time (NUDGE_DATADIR overrides).
DATADIR ?= $(CURDIR)

CC ?= cc
CFLAGS ?= -O2 -g
# The core's libraries. libetpan and GnuTLS (IMAP) and libical (calendar
# parts) are only linked into the modules nudge-imap.so and
# nudge-calendar.so, loaded on first use (src/module.h).
PKGS = gmime-3.0 glib-2.0 libpcre2-8 sqlite3
MODULE_PKGS = libetpan gnutls libical
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(MODULE_PKGS) 2>/dev/null)
# Debian's libetpan.pc leaks -specs=.../no-pie-link.specs: keep nudge a PIE.
pkg_libs = $(filter-out -specs=%,$(shell pkg-config $(2) --libs $(1) 2>/dev/null))
PKG_LIBS = $(call pkg_libs,$(PKGS))
MODULE_LIBS_imap = $(call pkg_libs,libetpan gnutls)
MODULE_LIBS_calendar = $(call pkg_libs,libical)

# build/rel (what users run) links the GLib stack, GMime, PCRE2 and SQLite
# statically: resolving the symbols of some twenty shared libraries was
# most of the cost of a `nudge filter` run (README, Performance).
# STATIC=no links them as shared libraries.
STATIC ?= yes
# GMime's own libraries too (gpgme with assuan and gpg-error) and zlib: each
# shared one cost its relocations at every start. libmount (with libblkid,
# libselinux and libsepol) and libidn2 (with libunistring) are not linked:
# src/link/ stands in for them (read why there).
STATIC_SET = gmime-3.0 gio-2.0 gobject-2.0 gmodule-2.0 glib-2.0 pcre2-8 sqlite3 ffi \
	gpgme assuan gpg-error z
STATIC_NOT = -lmount -lblkid -lselinux -lsepol -lidn2
LINK_SRC = $(wildcard src/link/*.c)
comma := ,
static_lib = $(if $(filter $(patsubst -l%,%,$(1)),$(STATIC_SET)),-Wl$(comma)-Bstatic $(1) -Wl$(comma)-Bdynamic,$(1))
PKG_LIBS_STATIC = $(foreach l,$(filter-out $(STATIC_NOT),$(call pkg_libs,$(PKGS),--static)),$(call static_lib,$(l))) \
	-Wl,-Bstatic -lassuan -lgpg-error -Wl,-Bdynamic
REL_LINK = $(if $(filter yes,$(STATIC)),$(REL)/liblink.a)
REL_LIBS = $(if $(filter yes,$(STATIC)),$(PKG_LIBS_STATIC),$(PKG_LIBS)) -lm $(REL_LINK)

override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
	-Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -Wvla \
	-Wshadow -Wformat=2 -Wno-format-nonliteral \
	-DNUDGE_DATADIR='"$(DATADIR)"' -DNUDGE_VERSION='"$(VERSION)"' \
	$(PKG_CFLAGS)
LDLIBS += $(PKG_LIBS) -lm

VERSION = 0.1.0
SANITIZE = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Modules: each src/NAME.c below is nudge-NAME.so; src/NAME-load.c in the
# core forwards to it. The plugin and the fuzzers link NAME.c directly.
MODULES = imap calendar
MODULE_SRC = $(MODULES:%=src/%.c)
CORE_SRC = $(filter-out src/main.c src/cmd-%.c $(MODULE_SRC),$(wildcard src/*.c))
CLI_SRC = src/main.c $(wildcard src/cmd-*.c)
HDRS = $(wildcard src/*.h)
UNIT_SRC = $(wildcard tests/unit/test-*.c)

# Two build flavours: build/rel (what users run) and build/san (what tests run).
# Each has its own modules beside the binary; module.c looks for them there.
REL = build/rel
SAN = build/san

all: nudge

nudge: $(REL)/nudge
	cp $(REL)/nudge $@

# `make V=1` shows the whole commands.
Q = $(if $(V),,@)
$(REL)/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -DNUDGE_MODULEDIR='"$(CURDIR)/$(REL)"' -c -o $@ $<
$(SAN)/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -O1 $(SANITIZE) -DNUDGE_MODULEDIR='"$(CURDIR)/$(SAN)"' -c -o $@ $<

$(REL)/libnudge.a: $(CORE_SRC:src/%.c=$(REL)/%.o)
	$(Q)rm -f $@; ar rcs $@ $^
$(REL)/liblink.a: $(LINK_SRC:src/%.c=$(REL)/%.o)
	$(Q)rm -f $@; ar rcs $@ $^
$(SAN)/libnudge.a: $(CORE_SRC:src/%.c=$(SAN)/%.o)
	$(Q)rm -f $@; ar rcs $@ $^

# A module exports one symbol, its table; it takes GLib and the core
# functions it calls from the program that loads it, which exports just
# those (exports.list: what the modules leave undefined), so a module and
# its program never hold two copies of GLib.
$(REL)/mod/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<
$(SAN)/mod/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -O1 $(SANITIZE) -fPIC -fvisibility=hidden -c -o $@ $<
$(REL)/nudge-%.so: $(REL)/mod/%.o
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -shared -Wl,-Bsymbolic -o $@ $< $(LDFLAGS) $(MODULE_LIBS_$*)
$(SAN)/nudge-%.so: $(SAN)/mod/%.o
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(SANITIZE) -shared -Wl,-Bsymbolic -o $@ $< $(LDFLAGS) $(MODULE_LIBS_$*)
%/exports.list: $(addprefix %/mod/,$(MODULES:=.o))
	$(Q){ echo '{'; nm -u $^ | awk 'NF == 2 { print "\t" $$2 ";" }' | sort -u; echo '};'; } >$@
.SECONDARY: $(MODULES:%=$(REL)/mod/%.o) $(MODULES:%=$(SAN)/mod/%.o)
REL_MODULES = $(MODULES:%=$(REL)/nudge-%.so)
SAN_MODULES = $(MODULES:%=$(SAN)/nudge-%.so)
REL_EXPORTS = -Wl,--dynamic-list=$(REL)/exports.list
SAN_EXPORTS = -Wl,--dynamic-list=$(SAN)/exports.list

$(REL)/nudge: $(CLI_SRC:src/%.c=$(REL)/%.o) $(REL)/libnudge.a $(REL_LINK) $(REL)/exports.list | $(REL_MODULES)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(REL_EXPORTS) -o $@ $(filter %.o %.a,$^) $(LDFLAGS) $(REL_LIBS)
$(SAN)/nudge: $(CLI_SRC:src/%.c=$(SAN)/%.o) $(SAN)/libnudge.a $(SAN)/exports.list | $(SAN_MODULES)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(SANITIZE) $(SAN_EXPORTS) -o $@ $(filter %.o %.a,$^) $(LDFLAGS) $(LDLIBS)

# C unit tests of the pure modules (GTest, TAP with --tap).
$(SAN)/tests/%: tests/unit/%.c $(SAN)/libnudge.a $(SAN)/exports.list $(HDRS) | $(SAN_MODULES)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -O1 $(SANITIZE) $(SAN_EXPORTS) -Isrc -o $@ $< $(SAN)/libnudge.a $(LDFLAGS) $(LDLIBS)

# Small programs the shell tests call (e.g. mimeinfo to read drafts back).
$(SAN)/tests/%: tests/helpers/%.c $(SAN)/libnudge.a $(SAN)/exports.list $(HDRS) | $(SAN_MODULES)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -O1 $(SANITIZE) $(SAN_EXPORTS) -Isrc -o $@ $< $(SAN)/libnudge.a $(LDFLAGS) $(LDLIBS)

# The fuzzing harnesses replayed without libFuzzer (regression cases).
FUZZ_HARNESS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz-*.c))
$(SAN)/tests/replay-%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SAN)/libnudge.a $(SAN)/exports.list $(HDRS) | $(SAN_MODULES)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -O1 $(SANITIZE) $(SAN_EXPORTS) -Isrc -o $@ $< tests/fuzz/replay.c $(SAN)/libnudge.a $(LDFLAGS) $(LDLIBS)

UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(SAN)/tests/%) \
	$(patsubst tests/helpers/%.c,$(SAN)/tests/%,$(wildcard tests/helpers/*.c)) \
	$(FUZZ_HARNESS:%=$(SAN)/tests/replay-%)

# The Claws Mail plugin: the same core compiled as position-independent code
# (build/pic) linked into plugin/nudge.so. Claws' own symbols come from the
# claws-mail binary; only the plugin_* functions are exported (plugin/nudge.map).
PIC = build/pic
PLUGIN_SRC = $(wildcard plugin/*.c)
PLUGIN_HDRS = $(wildcard plugin/*.h)
PLUGIN_CFLAGS = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags claws-mail gtk+-3.0 2>/dev/null)) \
	-Wno-deprecated-declarations
CLAWS_PLUGINDIR = $(shell pkg-config --variable=plugindir claws-mail 2>/dev/null)

$(PIC)/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -fPIC -DNUDGE_MODULEDIR='"$(PKGLIBDIR)"' -c -o $@ $<
$(PIC)/libnudge.a: $(CORE_SRC:src/%.c=$(PIC)/%.o)
	$(Q)rm -f $@; ar rcs $@ $^
$(PIC)/plugin/%.o: plugin/%.c $(HDRS) $(PLUGIN_HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -fPIC -Isrc $(PLUGIN_CFLAGS) -c -o $@ $<

plugin: plugin/nudge.so
# Claws Mail links libetpan itself: the plugin links the modules' code directly.
PIC_MODULES = $(MODULES:%=$(PIC)/%.o)
PLUGIN_LIBS = $(LDLIBS) $(foreach m,$(MODULES),$(MODULE_LIBS_$(m))) \
	$(shell pkg-config --libs gtk+-3.0 2>/dev/null)
plugin/nudge.so: $(PLUGIN_SRC:plugin/%.c=$(PIC)/plugin/%.o) $(PIC_MODULES) $(PIC)/libnudge.a plugin/nudge.map
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -shared -fPIC -Wl,-Bsymbolic -Wl,--version-script=plugin/nudge.map \
		-o $@ $(PLUGIN_SRC:plugin/%.c=$(PIC)/plugin/%.o) $(PIC_MODULES) $(PIC)/libnudge.a \
		$(LDFLAGS) $(PLUGIN_LIBS)

# System-wide into Claws' plugin folder; `make install-plugin USER_PLUGIN=1`
# into ~/.claws-mail/plugins instead.
install-plugin: plugin/nudge.so
	$(if $(USER_PLUGIN),install -d "$(HOME)/.claws-mail/plugins" && \
		install -m 644 plugin/nudge.so "$(HOME)/.claws-mail/plugins/nudge.so", \
		install -d "$(DESTDIR)$(CLAWS_PLUGINDIR)" && \
		install -m 644 plugin/nudge.so "$(DESTDIR)$(CLAWS_PLUGINDIR)/nudge.so")

deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh build test

check-build: $(SAN)/nudge $(UNIT_BIN) plugin

# Every test under AddressSanitizer and UBSan, through prove (TAP).
check: deps-test
	$(MAKE) check-build
	@mkdir -p build/tmp
	TMPDIR=$(CURDIR)/build/tmp NUDGE_BIN=$(CURDIR)/$(SAN)/nudge NUDGE_UNIT=$(CURDIR)/$(SAN)/tests \
	NUDGE_DATADIR=$(CURDIR) \
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:exitcode=99 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	prove $(PROVE_OPTS) tests/t*.t

# Speed, side by side with cat and bogofilter (tools/bench.sh). Never part
# of make check: it measures, it asserts nothing.
$(REL)/bench-nudge: tools/bench-nudge.c $(REL)/libnudge.a $(REL_LINK) $(REL)/exports.list $(HDRS) | $(REL_MODULES)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(REL_EXPORTS) -Isrc -o $@ $< $(REL)/libnudge.a $(LDFLAGS) $(REL_LIBS)

bench:
	@sh tools/deps.sh build bench
	$(MAKE) $(REL)/nudge $(REL)/bench-nudge
	sh tools/bench.sh

# Classifier figures on the labelled corpora and on everyday mail (issue 3).
ACCURACY_SETS = ../shared/corpus/real-dev tests/corpus/labelled -- \
	../shared/corpus/ham/easy-ham-1 ../shared/corpus/ham/hard-ham-1 \
	../shared/corpus/ham/spam-1
HELDOUT_SETS = tests/corpus/heldout tests/corpus/heldout2 tests/corpus/heldout3 \
	tests/corpus/heldout4 tests/corpus/heldout5 tests/corpus/heldout6
# The statistical model the classifier consults beside the rules: trained on
# the labelled corpora and a sample of everyday mail (never the held-out sets).
$(REL)/model-features: tools/model-features.c $(REL)/libnudge.a $(REL_LINK) $(REL)/exports.list $(HDRS) | $(REL_MODULES)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(REL_EXPORTS) -Isrc -o $@ $< $(REL)/libnudge.a $(LDFLAGS) $(REL_LIBS)
model: deps $(REL)/model-features
	@mkdir -p filters/model
	perl tools/train-model $(REL)/model-features >filters/model/stages.tsv.new
	mv filters/model/stages.tsv.new filters/model/stages.tsv

accuracy: deps
	$(MAKE) nudge
	@mkdir -p build/accuracy
	@printf '[user]\naddresses = candidate@example.org\ntimezone = Europe/Berlin\n' \
		>build/accuracy/config
	@echo "== mail the rules and the model were written and trained on, and everyday mail"
	@NUDGE_HOME=$(CURDIR)/build/accuracy NUDGE_DATADIR=$(CURDIR) \
		perl tools/accuracy.pl ./nudge $(ACCURACY_SETS)
	@echo
	@for set in $(HELDOUT_SETS); do \
		echo; echo "== held-out mail ($$set: never trained or tuned on)"; \
		NUDGE_HOME=$(CURDIR)/build/accuracy NUDGE_DATADIR=$(CURDIR) \
			perl tools/accuracy.pl ./nudge $$set || exit 1; \
	done

demo: deps
	$(MAKE) nudge
	sh tools/demo.sh

clean:
	rm -rf build nudge demo plugin/nudge.so

# Installing. The installed binary looks for templates/ and filters/ in
# $(PKGDATADIR), so the files that bake NUDGE_DATADIR in are compiled a third
# time into build/inst; ./nudge keeps using the source tree.
BINDIR ?= $(PREFIX)/bin
PKGDATADIR ?= $(PREFIX)/share/nudge
# The modules (nudge-imap.so, nudge-calendar.so).
PKGLIBDIR ?= $(PREFIX)/lib/nudge
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
SYSTEMDUSERDIR ?= $(PREFIX)/lib/systemd/user
INSTALL ?= install
SCDOC ?= scdoc
# The Claws Mail plugin goes with `make install` when Claws' development files
# are there (NO_PLUGIN=1 leaves it out): into Claws' own plugin folder for
# PREFIX=/usr, else under PREFIX, where Claws does not look by itself.
CLAWSPLUGINDIR ?= $(if $(filter /usr,$(PREFIX)),$(CLAWS_PLUGINDIR),$(PREFIX)/lib/claws-mail/plugins)
PLUGIN_INST = $(if $(NO_PLUGIN),,$(if $(CLAWS_PLUGINDIR),$(INST)/plugin/nudge.so))

INST = build/inst
DATADIR_SRC = $(shell grep -l NUDGE_DATADIR $(CLI_SRC))
MAN_SRC = $(wildcard man/*.scd)
MAN_OUT = $(MAN_SRC:man/%.scd=build/man/%)
UNITS = $(wildcard filters/nudge-due.service filters/nudge-due.timer)
TEMPLATES = $(filter-out %~,$(wildcard templates/*))
RULES = $(wildcard filters/rules/*.rules) filters/rules/README
# The recipes for procmail, Dovecot sieve and Mutt (README: "Using it from").
RECIPES = $(wildcard filters/procmailrc filters/nudge.sieve filters/muttrc filters/README.md)

# Rebuilt when PKGDATADIR or PKGLIBDIR change between two `make install`s.
$(INST)/datadir: FORCE
	@mkdir -p $(@D)
	@echo '$(PKGDATADIR) $(PKGLIBDIR)' | cmp -s - $@ || echo '$(PKGDATADIR) $(PKGLIBDIR)' >$@
$(INST)/%.o: src/%.c $(HDRS) $(INST)/datadir
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -UNUDGE_DATADIR -DNUDGE_DATADIR='"$(PKGDATADIR)"' \
		-DNUDGE_MODULEDIR='"$(PKGLIBDIR)"' -c -o $@ $<
$(INST)/nudge: $(DATADIR_SRC:src/%.c=$(INST)/%.o) \
		$(patsubst src/%.c,$(REL)/%.o,$(filter-out $(DATADIR_SRC),$(CLI_SRC))) \
		$(INST)/module.o $(REL)/libnudge.a $(REL_LINK) $(REL)/exports.list | $(REL_MODULES)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) $(REL_EXPORTS) -o $@ $(filter %.o %.a,$^) $(LDFLAGS) $(REL_LIBS)

$(INST)/plugin/%.o: plugin/%.c $(HDRS) $(PLUGIN_HDRS) $(INST)/datadir
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(CC) $(CFLAGS) -fPIC -Isrc $(PLUGIN_CFLAGS) -UNUDGE_DATADIR \
		-DNUDGE_DATADIR='"$(PKGDATADIR)"' -c -o $@ $<
$(INST)/plugin/nudge.so: $(PLUGIN_SRC:plugin/%.c=$(INST)/plugin/%.o) $(PIC_MODULES) $(PIC)/libnudge.a plugin/nudge.map
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(CC) $(CFLAGS) -shared -fPIC -Wl,-Bsymbolic -Wl,--version-script=plugin/nudge.map \
		-o $@ $(PLUGIN_SRC:plugin/%.c=$(INST)/plugin/%.o) $(PIC_MODULES) $(PIC)/libnudge.a \
		$(LDFLAGS) $(PLUGIN_LIBS)

build/man/%: man/%.scd
	@mkdir -p $(@D)
	@$(if $(V),,echo "  SCDOC   $@";)
	$(Q)$(SCDOC) <$< >$@.tmp && mv $@.tmp $@

man: $(MAN_OUT)

# What `make install` puts in place, built without installing (debian/rules).
install-build: $(INST)/nudge man $(PLUGIN_INST)

install: install-build
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PKGDATADIR)/templates \
		$(DESTDIR)$(PKGDATADIR)/filters/rules $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 755 $(INST)/nudge $(DESTDIR)$(BINDIR)/nudge
	$(INSTALL) -d $(DESTDIR)$(PKGLIBDIR)
	$(INSTALL) -m 644 $(REL_MODULES) $(DESTDIR)$(PKGLIBDIR)/
	$(INSTALL) -m 644 $(TEMPLATES) $(DESTDIR)$(PKGDATADIR)/templates/
	$(INSTALL) -m 644 $(RULES) $(DESTDIR)$(PKGDATADIR)/filters/rules/
	$(if $(RECIPES),$(INSTALL) -m 644 $(RECIPES) $(DESTDIR)$(PKGDATADIR)/filters/)
	$(INSTALL) -d $(DESTDIR)$(PKGDATADIR)/filters/model
	$(INSTALL) -m 644 filters/model/stages.tsv $(DESTDIR)$(PKGDATADIR)/filters/model/
	$(INSTALL) -m 644 $(filter %.1,$(MAN_OUT)) $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 $(filter %.5,$(MAN_OUT)) $(DESTDIR)$(MANDIR)/man5/
	$(INSTALL) -m 644 completions/nudge.bash $(DESTDIR)$(BASHCOMPDIR)/nudge
	$(INSTALL) -m 644 completions/_nudge $(DESTDIR)$(ZSHCOMPDIR)/_nudge
	$(if $(UNITS),$(INSTALL) -d $(DESTDIR)$(SYSTEMDUSERDIR))
	$(if $(UNITS),$(INSTALL) -m 644 $(UNITS) $(DESTDIR)$(SYSTEMDUSERDIR)/)
	$(if $(PLUGIN_INST),$(INSTALL) -d $(DESTDIR)$(CLAWSPLUGINDIR))
	$(if $(PLUGIN_INST),$(INSTALL) -m 644 $(PLUGIN_INST) $(DESTDIR)$(CLAWSPLUGINDIR)/nudge.so)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nudge
	rm -rf $(DESTDIR)$(PKGLIBDIR)
	rm -rf $(DESTDIR)$(PKGDATADIR)
	rm -f $(patsubst build/man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MAN_OUT))) \
		$(patsubst build/man/%,$(DESTDIR)$(MANDIR)/man5/%,$(filter %.5,$(MAN_OUT)))
	rm -f $(DESTDIR)$(BASHCOMPDIR)/nudge $(DESTDIR)$(ZSHCOMPDIR)/_nudge
	rm -f $(DESTDIR)$(SYSTEMDUSERDIR)/nudge-due.service \
		$(DESTDIR)$(SYSTEMDUSERDIR)/nudge-due.timer
	$(if $(CLAWSPLUGINDIR),rm -f $(DESTDIR)$(CLAWSPLUGINDIR)/nudge.so)

FORCE:

# libFuzzer: the core compiled again with clang into build/fuzz, one binary
# per harness; `make fuzz FUZZ_SECONDS=N` runs each for N seconds.
FUZZ = build/fuzz
FUZZ_CC = clang
FUZZ_SECONDS ?= 60
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
$(FUZZ)/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@$(if $(V),,echo "  CC      $@";)
	$(Q)$(FUZZ_CC) $(CFLAGS) -O1 $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link \
		-DNUDGE_MODULEDIR='"$(CURDIR)/$(FUZZ)"' -c -o $@ $<
$(FUZZ)/libnudge.a: $(CORE_SRC:src/%.c=$(FUZZ)/%.o)
	$(Q)rm -f $@; ar rcs $@ $^
# The harnesses link the modules' code directly.
.SECONDARY: $(MODULES:%=$(FUZZ)/%.o)
$(FUZZ)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(MODULES:%=$(FUZZ)/%.o) $(FUZZ)/libnudge.a $(HDRS)
	@$(if $(V),,echo "  LINK    $@";)
	$(Q)$(FUZZ_CC) $(CFLAGS) -O1 $(FUZZ_SANITIZE) -fsanitize=fuzzer -Isrc \
		-Wno-unused-command-line-argument -o $@ $< $(MODULES:%=$(FUZZ)/%.o) \
		$(FUZZ)/libnudge.a $(LDFLAGS) $(LDLIBS) $(foreach m,$(MODULES),$(MODULE_LIBS_$(m)))

fuzz-build: $(FUZZ_HARNESS:%=$(FUZZ)/%)

fuzz:
	@sh tools/deps.sh build fuzz
	$(MAKE) fuzz-build
	NUDGE_DATADIR=$(CURDIR) sh tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZ_HARNESS)

.PHONY: all plugin install-plugin deps deps-test check check-build bench demo clean accuracy model \
	fuzz fuzz-build man install-build install uninstall FORCE
