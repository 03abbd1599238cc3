#!/bin/sh
# Every input the fuzzers ever crashed on (tests/fuzz/regress/<harness>/),
# replayed through the same harness code built with gcc and the sanitizers.
. "$(dirname "$0")/lib.sh"

for dir in "$TESTS_DIR"/fuzz/regress/*/; do
	h=$(basename "$dir")
	test_expect_success "$h: every regression input runs clean" '
		"$NUDGE_UNIT/replay-$h" "$dir" >out 2>err &&
		test "$(grep -c "^replayed " out)" = "$(ls "$dir" | wc -l)" &&
		test_cmp /dev/null err
	'
done
test_done
