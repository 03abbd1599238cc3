#!/bin/sh
# Security: what nudge creates is 0600 in 0700 folders whatever the umask,
# and nothing from a message is executed or used as a path.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
# The XDG defaults, so that nudge creates its folders itself.
CONF=$XDG_CONFIG_HOME/nudge
DATA=$XDG_DATA_HOME/nudge
DRAFTS=$TRASH/mail/Drafts
mkdir -p "$CONF"
NUDGE_TEST_TZ=America/New_York write_config </dev/null
sed "s|^maildir = .*|maildir = $DRAFTS|" "$NUDGE_HOME/config" >"$CONF/config"
xnudge() { (unset NUDGE_HOME; umask 000; "$NUDGE_BIN" "$@"); }

test_expect_success 'setup: hostile ids and subject, recorded and drafted under umask 000' '
	sed -e "s|^Message-ID: .*|Message-ID: <../../../../../tmp/nudge-evil-\$(touch\${IFS}pwned1)\`touch pwned2\`@x.example>|" \
	    -e "s|^Subject: .*|Subject: Interview \$(touch pwned3) ../../../tmp/nudge-evil-subject; touch pwned4 \`id>pwned5\`|" \
	    -e "s|^From: .*|From: \"\$(touch pwned6)\" <dana.whitfield@northwind.example>|" \
		"$M/ex1-invite.eml" >evil.eml &&
	grep -q "pwned1" evil.eml &&
	xnudge filter <evil.eml >out 2>err && test_cmp /dev/null err &&
	grep -q "^X-Nudge-Stage: invitation" out &&
	xnudge due --now 2026-03-03T13:05 >due.out 2>due.err && test_cmp /dev/null due.err &&
	test_grep "	thank-you	" due.out
'
test_expect_success 'the database, its journal and the lock are 0600 in a 0700 folder' '
	test "$(stat -c %a "$DATA")" = 700 &&
	ls "$DATA" >files && test -s files &&
	for f in "$DATA"/*; do
		test "$(stat -c %a "$f")" = 600 || { echo "$f: $(stat -c %a "$f")"; return 1; }
	done &&
	test_grep "^state.db$" files &&
	test_grep "^rules.cache$" files
'
test_expect_success 'the Maildir folders are 0700, the drafts 0600' '
	for d in "$DRAFTS" "$DRAFTS/cur" "$DRAFTS/new" "$DRAFTS/tmp"; do
		test "$(stat -c %a "$d")" = 700 || { echo "$d: $(stat -c %a "$d")"; return 1; }
	done &&
	ls "$DRAFTS"/cur/* >drafts && test "$(wc -l <drafts)" = 1 &&
	test "$(stat -c %a "$(cat drafts)")" = 600
'
test_expect_success 'nothing from the message was run or used as a path' '
	! ls "$TRASH"/pwned* /tmp/pwned* "$DATA"/pwned* "$DRAFTS"/../pwned* 2>/dev/null &&
	! ls -d /tmp/nudge-evil* 2>/dev/null &&
	find "$TRASH/mail" "$DATA" -mindepth 1 >all &&
	! grep -v -e "^$DRAFTS\(/cur\|/new\|/tmp\)\?$" -e "^$DRAFTS/cur/[0-9]*\.M[0-9]*P[0-9]*\.nudge-[0-9a-f]*\.[^/]*:2,DS$" \
		-e "^$DATA/[^/]*$" all &&
	test "$(sqlite3 "$DATA/state.db" "SELECT count(*) FROM messages WHERE message_id LIKE '"'"'%pwned1%'"'"'")" = 1
'
test_done
