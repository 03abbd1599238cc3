#!/bin/sh
# The rules beyond T1/F1-F3 end to end, and the user's corrections:
# R1, O1, O2, P1, `nudge mark`, `nudge show`, `nudge list --open`.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null
tid() { nudge filter "$@" | sed -n "s/^X-Nudge-Thread: //p"; }

test_expect_success 'R1: rejection Fri 13 Mar 17:40 gives a reply Mon 16 Mar 09:00' '
	tid <"$M/ex5-invite.eml" >t5 && test -s t5 &&
	test "$(tid <"$M/ex5-reject.eml")" = "$(cat t5)" &&
	nudge due --dry-run --now 2026-03-13T17:41 --until 2026-04-30T00:00 | grep "	$(cat t5)	" | cut -f1-2 >out &&
	printf "2026-03-16T09:00\trejection-reply\n" >want &&
	test_cmp want out
'
test_expect_success 'R1: the rejected thread is listed closed, hidden by --open' '
	nudge list --tsv --now 2026-03-14T00:00 >all &&
	grep "^$(cat t5)	" all | cut -f5 >state && echo rejected >want && test_cmp want state &&
	nudge list --tsv --open --now 2026-03-14T00:00 >open &&
	test_no_grep "^$(cat t5)	" open
'
test_expect_success 'O1: an offer with a deadline asks the other interviewed thread to decide by Thu 19 Mar' '
	tid <"$M/ex4-invite.eml" >t4 && test -s t4 &&
	tid <"$M/ex6-offer.eml" >t6 && test -s t6 &&
	test "$(nudge filter <"$M/ex6-offer.eml" | sed -n "s/^X-Nudge-Stage: //p")" = offer &&
	nudge due --dry-run --now 2026-03-16T10:05 | grep "	$(cat t4)	" | cut -f1-2 >out &&
	printf "2026-03-16T10:00\tcompeting-offer\n" >want &&
	test_cmp want out
'
test_expect_success 'O1: the competing-offer draft names Thursday 19 March' '
	nudge due --now 2026-03-16T10:05 >written &&
	test_grep "competing-offer	$(cat t4)" written &&
	f=$(grep -l "Thursday 19 March" "$TRASH"/Drafts/cur/*) && test -n "$f" &&
	"$NUDGE_UNIT/mimeinfo" "$f" >info &&
	test_grep "^To: Jordan Lee <jordan.lee@fabrikam.example>$" info
'
test_expect_success 'O2: accepting the offer drafts a withdrawal for every other open thread' '
	nudge filter <"$M/ex6-accept.eml" | grep -q "^X-Nudge-Stage: acceptance" &&
	nudge due --dry-run --now 2026-03-18T15:05 >out &&
	test_grep "	withdrawal	$(cat t4)	" out &&
	test_no_grep "	withdrawal	$(cat t5)	" out &&
	test_no_grep "	withdrawal	$(cat t6)	" out
'
test_expect_success 'P1: references requested, none configured: nothing written, show says so' '
	tid <"$M/ex7-references.eml" >t7 && test -s t7 &&
	nudge due --dry-run --now 2026-03-10T11:05 >out &&
	test_no_grep reference-notice out &&
	nudge show "$(cat t7)" --now 2026-03-10T11:05 >show &&
	test_grep "references requested but none configured" show
'
test_expect_success 'P1: one reference-notice per configured reference, to the reference' '
	mkdir -p hp && cat >hp/config <<-EOF &&
	[user]
	name = Alex Example
	addresses = alex@example.org
	timezone = America/New_York
	references = Kim Lee <kim@ref.example>; Pat Roe <pat@ref.example>
	[drafts]
	maildir = $TRASH/DP
	[filter]
	run_due = no
	EOF
	nudge --home "$TRASH/hp" filter <"$M/ex7-references.eml" >/dev/null &&
	nudge --home "$TRASH/hp" due --now 2026-03-10T11:05 >out &&
	test "$(grep -c "	reference-notice	" out)" = 2 &&
	for f in "$TRASH"/DP/cur/*; do "$NUDGE_UNIT/mimeinfo" "$f"; done >info &&
	test_grep "^To: Kim Lee <kim@ref.example>$" info &&
	test_grep "^To: Pat Roe <pat@ref.example>$" info &&
	test_grep "^Subject: Wingtip.* may contact you as my reference$" info
'
test_expect_success 'mark interview=: a thank-you for an interview the mail did not date' '
	printf "Message-ID: <m1@acme.example>\nDate: Mon, 2 Mar 2026 09:00:00 -0500\nFrom: Lee <lee@acme.example>\nTo: alex@example.org\nSubject: Interview for the Analyst role\n\nWe would like to invite you to an interview for the Analyst role. Which days work for you?\n" >m1.eml &&
	tid <m1.eml >tm && test -s tm &&
	nudge due --dry-run --now 2026-03-12T23:00 | grep "	$(cat tm)	" >out;
	test_no_grep thank-you out &&
	nudge mark "$(cut -c1-5 tm)" interview=2026-03-12T10:00 --now 2026-03-05T08:00 >msg &&
	test_grep "marked interview" msg &&
	nudge due --dry-run --now 2026-03-12T13:00 | grep "	$(cat tm)	" | cut -f1-2 >out &&
	printf "2026-03-12T13:00\tthank-you\n" >want && test_cmp want out
'
test_expect_success 'mark decision=: F1 from that date, explained by show (F1, F3)' '
	nudge mark "$(cat tm)" decision=2026-03-20 --now 2026-03-13T09:00 &&
	nudge due --dry-run --now 2026-03-13T09:00 --until 2026-03-31T00:00 | grep "	follow-up.*	$(cat tm)	" | cut -f1-2 >out &&
	printf "2026-03-24T09:00\tfollow-up-1\n" >want && test_cmp want out &&
	nudge show "$(cat tm)" --now 2026-03-13T09:00 >show &&
	test_grep "follow-up-1 due (F1: .*Saturday.*F3)" show &&
	test_grep "marked decision" show
'
test_expect_success 'mark close hides the thread from due and --open; reopen brings it back' '
	nudge mark "$(cat tm)" close --now 2026-03-14T09:00 &&
	nudge due --dry-run --now 2026-03-14T09:00 --until 2026-03-31T00:00 >out &&
	test_no_grep "	$(cat tm)	" out &&
	nudge list --tsv --open --now 2026-03-14T09:00 >open && test_no_grep "^$(cat tm)" open &&
	nudge mark "$(cat tm)" reopen --now 2026-03-14T10:00 &&
	nudge due --dry-run --now 2026-03-14T10:00 --until 2026-03-31T00:00 >out &&
	test_grep "follow-up-1	$(cat tm)	" out
'
test_expect_success 'mark ignore: nothing is ever written for the thread' '
	nudge mark "$(cat tm)" ignore --now 2026-03-14T11:00 &&
	nudge due --dry-run --now 2026-03-14T11:00 --until 2026-04-30T00:00 >out &&
	test_no_grep "	$(cat tm)	" out
'
test_expect_success 'mark: bad corrections are usage errors, unknown threads 66' '
	test_exit_code 64 nudge mark "$(cat tm)" interview=tomorrow 2>err &&
	test_grep "invalid interview time" err &&
	test_exit_code 64 nudge mark "$(cat tm)" frobnicate 2>err &&
	test_exit_code 66 nudge mark ffffffff sent 2>err &&
	test_grep "no thread .ffffffff." err &&
	test_exit_code 64 nudge mark "" sent 2>err
'
test_expect_success 'show: the timeline lists messages and planned drafts with reasons' '
	nudge show "$(cat t4)" --now 2026-03-10T00:00 >show &&
	test_grep "^thread $(cat t4): Interview invitation: Product Analyst" show &&
	test_grep "company: Fabrikam" show &&
	test_grep "received (invitation): Interview invitation: Product Analyst" show &&
	test_grep "follow-up-1 due (F2: " show
'
test_done
