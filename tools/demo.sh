#!/bin/sh
# make demo: the main job on bundled sample mail. Each message of
# tools/demo.mbox goes through `nudge filter` with the clock at its Date and
# is delivered into demo/Mail (a Maildir); `nudge due` then runs at a few
# later dates and leaves its drafts in demo/Drafts.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
demo=$top/demo
nudge=$top/nudge

rm -rf "$demo"
mkdir -p "$demo/home" "$demo/split" "$demo/Mail/cur" "$demo/Mail/new" "$demo/Mail/tmp"
cat >"$demo/home/config" <<EOC
[user]
name = Alex Example
addresses = alex@example.org
timezone = Europe/Berlin

[drafts]
maildir = $demo/Drafts

# The demo runs nudge due itself at chosen times, in order with the mail;
# in real use the filter starts it in the background after each message.
[filter]
run_due = no
EOC
export NUDGE_HOME="$demo/home" NUDGE_DATADIR="$top"

# Split the mbox at its "From " lines, one file per message.
awk -v dir="$demo/split" '
	/^From [^ ]/ { if (out) close(out); n++; out = sprintf("%s/%02d.eml", dir, n); next }
	{ print > out }
' "$top/tools/demo.mbox"

# Runs nudge due at the checkpoints that come before the time $1.
checkpoints="2026-03-05T17:00 2026-03-09T13:30 2026-03-16T09:30 2026-03-24T09:30"
due_until() {
	for c in $checkpoints; do
		[ "$(TZ=Europe/Berlin date -d "$c" +%s)" -lt "$1" ] || continue
		case " $done_checkpoints " in *" $c "*) continue ;; esac
		done_checkpoints="$done_checkpoints $c"
		echo "== nudge due --now $c"
		"$nudge" due --now "$c" | sed 's/^/  /'
	done
}

echo "== mail through 'nudge filter' (and 'nudge due' at a few times), in order"
done_checkpoints=
for f in "$demo"/split/*.eml; do
	date=$(sed -n 's/^Date: //p' "$f" | head -n 1)
	now=$(TZ=Europe/Berlin date -d "$date" +%Y-%m-%dT%H:%M:%S%:z)
	due_until "$(date -d "$date" +%s)"
	out="$demo/Mail/new/$(basename "$f" .eml).demo"
	"$nudge" filter --now "$now" <"$f" >"$out"
	stage=$(sed -n 's/^X-Nudge-Stage: //p' "$out")
	printf '  %s  %-45.45s  %s\n' "$now" "$(sed -n 's/^Subject: //p' "$f" | head -n 1)" \
		"${stage:-(not interview mail)}"
done
due_until "$(date -d 2026-12-31 +%s)"
echo
echo "== nudge list --now 2026-03-24T10:00"
"$nudge" list --now 2026-03-24T10:00
echo
echo "Drafts written: $(ls "$demo/Drafts/cur" | wc -l) in $demo/Drafts"
echo "Open them with:  mutt -f demo/Drafts     (the filtered mail: mutt -f demo/Mail)"
echo "Explain one:     NUDGE_HOME=demo/home ./nudge show <THREAD> --now 2026-03-24T10:00"
