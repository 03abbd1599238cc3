#!/bin/sh
# nudge classify: stage, rule and facts of messages, without recording them.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null

test_expect_success 'an invitation: stage, rule, company and interview time' '
	nudge classify "$M/ex1-invite.eml" >out &&
	test_grep "^stage  *invitation$" out &&
	test_grep "^score  *[0-9][0-9]*, strongest rule [a-z]*\.rules:[0-9][0-9]*$" out &&
	test_grep "^company  *Northwind" out &&
	test_grep "^interview  *Tue 2026-03-03 10:00 EST$" out
'
test_expect_success 'from stdin, and several files in one go' '
	nudge classify <"$M/ex5-reject.eml" >out &&
	test_grep "^stage  *rejection$" out &&
	nudge classify "$M/ex1-invite.eml" "$M/unrelated.eml" >out2 &&
	test "$(grep -c "^message" out2)" = 2 &&
	test_grep "^stage  *none$" out2
'
test_expect_success 'the user own mail is read as outgoing' '
	nudge classify "$M/ex6-accept.eml" >out &&
	test_grep "^stage  *acceptance$" out &&
	test_grep "sent by the user" out
'
test_expect_success 'list mail is never a stage, and says why' '
	nudge classify "$M/fallback-other-domain.eml" >out &&
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
