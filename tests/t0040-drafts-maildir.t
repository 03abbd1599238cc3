#!/bin/sh
# nudge due writes each due draft once into the Maildir Drafts folder, as a
# complete threaded reply that GMime parses back, with the D flag.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
MIMEINFO=$NUDGE_UNIT/mimeinfo
NUDGE_TEST_TZ=America/New_York write_config </dev/null

test_expect_success 'setup: an interview thread' '
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null
'
test_expect_success 'due before anything is due writes nothing' '
	nudge due --now 2026-03-02T09:00 >out &&
	test_cmp /dev/null out &&
	! ls "$TRASH"/Drafts/cur/* 2>/dev/null
'
test_expect_success 'due writes the thank-you into Drafts/cur with the D flag' '
	nudge due --now 2026-03-03T13:05 >out &&
	test "$(wc -l <out)" = 1 && test_grep "	thank-you	" out &&
	ls "$TRASH"/Drafts/cur/ >files && test "$(wc -l <files)" = 1 &&
	grep -q ":2,D[A-Z]*$" files &&
	test -d "$TRASH/Drafts/new" && test -d "$TRASH/Drafts/tmp" &&
	! ls "$TRASH"/Drafts/tmp/* 2>/dev/null
'
test_expect_success 'the draft parses back as a threaded reply' '
	"$MIMEINFO" "$TRASH"/Drafts/cur/* >info &&
	test_grep "^From: Alex Example <alex@example.org>$" info &&
	test_grep "^To: Dana Whitfield <dana.whitfield@northwind.example>$" info &&
	test_grep "^Subject: Re: Interview for Senior Data Engineer$" info &&
	test_grep "^In-Reply-To: <inv1.4471@mail.northwind.example>$" info &&
	test_grep "^References: <inv1.4471@mail.northwind.example>$" info &&
	test_grep "^X-Nudge-Draft: [0-9a-f]\{20\}$" info &&
	test_grep "^Message-ID: nudge-[0-9a-f]\{20\}@example.org$" info &&
	test_grep "^Date: 2026-03-03T13:05:00-05" info &&
	test_grep "Senior Data Engineer" info &&
	test_grep "^Alex Example$" info &&
	test_no_grep "{{" info
'
test_expect_success 'the same draft is never written twice (N2)' '
	nudge due --now 2026-03-03T14:00 >out &&
	test_cmp /dev/null out &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = 1
'
test_expect_success 'a draft written but not recorded (crash) is found, not duplicated' '
	sqlite3 "$NUDGE_HOME/state.db" "UPDATE drafts SET state = \"pending\"" &&
	nudge due --now 2026-03-03T14:00 >out &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = 1 &&
	test "$(sqlite3 "$NUDGE_HOME/state.db" "SELECT state FROM drafts")" = written
'
test_expect_success 'the follow-up replies to the newest employer message' '
	nudge filter <"$M/fallback-reply.eml" >/dev/null &&
	nudge due --now 2026-03-10T09:30 >out &&
	test_grep "	follow-up-1	" out &&
	"$MIMEINFO" "$(ls -t "$TRASH"/Drafts/cur/* | head -n 1)" >info &&
	test_grep "^In-Reply-To: <no-refs-1@mail.northwind.example>$" info &&
	test_grep "^Subject: Re: Interview for Senior Data Engineer$" info
'
test_expect_success 'a non-ASCII name and subject are RFC 2047 encoded' '
	mkdir -p h3 &&
	sed "s/^name = .*/name = Zoë Müller/" "$NUDGE_HOME/config" >h3/config &&
	sed "s/^Subject: .*/Subject: Entrevista para el puesto de ingeniería/; s/^From: .*/From: José Núñez <jose@empresa.example>/" \
		"$M/ex1-invite.eml" >accent.eml &&
	nudge --home "$TRASH/h3" filter <accent.eml >/dev/null &&
	sed -i "s|^maildir = .*|maildir = $TRASH/D3|" h3/config &&
	nudge --home "$TRASH/h3" due --now 2026-03-03T13:05 >out &&
	f=$(ls "$TRASH"/D3/cur/*) &&
	grep -i "^Subject: .*=?UTF-8?b?" "$f" &&
	grep -i "^From: =?UTF-8?b?" "$f" &&
	! LC_ALL=C grep -q "[^[:print:][:space:]]" "$f" &&
	"$MIMEINFO" "$f" >info &&
	test_grep "^Subject: Re: Entrevista para el puesto de ingeniería$" info &&
	test_grep "^From: Zoë Müller <alex@example.org>$" info
'
test_expect_success 'a hostile company name cannot add a header to a draft' '
	mkdir -p h4 && sed "s|^maildir = .*|maildir = $TRASH/D4|" "$NUDGE_HOME/config" >h4/config &&
	sed "s/^Subject: .*/Subject: =?UTF-8?Q?Interview=0D=0ABcc:_evil@attacker.example?=/; s/^From: .*/From: \"Evil=?UTF-8?Q?=0ABcc:_x@y.example?=\" <dana.whitfield@northwind.example>/" \
		"$M/ex1-invite.eml" >hostile.eml &&
	nudge --home "$TRASH/h4" filter <hostile.eml >/dev/null &&
	nudge --home "$TRASH/h4" due --now 2026-03-03T13:05 >out &&
	f=$(ls "$TRASH"/D4/cur/*) &&
	test_no_grep "^Bcc:" "$f" &&
	"$MIMEINFO" "$f" >info && test_no_grep "^Bcc" info
'
test_expect_success 'a user template overrides the built-in one; a typo is named' '
	mkdir -p "$NUDGE_HOME/templates" &&
	printf "Hello {{contact_name}}, thanks! {{my_name}}\n" >"$NUDGE_HOME/templates/follow-up-2" &&
	printf "Hi {{contact_nmae}}\n" >"$NUDGE_HOME/templates/thank-you" &&
	mkdir -p h5 && sed "s|^maildir = .*|maildir = $TRASH/D5|" "$NUDGE_HOME/config" >h5/config &&
	cp -r "$NUDGE_HOME/templates" h5/ &&
	nudge --home "$TRASH/h5" filter <"$M/ex1-invite.eml" >/dev/null &&
	test_exit_code 65 nudge --home "$TRASH/h5" due --now 2026-03-03T13:05 >out 2>err &&
	test_grep "templates/thank-you:1: unknown placeholder .{{contact_nmae}}." err &&
	! ls "$TRASH"/D5/cur/* 2>/dev/null
'
test_expect_success 'a user template that is not UTF-8 is named, not rendered' '
	mkdir -p h6/templates &&
	sed "s|^maildir = .*|maildir = $TRASH/D6|" "$NUDGE_HOME/config" >h6/config &&
	printf "Hello {{contact_name}},\n\nthank you \\377\\376 for the long talk and the coffee and the tour of the office today.\nIt was good.\n" \
		>h6/templates/thank-you &&
	nudge --home "$TRASH/h6" filter <"$M/ex1-invite.eml" >/dev/null &&
	test_exit_code 65 nudge --home "$TRASH/h6" due --now 2026-03-03T13:05 >out 2>err &&
	test_grep "template .*/templates/thank-you. is not valid UTF-8" err &&
	! ls "$TRASH"/D6/cur/* 2>/dev/null
'
test_done
