#!/bin/sh
# Faults: kill -9 at random points of filter and due, a full disk under the
# database and under stdout, an unreadable or invalid config. Nothing is lost,
# nothing is written twice, the database stays sound.
. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/helpers/variants.sh"

DB=$NUDGE_HOME/state.db
KILLS=${NUDGE_TEST_KILLS:-200}
NUDGE_TEST_TZ=America/New_York write_config </dev/null
make_variants 20 "$TRASH/in"

test_expect_success "kill -9 at random points, $KILLS times" '
	mkdir -p runs &&
	perl "$TESTS_DIR/helpers/killer.pl" $KILLS 200 runs in/*.eml >killer.out;
	rc=$?; cat killer.out; echo "# $(tail -n 1 killer.out)" >&3; test $rc = 0 &&
	test "$(sed -n "s/^killed \([0-9]*\),.*/\1/p" killer.out)" -gt 0
' 3>&1
test_expect_success 'the database passes integrity_check' '
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok
'
test_expect_success 'the retries record each message exactly once' '
	for f in in/*.eml; do
		nudge filter <$f >out 2>err && test_cmp /dev/null err &&
		grep -q "^X-Nudge-Stage: invitation" out || return 1
	done &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM messages")" = 20 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM threads")" = 20
'
test_expect_success 'due after the kills: one draft per thread, none twice' '
	nudge due --now 2026-03-03T13:05 >due.out 2>due.err && test_cmp /dev/null due.err &&
	ls "$TRASH"/Drafts/cur "$TRASH"/Drafts/new | grep -c "^[0-9]" >n &&
	test "$(cat n)" = 20 &&
	grep -h "^X-Nudge-Draft:" "$TRASH"/Drafts/cur/* | sort | uniq -d >dups &&
	test_cmp /dev/null dups &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM drafts WHERE state = '"'"'written'"'"'")" = 20 &&
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok
'

# A full disk: a small tmpfs (room for the caches and the database, then
# filled) when this runs as root and may mount, else a
# file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail EFBIG).
FULL=$TRASH/full
mkdir -p "$FULL"
if [ -z "${NUDGE_TEST_NO_MOUNT:-}" ] &&
   mount -t tmpfs -o size=4m,mode=0700 nudge-test "$FULL" 2>/dev/null; then
	test_at_exit "umount '$FULL'"
	full_run() { o=$1 e=$2; shift 2; "$@" >"$o" 2>"$e"; }
	fill_disk() { dd if=/dev/zero of="$FULL/filler" bs=4k 2>/dev/null; true; }
	how=tmpfs
else
	# Only nudge gets the limit (prlimit); its stdout and stderr are pipes,
	# which the limit does not cover. Usage: full_run OUT ERR cmd...
	full_run() {
		o=$1 e=$2; shift 2
		rm -f "$TRASH/efifo" && mkfifo "$TRASH/efifo" &&
		{ cat "$TRASH/efifo" >"$e" & } &&
		{ (trap - EXIT; trap "" XFSZ; prlimit --fsize=0 "$@" 2>"$TRASH/efifo");
		  echo $? >"$TRASH/full.rc"; } | cat >"$o" &&
		wait && return "$(cat "$TRASH/full.rc")"
	}
	fill_disk() { :; }
	how=RLIMIT_FSIZE
fi
test_expect_success "a full disk under the database ($how): mail passes intact" '
	mkdir -p "$FULL/home" && cp "$NUDGE_HOME/config" "$FULL/home/" &&
	nudge --home "$FULL/home" filter <in/1.eml >/dev/null &&
	test "$(sqlite3 "$FULL/home/state.db" "SELECT count(*) FROM messages")" = 1 &&
	fill_disk &&
	for v in 2 3 4; do
		full_run out.$v err.$v "$NUDGE_BIN" --home "$FULL/home" filter <in/$v.eml;
		test $? = 0 && test_cmp in/$v.eml out.$v || return 1
		test_grep "passed through unchanged" err.$v &&
		test_no_grep "internal failure" err.$v || return 1
	done
'
if [ $how = tmpfs ]; then
test_expect_success 'a full disk under stdout: exit 75, never 0 with half a message' '
	test_exit_code 75 nudge filter <in/5.eml >"$FULL/out" 2>err &&
	test_grep "cannot write the message" err
'
else
	test_skip 'a full disk under stdout needs a tmpfs (no mount here)'
fi
test_expect_success 'stdout closed early: exit 75, never 0' '
	perl "$TESTS_DIR/helpers/hostile.pl" many-parts >big.eml &&
	{ nudge filter <big.eml 2>err; echo $? >rc; } | head -c 100 >/dev/null &&
	test "$(cat rc)" = 75 && test_grep "cannot write the message" err
'

test_expect_success 'an invalid config: the filter warns and passes mail through' '
	mkdir -p bad && printf "[user]\nname = A\nbogus_key = 1\n[filter\nmax_size = lots\n\377\376\n" >bad/config &&
	nudge --home "$TRASH/bad" filter <in/1.eml >out 2>err &&
	{ test_cmp in/1.eml out || { grep -v "^X-Nudge-" out | cmp - in/1.eml; }; } &&
	test_grep "bad/config:[0-9]*: " err &&
	test_exit_code 78 nudge --home "$TRASH/bad" due --now 2026-03-03T13:05 >due.out 2>due.err &&
	test_cmp /dev/null due.out && test_grep "bad/config:3: " due.err
'
test_expect_success 'an unreadable config: the filter warns and passes mail through' '
	mkdir -p unread/config &&
	nudge --home "$TRASH/unread" filter <in/1.eml >out 2>err &&
	{ test_cmp in/1.eml out || { grep -v "^X-Nudge-" out | cmp - in/1.eml; }; } &&
	test_grep "config" err &&
	! test_exit_code 0 nudge --home "$TRASH/unread" due --now 2026-03-03T13:05 >/dev/null 2>&1
'
test_done
