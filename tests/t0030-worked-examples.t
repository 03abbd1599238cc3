#!/bin/sh
# The worked examples of ETIQUETTE.md for T1, F1, F2 and F3, end to end:
# mail through `nudge filter`, then `nudge due --dry-run` at chosen times.
# Times are local to the user (America/New_York: DST starts Sun 8 Mar 2026,
# between the interviews and their follow-ups).
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null

due() { nudge due --dry-run "$@" | cut -f1-2; }

test_expect_success 'setup: the invitation (calendar) and the confirmation' '
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null
'
test_expect_success 'T1: nothing is due before the interview' '
	due --now 2026-03-03T09:00 >out && test_cmp /dev/null out
'
test_expect_success 'T1: thank-you due Tue 3 Mar 13:00 (two hours after it ends)' '
	due --now 2026-03-03T13:00 >out &&
	printf "2026-03-03T13:00\tthank-you\n" >want && test_cmp want out
'
test_expect_success 'T1: not yet at 12:59' '
	due --now 2026-03-03T12:59 >out && test_cmp /dev/null out
'
test_expect_success 'F2: follow-up-1 due Tue 10 Mar 09:00, a week later, across DST' '
	due --now 2026-03-03T13:00 --until 2026-03-10T09:00 >out &&
	printf "2026-03-03T13:00\tthank-you\n2026-03-10T09:00\tfollow-up-1\n" >want &&
	test_cmp want out
'
test_expect_success 'T1: after 72 hours an unwritten thank-you is not written any more' '
	due --now 2026-03-06T11:01 >out &&
	test_no_grep thank-you out
'
test_expect_success 'T1: a user message after the interview replaces the thank-you' '
	mkdir -p h2 && cp "$NUDGE_HOME/config" h2/ &&
	nudge --home "$TRASH/h2" filter <"$M/ex1-invite.eml" >/dev/null &&
	sed "s/^Date: .*/Date: Tue, 3 Mar 2026 11:30:00 -0500/; s/^Message-ID: .*/Message-ID: <ty-own@mail.example.org>/" \
		"$M/ex1-confirm.eml" | nudge --home "$TRASH/h2" filter >/dev/null &&
	nudge --home "$TRASH/h2" due --dry-run --now 2026-03-03T13:00 >out &&
	test_no_grep thank-you out
'
test_expect_success 'F1+F3: "decide by Friday" (6 Mar) gives Tue 10 Mar 09:00' '
	nudge filter <"$M/ex2-invite.eml" >/dev/null &&
	nudge filter <"$M/ex2-pending.eml" >/dev/null &&
	t=$(nudge filter <"$M/ex2-invite.eml" | sed -n "s/^X-Nudge-Thread: //p") &&
	nudge due --dry-run --now 2026-03-04T17:10 --until 2026-03-12T00:00 | grep "	$t	" | cut -f1-2 >out &&
	printf "2026-03-04T17:00\tthank-you\n2026-03-10T09:00\tfollow-up-1\n" >want &&
	test_cmp want out
'
test_expect_success 'F2+F3: interview Mon 9 Mar, +7 days is a Monday: Tue 17 Mar 09:00' '
	t=$(nudge filter <"$M/ex4-invite.eml" | sed -n "s/^X-Nudge-Thread: //p") && test -n "$t" &&
	nudge due --dry-run --now 2026-03-09T17:00 --until 2026-03-20T00:00 | grep "	$t	" | cut -f1-2 >out &&
	printf "2026-03-09T18:00\tthank-you\n2026-03-17T09:00\tfollow-up-1\n" >want &&
	test_cmp want out
'
test_expect_success 'due lines are sorted by time with thread id and subject' '
	nudge due --dry-run --now 2026-03-03T13:00 --until 2026-03-20T00:00 >out &&
	sort -c -t "	" -k1,1 out &&
	test_grep "	thank-you	[0-9a-f]\{8\}	Re: Interview for Senior Data Engineer$" out
'
test_done
