#!/bin/sh
# nudge init: the config it writes (mode 0600 in a 0700 folder) is one nudge
# reads and works with; it never replaces a config without --force; the
# questions are asked again after a bad answer, through a pipe and on a real
# terminal (tmux).
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
H=$TRASH/fresh/nudge
cfg=$H/config

test_expect_success 'init --non-interactive writes a private config' '
	nudge --home "$H" init --non-interactive --name "Alex Example" \
		--address alex@example.org --address alex.example@mail.example \
		--timezone America/New_York --maildir "$TRASH/Drafts" --draft-hour 8 >out &&
	test "$(stat -c %a "$cfg")" = 600 &&
	test "$(stat -c %a "$H")" = 700 &&
	test_grep "^name *= *Alex Example$" "$cfg" &&
	test_grep "^addresses *= *alex@example.org;alex.example@mail.example;\?$" "$cfg" &&
	test_grep "^timezone *= *America/New_York$" "$cfg" &&
	test_grep "^maildir *= *$TRASH/Drafts$" "$cfg" &&
	test_grep "^draft_hour *= *8$" "$cfg" &&
	test_grep "^    :0fw$" out &&
	test_grep "^    | nudge --home .*$H.* filter$" out &&
	test_grep "filter \"nudge\" \[\"--home\", \"$H\", \"filter\"\];" out &&
	test_grep "set sendmail" out
'
test_expect_success 'the written config drives the filter and the drafts' '
	nudge --home "$H" doctor >doc &&
	test_grep "^ok    config: $cfg" doc &&
	# No background `nudge due` at the real time while this test runs its own.
	printf "[filter]\nrun_due = no\n" >>"$cfg" &&
	nudge --home "$H" filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge --home "$H" filter <"$M/ex1-confirm.eml" >/dev/null &&
	nudge --home "$H" due --now 2026-03-03T13:05 >due &&
	test_grep "	thank-you	" due &&
	grep -l "^From: Alex Example <alex@example.org>" "$TRASH"/Drafts/cur/*
'
test_expect_success 'init does not replace a config without --force (64)' '
	cp "$cfg" before &&
	test_exit_code 64 nudge --home "$H" init --non-interactive \
		--address other@example.org --maildir "$TRASH/Other" 2>err &&
	test_grep "exists already" err && test_grep "force" err &&
	test_cmp before "$cfg" &&
	nudge --home "$H" init --force --non-interactive \
		--address other@example.org --maildir "$TRASH/Other" >/dev/null &&
	test_grep "^addresses *= *other@example.org" "$cfg" &&
	test "$(stat -c %a "$cfg")" = 600 &&
	! ls "$H"/config.* 2>/dev/null
'
test_expect_success 'init --non-interactive checks its options (64, nothing written)' '
	test_exit_code 64 nudge --home "$TRASH/h1" init --non-interactive --maildir x 2>err &&
	test_grep "needs --address" err &&
	test_exit_code 64 nudge --home "$TRASH/h1" init --non-interactive \
		--address a@example.org --maildir x --timezone Mars/Olympus 2>err &&
	test_grep "unknown time zone .Mars/Olympus." err &&
	test_exit_code 64 nudge --home "$TRASH/h1" init --non-interactive \
		--address nobody --maildir x 2>err &&
	test_grep "invalid --address" err &&
	test_exit_code 64 nudge --home "$TRASH/h1" init --non-interactive \
		--address a@example.org --maildir x --draft-hour 24 2>err &&
	! test -e "$TRASH/h1/config"
'
test_expect_success 'interactive init through a pipe asks again after bad answers' '
	printf "%s\n" "Bo Dahl" "bo-at-example" "bo@example.org; bo@work.example" \
		"Atlantis/Nowhere" "Europe/Oslo" "pigeon" "maildir" "" "25" "7" |
		nudge --home "$TRASH/h2" init >out &&
	test_grep "Not a time zone" out &&
	test_grep "at least one address" out &&
	test_grep "answer maildir or imap" out &&
	test_grep "whole hour" out &&
	c=$TRASH/h2/config &&
	test_grep "^name *= *Bo Dahl$" "$c" &&
	test_grep "^addresses *= *bo@example.org;bo@work.example;\?$" "$c" &&
	test_grep "^timezone *= *Europe/Oslo$" "$c" &&
	test_grep "^maildir *= *~/Mail/Drafts$" "$c" &&
	test_grep "^draft_hour *= *7$" "$c" &&
	test "$(stat -c %a "$c")" = 600 &&
	nudge --home "$TRASH/h2" list >/dev/null
'
test_expect_success 'interactive init with IMAP tries the server and keeps the settings' '
	printf "%s\n" "Bo" "bo@example.org" "UTC" "imap" "127.0.0.1:99999" "127.0.0.1:1" \
		"" "cat $TRASH/pw" "Entwürfe" "" |
		nudge --home "$TRASH/h5" init >out &&
	test_grep "Please give a host name, or host:port" out &&
	test_grep "Trying 127.0.0.1" out &&
	test_grep "That did not work: .*127.0.0.1:1" out &&
	c=$TRASH/h5/config &&
	test_grep "^target *= *imap$" "$c" &&
	test_grep "^host *= *127.0.0.1$" "$c" &&
	test_grep "^port *= *1$" "$c" &&
	test_grep "^user *= *bo@example.org$" "$c" &&
	test_grep "^pass_cmd *= *cat $TRASH/pw$" "$c" &&
	test_grep "^drafts *= *Entwürfe$" "$c" &&
	nudge --home "$TRASH/h5" doctor >doc;
	test_grep "^FAIL  drafts: IMAP login to 127.0.0.1" doc
'
test_expect_success 'init --non-interactive writes IMAP settings' '
	nudge --home "$TRASH/h6" init --non-interactive --address bo@example.org \
		--imap-host imap.example.org --imap-port 1993 --imap-user bo \
		--imap-pass-cmd "pass show mail" --imap-drafts Drafts >/dev/null &&
	c=$TRASH/h6/config &&
	test_grep "^host *= *imap.example.org$" "$c" && test_grep "^port *= *1993$" "$c" &&
	test_grep "^pass_cmd *= *pass show mail$" "$c" &&
	nudge --home "$TRASH/h6" doctor --offline >doc &&
	test_grep "not tried (--offline)" doc
'
test_expect_success 'interactive init writes nothing when the answers run out (64)' '
	printf "%s\n" "Bo" "bo@example.org" | test_exit_code 64 nudge --home "$TRASH/h3" init >out 2>err &&
	test_grep "no answer" err &&
	! test -e "$TRASH/h3/config"
'

if command -v tmux >/dev/null 2>&1; then
	SOCK=$TRASH/tmux.sock
	test_at_exit 'tmux -S "$SOCK" kill-server'
	# wait_screen TEXT: until the pane shows TEXT (the test fails after 20 s).
	wait_screen() {
		i=0
		while ! tmux -S "$SOCK" capture-pane -p -t init | grep -q -F -e "$1"; do
			i=$((i + 1)); [ "$i" -lt 200 ] || { tmux -S "$SOCK" capture-pane -p -t init; return 1; }
			sleep 0.1
		done
	}
	answer() { wait_screen "$1" && tmux -S "$SOCK" send-keys -t init -l "$2" && tmux -S "$SOCK" send-keys -t init Enter; }
	test_expect_success 'interactive init on a terminal (tmux)' '
		tmux -S "$SOCK" new-session -d -s init -x 120 -y 50 \
			"$NUDGE_BIN --home $TRASH/h4 init; echo exit=\$?; sleep 60" &&
		answer "Your name" "Cy Tan" &&
		answer "Your mail addresses" "cy@example.org" &&
		answer "Your time zone" "Asia/Tokyo" &&
		answer "Where should drafts go" "" &&
		answer "The Maildir Drafts folder" "$TRASH/CyDrafts" &&
		answer "The hour follow-up drafts" "" &&
		wait_screen "exit=0" &&
		tmux -S "$SOCK" capture-pane -p -t init >screen &&
		test_grep "Wrote $TRASH/h4/config" screen &&
		c=$TRASH/h4/config &&
		test_grep "^name *= *Cy Tan$" "$c" &&
		test_grep "^timezone *= *Asia/Tokyo$" "$c" &&
		test_grep "^target *= *maildir$" "$c" &&
		test_grep "^draft_hour *= *9$" "$c"
	'
else
	test_skip 'tmux missing (make deps-test)'
fi
test_done
