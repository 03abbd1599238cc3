#!/bin/sh
# dpkg-buildpackage -us -uc -b builds nudge_*.deb from a copy of the tree;
# the package holds the binary (hardened, looking in /usr/share/nudge), the
# data, man pages and completions, and what it unpacks works.
. "$(dirname "$0")/lib.sh"

if ! command -v dpkg-buildpackage >/dev/null 2>&1 || ! command -v dh >/dev/null 2>&1; then
	echo "1..0 # SKIP dpkg-buildpackage or debhelper missing (make deps-test)"
	exit 0
fi
unset MAKEFLAGS MFLAGS MAKELEVEL
M=$TESTS_DIR/mail
B=$TRASH/build
SRC=$B/nudge

test_expect_success 'dpkg-buildpackage builds the nudge package' '
	mkdir -p "$SRC" &&
	(cd "$SRC_DIR" && cp -a Makefile README.md src plugin templates filters man \
		completions debian tools "$SRC/") &&
	rm -rf "$SRC/build" "$SRC/plugin/nudge.so" &&
	(cd "$SRC" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b) >log 2>&1 ||
		{ tail -n 30 log; false; } &&
	ls "$B"/nudge_*.deb >debs && test "$(wc -l <debs)" = 1
'
DEB=$(ls "$B"/nudge_*.deb 2>/dev/null)
test_expect_success 'the Claws Mail plugin is a package of its own' '
	pdeb=$(ls "$B"/claws-mail-nudge-plugin_*.deb) &&
	dpkg-deb -c "$pdeb" | awk "{ print \$6 }" >pfiles &&
	grep "^\./usr/lib/.*/claws-mail/plugins/nudge\.so$" pfiles >so &&
	test "$(wc -l <so)" = 1 &&
	dpkg-deb -f "$pdeb" Depends >pdeps &&
	test_grep "nudge (= " pdeps &&
	test_grep "claws-mail (>= [0-9]" pdeps && test_grep "claws-mail (<< [0-9]" pdeps &&
	dpkg -x "$pdeb" proot &&
	grep -q -a "/usr/share/nudge" proot/$(sed "s/^\.\///" so)
'
test_expect_success 'the package names its library dependencies' '
	dpkg-deb -f "$DEB" Package Depends >fields &&
	test_grep "^Package: nudge$" fields &&
	test_grep "libgmime-3.0" fields && test_grep "libetpan" fields &&
	test_grep "libsqlite3" fields && test_grep "libical" fields &&
	test_grep "tzdata" fields
'
test_expect_success 'the package holds the whole installation' '
	dpkg-deb -c "$DEB" | awk "{ print \$6 }" >files &&
	for f in usr/bin/nudge usr/share/nudge/templates/thank-you \
		usr/share/nudge/filters/rules/en.rules usr/share/man/man1/nudge.1.gz \
		usr/share/man/man5/nudge.conf.5.gz usr/share/bash-completion/completions/nudge \
		usr/share/zsh/vendor-completions/_nudge usr/share/doc/nudge/copyright \
		usr/lib/nudge/nudge-imap.so usr/lib/nudge/nudge-calendar.so; do
		test_grep "^\./$f$" files || return 1
	done &&
	test_no_grep "$SRC" files &&
	test_no_grep "nudge\.so" files &&
	if [ -f "$SRC_DIR/filters/nudge-due.timer" ]; then
		test_grep "^\./usr/lib/systemd/user/nudge-due.timer$" files &&
		test_grep "^\./usr/lib/systemd/user/nudge-due.service$" files &&
		dpkg-deb -e "$DEB" ctl &&
		test_grep "dh_installsystemduser" ctl/postinst &&
		test_no_grep "was-enabled defaults to true" ctl/postinst
	fi
'
ROOT=$TRASH/root
test_expect_success 'dpkg -x unpacks a hardened binary that reads /usr/share/nudge' '
	dpkg -x "$DEB" "$ROOT" &&
	readelf -h "$ROOT/usr/bin/nudge" >elf && test_grep "DYN" elf &&
	readelf -d "$ROOT/usr/bin/nudge" >dyn && test_grep "BIND_NOW" dyn &&
	"$ROOT/usr/bin/nudge" --version >out && test_grep "^nudge 0" out &&
	if ! [ -d /usr/share/nudge ]; then
		env -u NUDGE_DATADIR "$ROOT/usr/bin/nudge" filter <"$M/ex2-invite.eml" >out 2>err &&
		cmp out "$M/ex2-invite.eml" &&
		test_grep "/usr/share/nudge/filters/rules" err
	fi
'
test_expect_success 'the unpacked data and man pages work' '
	write_config </dev/null &&
	NUDGE_DATADIR=$ROOT/usr/share/nudge "$ROOT/usr/bin/nudge" filter <"$M/ex2-invite.eml" >out &&
	test_grep "^X-Nudge-Stage: invitation" out &&
	NUDGE_DATADIR=$ROOT/usr/share/nudge NUDGE_MODULEDIR=$ROOT/usr/lib/nudge \
		"$ROOT/usr/bin/nudge" doctor >doc &&
	test_grep "All is well" doc &&
	NUDGE_DATADIR=$ROOT/usr/share/nudge NUDGE_MODULEDIR=$ROOT/usr/lib/nudge \
		"$ROOT/usr/bin/nudge" filter <"$M/ex1-invite.eml" >out 2>err &&
	test_cmp /dev/null err && test_grep "^X-Nudge-Stage: invitation" out &&
	MANWIDTH=80 man --warnings -l "$ROOT/usr/share/man/man5/nudge.conf.5.gz" >page 2>err &&
	test_cmp /dev/null err && test_grep "draft_hour" page
'
test_done
