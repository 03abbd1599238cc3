#!/bin/sh
# The Claws Mail plugin in a real Claws Mail under Xvfb: it loads at start,
# records and tags incoming mail on the filtering hook, records what the user
# sends, and its Tools menu opens the follow-ups window (screenshot saved).
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
PLUGIN=$SRC_DIR/plugin/nudge.so
C=$TRASH/claws
MAIL=$TRASH/Mail
DB=$NUDGE_HOME/state.db
SHOTS=${NUDGE_SHOTS:-$SRC_DIR/build/shots}
export HOME="$TRASH"

write_config <<EOF
[drafts]
maildir = $TRASH/Drafts
EOF

# until_true SECONDS CMD...: polls CMD until it succeeds (no timing asserted).
until_true() {
	_t=$(($1 * 5)); shift
	while ! "$@" >/dev/null 2>&1; do
		_t=$((_t - 1)); [ "$_t" -gt 0 ] || return 1
		sleep 0.2
	done
}
has_inbox() { test "$(ls "$MAIL/inbox" | grep -c '^[0-9]*$')" = "$1"; }
claws() { claws-mail --alternate-config-dir "$C" "$@"; }
window() { xdotool search --name "$1"; }
sent_recorded() {
	test "$(sqlite3 "$DB" "SELECT outgoing FROM messages WHERE message_id = 'c0nf1rm.99@mail.example.org'")" = 1
}

mkdir -p "$C" "$MAIL/inbox" "$MAIL/sent" "$MAIL/queue" "$MAIL/trash" "$MAIL/draft"
for f in ex1-invite ex2-invite ex5-reject unrelated; do
	printf 'From nobody Mon Mar  2 10:00:00 2026\n'
	sed 's/^From />From /' "$M/$f.eml"
	echo
done >"$TRASH/spool"
printf '#!/bin/sh\ncat >>"%s"\n' "$TRASH/sent.mbox" >"$TRASH/sendmail"
chmod +x "$TRASH/sendmail"
cat >"$C/clawsrc" <<EOF
[Common]
config_version=4
enable_aspell=0
show_splash=0
[Plugins_GTK3]
$PLUGIN
EOF
cat >"$C/accountrc" <<EOF
[Account: 1]
config_version=4
account_name=test
is_default=1
name=Alex Example
address=alex@example.org
protocol=3
local_mbox=$TRASH/spool
use_mail_command=1
mail_command=$TRASH/sendmail
filter_on_receive=1
filterhook_on_receive=1
receive_at_get_all=1
inbox=#mh/Mailbox/inbox
EOF
cat >"$C/folderlist.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<folderlist>
<folder type="mh" name="Mailbox" path="$MAIL" collapsed="0">
<folderitem type="inbox" name="inbox" path="inbox"/>
<folderitem type="outbox" name="sent" path="sent"/>
<folderitem type="queue" name="queue" path="queue"/>
<folderitem type="trash" name="trash" path="trash"/>
<folderitem type="draft" name="draft" path="draft"/>
</folder>
</folderlist>
EOF

# Xvfb picks a free display and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$TRASH/display" \
	>"$TRASH/xvfb.log" 2>&1 &
echo $! >"$TRASH/xvfb.pid"
test_at_exit 'kill $(cat "$TRASH/xvfb.pid")'
until_true 20 test -s "$TRASH/display"
DISPLAY=:$(cat "$TRASH/display")
export DISPLAY
claws >"$TRASH/claws.out" 2>&1 &
echo $! >"$TRASH/claws.pid"
test_at_exit 'kill $(cat "$TRASH/claws.pid"); sleep 1; kill -9 $(cat "$TRASH/claws.pid")'

test_expect_success 'Claws Mail starts under Xvfb with the plugin loaded' '
	until_true 60 window "Claws Mail" &&
	until_true 20 grep -q "nudge: started" "$C/claws.log" &&
	test_no_grep "without a database" "$C/claws.log"
'
test_expect_success 'receiving runs the hook: interview mail recorded with stages' '
	claws --receive-all &&
	until_true 60 has_inbox 4 &&
	until_true 30 grep -q "thread .*: rejection" "$C/claws.log" &&
	sqlite3 "$DB" "SELECT message_id, stage FROM messages ORDER BY message_id" >got &&
	cat >want <<-\EOT &&
	CAJ2x-onsite-771@mail.contoso-robotics.example|invitation
	inv1.4471@mail.northwind.example|invitation
	rej-0313@mail.litware.example|rejection
	EOT
	test_cmp want got
'
test_expect_success 'the plugin created the tags in Claws' '
	test_grep "	interview$" "$C/tagsrc" &&
	test_grep "	interview:invitation$" "$C/tagsrc" &&
	test_grep "	interview:rejection$" "$C/tagsrc" &&
	test_no_grep "interview:none" "$C/tagsrc"
'
test_expect_success 'Claws finds exactly the interview mail by tag' '
	claws --search "#mh/Mailbox/inbox" g interview >found &&
	test "$(grep -c "$MAIL/inbox/" found)" = 3 &&
	claws --search "#mh/Mailbox/inbox" g interview:rejection >found &&
	test "$(grep -c "$MAIL/inbox/" found)" = 1 &&
	grep "$MAIL/inbox/" found | xargs grep -l "^Message-ID: <rej-0313@"
'
test_expect_success 'Tools > Interview follow-ups opens the window' '
	w=$(window "Claws Mail" | head -n 1) &&
	xdotool windowfocus --sync "$w" &&
	xdotool key --window "$w" alt+t && sleep 0.5 &&
	xdotool key Up Return &&
	until_true 20 window "Interview follow-ups" &&
	mkdir -p "$SHOTS" && sleep 1 &&
	import -window root "$SHOTS/claws-followups.png" &&
	test -s "$SHOTS/claws-followups.png"
'
test_expect_success 'a message sent from the queue is recorded as the user'"'"'s' '
	{
		printf "S:<alex@example.org>\nSSV:\nR:<dana.whitfield@northwind.example>\n"
		printf "MAID:1\nSCF:#mh/Mailbox/sent\nX-Claws-End-Special-Headers: 1\n"
		cat "$M/ex1-confirm.eml"
	} >"$MAIL/queue/1" &&
	claws --send &&
	until_true 60 test -s "$TRASH/sent.mbox" &&
	until_true 30 sent_recorded
'
test_done
