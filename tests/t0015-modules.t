#!/bin/sh
# The IMAP client (libetpan, GnuTLS) and the calendar reader (libical) live in
# modules loaded on first use: the filter loads neither for ordinary mail,
# only libical for a calendar invitation; a module that does not load is an
# error that names it, and the message still comes out whole.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
# The shared objects the dynamic loader opened during one run.
loaded() { LD_DEBUG=files "$NUDGE_BIN" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\).*\[0\];.*/\1/p' | sort -u; }

test_expect_success 'the sample mail has a calendar part where the test needs one' '
	grep -q "^Content-Type: text/calendar" "$M/ex1-invite.eml" &&
	! grep -qi "text/calendar" "$M/ex2-invite.eml"
'
test_expect_success 'the loader trace lists what a run opens' '
	loaded --version >libs &&
	test_grep "libc.so" libs
'
test_expect_success 'ordinary mail: neither libetpan, GnuTLS nor libical is loaded' '
	write_config </dev/null &&
	loaded filter <"$CORPUS/ham/easy-ham-1/$(ls "$CORPUS/ham/easy-ham-1" | head -1)" >libs &&
	test_grep "libc.so" libs &&
	test_no_grep "libetpan\|libgnutls\|libical\|nudge-" libs
'
test_expect_success 'an invitation without a calendar part loads none of them either' '
	loaded filter <"$M/ex2-invite.eml" >libs &&
	test_no_grep "libetpan\|libgnutls\|libical\|nudge-" libs
'
test_expect_success 'a calendar invitation loads the calendar module and libical, not IMAP' '
	loaded filter <"$M/ex1-invite.eml" >libs &&
	test_grep "nudge-calendar.so" libs &&
	test_grep "libical.so" libs &&
	test_no_grep "libetpan\|libgnutls\|nudge-imap" libs
'
# DTSTART;TZID=America/New_York:20260303T100000 is 16:00 in Berlin (the
# zone write_config sets); the text alone ("10:00 AM", no zone) would give 10:00.
test_expect_success 'the interview time comes from the calendar part through the module' '
	id=$(nudge filter <"$M/ex1-invite.eml" | sed -n "s/^X-Nudge-Thread: //p") &&
	test -n "$id" &&
	nudge show "$id" >show &&
	test_grep "interview Tue 03 Mar 2026 16:00$" show
'
test_expect_success 'a calendar module that does not load: named on stderr, message intact' '
	mkdir -p nomod &&
	NUDGE_MODULEDIR=$TRASH/nomod nudge --home "$TRASH/h2" filter <"$M/ex1-invite.eml" >out 2>err &&
	cmp out "$M/ex1-invite.eml" &&
	test_grep "cannot load the calendar module: .*nomod/nudge-calendar.so" err
'
test_expect_success 'a module of another build is refused, not called' '
	printf "int x;\n" >stub.c &&
	cc -shared -fPIC -o nomod/nudge-calendar.so stub.c &&
	NUDGE_MODULEDIR=$TRASH/nomod nudge --home "$TRASH/h3" filter <"$M/ex1-invite.eml" >out 2>err &&
	cmp out "$M/ex1-invite.eml" &&
	test_grep "nudge-calendar.so. was built for another version of nudge" err
'
test_done
