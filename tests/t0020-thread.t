#!/bin/sh
# Threads: reply chains through Message-ID / In-Reply-To / References, and
# the fallback on normalised subject + employer domain.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
NUDGE_TEST_TZ=America/New_York write_config </dev/null

thread_of() { nudge filter <"$1" | sed -n "s/^X-Nudge-Thread: //p"; }
stage_of() { nudge filter <"$1" | sed -n "s/^X-Nudge-Stage: //p"; }

test_expect_success 'an invitation starts a thread' '
	t=$(thread_of "$M/ex1-invite.eml") && test -n "$t" &&
	echo "$t" >"$TRASH/t1" &&
	test "$(stage_of "$M/ex1-invite.eml")" = invitation
'
test_expect_success 'the same message filtered twice is recorded once' '
	thread_of "$M/ex1-invite.eml" >again &&
	test_cmp "$TRASH/t1" again &&
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT count(*) FROM messages WHERE message_id LIKE \"inv1.4471%\"")" = 1
'
test_expect_success 'the user reply (In-Reply-To) joins it as a user message' '
	t=$(thread_of "$M/ex1-confirm.eml") && test "$t" = "$(cat "$TRASH/t1")" &&
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT outgoing FROM messages WHERE message_id = \"c0nf1rm.99@mail.example.org\"")" = 1
'
test_expect_success 'a reply with References only joins it and keeps its stage' '
	t=$(thread_of "$M/refs-only.eml") && test "$t" = "$(cat "$TRASH/t1")" &&
	test "$(stage_of "$M/refs-only.eml")" = invitation
'
test_expect_success 'a reply without references joins by subject and domain' '
	t=$(thread_of "$M/fallback-reply.eml") && test "$t" = "$(cat "$TRASH/t1")"
'
test_expect_success 'the same subject from another domain does not join' '
	nudge filter <"$M/fallback-other-domain.eml" >out &&
	test_no_grep "X-Nudge" out
'
test_expect_success 'another employer is another thread' '
	t2=$(thread_of "$M/ex2-invite.eml") && test -n "$t2" &&
	test "$t2" != "$(cat "$TRASH/t1")" &&
	t3=$(thread_of "$M/ex2-pending.eml") && test "$t3" = "$t2" &&
	test "$(stage_of "$M/ex2-pending.eml")" = pending
'
test_expect_success 'outgoing mail (--outgoing) in a thread is a user message' '
	sed "s/^From: .*/From: Alex <alex.example@mail.example>/; s/^Message-ID: .*/Message-ID: <out-2@mail.example>/" \
		"$M/ex1-confirm.eml" >out2.eml &&
	nudge filter --outgoing <out2.eml >/dev/null &&
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT outgoing FROM messages WHERE message_id = \"out-2@mail.example\"")" = 1
'
test_expect_success 'unrelated mail is not recorded' '
	nudge filter <"$M/unrelated.eml" >/dev/null &&
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT count(*) FROM messages WHERE message_id = \"lunch-5@friends.example\"")" = 0
'
test_expect_success 'nudge list shows both threads with company and stage' '
	nudge list --tsv --now 2026-03-05T12:00 >list &&
	test "$(wc -l <list)" = 2 &&
	test_grep "^$(cat "$TRASH/t1")	" list &&
	test_grep "	pending	" list
'
test_expect_success 'reply chains of the demo mail make the expected threads' '
	mkdir -p demohome && cp "$NUDGE_HOME/config" demohome/ &&
	perl -e "
		local \$/; my \$all = <STDIN>;
		my @m = split /^From \S+.*\n/m, \$all; shift @m; my \$i = 0;
		for (@m) { open my \$f, \">\", sprintf(\"msg%02d.eml\", ++\$i) or die; print \$f \$_; }
	" <"$SRC_DIR/tools/demo.mbox" &&
	for f in msg*.eml; do nudge --home "$TRASH/demohome" filter <$f | sed -n "s/^X-Nudge-Thread: //p" >"$f.thread"; done &&
	cat msg*.thread | sort -u >threads &&
	test "$(wc -l <threads)" = 2
'
test_done
