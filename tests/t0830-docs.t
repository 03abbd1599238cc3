#!/bin/sh
# The man pages build with make, render without a single warning from man and
# groff, and document every command, option and config key nudge has; the
# bash and zsh completions know them too.
. "$(dirname "$0")/lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
MAN1=$SRC_DIR/build/man/nudge.1
MAN5=$SRC_DIR/build/man/nudge.conf.5

# Every command of `nudge help`, one a line.
nudge help | sed -n "s/^  \([a-z][a-z]*\) .*/\1/p" >"$TRASH/commands"
# Every long option of every command's help, as "command option".
while read -r c; do
	[ "$c" = help ] && continue
	nudge help "$c" | sed -n "s/^ *\(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/$c \2/p" |
		grep -v -e " --help$" -e " --home$" -e " --now$"
done <"$TRASH/commands" >"$TRASH/options"
# Every config key of src/config.c, as "group key".
sed -n 's/^[[:space:]]*{ "\([a-z]*\)", "\([a-z_0-9]*\)".*/\1 \2/p' "$SRC_DIR/src/config.c" >"$TRASH/keys"

test_expect_success 'the lists to check against are not empty' '
	test "$(wc -l <commands)" -ge 8 &&
	test "$(wc -l <options)" -ge 15 &&
	test "$(wc -l <keys)" -ge 30 &&
	test_grep "^init --non-interactive$" options &&
	test_grep "^imap pass_cmd$" keys
'
test_expect_success 'make man builds nudge(1) and nudge.conf(5)' '
	make -s -C "$SRC_DIR" man >log 2>&1 || { cat log; false; } &&
	test -s "$MAN1" && test -s "$MAN5"
'
test_expect_success 'man --warnings and groff -ww find nothing to complain about' '
	for m in "$MAN1" "$MAN5"; do
		MANWIDTH=80 man --warnings -l "$m" >page 2>err &&
		test_cmp /dev/null err &&
		test -s page &&
		groff -ww -z -man -Tutf8 "$m" 2>err &&
		test_cmp /dev/null err || return 1
	done
'
MANWIDTH=200 man -l "$MAN1" 2>/dev/null | col -b >"$TRASH/nudge.1.txt"
MANWIDTH=200 man -l "$MAN5" 2>/dev/null | col -b >"$TRASH/nudge.conf.5.txt"
test_expect_success 'nudge(1) documents every command and option' '
	while read -r c; do
		grep -q "^       $c\( \|$\)" nudge.1.txt || { echo "command $c missing"; return 1; }
	done <commands &&
	while read -r c o; do
		grep -q -e "$o\>" nudge.1.txt || { echo "$c $o missing"; return 1; }
	done <options &&
	for s in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
		test_grep "^$s" nudge.1.txt || return 1
	done &&
	for code in 0 64 65 66 74 75 78; do
		grep -q "^       $code$" nudge.1.txt || { echo "exit code $code missing"; return 1; }
	done &&
	test_grep "| nudge filter" nudge.1.txt &&
	test_grep "vnd.dovecot.filter" nudge.1.txt &&
	test_grep "set sendmail" nudge.1.txt
'
test_expect_success 'nudge.conf(5) documents every key with its default' '
	while read -r g k; do
		awk -v g="[$g]" -v k="$k" "
			/^\[/ { in_g = (\$1 == g) }
			in_g && \$1 == k && /\(default: / { found = 1 }
			END { exit !found }" nudge.conf.5.txt || { echo "[$g] $k missing"; return 1; }
	done <keys
'
test_expect_success 'the bash completion registers and completes commands and options' '
	bash -c ". \"$SRC_DIR/completions/nudge.bash\" && complete -p nudge" >out &&
	test_grep "complete -F _nudge nudge" out &&
	cat >complete.sh <<-\EOF &&
	. "$1/completions/nudge.bash"
	shift
	COMP_WORDS=(nudge "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
	_nudge
	printf "%s\n" "${COMPREPLY[@]}"
	EOF
	bash complete.sh "$SRC_DIR" "" >got &&
	sort commands >want && sort got >got.sorted && test_cmp want got.sorted &&
	bash complete.sh "$SRC_DIR" --home /tmp d >got &&
	test_grep "^due$" got && test_grep "^doctor$" got &&
	bash complete.sh "$SRC_DIR" mark 3f2a c >got &&
	test_grep "^close$" got &&
	while read -r c o; do
		bash complete.sh "$SRC_DIR" "$c" "$o" >got &&
		grep -q -x -e "$o" got || { echo "bash: $c $o not completed"; return 1; }
	done <options
'
if command -v zsh >/dev/null 2>&1; then
	test_expect_success 'the zsh completion parses and names every command and option' '
		zsh -n "$SRC_DIR/completions/_nudge" &&
		while read -r c; do
			grep -q "^	$c)\|.$c:" "$SRC_DIR/completions/_nudge" ||
				{ echo "zsh: $c missing"; return 1; }
		done <commands &&
		while read -r c o; do
			grep -q -e "$o[[,}]" "$SRC_DIR/completions/_nudge" ||
				{ echo "zsh: $o missing"; return 1; }
		done <options
	'
else
	test_skip 'zsh missing (make deps-test)'
fi
test_done
