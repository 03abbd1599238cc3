#!/bin/sh
# nudge filter and the thread index (src/threadidx.h): mail of no stage that
# joins no thread is passed on without opening the database, and a message
# that belongs to a thread is never taken for one that does not, whether it
# is known by an id or by subject and domain, after another process changed
# the threads, with a damaged index, or with another database put in place.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
DB=$NUDGE_HOME/state.db
write_config </dev/null

# The files a filter run opens, by name, in "opened"; "trace" also has its
# mkdir calls (LeakSanitizer cannot run under ptrace).
opened() {
	ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 \
		strace -f -e trace=open,openat,mkdir -o trace "$NUDGE_BIN" filter <"$1" >out 2>err &&
	sed -n 's/.*open[at]*([^"]*"\([^"]*\)".*/\1/p' trace >opened
}
# A message of no stage words from Northwind; $1 Message-ID, $2 subject,
# then extra header lines.
plain() {
	id=$1 subject=$2
	shift 2
	{
		printf 'Message-ID: <%s>\nDate: Fri, 27 Feb 2026 09:00:00 -0500\n' "$id"
		printf 'From: Dana Whitfield <dana.whitfield@northwind.example>\n'
		printf 'To: Alex Example <alex@example.org>\nSubject: %s\n' "$subject"
		for h in "$@"; do printf '%s\n' "$h"; done
		printf '\nThe car park is behind the building.\n'
	}
}

test_expect_success 'an interview message writes the index beside the database' '
	"$NUDGE_BIN" filter <"$M/ex1-invite.eml" >out &&
	test_grep "^X-Nudge-Stage: invitation" out &&
	sed -n "s/^X-Nudge-Thread: //p" out >thread &&
	test -s "$DB-threads"
'
test_expect_success 'ordinary mail goes through without opening the database' '
	opened "$M/unrelated.eml" &&
	cmp out "$M/unrelated.eml" &&
	test_grep "state.db-threads$" opened &&
	test_no_grep "state.db$" opened
'
test_expect_success 'list mail is never classified: the rules are not even read' '
	sed "1i\\
Precedence: list" "$M/ex7-references.eml" >list.eml &&
	opened list.eml &&
	cmp out list.eml &&
	test_no_grep "rules" opened &&
	test_no_grep "state.db$" opened &&
	opened "$M/ex7-references.eml" &&
	test_grep "rules.cache$" opened &&
	test_grep "^X-Nudge-Stage: references" out
'
test_expect_success 'automatic mail in a known thread still joins it' '
	plain p0@northwind.example "Parking" "Auto-Submitted: auto-replied" \
		"In-Reply-To: <inv1.4471@mail.northwind.example>" >p0.eml &&
	opened p0.eml &&
	test_no_grep "rules" opened &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out
'
# The full path (the message parsed) makes sure the state folder exists
# first; the first look does not need it.
test_expect_success 'list mail of no thread is passed on without being parsed' '
	plain l1@lists.example "Parking" "Precedence: bulk" >l1.eml &&
	opened l1.eml &&
	cmp out l1.eml &&
	test_grep "state.db-threads$" opened &&
	test_no_grep "mkdir(" trace &&
	plain l2@lists.example "=?utf-8?q?Parking?=" "Precedence: bulk" >l2.eml &&
	opened l2.eml &&
	cmp out l2.eml &&
	test_grep "mkdir(" trace &&
	test_no_grep "state.db$" opened
'
test_expect_success 'list mail with a forged X-Nudge field still has it removed' '
	plain l4@lists.example "Parking" "Precedence: bulk" "X-Nudge-Stage: offer" >l4.eml &&
	"$NUDGE_BIN" filter <l4.eml >out &&
	test_no_grep "X-Nudge" out &&
	grep -v "^X-Nudge-Stage" l4.eml >want &&
	test_cmp want out
'
test_expect_success 'list mail with the subject of a thread from its domain joins it' '
	plain l3@northwind.example "Re: Interview for Senior Data Engineer" \
		"Precedence: list" >l3.eml &&
	"$NUDGE_BIN" filter <l3.eml >out &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out
'
test_expect_success 'a message of no stage with a known id opens it and joins the thread' '
	plain p1@northwind.example "Parking" \
		"In-Reply-To: <inv1.4471@mail.northwind.example>" >p1.eml &&
	opened p1.eml &&
	test_grep "state.db$" opened &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out
'
test_expect_success 'one with the same subject from the same domain joins it too' '
	plain p2@northwind.example "RE: Interview for Senior Data Engineer" >p2.eml &&
	"$NUDGE_BIN" filter <p2.eml >out &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out
'
test_expect_success 'the same subject from another domain does not' '
	plain p3@other.example "RE: Interview for Senior Data Engineer" |
		sed "s/northwind.example>/other.example>/" >p3.eml &&
	"$NUDGE_BIN" filter <p3.eml >out &&
	cmp out p3.eml
'
test_expect_success 'threads another process records are found at once' '
	"$NUDGE_BIN" filter <"$M/ex2-invite.eml" >out &&
	sed -n "s/^X-Nudge-Thread: //p" out >thread2 &&
	id=$(sed -n "s/^Message-ID: <\(.*\)>.*/\1/p" "$M/ex2-invite.eml") &&
	plain p4@x.example "Parking" "References: <$id>" >p4.eml &&
	"$NUDGE_BIN" filter <p4.eml >out &&
	test_grep "^X-Nudge-Thread: $(cat thread2)$" out
'
test_expect_success 'a damaged index is not trusted' '
	head -c 30 "$DB-threads" >cut && cp cut "$DB-threads" &&
	plain p5@northwind.example "Parking" \
		"In-Reply-To: <inv1.4471@mail.northwind.example>" >p5.eml &&
	"$NUDGE_BIN" filter <p5.eml >out &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out &&
	"$NUDGE_BIN" filter <"$M/unrelated.eml" >out && cmp out "$M/unrelated.eml" &&
	test "$(wc -c <"$DB-threads")" -gt 30
'
test_expect_success 'another database copied into its place is read, not the index' '
	mkdir other &&
	"$NUDGE_BIN" --home other filter <"$M/ex4-invite.eml" >out &&
	sed -n "s/^X-Nudge-Thread: //p" out >thread4 &&
	sqlite3 other/state.db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null &&
	rm -f "$DB-wal" "$DB-shm" &&
	cp other/state.db "$DB" &&
	id=$(sed -n "s/^Message-ID: <\(.*\)>.*/\1/p" "$M/ex4-invite.eml") &&
	plain p6@x.example "Parking" "In-Reply-To: <$id>" >p6.eml &&
	"$NUDGE_BIN" filter <p6.eml >out &&
	test_grep "^X-Nudge-Thread: $(cat thread4)$" out
'
test_expect_success 'an index that cannot be removed stops the change, not the mail' '
	sqlite3 "$DB" "SELECT count(*) FROM threads" >before &&
	rm -f "$DB-threads" && mkdir "$DB-threads" && : >"$DB-threads/keep" &&
	"$NUDGE_BIN" filter <"$M/ex5-invite.eml" >out 2>err &&
	cmp out "$M/ex5-invite.eml" &&
	test_grep "cannot remove the thread index" err &&
	test_grep "passed through unchanged" err &&
	sqlite3 "$DB" "SELECT count(*) FROM threads" >after &&
	test_cmp before after
'
test_expect_success 'an index that cannot be written is a warning: the message is tagged' '
	rm -rf "$DB-threads" &&
	"$NUDGE_BIN" filter <"$M/ex1-invite.eml" >out &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out &&
	rm "$DB-threads" && mkdir "$DB-threads" &&
	"$NUDGE_BIN" filter <"$M/ex1-invite.eml" >out 2>err &&
	test_grep "^X-Nudge-Thread: $(cat thread)$" out &&
	test_grep "warning: cannot write the thread index" err &&
	rmdir "$DB-threads" &&
	"$NUDGE_BIN" filter <"$M/ex1-invite.eml" >out 2>err &&
	test_cmp /dev/null err && test -f "$DB-threads"
'
test_done
