#!/bin/sh
# nudge classify: stage and facts of messages, without recording them; one
# tab-separated line per message, --json with every fact, --explain readable.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null
tab=$(printf "\t")

test_expect_success 'one line per message: stage, score, interview, decision, company, file' '
	nudge classify "$M/ex1-invite.eml" "$M/ex2-pending.eml" "$M/unrelated.eml" >out &&
	test "$(wc -l <out)" = 3 &&
	grep "^invitation	[0-9][0-9]*	2026-03-03	-	Northwind Analytics	$M/ex1-invite.eml$" out &&
	grep "^pending	[0-9][0-9]*	-	2026-03-06	Contoso Robotics	$M/ex2-pending.eml$" out &&
	grep "^none	0	-	-	[^$tab]*	$M/unrelated.eml$" out
'
test_expect_success 'stdin is named -' '
	nudge classify <"$M/ex5-reject.eml" >out &&
	grep "^rejection	[0-9][0-9]*	-	-	Litware	-$" out
'
test_expect_success '--json: one object per line with every fact' '
	nudge classify --json "$M/ex1-invite.eml" "$M/ex6-offer.eml" >out &&
	test "$(wc -l <out)" = 2 &&
	head -n 1 out >one &&
	test_grep "\"stage\":\"invitation\"" one &&
	test_grep "\"interview\":\"2026-03-03T10:00:00-05:00\"" one &&
	test_grep "\"interview_end\":\"2026-03-03T11:00:00-05:00\"" one &&
	test_grep "\"contact_addr\":\"dana.whitfield@northwind.example\"" one &&
	test_grep "\"rule\":\"[a-z-]*\.rules:[0-9]*\"" one &&
	tail -n 1 out >two &&
	test_grep "\"stage\":\"offer\"" two &&
	test_grep "\"offer_deadline\":\"2026-03-23\"" two &&
	python3 -c "import json,sys; [json.loads(l) for l in open(\"out\")]"
'
test_expect_success '--explain: the strongest rule, readable' '
	nudge classify --explain "$M/ex1-invite.eml" >out &&
	test_grep "^stage  *invitation$" out &&
	test_grep "^score  *[0-9]*, strongest rule [a-z-]*\.rules:[0-9]*$" out &&
	test_grep "^interview  *Tue 2026-03-03 10:00 EST$" out &&
	test_exit_code 64 nudge classify --json --explain "$M/ex1-invite.eml" 2>err
'
test_expect_success 'the user own mail is read as outgoing' '
	nudge classify --explain "$M/ex6-accept.eml" >out &&
	test_grep "^stage  *acceptance$" out &&
	test_grep "sent by the user" out
'
test_expect_success 'list mail is never a stage, and --explain says why' '
	nudge classify --explain "$M/fallback-other-domain.eml" >out &&
	test_grep "^stage  *none (automatic or list mail" out
'
test_expect_success 'nothing is recorded' '
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT count(*) FROM messages" 2>/dev/null || echo 0)" = 0
'
test_expect_success 'a missing file is named and exits 66' '
	test_exit_code 66 nudge classify "$TRASH/nope.eml" 2>err &&
	test_grep "cannot read .*nope.eml" err
'
test_done
