#!/bin/sh
# nudge watch against a private Dovecot: it syncs, runs due, and waits in
# IMAP IDLE; a message appended while it waits is recorded at once (the
# interval is far longer than the test) and its due draft written; SIGTERM
# ends it cleanly; a refused login ends it with an error.

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

if ! command -v dovecot >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP dovecot or python3 missing (make deps-test)"
	exit 0
fi

MAIL="$TESTS_DIR/mail"
IMAPQ="$TESTS_DIR/helpers/imapq.py"
dovecot_start || { echo "Bail out! cannot start dovecot"; exit 1; }

dovecot_imap_config | write_config

# wait_for PATTERN FILE: until FILE has a line matching (at most 30 s).
wait_for() {
	_i=0
	while [ $_i -lt 300 ]; do
		grep -q -e "$1" "$2" 2>/dev/null && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "never saw '$1' in $2:"; cat "$2"
	return 1
}

# The watcher in the background; its pid in watch.pid, its exit status in
# watch.rc when it ends (the tests run in subshells, which cannot wait).
stop_watch() { [ -f "$TRASH/watch.pid" ] && kill "$(cat "$TRASH/watch.pid")" 2>/dev/null; }
test_at_exit stop_watch
(
	"$NUDGE_BIN" --now 2026-03-03T19:30 watch -v --interval 3600 \
		>"$TRASH/watch.out" 2>"$TRASH/watch.err" &
	echo $! >"$TRASH/watch.pid"
	wait $!
	echo $? >"$TRASH/watch.rc.tmp" && mv "$TRASH/watch.rc.tmp" "$TRASH/watch.rc"
) &

test_expect_success 'watch makes a first pass' '
	wait_for "^INBOX: 0 read" watch.out &&
	wait_for "^Sent: 0 read" watch.out
'

test_expect_success 'mail arriving while it waits is recorded, its draft written' '
	python3 "$IMAPQ" appendall INBOX "$MAIL/ex1-invite.eml" &&
	wait_for "^INBOX: 1 read, 1 interview, 1 newly recorded, 0 failed$" watch.out &&
	wait_for "thank-you	7133168e" watch.out &&
	ls Drafts/new/* Drafts/cur/* 2>/dev/null | grep -q . &&
	nudge list --tsv >list &&
	test_grep "Senior Data Engineer" list
'

test_expect_success 'SIGTERM ends it cleanly' '
	kill -TERM "$(cat watch.pid)" &&
	wait_for . watch.rc &&
	echo 0 >want && test_cmp want watch.rc &&
	rm watch.pid &&
	test_no_grep "error\|warning" watch.err
'

test_expect_success 'a refused login ends it with an error' '
	echo wrong >"$DOVECOT_PASSFILE" &&
	# A watcher that logs in after all would run for ever: stop it.
	test_exit_code 77 timeout 60 "$NUDGE_BIN" watch --interval 1 2>err &&
	test_grep "error:" err
'

test_done
