#!/bin/sh
# 50 `nudge filter` processes at once on one database while `nudge due`
# runs: every message comes out intact, every one is recorded, no lock error
# reaches the user, no draft is written twice.
. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/helpers/variants.sh"

N=50
DB=$NUDGE_HOME/state.db
NUDGE_TEST_TZ=America/New_York write_config </dev/null

test_expect_success "setup: $N interview invitations and a first thread" '
	make_variants $N in &&
	nudge filter <in/1.eml >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM messages")" = 1
'
test_expect_success "$N filters at once while due runs" '
	mkdir -p out || return 1
	# (the directory first: "a && b &" would put both in the background)
	( trap - EXIT; for r in 1 2 3 4 5; do
		nudge due --now 2026-03-03T13:05 >>due.out 2>>due.err || echo "due exit $?" >>due.err
	  done ) &
	due_pid=$! &&
	for v in $(seq 1 $N); do
		( trap - EXIT; nudge filter <in/$v.eml >out/$v.eml 2>out/$v.err; echo $? >out/$v.rc ) &
	done &&
	wait &&
	for v in $(seq 1 $N); do
		test "$(cat out/$v.rc)" = 0 || { echo "filter $v exit $(cat out/$v.rc)"; return 1; }
		test_cmp /dev/null out/$v.err || return 1
	done &&
	test_cmp /dev/null due.err
'
test_expect_success 'every message came out byte-exact and tagged' '
	ls in/*.eml | perl "$TESTS_DIR/bytecheck.pl" -j 2 -t >check &&
	test_grep "checked $N, tagged $N, failed 0" check &&
	for v in $(seq 1 $N); do
		cmp -s out/$v.eml in/$v.eml && { echo "$v not tagged"; return 1; }
		grep -q "^X-Nudge-Stage: invitation$" out/$v.eml || return 1
	done
'
test_expect_success 'every message is recorded once, the database is sound' '
	test "$(sqlite3 "$DB" "SELECT count(*) FROM messages")" = $N &&
	test "$(sqlite3 "$DB" "SELECT count(DISTINCT thread_id) FROM messages")" = $N &&
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok
'
test_expect_success 'due afterwards: one draft per thread, none twice' '
	nudge due --now 2026-03-03T13:05 >>due.out &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = $N &&
	grep -h "^X-Nudge-Draft:" "$TRASH"/Drafts/cur/* | sort | uniq -d >dups &&
	test_cmp /dev/null dups &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM drafts WHERE state = '"'"'written'"'"'")" = $N
'
test_done
