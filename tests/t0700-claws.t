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
# The plugin's clock: four days after the interviews, before the rejection's
# reply is due (the mail is dated March 2026).
export NUDGE_NOW=2026-03-14T10:00

write_config <<EOF
# kept as it was
[etiquette]
close_days = 40
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
# tag_count TAG N: Claws finds N inbox messages with TAG.
tag_count() {
	claws --search "#mh/Mailbox/inbox" g "$1" >tagged &&
	test "$(grep -c "$MAIL/inbox/" tagged)" = "$2"
}
# Claws' own count for the inbox: new, unread, total.
inbox_status() { claws --status-full | grep -q "^ *$1 #mh/Mailbox/inbox$"; }
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

# A Claws rule that gives the Northwind invitation a wrong stage tag once,
# after nudge's hook: filtering again must leave only the right one.
cat >"$C/matcherrc" <<EOF
[preglobal]

[postglobal]

[filtering]
enabled rulename "stale" account 0 subject matchcase "Interview for Senior" & ~tag matchcase "nudge-once" set_tag "interview:offer" set_tag "nudge-once"
EOF
# Claws' set_tag only sets a tag that exists.
printf 'max_id 2\n1\tinterview:offer\n2\tnudge-once\n' >"$C/tagsrc"

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
	import -window "$(window "Interview follow-ups" | head -n 1)" \
		"$SHOTS/claws-followups-window.png" &&
	test -s "$SHOTS/claws-followups-window.png"
'
test_expect_success 'Create due drafts now writes the two follow-ups' '
	w=$(window "Interview follow-ups" | head -n 1) &&
	xdotool windowfocus --sync "$w" &&
	xdotool key --clearmodifiers alt+d &&
	until_true 30 grep -q "nudge: 2 drafts written" "$C/claws.log" &&
	ls "$TRASH/Drafts/cur" >drafts &&
	test "$(wc -l <drafts)" = 2 &&
	sqlite3 "$DB" "SELECT kind, state, last_error FROM drafts ORDER BY kind" >got &&
	cat >want <<-\EOT &&
	follow-up-1|written|
	follow-up-1|written|
	EOT
	test_cmp want got &&
	grep -l "^Subject: Re: Interview for Senior Data Engineer" "$TRASH"/Drafts/cur/* &&
	grep -l "^Subject: Re: Onsite interview - Firmware Engineer" "$TRASH"/Drafts/cur/*
'
test_expect_success 'Open thread shows the thread'"'"'s message in the main window' '
	w=$(window "Interview follow-ups" | head -n 1) &&
	xdotool windowfocus --sync "$w" &&
	xdotool key --clearmodifiers alt+o &&
	until_true 30 grep -q "nudge: showing message 1 of #mh/Mailbox/inbox" "$C/claws.log" &&
	until_true 30 inbox_status "3     3     4" &&
	import -window root "$SHOTS/claws-open-thread.png" &&
	test -s "$SHOTS/claws-open-thread.png"
'
test_expect_success 'filtering again leaves one stage tag, the message'"'"'s own' '
	claws --search "#mh/Mailbox/inbox" g interview:offer >found &&
	grep "$MAIL/inbox/" found >stale &&
	test "$(wc -l <stale)" = 1 &&
	xargs grep -l "^Message-ID: <inv1.4471@" <stale &&
	w=$(window "Claws Mail" | head -n 1) &&
	xdotool windowfocus --sync "$w" &&
	xdotool key --clearmodifiers alt+t && sleep 0.5 &&
	xdotool key f &&
	until_true 30 tag_count interview:offer 0 &&
	tag_count interview:invitation 2 &&
	tag_count interview:rejection 1 &&
	tag_count interview 3 &&
	tag_count nudge-once 1
'
test_expect_success 'the preferences page writes the config file' '
	w=$(window "Claws Mail" | head -n 1) &&
	xdotool windowfocus --sync "$w" &&
	xdotool key --clearmodifiers alt+c && sleep 0.5 &&
	xdotool key Down Down Down Return &&
	until_true 20 window "^Preferences$" &&
	p=$(window "^Preferences$" | head -n 1) &&
	xdotool windowfocus --sync "$p" && sleep 1 &&
	eval $(xdotool getwindowgeometry --shell "$p") &&
	xdotool mousemove $((X + 80)) $((Y + 64)) click 1 && sleep 0.5 &&
	xdotool type nudge && xdotool key Return && sleep 1 &&
	xdotool key --clearmodifiers alt+h && xdotool key ctrl+a && xdotool type 8 &&
	xdotool key --clearmodifiers alt+z && xdotool key ctrl+a &&
	xdotool type America/Toronto && xdotool key Tab &&
	import -window "$p" "$SHOTS/claws-prefs.png" &&
	xdotool key --clearmodifiers alt+o &&
	until_true 30 grep -q "nudge: settings saved to $NUDGE_HOME/config" "$C/claws.log" &&
	test_grep "^timezone=America/Toronto$" "$NUDGE_HOME/config" &&
	test_grep "^draft_hour=8$" "$NUDGE_HOME/config" &&
	test_grep "^addresses=alex@example.org;alex.example@mail.example$" "$NUDGE_HOME/config" &&
	test_grep "^target=maildir$" "$NUDGE_HOME/config" &&
	test_grep "^# kept as it was$" "$NUDGE_HOME/config" &&
	test_grep "^close_days *= *40$" "$NUDGE_HOME/config" &&
	test "$(stat -c %a "$NUDGE_HOME/config")" = 600 &&
	"$NUDGE_BIN" list >/dev/null
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
