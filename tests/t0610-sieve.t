#!/bin/sh
# filters/nudge.sieve in a private Dovecot with Pigeonhole's extprograms:
# dovecot-lda delivers, nudge filters, and over IMAP interview mail is in
# Interviews with the keyword $Interview, other mail in INBOX, each intact
# apart from nudge's headers. A failing or killed nudge still delivers.
# The same through Dovecot's LMTP server (dovecot-lmtpd), as Postfix or
# another MTA would hand mail over.

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

LDA=/usr/lib/dovecot/dovecot-lda
if ! command -v dovecot >/dev/null 2>&1 || ! [ -x "$LDA" ] ||
   ! [ -e /usr/lib/dovecot/modules/sieve/lib90_sieve_extprograms_plugin.so ]; then
	echo "1..0 # SKIP dovecot, dovecot-lda or dovecot-sieve missing (make deps-test)"
	exit 0
fi

MAIL="$TESTS_DIR/mail"
IMAPQ="$TESTS_DIR/helpers/imapq.py"
SIEVE="$TRASH/sieve"
BIN="$TRASH/sieve-bin"
mkdir -p "$SIEVE" "$BIN"
cp "$SRC_DIR/filters/nudge.sieve" "$SIEVE/"
write_config </dev/null

# The program sieve runs: nudge with its home, under the sanitizers. Dovecot
# gives it an almost empty environment, so everything is set here; the file
# "fault" makes it fail on purpose.
cat >"$BIN/nudge" <<EOF
#!/bin/sh
export ASAN_OPTIONS='${ASAN_OPTIONS:-}' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}'
export NUDGE_DATADIR='${NUDGE_DATADIR:-$SRC_DIR}'
[ -s "$TRASH/fault" ] && export NUDGE_TEST_FAULT=\$(cat "$TRASH/fault")
[ -s "$TRASH/wrap" ] && exec \$(cat "$TRASH/wrap") "$NUDGE_BIN" --home "$NUDGE_HOME" "\$@"
exec "$NUDGE_BIN" --home "$NUDGE_HOME" "\$@"
EOF
chmod 755 "$BIN/nudge"

# Dovecot runs the filter as the mail user: nobody when the tests run as root.
if [ "$(id -u)" -eq 0 ]; then
	chown -R nobody "$NUDGE_HOME" "$SIEVE"
fi
chmod 755 "$SIEVE" "$BIN" "$NUDGE_HOME"
: >"$TRASH/fault"
: >"$TRASH/wrap"
chmod 644 "$TRASH/fault" "$TRASH/wrap"

DOVECOT_LMTP=yes
DOVECOT_EXTRA_CONF="
protocol lda {
  mail_plugins = \$mail_plugins sieve
}
protocol lmtp {
  mail_plugins = \$mail_plugins sieve
}
# The filter inherits the LMTP process's address space limit (256M by
# default), too small for the sanitizers' shadow memory.
service lmtp {
  vsz_limit = 0
}
plugin {
  sieve = file:$SIEVE;active=$SIEVE/nudge.sieve
  sieve_plugins = sieve_extprograms
  sieve_extensions = +vnd.dovecot.filter
  sieve_filter_bin_dir = $BIN
  sieve_filter_exec_timeout = 30s
}"
dovecot_start || { echo "Bail out! cannot start dovecot"; exit 1; }

# deliver MESSAGE: dovecot-lda as the MTA would run it.
deliver() {
	"$LDA" -c "$DOVECOT_DIR/dovecot.conf" -d "$DOVECOT_USER" \
		-f sender@example.com <"$1"
}

# fetch MAILBOX: the mailbox's messages into the folder got-MAILBOX (fresh).
fetch() {
	rm -rf "got-$1" &&
	python3 "$IMAPQ" fetch "$1" "got-$1" >"count-$1"
}

test_expect_success 'interview mail: Interviews, keyword $Interview, intact' '
	deliver "$MAIL/ex1-invite.eml" &&
	fetch Interviews &&
	echo 1 >want-count && test_cmp want-count count-Interviews &&
	test_grep "^\$Interview$" got-Interviews/1.flags &&
	test_grep "^X-Nudge-Stage: invitation$" got-Interviews/1.eml &&
	test_grep "^X-Nudge-Thread: [0-9a-f]" got-Interviews/1.eml &&
	grep -v "^X-Nudge-" got-Interviews/1.eml >stripped &&
	test_cmp "$MAIL/ex1-invite.eml" stripped &&
	fetch INBOX &&
	echo 0 >want-count && test_cmp want-count count-INBOX
'

test_expect_success 'it is recorded' '
	nudge list --tsv >list &&
	test_grep "Senior Data Engineer" list
'

test_expect_success 'other mail: INBOX, no keyword, byte for byte' '
	deliver "$MAIL/unrelated.eml" &&
	fetch INBOX &&
	echo 1 >want-count && test_cmp want-count count-INBOX &&
	test_no_grep "Interview" got-INBOX/1.flags &&
	cmp "$MAIL/unrelated.eml" got-INBOX/1.eml &&
	fetch Interviews &&
	echo 1 >want-count && test_cmp want-count count-Interviews
'

test_expect_success 'forged X-Nudge headers neither route nor stay' '
	deliver "$MAIL/forged.eml" &&
	fetch INBOX &&
	echo 2 >want-count && test_cmp want-count count-INBOX &&
	test_no_grep "^X-Nudge-" got-INBOX/2.eml &&
	test_no_grep "Interview" got-INBOX/2.flags
'

# check_intact N MESSAGE: INBOX holds N messages, the last is MESSAGE.
check_intact() {
	fetch INBOX &&
	echo "$1" >want-count && test_cmp want-count count-INBOX &&
	last=$(ls got-INBOX/*.eml | sort -t/ -k2 -n | tail -n 1) &&
	cmp "$2" "$last" &&
	fetch Interviews &&
	echo 1 >want-count && test_cmp want-count count-Interviews
}

n=2
for fault in segv abort; do
	n=$((n + 1))
	test_expect_success "a nudge that crashes ($fault) delivers the original to INBOX" '
		echo $fault >"$TRASH/fault" &&
		deliver "$MAIL/ex2-invite.eml"; ret=$?
		: >"$TRASH/fault"
		test $ret -eq 0 &&
		check_intact '$n' "$MAIL/ex2-invite.eml"
	'
done

test_expect_success 'a nudge that hangs passes it through at its time limit' '
	cp "$NUDGE_HOME/config" config.orig &&
	printf "[filter]\ntime_limit = 1\n" >>"$NUDGE_HOME/config" &&
	echo hang >"$TRASH/fault" &&
	deliver "$MAIL/ex2-invite.eml"; ret=$?
	: >"$TRASH/fault"
	cp config.orig "$NUDGE_HOME/config"
	test $ret -eq 0 &&
	check_intact 5 "$MAIL/ex2-invite.eml"
'

test_expect_success 'a nudge killed by SIGKILL: Dovecot keeps the original' '
	echo hang >"$TRASH/fault" &&
	echo "timeout -s KILL 1" >"$TRASH/wrap" &&
	deliver "$MAIL/ex4-invite.eml"; ret=$?
	: >"$TRASH/fault"
	: >"$TRASH/wrap"
	test $ret -eq 0 &&
	check_intact 6 "$MAIL/ex4-invite.eml"
'

# lmtp MESSAGE: delivered through Dovecot's LMTP server as an MTA (e.g.
# Postfix's lmtp transport) would; fails unless the recipient is accepted
# and the delivery reported done.
lmtp() {
	python3 - "$1" <<-'EOF'
	import os, smtplib, sys
	with open(sys.argv[1], "rb") as f:
	    msg = f.read()
	# On the wire lines end in CRLF (smtplib leaves bytes as they are).
	msg = msg.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
	s = smtplib.LMTP("127.0.0.1", int(os.environ["DOVECOT_LMTP_PORT"]))
	refused = s.sendmail("sender@example.com", [os.environ["DOVECOT_USER"]], msg)
	s.quit()
	sys.exit(1 if refused else 0)
	EOF
}

# delivered GOT: GOT without the trace headers LMTP puts on top
# (Return-Path, Delivered-To, Received) and without X-Nudge-* headers.
delivered() {
	awk '
		/^[^ \t]/ { trace = 0 }
		top && /^(Return-Path|Delivered-To|Received):/ { trace = 1 }
		top && !trace && /^[^ \t]/ { top = 0 }
		!trace && !/^X-Nudge-/ { print }
		BEGIN { top = 1 }
	' "$1"
}

test_expect_success 'LMTP: interview mail: Interviews, keyword $Interview, intact' '
	lmtp "$MAIL/ex6-offer.eml" &&
	fetch Interviews &&
	echo 2 >want-count && test_cmp want-count count-Interviews &&
	last=$(ls got-Interviews/*.eml | sort -t/ -k2 -n | tail -n 1) &&
	test_grep "^\$Interview$" "${last%.eml}.flags" &&
	test_grep "^X-Nudge-Stage: offer$" "$last" &&
	test_grep "^X-Nudge-Thread: [0-9a-f]" "$last" &&
	delivered "$last" >stripped &&
	test_cmp "$MAIL/ex6-offer.eml" stripped &&
	nudge list --tsv >list &&
	test_grep "	Tailspin Toys	.*	offer	open	" list
'

test_expect_success 'LMTP: other mail: INBOX, no keyword, intact' '
	sed "s/^Message-ID: .*/Message-ID: <lmtp-other@example.com>/" \
		"$MAIL/unrelated.eml" >other.eml &&
	test_grep "^Message-ID: <lmtp-other@example.com>$" other.eml &&
	lmtp other.eml &&
	fetch INBOX &&
	echo 7 >want-count && test_cmp want-count count-INBOX &&
	last=$(ls got-INBOX/*.eml | sort -t/ -k2 -n | tail -n 1) &&
	test_no_grep "Interview" "${last%.eml}.flags" &&
	test_no_grep "^X-Nudge-" "$last" &&
	delivered "$last" >stripped &&
	test_cmp other.eml stripped &&
	fetch Interviews &&
	echo 2 >want-count && test_cmp want-count count-Interviews
'

test_done
