#!/bin/sh
# nudge sync against a private Dovecot holding a few hundred messages:
# INBOX and the \Sent mailbox are read, interview mail is recorded (mail in
# Sent as the user's own) and gets the keyword, later runs read only what
# is new, a new UIDVALIDITY reads a mailbox again, --since limits the
# first run, and without a terminal it prints nothing.

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

cat >"$TRASH/reply.eml" <<EOF
Message-ID: <reply-1@example.org>
Date: Fri, 27 Feb 2026 09:00:00 +0100
From: Alex Example <alex@example.org>
To: Dana Whitfield <dana.whitfield@northwind.example>
Subject: Re: Interview for Senior Data Engineer
In-Reply-To: <inv1.4471@mail.northwind.example>
References: <inv1.4471@mail.northwind.example>

Hi Dana, Tuesday at 10 works for me.
EOF

# The mailboxes: the invitation and an unrelated message among 300 others.
ls "$CORPUS"/ham/easy-ham-1/* | head -n 300 >"$TRASH/ham-list"
n_inbox=$(( $(wc -l <"$TRASH/ham-list") + 2 ))

test_expect_success 'setup: a few hundred messages in INBOX, the reply in Sent' '
	python3 "$IMAPQ" appendall INBOX $(head -n 150 ham-list) \
		"$MAIL/ex1-invite.eml" $(tail -n +151 ham-list) \
		"$MAIL/unrelated.eml" &&
	python3 "$IMAPQ" appendall Sent reply.eml
'

test_expect_success 'sync records interview mail from INBOX and Sent' '
	nudge sync --keyword "\$Interview" -v >out &&
	test_grep "^INBOX: $n_inbox read, [1-9][0-9]* interview, [1-9][0-9]* newly recorded, 0 failed$" out &&
	test_grep "^Sent: 1 read, 1 interview, 1 newly recorded, 0 failed$" out &&
	nudge show 7133168e >show &&
	test_grep "received (invitation): Interview for Senior Data Engineer" show &&
	test_grep "sent: Re: Interview for Senior Data Engineer" show
'

test_expect_success 'interview messages have the keyword, others not' '
	python3 "$IMAPQ" fetch INBOX inbox >count &&
	echo $n_inbox >want && test_cmp want count &&
	inv=$(grep -l "^Message-ID: <inv1.4471@mail.northwind.example>" inbox/*.eml) &&
	test_grep "^\$Interview$" "${inv%.eml}.flags" &&
	unrel=$(grep -l "^Subject: $(sed -n "s/^Subject: //p" "$MAIL/unrelated.eml")" inbox/*.eml) &&
	test_no_grep "Interview" "${unrel%.eml}.flags" &&
	flagged=$(grep -l "^\$Interview$" inbox/*.flags | wc -l) &&
	tracked=$(sed -n "s/^INBOX: [0-9]* read, \([0-9]*\) interview.*/\1/p" out) &&
	test "$flagged" -eq "$tracked"
'

test_expect_success 'a second run reads nothing' '
	nudge sync -v >out2 &&
	test_grep "^INBOX: 0 read" out2 &&
	test_grep "^Sent: 0 read" out2
'

test_expect_success 'a new message is read, and only it' '
	python3 "$IMAPQ" appendall INBOX "$MAIL/ex4-invite.eml" &&
	nudge sync -v >out3 &&
	test_grep "^INBOX: 1 read, 1 interview, 1 newly recorded, 0 failed$" out3 &&
	test_grep "^Sent: 0 read" out3 &&
	nudge list --tsv >list &&
	test_grep "Product Analyst" list
'

test_expect_success 'a new UIDVALIDITY reads the mailbox again; known mail stays known' '
	python3 "$IMAPQ" recreate Sent &&
	python3 "$IMAPQ" appendall Sent reply.eml &&
	nudge sync -v >out4 &&
	test_grep "^INBOX: 0 read" out4 &&
	test_grep "^Sent: 1 read, 1 interview, 0 newly recorded, 0 failed$" out4 &&
	nudge show 7133168e >show &&
	test "$(grep -c "sent: " show)" -eq 1
'

test_expect_success 'without a terminal and -v it prints nothing' '
	python3 "$IMAPQ" appendall INBOX "$MAIL/ex5-invite.eml" &&
	nudge sync >out5 2>err5 &&
	test_cmp /dev/null out5 &&
	test_cmp /dev/null err5 &&
	nudge list --tsv >list &&
	test_grep "QA Lead" list
'

test_expect_success '--since: a first run reads only mail that arrived since' '
	mkdir home2 &&
	dovecot_imap_config | NUDGE_HOME="$TRASH/home2" write_config &&
	NUDGE_HOME="$TRASH/home2" nudge sync --since 2026-03-01 -v >out6 &&
	test_grep "^INBOX: 2 read, 2 interview, 2 newly recorded" out6 &&
	test_grep "^Sent: 0 read" out6 &&
	NUDGE_HOME="$TRASH/home2" nudge list --tsv >list2 &&
	test_grep "Product Analyst" list2 &&
	test_grep "QA Lead" list2 &&
	test_no_grep "Senior Data Engineer" list2
'

test_expect_success '$NoFollowUp set in a client: the thread is ignored, once' '
	python3 "$IMAPQ" addflag INBOX "<20260305.screen.31@hr.fabrikam.example>" \
		"\$NoFollowUp" &&
	thread=$(nudge list --tsv | grep "Product Analyst" | cut -f1) &&
	test -n "$thread" &&
	nudge sync -v >out7 &&
	test_grep "^$thread: marked ignore" out7 &&
	nudge show "$thread" >show7 &&
	test_grep "ignored" show7 &&
	nudge sync -v >out8 &&
	test_no_grep "marked ignore" out8 &&
	nudge show 7133168e >show &&
	test_no_grep "ignored" show
'

test_expect_success 'on a terminal: a progress bar per mailbox' '
	command -v script >/dev/null || { echo "script(1) missing"; exit 1; }
	mkdir home4 &&
	dovecot_imap_config | NUDGE_HOME="$TRASH/home4" write_config &&
	NUDGE_HOME="$TRASH/home4" script -qec "\"$NUDGE_BIN\" sync" typescript >/dev/null &&
	tr "\r" "\n" <typescript >screen &&
	test_grep "^INBOX  *\[#\{30\}\] $((n_inbox + 2))/$((n_inbox + 2))" screen &&
	test_grep "^Sent  *\[#\{30\}\] 1/1" screen
'

test_expect_success 'messages above [filter] max_size are not fetched' '
	mkdir home5 &&
	{ dovecot_imap_config; printf "[filter]\nmax_size = 1K\n"; } |
		NUDGE_HOME="$TRASH/home5" write_config &&
	NUDGE_HOME="$TRASH/home5" nudge sync --since 2026-01-01 -v >out9 &&
	test_grep "^INBOX: 3 read, 2 interview, 2 newly recorded" out9 &&
	NUDGE_HOME="$TRASH/home5" nudge list --tsv >list5 &&
	test_grep "Product Analyst" list5 &&
	test_no_grep "Senior Data Engineer" list5
'

test_expect_success '[imap] tag_keyword sets the keyword without --keyword' '
	mkdir home6 &&
	{ dovecot_imap_config; echo "tag_keyword = \$JobMail"; } | NUDGE_HOME="$TRASH/home6" write_config &&
	NUDGE_HOME="$TRASH/home6" nudge sync --since 2026-01-01 &&
	python3 "$IMAPQ" fetch INBOX inbox6 >/dev/null &&
	f=$(grep -l "^Message-ID: <20260305.screen.31@hr.fabrikam.example>" inbox6/*.eml) &&
	test_grep "^\$JobMail$" "${f%.eml}.flags"
'

test_expect_success 'no IMAP server configured: a config error' '
	mkdir home3 &&
	NUDGE_HOME="$TRASH/home3" write_config </dev/null &&
	NUDGE_HOME="$TRASH/home3" test_exit_code 78 nudge sync 2>err &&
	test_grep "\[imap\] host" err
'

test_expect_success 'a wrong password: nothing recorded, the state untouched' '
	cp "$NUDGE_HOME"/sync.state state.before &&
	echo wrong >"$DOVECOT_PASSFILE" &&
	! nudge sync 2>err &&
	echo "$DOVECOT_PASS" >"$DOVECOT_PASSFILE" &&
	test_cmp state.before "$NUDGE_HOME"/sync.state
'

test_done
