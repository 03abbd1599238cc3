#!/bin/sh
# Runs each fuzzing harness for SECONDS and prints how many inputs it ran.
# Usage: run.sh BUILD_DIR SECONDS HARNESS... Crashes land in
# BUILD_DIR/crashes/<harness>/; copy them to tests/fuzz/regress/<harness>/.
set -u
dir=$1 secs=$2
shift 2
here=$(dirname "$0")
sh "$here/seeds.sh" "$dir/seeds" || exit 1
failed=
total=0
for h in "$@"; do
	mkdir -p "$dir/corpus/$h" "$dir/crashes/$h"
	case $h in fuzz-filter) len=65536 ;; *) len=16384 ;; esac
	"$dir/$h" -max_total_time="$secs" -max_len=$len -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/crashes/$h/" \
		"$dir/corpus/$h" "$dir/seeds/$h" >"$dir/$h.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$h.log" | tail -n 1)
	total=$((total + ${runs:-0}))
	crashes=$(ls "$dir/crashes/$h" | wc -l)
	echo "fuzz: $h: ${runs:-0} executions in ${secs}s, exit $rc, $crashes crash file(s)"
	[ "$rc" -eq 0 ] || { failed="$failed $h"; tail -n 40 "$dir/$h.log"; }
done
echo "fuzz: $total executions in all"
[ -z "$failed" ] || { echo "fuzz: failed:$failed (logs in $dir)"; exit 1; }
