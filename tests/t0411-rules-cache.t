#!/bin/sh
# The compiled-rules cache of nudge filter (<state>/rules.cache): used when it
# matches the rule files, rebuilt when they change, and a damaged cache only
# costs a compile: the message and its classification stay the same.
. "$(dirname "$0")/lib.sh"

M=$TESTS_DIR/mail
write_config </dev/null
C=$NUDGE_HOME/rules.cache

inode() { ls -i "$1" | cut -d" " -f1; }
flip_bit() {	# flip_bit FILE OFFSET
	perl -e 'open(my $f, "+<", $ARGV[0]) or die; binmode $f; seek($f, $ARGV[1], 0);
		read($f, my $c, 1) == 1 or die; seek($f, $ARGV[1], 0); print $f chr(ord($c) ^ 1);' "$@"
}

test_expect_success 'the first filter run writes the cache' '
	nudge filter <"$M/ex1-invite.eml" >expect &&
	test_grep "^X-Nudge-Stage: invitation" expect &&
	test -s "$C" && cp "$C" cache.good
'
test_expect_success 'a matching cache is read, not rewritten' '
	before=$(inode "$C") &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_cmp expect out &&
	test "$(inode "$C")" = "$before"
'
test_expect_success 'a flipped bit in the rule set (the head): same output, cache rebuilt' '
	flip_bit "$C" 200 &&
	! cmp -s "$C" cache.good &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_cmp expect out &&
	cmp "$C" cache.good
'
# Codes are checked when their rule first runs: a damaged one is compiled
# from its pattern text (checked with the set), and the cache is removed for
# the next run to write again. A bit in every 4 KB hits codes this message
# runs and codes it does not.
test_expect_success 'flipped bits in the compiled codes: same output, cache written again' '
	size=$(wc -c <"$C") &&
	off=$((size / 2)) &&
	while [ $off -lt $size ]; do flip_bit "$C" $off || return 1; off=$((off + 4096)); done &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_cmp expect out &&
	! test -e "$C" &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_cmp expect out &&
	cmp "$C" cache.good
'
test_expect_success 'a truncated or empty cache: same output' '
	head -c 100 cache.good >"$C" &&
	nudge filter <"$M/ex1-invite.eml" >out && test_cmp expect out &&
	: >"$C" &&
	nudge filter <"$M/ex1-invite.eml" >out && test_cmp expect out &&
	cmp "$C" cache.good
'
test_expect_success 'a cache for other rules is not used' '
	cat >zebra.eml <<-\MAIL &&
	From: Pat <pat@zebra.example>
	To: alex@example.org
	Subject: zebrafish
	Message-ID: <zebra.1@zebra.example>
	Date: Mon, 13 Apr 2026 10:00:00 -0400

	zebrafish
	MAIL
	nudge filter <zebra.eml >out && test_no_grep "X-Nudge" out &&
	mkdir -p "$NUDGE_HOME/rules" &&
	printf "context 0 sf \\\\bzebrafish\\\\b\ninvitation 30 s \\\\bzebrafish\\\\b\n" \
		>"$NUDGE_HOME/rules/zebra.rules" &&
	nudge filter <zebra.eml >out &&
	test_grep "^X-Nudge-Stage: invitation" out &&
	! cmp -s "$C" cache.good
'
test_expect_success 'a rule file changed in place, same size and mtime: seen (ctime)' '
	printf "context 0 sf \\bzebrafish\\b\ninvitation 30 s \\bzebrafish\\b\n" \
		>"$NUDGE_HOME/rules/zebra.rules" &&
	touch -d "2026-01-01 10:00" "$NUDGE_HOME/rules/zebra.rules" &&
	nudge filter <zebra.eml >out && test_grep "^X-Nudge-Stage: invitation" out &&
	printf "context 0 sf \\bzebrafish\\b\ninvitation -9 s \\bzebrafish\\b\n" \
		>"$NUDGE_HOME/rules/zebra.rules.new" &&
	test "$(wc -c <"$NUDGE_HOME/rules/zebra.rules.new")" = \
		"$(wc -c <"$NUDGE_HOME/rules/zebra.rules")" &&
	cat "$NUDGE_HOME/rules/zebra.rules.new" >"$NUDGE_HOME/rules/zebra.rules" &&
	rm "$NUDGE_HOME/rules/zebra.rules.new" &&
	touch -d "2026-01-01 10:00" "$NUDGE_HOME/rules/zebra.rules" &&
	rm -f "$NUDGE_HOME"/state.db* &&
	cp "$C" cache.before &&
	nudge filter <zebra.eml >out && test_no_grep "^X-Nudge-Stage" out &&
	! cmp -s "$C" cache.before
'
# A user file named like a built-in one replaces it: with en.rules gone, one
# rejection rule outweighs what is left of the invitation (as an added file
# it would not), and the cached run must still see the replacement.
test_expect_success 'a user file that replaces a built-in one: the cache holds the replacement' '
	rm -f "$NUDGE_HOME/rules/zebra.rules" &&
	printf "%s\n" "rejection 40 f \\bdata team\\b" >"$NUDGE_HOME/rules/added.rules" &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_grep "^X-Nudge-Stage: invitation" out &&
	mv "$NUDGE_HOME/rules/added.rules" "$NUDGE_HOME/rules/en.rules" &&
	nudge filter <"$M/ex1-invite.eml" >first &&
	test_grep "^X-Nudge-Stage: rejection" first &&
	cp "$C" cache.replace &&
	nudge filter <"$M/ex1-invite.eml" >second &&
	test_cmp first second &&
	cmp "$C" cache.replace &&
	rm "$NUDGE_HOME/rules/en.rules" &&
	nudge filter <"$M/ex1-invite.eml" >out &&
	test_grep "^X-Nudge-Stage: invitation" out
'
test_expect_success 'a bad user rule warns on every run (no cache hides it)' '
	printf "invitation 5 s (unclosed\n" >"$NUDGE_HOME/rules/bad.rules" &&
	nudge filter <"$M/ex1-invite.eml" >out 2>err && test_grep "bad.rules:1" err &&
	nudge filter <"$M/ex1-invite.eml" >out 2>err && test_grep "bad.rules:1" err
'
test_done
