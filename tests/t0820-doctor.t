#!/bin/sh
# nudge doctor: says what is wrong and how to fix it; exit 0 when healthy,
# 78 for config problems; checks the database with SQLite's integrity check,
# the templates and rules, the filter on its sample, and IMAP login and
# Drafts discovery against a real Dovecot.
. "$(dirname "$0")/lib.sh"

test_expect_success 'without a config doctor says to run nudge init (78)' '
	test_exit_code 78 nudge doctor >out &&
	test_grep "^FAIL  config: no file .$NUDGE_HOME/config." out &&
	test_grep "fix: run .nudge init." out &&
	test_grep "^ok    filter: a sample invitation is recognised" out
'
test_expect_success 'a healthy setup: every check ok, exit 0, nothing recorded' '
	write_config </dev/null &&
	nudge doctor >out &&
	test_grep "^ok    config: " out &&
	test_grep "^ok    database: none yet" out &&
	test_grep "^ok    templates: all 8 found" out &&
	test_grep "^ok    rules: loaded" out &&
	test_grep "^ok    module: .*/nudge-calendar.so$" out &&
	test_grep "^ok    module: .*/nudge-imap.so$" out &&
	test_grep "^ok    filter: a sample invitation is recognised" out &&
	test_grep "^ok    drafts: Maildir .$TRASH/Drafts. will be created" out &&
	test_grep "All is well" out &&
	test_no_grep "^FAIL" out &&
	! test -e "$NUDGE_HOME/state.db" &&
	! test -e "$TRASH/Drafts"
'
test_expect_success 'a used database passes the integrity check' '
	nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >/dev/null &&
	nudge list --tsv >before &&
	test "$(wc -l <before)" = 1 &&
	nudge doctor >out &&
	test_grep "^ok    database: $NUDGE_HOME/state.db" out &&
	nudge list --tsv >after &&
	test_cmp before after
'
test_expect_success 'a broken config key: the line is named, exit 78' '
	cp "$NUDGE_HOME/config" good &&
	line=$(($(wc -l <good) + 2)) &&
	printf "[etiquette]\ndraft_hour = 31\n" >>"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge doctor >out &&
	test_grep "config:$line: .draft_hour. must be a whole number" out &&
	cp good "$NUDGE_HOME/config"
'
test_expect_success 'a config without addresses or drafts folder fails with 78' '
	printf "[user]\nname = A\n" >"$NUDGE_HOME/config" &&
	test_exit_code 78 nudge doctor >out &&
	test_grep "^FAIL  config: no \[user\] addresses" out &&
	test_grep "^FAIL  config: no drafts folder" out &&
	cp good "$NUDGE_HOME/config"
'
test_expect_success 'a damaged database is reported with what to do' '
	cp "$NUDGE_HOME/state.db" saved.db &&
	rm -f "$NUDGE_HOME"/state.db-* &&
	head -c 4096 saved.db >"$NUDGE_HOME/state.db" &&
	head -c 20000 /dev/urandom >>"$NUDGE_HOME/state.db" &&
	test_exit_code 75 nudge doctor >out;
	ret=$?;
	cp saved.db "$NUDGE_HOME/state.db" &&
	test $ret = 0 &&
	test_grep "^FAIL  database: " out &&
	test_grep "fix: move the file away" out
'
test_expect_success 'missing templates and rules are found (66, not 78)' '
	mkdir -p empty &&
	NUDGE_DATADIR=$TRASH/empty test_exit_code 66 nudge doctor >out &&
	test_grep "^FAIL  templates: " out &&
	test_grep "^FAIL  rules: " out &&
	test_grep "NUDGE_DATADIR" out &&
	test_no_grep "^ok    filter" out
'
test_expect_success 'a module that does not load is named, with what to do (70)' '
	mkdir -p nomod &&
	NUDGE_MODULEDIR=$TRASH/nomod test_exit_code 70 nudge doctor >out &&
	test_grep "^FAIL  module: cannot load the calendar module: .*nomod/nudge-calendar.so" out &&
	test_grep "^FAIL  module: cannot load the imap module: .*nomod/nudge-imap.so" out &&
	test_grep "fix: reinstall nudge" out &&
	: >nomod/nudge-imap.so &&
	NUDGE_MODULEDIR=$TRASH/nomod test_exit_code 70 nudge doctor >out &&
	test_grep "^FAIL  module: cannot load the imap module: .*nomod/nudge-imap.so" out
'

if command -v dovecot >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
	. "$TESTS_DIR/lib-dovecot.sh"
	DOVECOT_DRAFTS=Entwürfe
	dovecot_start main || { echo "Bail out! cannot start dovecot"; exit 1; }
	imap_config() {	# imap_config PASSWORD
		printf "secret %s\n" "$1" >pw &&
		cat >"$NUDGE_HOME/config" <<-EOF
		[user]
		name = Alex Example
		addresses = alex@example.org
		timezone = Europe/Berlin
		[imap]
		host = $DOVECOT_HOST
		port = $DOVECOT_IMAPS_PORT
		user = $DOVECOT_USER
		pass_cmd = cut -d" " -f2- $TRASH/pw
		tls_ca_file = $DOVECOT_CA
		EOF
	}
	test_expect_success 'IMAP: doctor logs in and finds the \Drafts mailbox' '
		imap_config "$DOVECOT_PASS" &&
		nudge doctor >out &&
		test_grep "^ok    drafts: IMAP 127.0.0.1 as nudgetest, mailbox .Entw&APw-rfe." out
	'
	test_expect_success 'IMAP: a wrong password says to check pass_cmd (77)' '
		imap_config "not the password" &&
		test_exit_code 77 nudge doctor >out &&
		test_grep "^FAIL  drafts: IMAP login to 127.0.0.1" out &&
		test_grep "fix: check \[imap\] user and that \[imap\] pass_cmd" out
	'
	test_expect_success 'IMAP: --offline does not connect' '
		nudge doctor --offline >out &&
		test_grep "not tried (--offline)" out
	'
else
	test_skip 'dovecot or openssl missing (make deps-test)'
fi
test_done
