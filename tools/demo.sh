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
EOC
export NUDGE_HOME="$demo/home" NUDGE_DATADIR="$top"

# Split the mbox at its "From " lines, one file per message.
awk -v dir="$demo/split" '
	/^From [^ ]/ { if (out) close(out); n++; out = sprintf("%s/%02d.eml", dir, n); next }
	{ print > out }
' "$top/tools/demo.mbox"

echo "== delivering the sample mail through 'nudge filter'"
for f in "$demo"/split/*.eml; do
	date=$(sed -n 's/^Date: //p' "$f" | head -n 1)
	now=$(TZ=Europe/Berlin date -d "$date" +%Y-%m-%dT%H:%M:%S%:z)
	out="$demo/Mail/new/$(basename "$f" .eml).demo"
	"$nudge" filter --now "$now" <"$f" >"$out"
	stage=$(sed -n 's/^X-Nudge-Stage: //p' "$out")
	printf '  %s  %-45.45s  %s\n' "$now" "$(sed -n 's/^Subject: //p' "$f" | head -n 1)" \
		"${stage:-(not interview mail)}"
done

for now in 2026-03-05T17:00 2026-03-09T13:30 2026-03-16T09:30 2026-03-24T09:30; do
	echo
	echo "== nudge due --now $now"
	"$nudge" due --now "$now"
done

echo
echo "== nudge list --now 2026-03-24T10:00"
"$nudge" list --now 2026-03-24T10:00
echo
echo "Drafts written: $(ls "$demo/Drafts/cur" | wc -l) in $demo/Drafts"
echo "Open them with:  mutt -f demo/Drafts     (the filtered mail: mutt -f demo/Mail)"
echo "Explain one:     NUDGE_HOME=demo/home ./nudge show <THREAD> --now 2026-03-24T10:00"
