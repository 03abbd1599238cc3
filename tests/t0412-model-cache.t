#!/bin/sh
# The classifier model's cache (<state>/model.cache): the filter writes it
# when a message first needs the model, reads it afterwards, rebuilds it when
# filters/model/stages.tsv changes, and never uses a damaged one: the stage
# is always what the model file itself says.
. "$(dirname "$0")/lib.sh"

# A copy of the data folder, so the test can change the model.
D=$TRASH/data
mkdir -p "$D/filters" && cp -r "$SRC_DIR/templates" "$D/" &&
cp -r "$SRC_DIR/filters/rules" "$SRC_DIR/filters/model" "$D/filters/"
export NUDGE_DATADIR=$D
write_config </dev/null
C=$NUDGE_HOME/model.cache
# lb-204 is none by the rules and an invitation by the model alone.
MSG=$TESTS_DIR/corpus/labelled/lb-204.eml

inode() { ls -i "$1" | cut -d" " -f1; }
# stage_of: the stage the filter gives MSG in a fresh database (the caches stay).
stage_of() {
	rm -f "$NUDGE_HOME"/state.db* &&
	nudge filter <"$MSG" | sed -n "s/^X-Nudge-Stage: //p"
}
flip_bit() {	# flip_bit FILE OFFSET
	perl -e 'open(my $f, "+<", $ARGV[0]) or die; binmode $f; seek($f, $ARGV[1], 0);
		read($f, my $c, 1) == 1 or die; seek($f, $ARGV[1], 0); print $f chr(ord($c) ^ 1);' "$@"
}

test_expect_success 'the model alone makes lb-204 an invitation' '
	nudge classify --json "$MSG" >json &&
	test_grep "\"stage\":\"invitation\",\"score\":[0-9]*,\"rule\":\"model\"" json
'
test_expect_success 'list mail does not read the model, writes no cache' '
	nudge filter <"$CORPUS/ham/easy-ham-1/$(ls "$CORPUS/ham/easy-ham-1" | head -1)" >/dev/null &&
	! test -e "$C"
'
test_expect_success 'the first message that needs the model writes the cache' '
	test "$(stage_of)" = invitation &&
	test -s "$C" && cp "$C" cache.good
'
test_expect_success 'a matching cache is read, not rewritten' '
	before=$(inode "$C") &&
	test "$(stage_of)" = invitation &&
	test "$(inode "$C")" = "$before" &&
	cmp "$C" cache.good
'
test_expect_success 'a changed model file: the cache is rebuilt and the new model used' '
	sed -i "s/^@lift\t.*/@lift\t999/" "$D/filters/model/stages.tsv" &&
	touch -d "+1 minute" "$D/filters/model/stages.tsv" &&
	test "$(stage_of)" = "" &&
	! cmp -s "$C" cache.good &&
	cp "$SRC_DIR/filters/model/stages.tsv" "$D/filters/model/stages.tsv" &&
	test "$(stage_of)" = invitation &&
	cp "$C" cache.good
'
test_expect_success 'a flipped bit anywhere (head, table, weights, names): same stage, rebuilt' '
	size=$(wc -c <"$C") &&
	for off in 60 300 $((size / 2)) $((size - 10)); do
		cp cache.good "$C" && flip_bit "$C" $off &&
		test "$(stage_of)" = invitation &&
		cmp "$C" cache.good || return 1
	done
'
test_expect_success 'a truncated, empty or foreign cache: same stage' '
	head -c 1000 cache.good >"$C" && test "$(stage_of)" = invitation &&
	: >"$C" && test "$(stage_of)" = invitation &&
	head -c 300000 /dev/urandom >"$C" && test "$(stage_of)" = invitation &&
	cmp "$C" cache.good
'
# A built-in rule that calls a plain invitation a rejection: the model, far
# surer, overrules it; the same rule in the user's folder it never overrules.
test_expect_success 'the model overrules a built-in rule, never a user rule' '
	printf "%s\n" "rejection 200 f \\bdata team\\b" >"$D/filters/rules/zz-test.rules" &&
	nudge classify --json "$TESTS_DIR/mail/ex1-invite.eml" >json &&
	test_grep "\"stage\":\"invitation\",\"score\":[0-9]*,\"rule\":\"model\"" json &&
	mkdir -p "$NUDGE_HOME/rules" &&
	mv "$D/filters/rules/zz-test.rules" "$NUDGE_HOME/rules/zz-test.rules" &&
	nudge classify --json "$TESTS_DIR/mail/ex1-invite.eml" >json &&
	test_grep "\"stage\":\"rejection\",\"score\":[0-9]*,\"rule\":\"zz-test.rules:1\"" json &&
	rm "$NUDGE_HOME/rules/zz-test.rules"
'
test_expect_success 'a malformed model file is an error with file:line, not a stale cache' '
	printf "feature\t1\n" >>"$D/filters/model/stages.tsv" &&
	touch -d "+2 minutes" "$D/filters/model/stages.tsv" &&
	rm -f "$NUDGE_HOME"/state.db* &&
	nudge filter <"$MSG" >out 2>err &&
	cmp out "$MSG" &&
	test_grep "stages.tsv:[0-9]*: malformed model line" err
'
test_done
