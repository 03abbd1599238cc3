#!/bin/sh
# Command line: usage errors, help, version, exit codes, config errors.
. "$(dirname "$0")/lib.sh"

test_expect_success 'no command is a usage error (64)' '
	test_exit_code 64 nudge 2>err &&
	test_grep "usage: nudge" err
'
test_expect_success 'unknown command exits 64 with one error line and usage' '
	test_exit_code 64 nudge frobnicate 2>err &&
	test_grep "error: unknown command .frobnicate." err &&
	test_grep "usage: nudge" err
'
test_expect_success 'unknown option exits 64' '
	test_exit_code 64 nudge list --frobnicate 2>err &&
	test_grep "frobnicate" err &&
	test_exit_code 64 nudge --frobnicate list 2>err2 &&
	test_grep "unknown option" err2
'
test_expect_success 'bad --now exits 64' '
	test_exit_code 64 nudge list --now yesterday 2>err &&
	test_grep "invalid --now" err
'
test_expect_success '--version prints the version' '
	nudge --version >out &&
	test_grep "^nudge [0-9]" out
'
test_expect_success 'help lists every command, help COMMAND its options' '
	nudge help >out &&
	for c in filter due list show mark; do test_grep "^  $c " out || return 1; done &&
	nudge help due >out2 &&
	test_grep "dry-run" out2 && test_grep "until" out2 && test_grep "[-]-now" out2
'
test_expect_success 'help of an unknown command exits 64' '
	test_exit_code 64 nudge help nosuch 2>err
'
test_expect_success 'a broken config exits 78 naming file, line and problem' '
	printf "[user]\nname = A\ntimezone = Mars/Olympus\n[drafts]\nmaildir = /tmp/x\nfoo = 1\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge list 2>err &&
	test_grep "config:3: unknown time zone .Mars/Olympus." err &&
	test_grep "config:6: unknown key .foo. in \[drafts\]" err
'
# The zone is only checked at load (a TZif file, else GLib's own parser) and
# read when first used; every kind of name must still be judged right.
test_expect_success 'time zones: names, offsets and files that are not zones' '
	for z in Europe/Berlin America/Argentina/Buenos_Aires UTC +02:00; do
		printf "[user]\ntimezone = %s\n" "$z" >"$NUDGE_HOME/config" &&
		nudge --now 2026-03-03T10:00 list >/dev/null 2>err &&
		test_cmp /dev/null err || { echo "zone $z refused"; return 1; }
	done &&
	for z in zone.tab ../../../etc/passwd Europe Mars/Olympus; do
		printf "[user]\ntimezone = %s\n" "$z" >"$NUDGE_HOME/config" &&
		test_exit_code 78 nudge list 2>err &&
		test_grep "config:2: unknown time zone" err || { echo "zone $z taken"; return 1; }
	done &&
	mkdir -p zones/Test && cp /usr/share/zoneinfo/Asia/Tokyo zones/Test/Zone &&
	printf "[user]\ntimezone = Test/Zone\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge list 2>/dev/null &&
	TZDIR=$TRASH/zones nudge --now 2026-03-03T00:30 show 2>err >/dev/null;
	TZDIR=$TRASH/zones nudge --now 2026-03-03T10:00 list >/dev/null 2>err &&
	test_cmp /dev/null err
'
test_expect_success 'a config line that is not key = value is reported with its line' '
	printf "[user]\nname A\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge due --dry-run 2>err &&
	test_grep "config:2: expected .key = value." err
'
test_expect_success 'bad numbers and lists in the config are reported' '
	printf "[etiquette]\ndraft_hour = 25\nholidays = 2026-13-01\n[user]\nreferences = nobody\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge list 2>err &&
	test_grep "config:2: .draft_hour. must be a whole number from 0 to 23" err &&
	test_grep "config:3: .holidays." err &&
	test_grep "config:5: .references." err
'
test_expect_success 'due without a config says which file is missing (78)' '
	rm -f "$NUDGE_HOME/config" &&
	test_exit_code 78 nudge due 2>err &&
	test_grep "$NUDGE_HOME/config" err
'
test_expect_success 'a config without a drafts folder cannot write drafts (78)' '
	printf "[user]\nname = A\naddresses = a@example.org\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge due 2>err &&
	test_grep "no drafts folder configured" err
'
test_expect_success 'NUDGE_HOME and --home choose the state folder' '
	write_config </dev/null &&
	nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >/dev/null &&
	test -f "$NUDGE_HOME/state.db" &&
	mkdir -p "$TRASH/other" && cp "$NUDGE_HOME/config" "$TRASH/other/" &&
	nudge --home "$TRASH/other" filter <"$TESTS_DIR/mail/ex1-invite.eml" >/dev/null &&
	test -f "$TRASH/other/state.db"
'
test_expect_success 'without NUDGE_HOME the XDG folders are used' '
	mkdir -p "$XDG_CONFIG_HOME/nudge" && cp "$NUDGE_HOME/config" "$XDG_CONFIG_HOME/nudge/config" &&
	(unset NUDGE_HOME; nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >/dev/null) &&
	test -f "$XDG_DATA_HOME/nudge/state.db"
'
test_done
