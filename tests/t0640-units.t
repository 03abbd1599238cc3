#!/bin/sh
# filters/nudge-due.service and .timer: systemd accepts them (with this
# build's nudge in place of the installed path) and the command the service
# runs writes the due drafts.

. "$(dirname "$0")/lib.sh"

if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "1..0 # SKIP systemd-analyze missing (make deps-test)"
	exit 0
fi

mkdir -p "$TRASH/units"
sed "s#^ExecStart=nudge #ExecStart=$NUDGE_BIN #" "$SRC_DIR/filters/nudge-due.service" \
	>"$TRASH/units/nudge-due.service"
cp "$SRC_DIR/filters/nudge-due.timer" "$TRASH/units/"

test_expect_success 'systemd-analyze verify accepts the units' '
	systemd-analyze verify units/nudge-due.service units/nudge-due.timer 2>err ||
		{ cat err; exit 1; }
	test_no_grep "nudge-due" err
'

test_expect_success 'the timer fires every 15 minutes' '
	sed -n "s/^OnCalendar=//p" units/nudge-due.timer >spec &&
	systemd-analyze calendar --iterations 3 "$(cat spec)" >cal &&
	test_grep "Normalized form: \*-\*-\* \*:00/15:00" cal
'

test_expect_success 'the service command writes the due drafts' '
	write_config </dev/null &&
	nudge --now 2026-02-27T08:00 filter <"$TESTS_DIR/mail/ex1-invite.eml" >/dev/null &&
	cmd=$(sed -n "s/^ExecStart=//p" units/nudge-due.service) &&
	test -n "$cmd" &&
	$cmd --now 2026-03-03T19:30 >out &&
	test_grep "thank-you" out &&
	ls Drafts/cur/* Drafts/new/* 2>/dev/null | grep -q .
'

test_done
