#!/bin/sh
# Hostile input through the real binary: header injection into drafts, forged
# X-Nudge-* fields, huge and deep MIME, bad charsets, regex blow-ups. Every
# message passes through (bytecheck.pl: the input, byte for byte, up to the
# X-Nudge-* fields) without the filter's safety net firing.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
HOSTILE="perl $TESTS_DIR/helpers/hostile.pl"
NUDGE_TEST_TZ=America/New_York write_config </dev/null

# The draft's header block: only the fields nudge writes, each on its own
# line (continuations allowed), no CR anywhere, no Bcc/Cc/Reply-To.
draft_headers_clean() {
	for f in "$@"; do
		sed '/^$/q' "$f" >hdr &&
		! grep -v -i -E '^(From|To|Subject|Date|Message-ID|In-Reply-To|References|X-Nudge-Draft|MIME-Version|Content-Type|Content-Transfer-Encoding): |^[ 	]|^$' hdr ||
			{ echo "unexpected header line in $f"; cat hdr; return 1; }
		! grep -q "$(printf '\r')" "$f" || { echo "CR in $f"; return 1; }
		"$NUDGE_UNIT/mimeinfo" "$f" >info &&
		test_no_grep "^Bcc" info && test_no_grep "^Cc" info &&
		test_no_grep "^Reply-To" info || return 1
	done
}

i=0
for inj in \
	'Organization: =?UTF-8?Q?Evil_Corp=0D=0ABcc:_evil@attacker.example?=' \
	'Organization: =?UTF-8?B?RXZpbCBDb3JwDQpCY2M6IGV2aWxAYXR0YWNrZXIuZXhhbXBsZQ==?=' \
	"Organization: Evil Corp$(printf '\r')Bcc: evil@attacker.example" \
	'Subject: =?UTF-8?Q?Interview_for_Senior=0ABcc:_evil@attacker.example_Engineer?=' \
	"Subject: Interview for Senior$(printf '\r')Bcc: evil@attacker.example Engineer" \
	'Subject: =?UTF-8?Q?Interview_for_Data=0D=0A=0D=0ABody:_injected?=' \
	'From: =?UTF-8?Q?Dana=0D=0ACc:_evil@attacker.example?= <dana.whitfield@northwind.example>'
do
	i=$((i + 1))
	test_expect_success "CR/LF in a message field never adds a draft header ($i)" '
		home=$TRASH/inj$i && mkdir -p "$home" &&
		sed "s|^maildir = .*|maildir = $TRASH/inj$i/Drafts|" "$NUDGE_HOME/config" >"$home/config" &&
		field=${inj%%:*} &&
		{ printf "%s\n" "$inj" && grep -v "^$field:" "$M/ex1-invite.eml"; } >in.eml &&
		grep -q "^$field: " in.eml &&
		nudge --home "$home" filter <in.eml >out.eml 2>err &&
		test_cmp /dev/null err &&
		test "$(sqlite3 "$home/state.db" "SELECT count(*) FROM messages")" = 1 &&
		nudge --home "$home" due --now 2026-03-03T13:05 >due.out &&
		test_grep "	thank-you	" due.out &&
		draft_headers_clean "$home"/Drafts/cur/*
	'
done

test_expect_success 'forged X-Nudge-* fields are stripped, nudge adds its own' '
	{ printf "X-Nudge-Stage: offer\nX-NUDGE-Thread: forged\n\tcontinued\n" &&
	  cat "$M/ex1-invite.eml" | sed "/^Subject:/a\\
x-nudge-draft: 0000" ; } >forged.eml &&
	nudge filter <forged.eml >out &&
	test "$(grep -ci "^x-nudge-" out)" = 2 &&
	test_grep "^X-Nudge-Stage: invitation$" out &&
	test_no_grep "forged\|continued\|Stage: offer\|draft: 0000" out &&
	echo forged.eml | perl "$TESTS_DIR/bytecheck.pl" -j 1
'
test_expect_success 'forged fields are stripped from mail nudge does not track' '
	printf "From: a@b.example\nSubject: lunch\nX-Nudge-Stage: offer\n\nsee you\n" >plain.eml &&
	nudge filter <plain.eml >out &&
	printf "From: a@b.example\nSubject: lunch\n\nsee you\n" >want &&
	test_cmp want out
'

for kind in long-header many-parts deep charsets backtrack; do
	test_expect_success "hostile input passes through: $kind" '
		$HOSTILE $kind "$SRC_DIR/filters/rules" >$kind.eml &&
		test_exit_code 0 nudge filter <$kind.eml >$kind.out 2>$kind.err &&
		test_no_grep "internal failure" $kind.err &&
		echo $kind.eml | perl "$TESTS_DIR/bytecheck.pl" -j 1 -t >check &&
		test_grep "failed 0" check
	'
done
test_expect_success 'hostile messages with an interview in them are recorded' '
	for id in long parts deep charsets; do
		test "$(sqlite3 "$NUDGE_HOME/state.db" \
			"SELECT count(*) FROM messages WHERE message_id = '"'"'$id@northwind.example'"'"'")" = 1 ||
			{ echo "$id not recorded"; return 1; }
	done
'
test_done
