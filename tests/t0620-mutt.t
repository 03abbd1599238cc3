#!/bin/sh
# nudge sendmail and filters/muttrc with the real Mutt and NeoMutt in tmux
# (the same checks for each): a message sent through the wrapper reaches
# the (fake) real sendmail byte for byte with the client's arguments and is
# recorded; a draft nudge wrote, stored in the test Dovecot's Drafts, is
# recalled with <recall-message>; the index shows the stage, for a local
# Maildir and for the IMAP INBOX (imap_headers). The wrapper never changes
# the send when nudge fails.

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

MAIL="$TESTS_DIR/mail"
IMAPQ="$TESTS_DIR/helpers/imapq.py"
write_config </dev/null

# The fake real sendmail: keeps its arguments and input, exits $FAKE_EXIT.
cat >"$TRASH/fake-sendmail" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$TRASH/sent-args"
cat >"$TRASH/sent.tmp" && mv "$TRASH/sent.tmp" "$TRASH/sent"
exit \${FAKE_EXIT:-0}
EOF
chmod +x "$TRASH/fake-sendmail"

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

test_expect_success 'setup: the invitation is recorded' '
	nudge --now 2026-02-27T08:00 filter <"$MAIL/ex1-invite.eml" >/dev/null &&
	nudge list --tsv >list &&
	test_grep "Senior Data Engineer" list
'

test_expect_success '[sendmail] path names the real sendmail when --sendmail is not given' '
	mkdir -p hs &&
	{ cat "$NUDGE_HOME/config"; printf "[sendmail]\npath = %s\n" "$TRASH/fake-sendmail"; } >hs/config &&
	rm -f sent &&
	nudge --home "$TRASH/hs" sendmail -- dana@example.org <reply.eml &&
	cmp reply.eml sent &&
	test_grep "^dana@example.org$" sent-args
'

sm() { nudge sendmail --sendmail "$TRASH/fake-sendmail" "$@"; }

# The wrapper's background recorder (a fork of it, so with its arguments)
# and the filter it runs, found by this test's own paths.
recorders() { pgrep -f -- "sendmail --sendmail $TRASH/fake-sendmail"; }
filters() { pgrep -f -- "--home $NUDGE_HOME filter --outgoing"; }
# wait_recorded: until no recorder is left (at most 60 s).
wait_recorded() {
	_i=0
	while recorders >/dev/null && [ $_i -lt 600 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	! recorders >/dev/null || { echo "a recorder is still running"; return 1; }
}
kill_recorders() {
	for _p in $(recorders) $(filters); do kill "$_p"; done
}
test_at_exit kill_recorders

# wait_sent N: until thread 7133168e shows N sent messages (at most 30 s):
# the wrapper records in the background after it has answered.
wait_sent() {
	_i=0
	while [ $_i -lt 300 ]; do
		nudge show 7133168e >"$TRASH/show" 2>&1
		[ "$(grep -c "sent: " "$TRASH/show")" -eq "$1" ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "want $1 sent messages:"; cat "$TRASH/show"
	return 1
}

test_expect_success 'sendmail: original bytes and arguments, exit 0, recorded' '
	rm -f sent sent-args &&
	sm -oi -f alex@example.org -- dana@northwind.example <reply.eml &&
	cmp reply.eml sent &&
	printf "%s\n" -oi -f alex@example.org -- dana@northwind.example >want &&
	test_cmp want sent-args &&
	wait_sent 1 &&
	test_grep "sent: Re: Interview for Senior Data Engineer" show
'

cp "$NUDGE_HOME/config" "$TRASH/config.orig"

test_expect_success 'sendmail: the real one failing is what the caller sees' '
	rm -f sent &&
	FAKE_EXIT=75 test_exit_code 75 sm -- a@example.com <reply.eml &&
	cmp reply.eml sent &&
	FAKE_EXIT=1 test_exit_code 1 sm -- a@example.com <reply.eml
'

test_expect_success 'sendmail: nothing is recorded when the send failed' '
	sed "s/reply-1@/reply-failed@/; s/at 10 works/at 11 works/" reply.eml >failed.eml &&
	FAKE_EXIT=75 test_exit_code 75 sm -- a@example.com <failed.eml &&
	nudge show 7133168e >show &&
	test "$(grep -c "sent: " show)" -eq 1
'

test_expect_success 'sendmail: a hanging nudge does not hold up the answer' '
	sed "s/reply-1@/reply-hang@/" reply.eml >hang.eml &&
	printf "[filter]\ntime_limit = 600\n" >>"$NUDGE_HOME/config" &&
	rm -f sent &&
	NUDGE_TEST_FAULT=hang sm -- a@example.com <hang.eml; ret=$?
	# Answered while the recorder still waits for the hanging filter.
	recorders >/dev/null; running=$?
	_i=0 && until filters >pids || [ $_i -ge 300 ]; do sleep 0.1; _i=$((_i + 1)); done
	for p in $(cat pids); do kill $p; done
	wait_recorded
	cp config.orig "$NUDGE_HOME/config"
	test $ret -eq 0 && cmp hang.eml sent &&
	test $running -eq 0 && test -s pids
'

for fault in segv abort hang; do
	test_expect_success "sendmail: a nudge that fails ($fault) still sends" '
		rm -f sent &&
		printf "[filter]\ntime_limit = 1\n" >>"$NUDGE_HOME/config" &&
		NUDGE_TEST_FAULT=$fault sm -- a@example.com <reply.eml 2>err; ret=$?
		wait_recorded
		cp config.orig "$NUDGE_HOME/config"
		test $ret -eq 0 && cmp reply.eml sent
	'
done

test_expect_success 'sendmail: a broken config does not stop the send' '
	cp "$NUDGE_HOME/config" config.orig &&
	echo "[nonsense" >>"$NUDGE_HOME/config" &&
	rm -f sent && sm -- a@example.com <reply.eml; ret=$?
	wait_recorded
	cp config.orig "$NUDGE_HOME/config"
	test $ret -eq 0 && cmp reply.eml sent
'

test_expect_success 'sendmail: a real sendmail that cannot run is a failure' '
	! nudge sendmail --sendmail "$TRASH/no-such-sendmail" -- a@example.com \
		<reply.eml 2>err &&
	test_grep "cannot run" err
'

if ! command -v tmux >/dev/null 2>&1 || ! command -v dovecot >/dev/null 2>&1; then
	test_skip "tmux or dovecot missing (make deps-test)"
	test_done
	exit
fi

dovecot_start || { echo "Bail out! cannot start dovecot"; exit 1; }

# A draft nudge wrote (the thank-you for the interview of 3 March) into
# the test Dovecot's Drafts.
test_expect_success 'setup: nudge due writes a draft to the IMAP Drafts folder' '
	{ echo "target = imap"; dovecot_imap_config; } | write_config &&
	nudge --now 2026-03-03T19:30 due >due &&
	test_grep "thank-you" due &&
	python3 "$IMAPQ" fetch "$DOVECOT_DRAFTS" drafts >count &&
	echo 1 >want && test_cmp want count &&
	test_grep "^X-Nudge-Draft: " drafts/1.eml &&
	test_grep "^\\\\Draft$" drafts/1.flags &&
	grep "^Subject:" drafts/1.eml >draft-subject &&
	cp drafts/1.eml nudge-draft.eml
'

# The local inbox Mutt opens: the invitation as nudge tags it.
mkdir -p "$TRASH/inbox/cur" "$TRASH/inbox/new" "$TRASH/inbox/tmp"
nudge filter <"$MAIL/ex1-invite.eml" >"$TRASH/inbox/new/1.invite"

# The IMAP INBOX: another invitation as nudge (e.g. through sieve) tagged
# it. Mutt shows its stage only when it fetches X-Nudge-Stage.
test_expect_success 'setup: a tagged invitation in the IMAP INBOX' '
	nudge filter <"$MAIL/ex2-invite.eml" >imap-invite.eml &&
	test_grep "^X-Nudge-Stage: invitation$" imap-invite.eml &&
	python3 "$IMAPQ" append INBOX imap-invite.eml >/dev/null
'

# What Mutt hands its sendmail, kept before nudge sees it.
cat >"$TRASH/mutt-sendmail" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$TRASH/mutt-args"
cat >"$TRASH/from-mutt"
exec "$NUDGE_BIN" --home "$NUDGE_HOME" sendmail \
	--sendmail "$TRASH/fake-sendmail" "\$@" <"$TRASH/from-mutt"
EOF
# The editor: writes the headers and body of the reply.
cat >"$TRASH/editor" <<EOF
#!/bin/sh
cat >"\$1" <<EOM
To: Dana Whitfield <dana.whitfield@northwind.example>
Subject: Re: Interview for Senior Data Engineer
In-Reply-To: <inv1.4471@mail.northwind.example>
References: <inv1.4471@mail.northwind.example>

Dear Dana, thank you, Tuesday at 10 suits me well. Alex
EOM
EOF
chmod +x "$TRASH/mutt-sendmail" "$TRASH/editor"

# The same file for Mutt and NeoMutt (NeoMutt reads Mutt's names).
cat >"$TRASH/muttrc" <<EOF
set folder = "imap://$DOVECOT_USER@$DOVECOT_HOST:$DOVECOT_IMAP_PORT/"
set imap_user = "$DOVECOT_USER"
set imap_pass = "$DOVECOT_PASS"
set ssl_starttls = no
set ssl_force_tls = no
set spoolfile = "$TRASH/inbox"
set mbox_type = Maildir
set header_cache = ""
set imap_passive = no
set realname = "Alex Example"
set from = "alex@example.org"
set use_from = yes
set hostname = example.org
set edit_headers = yes
set editor = "$TRASH/editor"
set askcc = no
set record = ""
set copy = no
set recall = no
set postpone = no
set quit = yes
set wait_key = no
set sleep_time = 0
set beep = no
source $SRC_DIR/filters/muttrc
set sendmail = "$TRASH/mutt-sendmail"
EOF

TMUX_SOCK="$TRASH/tmux.sock"
tm() { tmux -S "$TMUX_SOCK" "$@"; }
test_at_exit 'tmux -S "$TMUX_SOCK" kill-server 2>/dev/null'

# wait_screen PATTERN: until the screen of the client under test ($prog)
# shows it (at most 20 s); the screen is in $TRASH/screen either way.
wait_screen() {
	_i=0
	while [ $_i -lt 200 ]; do
		tm capture-pane -p -t "$prog" >"$TRASH/screen" 2>/dev/null &&
			grep -q -e "$1" "$TRASH/screen" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "screen never showed '$1':"; cat "$TRASH/screen"
	return 1
}

# The same checks with each client; each sends one more reply.
sent=1
for prog in mutt neomutt; do
	if ! command -v $prog >/dev/null 2>&1; then
		test_skip "$prog missing (make deps-test)"
		continue
	fi
	sent=$((sent + 1))

	test_expect_success "$prog: nudge's draft is in Drafts" '
		rm -rf drafts &&
		python3 "$IMAPQ" fetch "$DOVECOT_DRAFTS" drafts >count &&
		if [ "$(cat count)" -eq 0 ]; then
			python3 "$IMAPQ" append "$DOVECOT_DRAFTS" nudge-draft.eml \
				"\\Draft" >/dev/null
		fi &&
		rm -rf drafts &&
		python3 "$IMAPQ" fetch "$DOVECOT_DRAFTS" drafts >count &&
		echo 1 >want && test_cmp want count &&
		cmp nudge-draft.eml drafts/*.eml &&
		test_grep "^\\\\Draft$" drafts/*.flags
	'

	test_expect_success "$prog starts; the index shows the stage and the draft" '
		tm -f /dev/null new-session -d -s $prog -x 120 -y 40 \
			"HOME=$TRASH $prog -n -F $TRASH/muttrc" &&
		wait_screen "\[invitation\] Interview for Senior Data Engineer" &&
		wait_screen "Post:1"
	'

	test_expect_success "$prog: a reply sent: byte for byte to sendmail, recorded" '
		rm -f sent sent-args &&
		tm send-keys -t $prog m &&
		wait_screen "^To:" &&
		tm send-keys -t $prog "dana.whitfield@northwind.example" Enter &&
		wait_screen "^Subject:" &&
		tm send-keys -t $prog "Re: Interview for Senior Data Engineer" Enter &&
		wait_screen "y:Send" &&
		tm send-keys -t $prog y &&
		_i=0 && while [ ! -f sent ] && [ $_i -lt 200 ]; do sleep 0.1; _i=$((_i + 1)); done &&
		wait_screen "Mail sent" &&
		cmp from-mutt sent &&
		test_cmp mutt-args sent-args &&
		test_grep "^In-Reply-To: <inv1.4471@mail.northwind.example>" sent &&
		wait_sent $sent
	'

	test_expect_success "$prog: <recall-message> opens the draft nudge wrote" '
		subject=$(sed "s/^Subject: //" draft-subject) &&
		tm send-keys -t $prog R &&
		wait_screen "Subject: $subject" &&
		wait_screen "To: Dana Whitfield <dana.whitfield@northwind.example>" &&
		python3 "$IMAPQ" fetch "$DOVECOT_DRAFTS" drafts >count &&
		echo 0 >want && test_cmp want count
	'

	test_expect_success "$prog: the IMAP INBOX index shows the stage" '
		tm send-keys -t $prog q &&
		wait_screen "m:Mail" &&
		tm send-keys -t $prog c &&
		wait_screen "Open mailbox" &&
		tm send-keys -t $prog C-u "=INBOX" Enter &&
		wait_screen "\[invitation\] Onsite interview - Firmware Engineer"
	'

	test_expect_success "$prog quits cleanly" '
		tm send-keys -t $prog q &&
		_i=0 && while tm has-session -t $prog 2>/dev/null && [ $_i -lt 100 ]; do
			sleep 0.1; _i=$((_i + 1)); done &&
		! tm has-session -t $prog 2>/dev/null
	'
done

test_done
