# Tiny TAP library for nudge's shell tests, in the style of Git's test-lib.
# Source it from a tests/tNNNN-*.t script; call test_done at the end.

set -u
: "${NUDGE_BIN:?run the tests through make check}"
TESTS_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_DIR=$(cd "$TESTS_DIR/.." && pwd)
SHARED=${NUDGE_SHARED:-$SRC_DIR/../shared}
CORPUS=$SHARED/corpus
nudge() { "$NUDGE_BIN" "$@"; }

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/nudge-test.XXXXXX")
export NUDGE_HOME="$TRASH/home"
export XDG_CONFIG_HOME="$TRASH/xdg-config" XDG_DATA_HOME="$TRASH/xdg-data"
export TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$NUDGE_HOME"

_n=0
_failed=0
_cleanup_cmds=

# Run at exit, last added first (stop servers, remove the trash folder).
test_at_exit() { _cleanup_cmds="$1; $_cleanup_cmds"; }
# dash runs the EXIT trap in subshells too (a background job, a pipeline):
# only the test script itself cleans up. $(exec sh ...) has our pid as its
# parent exactly when it runs in the script's own shell.
_main_pid=$$
_at_exit() {
	[ "$(exec sh -c 'echo $PPID')" = "$_main_pid" ] || return 0
	eval "$_cleanup_cmds" >/dev/null 2>&1
	[ -n "${NUDGE_KEEP_TRASH:-}" ] || rm -rf "$TRASH"
}
trap _at_exit EXIT

# test_expect_success DESCRIPTION 'shell code': one TAP test; the code runs in
# a subshell inside $TRASH with set -e off, and passes when it returns 0.
test_expect_success() {
	_n=$((_n + 1))
	if (cd "$TRASH" && eval "$2") >"$TRASH/.out" 2>&1; then
		echo "ok $_n - $1"
	else
		echo "not ok $_n - $1"
		sed 's/^/# /' "$TRASH/.out" | tail -n 40
		_failed=$((_failed + 1))
	fi
}

test_skip() { _n=$((_n + 1)); echo "ok $_n # skip $1"; }

test_done() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}

# Helpers for assertions; each prints why it failed.
test_cmp() { diff -u "$1" "$2"; }
test_exit_code() {	# test_exit_code WANT cmd args...
	want=$1; shift
	"$@"; got=$?
	[ "$got" -eq "$want" ] || { echo "exit $got, wanted $want: $*"; return 1; }
}
test_grep() {	# test_grep PATTERN FILE
	grep -q -e "$1" "$2" || { echo "no '$1' in $2:"; cat "$2"; return 1; }
}
test_no_grep() {
	! grep -q -e "$1" "$2" || { echo "unexpected '$1' in $2:"; cat "$2"; return 1; }
}

# write_config: the test user's config in $NUDGE_HOME/config (extra lines on stdin).
write_config() {
	{
		printf '[user]\nname = Alex Example\naddresses = alex@example.org;alex.example@mail.example\ntimezone = %s\n' "${NUDGE_TEST_TZ:-Europe/Berlin}"
		printf '[filter]\nrun_due = no\n'
		printf '[drafts]\nmaildir = %s/Drafts\n' "$TRASH"
		cat
	} >"$NUDGE_HOME/config"
}
