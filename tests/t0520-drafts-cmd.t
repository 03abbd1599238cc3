#!/bin/sh
# nudge drafts lists the drafts nudge wrote, where they are, and what became
# of them: still in Drafts (even after the mail client renamed the file),
# sent, taken back by nudge, or discarded. In a Maildir and on a real Dovecot.
. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

M=$TESTS_DIR/mail
export NUDGE_TEST_TZ=America/New_York
write_config </dev/null

test_expect_success 'nothing written yet: only the header' '
	nudge drafts >out &&
	printf "WRITTEN  KIND  THREAD  STATUS  WHERE\n" >want &&
	test_cmp want out &&
	nudge drafts --tsv >out && test_cmp /dev/null out
'
test_expect_success 'a written draft is in Drafts, at its file' '
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null &&
	nudge due --now 2026-03-03T13:05 >out &&
	thread=$(cut -f3 out) &&
	f=$(ls "$TRASH"/Drafts/cur/*) &&
	nudge drafts --tsv >out &&
	printf "2026-03-03T13:05\tthank-you\t%s\tin Drafts\t%s\n" "$thread" "$f" >want &&
	test_cmp want out &&
	nudge drafts >out &&
	test_grep "^WRITTEN  *KIND  *THREAD  *STATUS  *WHERE$" out &&
	test_grep "^2026-03-03T13:05  thank-you  $thread  in Drafts  $f$" out
'
test_expect_success 'the mail client renamed it (new flags): still found by its tag' '
	f=$(ls "$TRASH"/Drafts/cur/*) &&
	mv "$f" "${f%:2,DS}:2,DFS" &&
	nudge drafts --tsv >out &&
	test "$(cut -f4,5 out)" = "in Drafts	${f%:2,DS}:2,DFS"
'
test_expect_success 'the user sent it: the draft left Drafts, the message is in the thread' '
	f=$(ls "$TRASH"/Drafts/cur/*) &&
	sed "s/^Date: .*/Date: Tue, 03 Mar 2026 15:00:00 -0500/" "$f" >sent.eml &&
	rm "$f" &&
	nudge filter --outgoing <sent.eml >/dev/null &&
	nudge drafts --tsv >out &&
	test "$(cut -f2,4 out)" = "thank-you	sent"
'
test_expect_success 'a draft nudge took back (the employer answered first) is "removed"' '
	nudge filter <"$M/fallback-reply.eml" >/dev/null &&
	nudge due --now 2026-03-10T09:30 >out &&
	test_grep "	follow-up-1	" out &&
	f=$(ls "$TRASH"/Drafts/cur/*) &&
	nudge drafts --tsv >out &&
	test_grep "^2026-03-10T09:30	follow-up-1	.*	in Drafts	$f$" out &&
	sed -e "s/^Message-ID: .*/Message-ID: <answer-1@mail.northwind.example>/" \
	    -e "s/^Date: .*/Date: Tue, 10 Mar 2026 10:00:00 -0400/" \
	    -e "s/^Hi Alex.*/Hi Alex, thank you for coming in, the team enjoyed meeting you. We are still meeting a few other candidates and will make a decision by Friday. You will hear from us either way./" \
	    "$M/fallback-reply.eml" >answer.eml &&
	nudge filter <answer.eml >/dev/null &&
	nudge due --now 2026-03-10T11:00 >out &&
	test_grep "^removed	follow-up-1	" out &&
	! ls "$TRASH"/Drafts/cur/* 2>/dev/null &&
	nudge drafts --tsv >out &&
	test_grep "^2026-03-10T09:30	follow-up-1	.*	removed	$f$" out
'
test_expect_success 'a draft the user deleted unsent is "discarded"' '
	nudge due --now 2026-03-17T09:30 >out &&
	test_grep "	follow-up-1	" out &&
	nudge drafts --tsv >out &&
	test "$(cut -f1,2,4 out | tail -n 1)" = "2026-03-17T09:30	follow-up-1	in Drafts" &&
	rm "$TRASH"/Drafts/cur/* &&
	nudge drafts --tsv >out &&
	test "$(wc -l <out)" = 3 &&
	test "$(cut -f1,2,4 out | tail -n 1)" = "2026-03-17T09:30	follow-up-1	discarded" &&
	test "$(cut -f4 out | head -n 2 | tr "\n" " ")" = "sent removed "
'
test_expect_success 'drafts takes no arguments' '
	test_exit_code 64 nudge drafts foo 2>err &&
	test_grep "drafts takes no arguments" err
'

if ! command -v dovecot >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
	test_skip "dovecot or openssl missing (make deps-test)"
	test_done
	exit
fi

# The same over IMAP, with a fresh state of its own.
export NUDGE_HOME="$TRASH/imap-home"
mkdir -p "$NUDGE_HOME"
DB=$NUDGE_HOME/state.db
dovecot_start main || { echo "Bail out! cannot start dovecot"; exit 1; }
{ echo "target = imap"; dovecot_imap_config; echo "timeout = 5"; } | write_config

# imap_q count | delete-all: on the Drafts mailbox, as a mail client would.
imap_q() {
	python3 - "$@" <<-'EOF'
	import imaplib, os, ssl, sys
	ctx = ssl.create_default_context(cafile=os.environ["DOVECOT_CA"])
	m = imaplib.IMAP4_SSL("127.0.0.1", int(os.environ["DOVECOT_IMAPS_PORT"]),
	                      ssl_context=ctx, timeout=10)
	m.login(os.environ["DOVECOT_USER"], os.environ["DOVECOT_PASS"])
	m.select("Drafts")
	typ, data = m.uid("SEARCH", "ALL")
	uids = data[0].split()
	if sys.argv[1] == "count":
	    print(len(uids))
	elif sys.argv[1] == "delete-all":
	    for u in uids:
	        m.uid("STORE", u, "+FLAGS", "(\\Deleted)")
	    m.expunge()
	m.logout()
	EOF
}

test_expect_success 'IMAP: written; --check finds it at its mailbox/UID' '
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null &&
	nudge due --now 2026-03-03T13:05 >out &&
	thread=$(cut -f3 out) &&
	test "$(imap_q count)" = 1 &&
	nudge drafts --tsv >out &&
	printf "2026-03-03T13:05\tthank-you\t%s\twritten\tDrafts/1\n" "$thread" >want &&
	test_cmp want out &&
	nudge drafts --check --tsv >out &&
	printf "2026-03-03T13:05\tthank-you\t%s\tin Drafts\tDrafts/1\n" "$thread" >want &&
	test_cmp want out
'
test_expect_success 'IMAP: deleted by the user: --check says discarded' '
	imap_q delete-all && test "$(imap_q count)" = 0 &&
	nudge drafts --tsv >out &&
	test "$(cut -f4 out)" = written &&
	nudge drafts --check --tsv >out &&
	test "$(cut -f4,5 out)" = "discarded	Drafts/1"
'
test_expect_success 'IMAP: a message of the user after it: sent, without connecting' '
	printf "Date: Tue, 03 Mar 2026 15:00:00 -0500\nFrom: Alex Example <alex@example.org>\nTo: Dana Whitfield <dana.whitfield@northwind.example>\nSubject: Re: Interview for Senior Data Engineer\nMessage-ID: <sent-1@example.org>\nIn-Reply-To: <inv1.4471@mail.northwind.example>\nReferences: <inv1.4471@mail.northwind.example>\n\nThank you for your time today.\n" >sent.eml &&
	nudge filter --outgoing <sent.eml >/dev/null &&
	echo wrong >"$DOVECOT_PASSFILE" &&
	nudge drafts --tsv >out &&
	test "$(cut -f4 out)" = sent &&
	test_exit_code 77 nudge drafts --check 2>err &&
	test_grep "cannot look for thank-you" err &&
	printf "%s\n" "$DOVECOT_PASS" >"$DOVECOT_PASSFILE"
'
test_done
