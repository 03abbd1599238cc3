#!/bin/sh
# nudge due writes drafts into the \Drafts mailbox of a real Dovecot, each
# exactly once (N2) whatever fails: the server down, the connection cut
# right after the server stored the APPEND, a crash before the record, two
# runs at once. Stale drafts are taken back unless the user changed them.
. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

if ! command -v dovecot >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
	echo "1..0 # SKIP dovecot or openssl missing (make deps-test)"
	exit 0
fi
M=$TESTS_DIR/mail
export NUDGE_TEST_TZ=America/New_York
DB=$NUDGE_HOME/state.db

DOVECOT_DRAFTS=Brouillons
dovecot_start main || { echo "Bail out! cannot start dovecot"; exit 1; }

# imap_drafts: one line per message in the \Drafts mailbox (found by its
# special-use, as a mail client would): "FLAGS<TAB>Message-ID".
imap_q() {
	python3 - "$@" <<-'EOF'
	import imaplib, os, re, ssl, sys
	ctx = ssl.create_default_context(cafile=os.environ["DOVECOT_CA"])
	m = imaplib.IMAP4_SSL("127.0.0.1", int(os.environ["DOVECOT_IMAPS_PORT"]),
	                      ssl_context=ctx)
	m.login(os.environ["DOVECOT_USER"], os.environ["DOVECOT_PASS"])
	typ, boxes = m.list()
	drafts = [re.search(rb' "?([^" ]*)"?$', b).group(1).decode()
	          for b in boxes if b"\\Drafts" in b][0]
	m.select('"%s"' % drafts)
	if sys.argv[1] == "list":
	    typ, data = m.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
	    for d in data:
	        if isinstance(d, tuple):
	            flags = " ".join(sorted(re.search(rb"FLAGS \(([^)]*)\)", d[0]).group(1).decode().split()))
	            mid = d[1].decode().split(":", 1)[1].strip()
	            print("%s\t%s" % (flags, mid))
	elif sys.argv[1] == "edit":
	    # The user edits the draft: the client stores a new one, deletes the old.
	    typ, data = m.uid("SEARCH", "ALL")
	    uid = data[0].split()[-1]
	    typ, data = m.uid("FETCH", uid, "(BODY.PEEK[])")
	    msg = data[0][1].replace(b"\r\n\r\n", b"\r\n\r\nP.S. edited by me.\r\n", 1)
	    m.append('"%s"' % drafts, "(\\Draft \\Seen)", None, msg)
	    m.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
	    m.expunge()
	m.logout()
	EOF
}

# imap_config [SETTING...]: drafts to the test Dovecot, more settings after.
imap_config() {
	{ echo "target = imap"; dovecot_imap_config; echo "timeout = 5"; printf '%s\n' "$@"; } |
		write_config
}

test_expect_success 'setup: an interview thread, IMAP drafts' '
	imap_config &&
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null &&
	imap_q list >before && test_cmp /dev/null before
'
test_expect_success 'due appends the thank-you to the \Drafts mailbox, \Draft and \Seen' '
	nudge due --now 2026-03-03T13:05 >out 2>err &&
	test "$(wc -l <out)" = 1 && test_grep "	thank-you	" out &&
	test_cmp /dev/null err &&
	imap_q list >drafts &&
	test "$(wc -l <drafts)" = 1 &&
	test_grep "^\\\\Draft \\\\Seen	<nudge-[0-9a-f]\{20\}@example.org>$" drafts &&
	test "$(sqlite3 "$DB" "SELECT state, location FROM drafts")" = "written|Brouillons/1"
'
test_expect_success 'a second run writes nothing more' '
	nudge due --now 2026-03-03T14:00 >out &&
	test_cmp /dev/null out &&
	test "$(imap_q list | wc -l)" = 1
'
test_expect_success 'appended but not recorded (killed in between): found, not duplicated' '
	sqlite3 "$DB" "UPDATE drafts SET state = \"pending\", location = NULL" &&
	nudge due --now 2026-03-03T14:00 >out &&
	test "$(imap_q list | wc -l)" = 1 &&
	test "$(sqlite3 "$DB" "SELECT state, location FROM drafts")" = "written|Brouillons/1"
'
test_expect_success 'server down: recorded failed, retried after a wait, written once' '
	dovecot_stop main &&
	nudge filter <"$M/fallback-reply.eml" >/dev/null &&
	test_exit_code 75 nudge due --now 2026-03-10T09:30 >out 2>err &&
	test_grep "follow-up-1 for thread .* not written: cannot connect to .127.0.0.1:" err &&
	test "$(sqlite3 "$DB" "SELECT state, attempts FROM drafts WHERE kind = \"follow-up-1\"")" = "failed|1" &&
	nudge due --now 2026-03-10T09:30 >out 2>err &&
	test_grep "failed before (cannot connect.*next try after 2026-03-10T09:31" err &&
	test "$(sqlite3 "$DB" "SELECT attempts FROM drafts WHERE kind = \"follow-up-1\"")" = 1 &&
	nudge list --tsv --now 2026-03-10T09:30 >list &&
	test_grep "	follow-up-1 2026-03-10T09:00 (failed 1 times, next try 2026-03-10T09:31)$" list &&
	test_exit_code 75 nudge due --now 2026-03-10T09:31 2>err &&
	nudge due --now 2026-03-10T09:32 2>err &&
	test_grep "next try after 2026-03-10T09:33" err &&
	dovecot_start main &&
	nudge due --now 2026-03-10T09:33 >out &&
	test_grep "	follow-up-1	" out &&
	test "$(sqlite3 "$DB" "SELECT state, attempts FROM drafts WHERE kind = \"follow-up-1\"")" = "written|3" &&
	imap_q list >drafts && test "$(wc -l <drafts)" = 2
'
test_expect_success 'the employer answers first: the unsent follow-up is taken back' '
	sed -e "s/^Message-ID: .*/Message-ID: <answer-1@mail.northwind.example>/" \
	    -e "s/^Date: .*/Date: Tue, 10 Mar 2026 10:00:00 -0400/" \
	    -e "s/^Hi Alex.*/Hi Alex, thank you for coming in, the team enjoyed meeting you. We are still meeting a few other candidates and will make a decision by Friday. You will hear from us either way./" \
	    "$M/fallback-reply.eml" >answer.eml &&
	nudge filter <answer.eml >/dev/null &&
	nudge due --now 2026-03-10T11:00 >out 2>err &&
	test_grep "^removed	follow-up-1	[0-9a-f]*	Brouillons/2$" out &&
	test "$(sqlite3 "$DB" "SELECT state FROM drafts WHERE kind = \"follow-up-1\"")" = removed &&
	imap_q list >drafts && test "$(wc -l <drafts)" = 1
'
test_expect_success 'the new follow-up is written; one the user edited is never taken back' '
	nudge due --now 2026-03-17T09:30 >out &&
	test_grep "	follow-up-1	" out &&
	imap_q edit &&
	sed -e "s/^Message-ID: .*/Message-ID: <answer-2@mail.northwind.example>/" \
	    -e "s/^Date: .*/Date: Tue, 17 Mar 2026 12:00:00 -0400/" answer.eml >answer2.eml &&
	nudge filter <answer2.eml >/dev/null &&
	nudge due --now 2026-03-17T13:00 >out 2>err &&
	test_no_grep "^removed" out &&
	imap_q list >drafts && test "$(wc -l <drafts)" = 2 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM drafts WHERE state = \"gone\"")" = 1
'
test_expect_success 'two runs at once: each draft exactly once (lock)' '
	nudge filter <"$M/ex2-invite.eml" >/dev/null &&
	nudge filter <"$M/ex2-pending.eml" >/dev/null &&
	nudge filter <"$M/ex4-invite.eml" >/dev/null &&
	imap_q list >before &&
	{ nudge due --now 2026-03-17T14:00 >out1 & nudge due --now 2026-03-17T14:00 >out2; wait $!; } &&
	wait &&
	imap_q list >after &&
	test "$(cat out1 out2 | wc -l)" = 2 &&
	test "$(wc -l <after)" = $(($(wc -l <before) + 2)) &&
	test "$(cut -f2 after | sort -u | wc -l)" = "$(wc -l <after)"
'
test_expect_success 'a plain pass key is refused; pass_cmd is named' '
	cp "$NUDGE_HOME/config" config.good &&
	printf "pass = hunter2\n" >>"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge due --now 2026-03-17T14:00 2>err &&
	test_grep "config:[0-9]*: .*remove .pass. and set .pass_cmd." err &&
	cp config.good "$NUDGE_HOME/config"
'
test_expect_success 'a wrong password: clear error, exit 77, draft kept for later' '
	nudge filter <"$M/ex5-invite.eml" >/dev/null &&
	nudge filter <"$M/ex5-reject.eml" >/dev/null &&
	echo wrong >"$DOVECOT_PASSFILE" &&
	test_exit_code 77 nudge due --now 2026-03-17T15:00 2>err &&
	test_grep "rejection-reply for thread .* not written: .*nudgetest" err &&
	printf "%s\n" "$DOVECOT_PASS" >"$DOVECOT_PASSFILE" &&
	nudge due --now 2026-03-17T15:01 >out &&
	test_grep "	rejection-reply	" out
'
test_expect_success 'tls_verify = no and tls = none are warned about' '
	imap_config "tls_verify = no" &&
	nudge due --now 2026-03-17T15:02 2>err &&
	test_grep "warning: .*tls_verify = no" err &&
	{ echo "target = imap"; dovecot_imap_config "$DOVECOT_IMAP_PORT" none; echo "timeout = 5"; } |
		write_config &&
	nudge due --now 2026-03-17T15:02 2>err &&
	test_grep "warning: .*tls = none" err &&
	cp config.good "$NUDGE_HOME/config"
'
test_done
