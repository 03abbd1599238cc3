#!/bin/sh
# Builds the seed corpus of each fuzzing harness under OUT/<harness>/ from
# ../shared/corpus, tests/mail and the templates. Usage: seeds.sh OUT
set -eu
out=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${NUDGE_SHARED:-$src/../shared}/corpus
max=65536

rm -rf "$out"
mkdir -p "$out/fuzz-filter" "$out/fuzz-facts" "$out/fuzz-template" "$out/fuzz-config"

# The filter: every small message (the whole MIME torture set, the real
# mail, a sample of the SpamAssassin ham).
{
	find "$corpus/mime" "$corpus/real-dev" "$src/tests/mail" "$src/tests/corpus" \
		-type f -size -${max}c 2>/dev/null | sort
	find "$corpus/ham" -type f -name '*.txt' -size -${max}c 2>/dev/null |
		sort | awk 'NR % 10 == 0'
} | SEEDS="$out/fuzz-filter" perl -MFile::Copy -ne \
	'chomp; copy($_, "$ENV{SEEDS}/$.") or die "cannot copy $_: $!\n"'

# Facts: a selector byte, then subject NUL body NUL ics NUL from-name NUL
# from-address NUL organization, from the real and the test mail.
perl -e '
	my ($out, @files) = @ARGV;
	my $n = 0;
	for my $f (@files) {
		open(my $fh, "<", $f) or next;
		local $/; my $m = <$fh>; close $fh;
		my ($h, $b) = split(/\r?\n\r?\n/, $m, 2);
		$b //= "";
		my ($subj) = $h =~ /^Subject:[ \t]*(.*)$/mi;
		my ($from) = $h =~ /^From:[ \t]*(.*)$/mi;
		my ($name, $addr) = ("", "");
		($name, $addr) = ($1, $2) if ($from // "") =~ /^"?([^"<]*)"?\s*<([^>]*)>/;
		my ($ics) = $b =~ /(BEGIN:VCALENDAR.*?END:VCALENDAR)/s;
		$n++;
		open(my $o, ">", "$out/$n") or die;
		print $o chr($n % 256), join("\0", $subj // "", substr($b, 0, 16384),
			$ics // "", $name, $addr, "Northwind Traders");
		close $o;
	}
' "$out/fuzz-facts" $(find "$corpus/real-dev" "$src/tests/mail" "$src/tests/corpus" -name '*.eml' | sort) \
	"$corpus/mime/postal-mime/test/fixtures/calendar-event.eml"

# Templates: each built-in one, followed by values for its placeholders.
n=0
for f in "$src"/templates/*; do
	case $f in *.md) continue ;; esac
	n=$((n + 1))
	{
		cat "$f"
		printf '\0Alex Example\0Alex\0Dear Dana,\0Dana Whitfield\0Northwind\0Senior Data Engineer'
		printf '\0Dana\0Tuesday, 3 March\0on Tuesday\0Friday\0by Friday\0next week\0Sam Lee\0Sam\0Interview'
	} >"$out/fuzz-template/$n"
done

# Configs: an empty one, the one the tests write, and one with every key.
: >"$out/fuzz-config/empty"
printf '[user]\nname = Alex Example\naddresses = alex@example.org;alex.example@mail.example\ntimezone = Europe/Berlin\n[drafts]\nmaildir = /tmp/Drafts\n' \
	>"$out/fuzz-config/tests"
cat >"$out/fuzz-config/all" <<'CONF'
# every key
[user]
name = Zoë Müller
addresses = zoe@example.org
timezone = America/New_York
date_order = dmy
references = Sam Lee <sam@example.org>; Kim Park <kim@example.org>
[drafts]
target = imap
maildir = ~/Mail/Drafts
[imap]
host = imap.example.org
port = 993
tls = implicit
user = zoe
pass_cmd = pass show mail
drafts = Drafts
tls_verify = true
tls_ca_file = /etc/ssl/certs/ca-certificates.crt
timeout = 30
[filter]
max_size = 20M
time_limit = 5
[etiquette]
thank_you_delay_minutes = 90
thank_you_expire_hours = 48
interview_minutes = 60
followup_after_decision_days = 2
followup_no_date_days = 7
min_gap_days = 3
followup2_days = 7
close_days = 30
draft_hour = 9
reply_hour = 10
offer_default_days = 7
competing_margin_days = 2
holidays = 2026-12-25; 2026-01-01
CONF
for h in filter facts template config; do
	echo "seeds: fuzz-$h: $(ls "$out/fuzz-$h" | wc -l) inputs"
done
