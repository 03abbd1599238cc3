#!/bin/sh
# After a tracked message, nudge filter starts a detached nudge due: the
# filter returns at once with its output complete, even while that due waits
# for the lock, and the draft then appears in Drafts by itself.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null
sed -i "s/^run_due = no/run_due = yes/" "$NUDGE_HOME/config"

# wait_for FILE-GLOB: until a file matches (up to 30 s; a hang, not a speed check).
wait_for() {
	i=0
	while ! ls $1 >/dev/null 2>&1; do
		[ $i -lt 300 ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

test_expect_success 'filter returns while the background due waits for the lock' '
	nudge --now 2026-02-26T15:00 filter <"$M/ex1-invite.eml" >/dev/null &&
	wait_for "$NUDGE_HOME/due.lock" || return 1
	python3 -c "import fcntl, sys, time
f = open(sys.argv[1], \"a\"); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], \"w\").close(); time.sleep(60)" \
		"$NUDGE_HOME/due.lock" locked &
	holder=$! &&
	wait_for locked &&
	timeout 20 sh -c "\"$NUDGE_BIN\" --now 2026-03-03T13:05 filter <\"$M/ex1-confirm.eml\" | cat >out" &&
	test_grep "^X-Nudge-Thread: " out &&
	grep -v "^X-Nudge-" out | cmp - "$M/ex1-confirm.eml" &&
	! ls "$TRASH"/Drafts/cur/* 2>/dev/null &&
	kill $holder &&
	wait_for "$TRASH/Drafts/cur/*" &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = 1
'
test_expect_success 'run_due = no starts nothing' '
	sed -i "s/^run_due = yes/run_due = no/" "$NUDGE_HOME/config" &&
	rm -f "$TRASH"/Drafts/cur/* && sqlite3 "$NUDGE_HOME/state.db" "DELETE FROM drafts" &&
	rm -f "$NUDGE_HOME/due.lock" &&
	nudge --now 2026-03-03T13:05 filter <"$M/ex1-confirm.eml" >/dev/null &&
	nudge --now 2026-03-03T13:05 due --dry-run >out &&
	test_grep "	thank-you	" out &&
	! ls "$TRASH"/Drafts/cur/* 2>/dev/null
'
test_done
