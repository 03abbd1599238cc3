#!/bin/sh
# nudge filter passes every message through byte for byte: the whole shared
# corpus (real recruiter mail, tricky MIME, everyday mail and spam) and odd
# inputs. Only X-Nudge-* headers change.
. "$(dirname "$0")/lib.sh"

write_config </dev/null

test_expect_success 'the shared corpus is there' '
	test -d "$CORPUS/real-dev" && test -d "$CORPUS/mime" && test -d "$CORPUS/ham"
'
test_expect_success 'every file of the shared corpus passes through byte-exact' '
	find "$CORPUS" -type f | sort >files &&
	test "$(wc -l <files)" -gt 3000 &&
	TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl" -j 2 <files >report;
	rc=$?; tail -n 1 report; grep FAIL report | head -20; test $rc -eq 0
'
test_expect_success 'real recruiter mail gets tagged, everyday mail mostly not' '
	grep -c . report >/dev/null &&
	find "$CORPUS/real-dev" -name "*.eml" | sort >rd &&
	TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl" -t <rd >rd.report &&
	tagged=$(grep -c "^tagged" rd.report) &&
	echo "real-dev tagged: $tagged of $(wc -l <rd)" &&
	test "$tagged" -ge 40
'
test_expect_success 'odd inputs pass through unchanged' '
	printf "" >empty &&
	printf "Subject: no separator\nFrom: a@b.example\n" >nosep &&
	printf "Subject: x\n\nbody with \000 NUL \000 bytes\n" >nul &&
	printf "Subject: bare\rFrom: x@y\r\rbody\r" >barecr &&
	printf "\n\nStarts with blank lines\n" >leadblank &&
	printf "   \nSubject: a line of spaces first\n\nbody\n" >spacesfirst &&
	printf "From: x@y.example\nSubject: no final newline\n\nbody" >nofinal &&
	printf "not a header at all\n" >noheader &&
	head -c 70000 /dev/urandom >random &&
	ls empty nosep nul barecr leadblank spacesfirst nofinal noheader random >files &&
	TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl" <files &&
	for f in empty nosep nul barecr leadblank spacesfirst nofinal noheader random; do
		nudge filter <$f >out && cmp $f out || return 1
	done
'
test_expect_success 'CRLF mail stays CRLF and tags use CRLF' '
	sed "s/\$/\r/" "$TESTS_DIR/mail/ex1-invite.eml" >crlf.eml &&
	nudge filter <crlf.eml >out &&
	cr=$(printf "\r") &&
	grep -q "^X-Nudge-Stage: invitation$cr\$" out &&
	grep -q "^X-Nudge-Thread: [0-9a-f]*$cr\$" out &&
	echo crlf.eml | TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl"
'
test_expect_success 'forged X-Nudge headers are removed, with continuation lines' '
	nudge filter <"$TESTS_DIR/mail/forged.eml" >out &&
	test_no_grep "X-Nudge" out &&
	test_no_grep "^ continued" out &&
	grep -v "^X-Nudge\|^ continued" "$TESTS_DIR/mail/forged.eml" >want &&
	cmp want out
'
test_expect_success 'a message that is not interview mail comes out identical' '
	nudge filter <"$TESTS_DIR/mail/unrelated.eml" >out &&
	cmp "$TESTS_DIR/mail/unrelated.eml" out
'
test_expect_success 'a 30 MiB message passes through' '
	{ cat "$TESTS_DIR/mail/ex2-invite.eml"; head -c 31457280 /dev/zero | tr "\0" "a" | fold -w 76; } >big.eml &&
	echo big.eml | TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl" -t >report &&
	test_grep "^tagged big.eml" report &&
	{ cat "$TESTS_DIR/mail/unrelated.eml"; head -c 31457280 /dev/zero | tr "\0" "b" | fold -w 76; } >big2.eml &&
	nudge filter <big2.eml >out && cmp big2.eml out
'
test_expect_success 'above max_size a message passes through unparsed' '
	write_config <<-EOF &&
	[filter]
	max_size = 1K
	EOF
	nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >out &&
	cmp "$TESTS_DIR/mail/ex1-invite.eml" out &&
	write_config </dev/null
'
test_expect_success 'a broken config does not stop mail: passed through, one warning' '
	printf "[user\n" >"$NUDGE_HOME/config" &&
	nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >out 2>err &&
	test_grep "config:1" err &&
	echo "$TESTS_DIR/mail/ex1-invite.eml" | TRASH=$TRASH perl "$TESTS_DIR/bytecheck.pl" &&
	write_config </dev/null
'
test_expect_success 'a corrupt database: message passes unchanged, error named' '
	mkdir -p corrupt && printf "this is not sqlite, not at all......................................................................................................" >corrupt/state.db &&
	cp "$NUDGE_HOME/config" corrupt/ &&
	nudge --home "$TRASH/corrupt" filter <"$TESTS_DIR/mail/ex1-invite.eml" >out 2>err &&
	cmp "$TESTS_DIR/mail/ex1-invite.eml" out &&
	test_grep "passed through unchanged" err && test_grep "state.db" err
'
test_expect_success 'a database locked by another process does not lose mail' '
	mkdir -p locked && cp "$NUDGE_HOME/config" locked/ &&
	nudge --home "$TRASH/locked" filter <"$TESTS_DIR/mail/unrelated.eml" >/dev/null ||
		return 1
	{ echo "BEGIN EXCLUSIVE; INSERT INTO events(thread_id, time, kind) VALUES (\"x\", 0, \"x\");"; sleep 14; } |
		sqlite3 locked/state.db &
	sleep 1 &&
	nudge --home "$TRASH/locked" filter <"$TESTS_DIR/mail/ex1-invite.eml" >out 2>err;
	rc=$?; wait;
	test $rc -eq 0 && cmp "$TESTS_DIR/mail/ex1-invite.eml" out &&
	test_grep "passed through unchanged" err
'
test_expect_success 'missing rules: message passes unchanged, error named' '
	NUDGE_DATADIR=$TRASH/nowhere nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >out 2>err &&
	cmp "$TESTS_DIR/mail/ex1-invite.eml" out &&
	test_grep "passed through unchanged" err
'
test_expect_success 'a crash or a hang inside passes the original through' '
	printf "[filter]\ntime_limit = 1\n" >>"$NUDGE_HOME/config" &&
	for f in segv abort hang; do
		NUDGE_TEST_FAULT=$f ASAN_OPTIONS=handle_segv=0:handle_abort=0 \
			nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >out 2>err || return 1
		cmp "$TESTS_DIR/mail/ex1-invite.eml" out || return 1
		test_grep "passed through unchanged" err || return 1
	done &&
	write_config </dev/null
'
test_expect_success 'a closed stdout exits 75 (EX_TEMPFAIL), never 0' '
	test_exit_code 75 nudge filter <"$TESTS_DIR/mail/ex1-invite.eml" >&- 2>err &&
	test_grep "cannot write" err
'
test_done
