#!/bin/sh
# make install / make uninstall: the layout under PREFIX and DESTDIR, an
# installed nudge that finds its templates and rules without NUDGE_DATADIR,
# and an uninstall that leaves nothing behind.
. "$(dirname "$0")/lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
M=$TESTS_DIR/mail
mk() { make -s -j2 -C "$SRC_DIR" "$@" >"$TRASH/make.log" 2>&1 || { cat "$TRASH/make.log"; return 1; }; }
# The installed binary, without the test suite's data folder.
inst() { env -u NUDGE_DATADIR "$TRASH/prefix/bin/nudge" "$@"; }
ROOT=$TRASH/root

test_expect_success 'make install into a DESTDIR puts every file in place' '
	mk install DESTDIR="$ROOT" PREFIX=/usr &&
	test -x "$ROOT/usr/bin/nudge" &&
	test -f "$ROOT/usr/lib/nudge/nudge-imap.so" &&
	test -f "$ROOT/usr/lib/nudge/nudge-calendar.so" &&
	for f in thank-you follow-up-1 follow-up-2 rejection-reply competing-offer \
		more-info reference-notice withdrawal; do
		test -f "$ROOT/usr/share/nudge/templates/$f" || { echo "no template $f"; return 1; }
	done &&
	for f in "$SRC_DIR"/filters/rules/*.rules; do
		cmp "$f" "$ROOT/usr/share/nudge/filters/rules/${f##*/}" || return 1
	done &&
	test -f "$ROOT/usr/share/man/man1/nudge.1" &&
	test -f "$ROOT/usr/share/man/man5/nudge.conf.5" &&
	test -f "$ROOT/usr/share/bash-completion/completions/nudge" &&
	test -f "$ROOT/usr/share/zsh/site-functions/_nudge" &&
	test "$(stat -c %a "$ROOT/usr/bin/nudge")" = 755 &&
	test "$(stat -c %a "$ROOT/usr/share/nudge/templates/thank-you")" = 644
'
test_expect_success 'the installed binary looks in PREFIX/share/nudge, not in the source tree' '
	"$ROOT/usr/bin/nudge" --version >out && test_grep "^nudge [0-9]" out &&
	env -u NUDGE_DATADIR "$ROOT/usr/bin/nudge" filter <"$M/ex2-invite.eml" >out 2>err &&
	cmp out "$M/ex2-invite.eml" &&
	test_no_grep "$SRC_DIR" err &&
	if ! [ -d /usr/share/nudge ]; then test_grep "/usr/share/nudge/filters/rules" err; fi
'
test_expect_success 'the systemd user units are installed when they exist' '
	if [ -f "$SRC_DIR/filters/nudge-due.timer" ]; then
		test -f "$ROOT/usr/lib/systemd/user/nudge-due.timer" &&
		test -f "$ROOT/usr/lib/systemd/user/nudge-due.service"
	else
		! test -e "$ROOT/usr/lib/systemd"
	fi
'
test_expect_success 'units given to make are installed in PREFIX/lib/systemd/user' '
	mkdir -p units &&
	printf "[Unit]\nDescription=test\n" >units/nudge-due.service &&
	printf "[Timer]\nOnCalendar=*:0/15\n" >units/nudge-due.timer &&
	mk install DESTDIR="$ROOT" PREFIX=/usr \
		UNITS="$TRASH/units/nudge-due.service $TRASH/units/nudge-due.timer" &&
	cmp units/nudge-due.timer "$ROOT/usr/lib/systemd/user/nudge-due.timer" &&
	cmp units/nudge-due.service "$ROOT/usr/lib/systemd/user/nudge-due.service"
'
CLAWS_DIR=$(pkg-config --variable=plugindir claws-mail 2>/dev/null)
if [ -n "$CLAWS_DIR" ]; then
	test_expect_success 'the Claws Mail plugin goes into Claws plugin folder, built for PREFIX' '
		so=$ROOT$CLAWS_DIR/nudge.so &&
		test -f "$so" &&
		grep -q -a "/usr/share/nudge" "$so" &&
		nm -D --defined-only "$so" >syms &&
		test_grep " plugin_init$" syms
	'
else
	test_skip 'no Claws Mail development files: no plugin (make deps-test)'
fi
test_expect_success 'make uninstall removes every file it installed' '
	mk uninstall DESTDIR="$ROOT" PREFIX=/usr &&
	find "$ROOT" ! -type d >left &&
	test_cmp /dev/null left &&
	! test -e "$ROOT/usr/share/nudge"
'

test_expect_success 'an install under a real PREFIX runs without NUDGE_DATADIR' '
	mk install PREFIX="$TRASH/prefix" &&
	write_config </dev/null &&
	inst filter <"$M/ex1-invite.eml" >out 2>err &&
	test_cmp /dev/null err &&
	test_grep "^X-Nudge-Stage: invitation" out &&
	inst filter <"$M/ex1-confirm.eml" >/dev/null &&
	inst due --now 2026-03-03T19:05 >due &&
	test_grep "	thank-you	" due &&
	ls "$TRASH"/Drafts/cur/* >/dev/null &&
	! grep -l "{{" "$TRASH"/Drafts/cur/*
'
test_expect_success 'the installed binary loads its modules from PREFIX/lib/nudge' '
	inst doctor --offline >doc &&
	test_grep "^ok    module: $TRASH/prefix/lib/nudge/nudge-calendar.so$" doc &&
	test_grep "^ok    module: $TRASH/prefix/lib/nudge/nudge-imap.so$" doc &&
	mv "$TRASH/prefix/lib/nudge" "$TRASH/moved-lib" &&
	inst --home "$TRASH/h3" filter <"$M/ex1-invite.eml" >out 2>err;
	mv "$TRASH/moved-lib" "$TRASH/prefix/lib/nudge" &&
	cmp out "$M/ex1-invite.eml" &&
	test_grep "$TRASH/prefix/lib/nudge/nudge-calendar.so" err
'
# The static build links src/link/ in place of libmount, libselinux and
# libidn2 (Makefile, STATIC): none of them is loaded at start, and libidn2
# is loaded when GMime meets a punycode domain, which then reads as in the
# test build (libidn2 linked the usual way).
test_expect_success 'the installed binary starts without libmount, libselinux or libidn2' '
	LD_DEBUG=libs inst --version 2>ld.log >/dev/null &&
	test_grep "libc.so.6" ld.log &&
	test_no_grep "libmount\|libselinux\|libblkid\|libidn2\|libunistring" ld.log
'
test_expect_success 'it loads libidn2 for a punycode domain and reads it as the test build does' '
	cp "$M/idn-invite.eml" idn.eml &&
	LD_DEBUG=libs inst classify --json idn.eml >inst.json 2>ld.log &&
	test_grep "libidn2" ld.log &&
	"$NUDGE_BIN" classify --json idn.eml >san.json &&
	test_cmp san.json inst.json &&
	test_grep "\"contact_addr\":\"jana.vogel@müller.example\"" inst.json
'
test_expect_success 'the installed binary really reads the installed rules' '
	mv "$TRASH/prefix/share/nudge" "$TRASH/moved" &&
	inst filter <"$M/ex2-invite.eml" >out 2>err;
	mv "$TRASH/moved" "$TRASH/prefix/share/nudge" &&
	test_grep "$TRASH/prefix/share/nudge" err &&
	cmp out "$M/ex2-invite.eml"
'
test_expect_success 'the source tree build still uses the source tree' '
	mk nudge &&
	mv "$TRASH/prefix/share/nudge" "$TRASH/moved" &&
	env -u NUDGE_DATADIR "$SRC_DIR/nudge" --home "$TRASH/h2" filter \
		<"$M/ex2-invite.eml" >out 2>err;
	mv "$TRASH/moved" "$TRASH/prefix/share/nudge" &&
	test_cmp /dev/null err &&
	test_grep "^X-Nudge-Stage: invitation" out
'
test_expect_success 'the plugin of a PREFIX install looks in PREFIX/share/nudge' '
	if [ -n "$CLAWS_DIR" ]; then
		grep -q -a "$TRASH/prefix/share/nudge" "$TRASH/prefix/lib/claws-mail/plugins/nudge.so"
	fi
'
test_expect_success 'make uninstall under the PREFIX leaves nothing' '
	mk uninstall PREFIX="$TRASH/prefix" &&
	find "$TRASH/prefix" ! -type d >left &&
	test_cmp /dev/null left
'
test_done
