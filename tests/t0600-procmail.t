#!/bin/sh
# filters/procmailrc with Debian's procmail delivering into a Maildir:
# interview mail lands in Interviews with nudge's headers, other mail in the
# inbox byte for byte, and a nudge that crashes, hangs or is killed still
# leaves the original message delivered intact.

. "$(dirname "$0")/lib.sh"

if ! command -v procmail >/dev/null 2>&1; then
	echo "1..0 # SKIP procmail missing (make deps-test)"
	exit 0
fi

MAIL="$TESTS_DIR/mail"
MD="$TRASH/Maildir"
mkdir -p "$MD/cur" "$MD/new" "$MD/tmp"
write_config </dev/null

# deliver MESSAGE [NUDGE-COMMAND [MAILDIR]]: procmail as the current user
# with the shipped recipe; MAILDIR and DEFAULT point at the test Maildir.
# -p keeps the environment (NUDGE_TEST_FAULT, the sanitizer options), which
# procmail would otherwise clear.
deliver() {
	procmail -p -m MAILDIR="${3:-$MD}/" DEFAULT="${3:-$MD}/" \
		NUDGE="${2:-$NUDGE_BIN --home $NUDGE_HOME}" \
		"$SRC_DIR/filters/procmailrc" <"$1"
}

# Procmail ends a filtered message with an empty line whatever the filter
# does, so "intact" means: as procmail delivers it through cat.
printf '#!/bin/sh\nexec cat\n' >"$TRASH/passthru"
chmod +x "$TRASH/passthru"
mkdir -p "$TRASH/ref/cur" "$TRASH/ref/new" "$TRASH/ref/tmp"
expected() {
	rm -f "$TRASH/ref/new/"* &&
	deliver "$1" "$TRASH/passthru" "$TRASH/ref" &&
	cat "$TRASH/ref/new/"*
}

# only_new FOLDER: the one message delivered there since the last call
# (moved to cur/ afterwards, so each test sees its own).
only_new() {
	set -- "$1"/new/*
	[ $# -eq 1 ] && [ -f "$1" ] || { echo "want one new message, got: $*"; return 1; }
	cp "$1" "$TRASH/got"
	mv "$1" "${1%/new/*}/cur/"
}
no_new() {
	set -- "$1"/new/*
	[ ! -e "$1" ] || { echo "unexpected: $*"; return 1; }
}

test_expect_success 'interview mail goes to Interviews with the headers' '
	deliver "$MAIL/ex1-invite.eml" &&
	no_new "$MD" &&
	only_new "$MD/.Interviews" &&
	test_grep "^X-Nudge-Stage: invitation$" got &&
	test_grep "^X-Nudge-Thread: [0-9a-f]" got &&
	grep -v "^X-Nudge-" got >stripped &&
	expected "$MAIL/ex1-invite.eml" >want &&
	test_cmp want stripped
'

test_expect_success 'it is recorded' '
	nudge list --tsv >list &&
	test_grep "Senior Data Engineer" list
'

test_expect_success 'other mail stays in the inbox, byte for byte' '
	deliver "$MAIL/unrelated.eml" &&
	no_new "$MD/.Interviews" &&
	only_new "$MD" &&
	expected "$MAIL/unrelated.eml" >want &&
	cmp want got
'

test_expect_success 'forged X-Nudge headers do not route a message' '
	deliver "$MAIL/forged.eml" &&
	no_new "$MD/.Interviews" &&
	only_new "$MD" &&
	test_no_grep "^X-Nudge-" got
'

for fault in segv abort; do
	test_expect_success "a nudge that crashes ($fault) delivers the original" '
		export NUDGE_TEST_FAULT=$fault &&
		deliver "$MAIL/ex2-invite.eml" &&
		no_new "$MD/.Interviews" &&
		only_new "$MD" &&
		expected "$MAIL/ex2-invite.eml" >want &&
		cmp want got
	'
done

test_expect_success 'a nudge that hangs past its time limit delivers the original' '
	cp "$NUDGE_HOME/config" config.orig &&
	printf "[filter]\ntime_limit = 1\n" >>"$NUDGE_HOME/config" &&
	(export NUDGE_TEST_FAULT=hang && deliver "$MAIL/ex2-invite.eml"); ret=$?
	cp config.orig "$NUDGE_HOME/config" &&
	test "$ret" -eq 0 &&
	only_new "$MD" &&
	expected "$MAIL/ex2-invite.eml" >want &&
	cmp want got
'

test_expect_success 'a nudge killed by SIGKILL delivers the original' '
	export NUDGE_TEST_FAULT=hang &&
	deliver "$MAIL/ex2-invite.eml" \
		"timeout -s KILL 1 $NUDGE_BIN --home $NUDGE_HOME" &&
	no_new "$MD/.Interviews" &&
	only_new "$MD" &&
	cmp "$MAIL/ex2-invite.eml" got
'

# A filter killed, or failing, after writing part of its output: the w flag
# makes procmail notice and go back to the original.
cat >"$TRASH/half-killed" <<EOF
#!/bin/sh
"$NUDGE_BIN" --home "$NUDGE_HOME" filter | head -c 300
kill -9 \$\$
EOF
cat >"$TRASH/half-failed" <<EOF
#!/bin/sh
"$NUDGE_BIN" --home "$NUDGE_HOME" filter | head -c 300
exit 75
EOF
chmod +x "$TRASH/half-killed" "$TRASH/half-failed"

for how in killed failed; do
	test_expect_success "a filter $how after part of the message delivers the original" '
		deliver "$MAIL/ex4-invite.eml" "$TRASH/half-$how" &&
		no_new "$MD/.Interviews" &&
		only_new "$MD" &&
		cmp "$MAIL/ex4-invite.eml" got
	'
done

test_expect_success 'interview mail with CRLF line ends keeps them' '
	sed "s/\$/\r/" "$MAIL/ex5-invite.eml" >crlf.eml &&
	deliver crlf.eml &&
	only_new "$MD/.Interviews" &&
	test_grep "^X-Nudge-Stage: [a-z]*.\$" got &&
	grep -v "^X-Nudge-" got >stripped &&
	expected crlf.eml >want &&
	cmp want stripped
'

test_done
