#!/bin/sh
# make bench: nudge's cost side by side with cat and bogofilter, printed as
# Markdown tables. Measures only; asserts nothing. Run from the repository
# after `make build/rel/nudge build/rel/bench-nudge` (make bench does both).
# BENCH_MESSAGES (default 2000) sets the number of generated messages,
# BENCH_THREADS (default "1000 10000 100000") the database sizes.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${BENCH_CORPUS:-$repo/../shared/corpus}
n=${BENCH_MESSAGES:-2000}
nudge=$repo/build/rel/nudge
helper=$repo/build/rel/bench-nudge
export NUDGE_DATADIR="$repo"

[ -d "$corpus" ] || { echo "bench.sh: no corpus at '$corpus'" >&2; exit 66; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nudge-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "# nudge benchmark"
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
	"$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo);" \
	"$(bogofilter -V 2>&1 | head -n 1)"
echo

# bogofilter, trained on a small ham/spam set in its own folder.
bogo=$tmp/bogo
mkdir -p "$bogo"
find "$corpus/ham/easy-ham-1" -type f | sort | head -n 300 >"$tmp/ham.list"
find "$corpus/ham/spam-1" -type f | sort | head -n 300 >"$tmp/spam.list"
xargs bogofilter -d "$bogo" -n -B <"$tmp/ham.list"
xargs bogofilter -d "$bogo" -s -B <"$tmp/spam.list"

# nudge with its own home: no background due.
home=$tmp/home
mkdir -p "$home"
printf '[filter]\nrun_due = no\n' >"$home/config"

echo "## 1. Per message, in the delivery path ($n messages, 2 KB to 2 MB)"
echo
echo "Median wall time of one process per message (spawn, read, work, write),"
echo "the three programs run one after another on each message, in rotating order."
echo
BENCH_QUIET=1 "$helper" spawn "$corpus" "$n" \
	-- cat cat \
	-- bogofilter bogofilter -d "$bogo" -p -e \
	-- nudge "$nudge" --home "$home" filter
echo

echo "## 2. Classification in one process (msg_parse + record_analyse)"
echo
"$helper" classify "$corpus" "$n" "$repo"
echo

echo "## 3. nudge due --dry-run and nudge list over many threads"
echo
echo "Median of 3 runs."
echo
echo "| threads | messages | due --dry-run | due peak RSS | list | list peak RSS |"
echo "|---|---|---|---|---|---|"
for threads in ${BENCH_THREADS:-1000 10000 100000}; do
	runs=3
	h=$tmp/db$threads
	mkdir -p "$h"
	printf '[user]\nname = Sam Seeker\naddresses = me@example.org\ntimezone = America/New_York\n[filter]\nrun_due = no\n' >"$h/config"
	"$nudge" --home "$h" list >/dev/null
	# A mix as a busy search leaves it: invitations (some with a past
	# interview), pending, references, rejections, do-not-contact, and an
	# offer in one thread of 2,000 (each offer drafts a note in every other
	# open thread: O1); a reply from the user in half of them. Dates within
	# 90 days of --now.
	sqlite3 "$h/state.db" >/dev/null <<EOF
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $threads)
INSERT INTO threads (id, created, subject, norm_subject, domain)
SELECT printf('%016x', i), 1776000000 - (i % 90) * 86400,
       'Interview for role ' || i, 'interview for role ' || i, 'corp' || (i % 997) || '.example'
FROM n;
INSERT INTO messages (message_id, thread_id, date, outgoing, stage, from_addr, from_name,
       to_addr, subject, refs, company, position, contact_addr, contact_name, interview,
       decision)
SELECT 'm' || id || '@corp.example', id, created, 0,
       CASE WHEN abs(random()) % 2000 = 0 THEN 'offer' ELSE
       CASE abs(random()) % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'pending'
       WHEN 2 THEN 'references' WHEN 3 THEN 'rejection' WHEN 4 THEN 'rejection'
       WHEN 5 THEN 'do-not-contact' ELSE 'invitation' END END,
       'hr@' || domain, 'Recruiter', 'me@example.org', subject, '<m' || id || '@corp.example>',
       'Corp', 'Engineer', 'hr@' || domain, 'Recruiter',
       CASE WHEN abs(random()) % 2 THEN created + 5 * 86400 END,
       CASE WHEN abs(random()) % 3 = 0 THEN created + 14 * 86400 END
FROM threads;
INSERT INTO messages (message_id, thread_id, date, outgoing, stage, from_addr, to_addr, subject, refs)
SELECT 'r' || id || '@example.org', id, created + 3600, 1, 'none', 'me@example.org',
       'hr@' || domain, 'Re: ' || subject, '<m' || id || '@corp.example> <r' || id || '@example.org>'
FROM threads WHERE abs(random()) % 2 = 0;
INSERT INTO msgids (message_id, thread_id) SELECT message_id, thread_id FROM messages;
COMMIT;
EOF
	msgs=$(sqlite3 "$h/state.db" 'SELECT count(*) FROM messages')
	due=$("$helper" time $runs -- "$nudge" --home "$h" --now 2026-04-20T10:00:00 due --dry-run)
	list=$("$helper" time $runs -- "$nudge" --home "$h" --now 2026-04-20T10:00:00 list)
	echo "| $threads | $msgs | ${due% ms *} ms | ${due#* ms } | ${list% ms *} ms | ${list#* ms } |"
done
echo

echo "## 4. Peak RSS of one nudge filter run"
echo
echo "| message | wall (median of 5) | peak RSS |"
echo "|---|---|---|"
for size in 10240 20971520; do
	"$helper" make "$corpus" "$size" "$tmp/msg"
	r=$(BENCH_STDIN=$tmp/msg "$helper" time 5 -- "$nudge" --home "$home" filter)
	echo "| $(($size / 1024)) KB | ${r% ms *} ms | ${r#* ms } |"
done
echo
echo "reproduce: make bench (BENCH_MESSAGES=$n)"
