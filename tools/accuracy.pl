#!/usr/bin/perl
# accuracy.pl NUDGE [--min key=value ...] LABELLED-DIR... -- HAM-DIR...
#
# Runs `nudge classify` over labelled folders (each with a labels.tsv:
# file, direction, stage, interview_date, decision_date, company, note;
# rows with stage "skip" are left out) and over unlabelled everyday mail
# (every message there should be none), then prints precision and recall of
# "interview-related", stage accuracy, interview- and decision-date accuracy,
# the false positives on everyday mail and the confusion matrix.
# With --min, exits 1 when a figure is below its minimum (for make check).
use strict;
use warnings;

my $nudge = shift or die "usage: accuracy.pl NUDGE [--min k=v]... DIR... -- HAMDIR...\n";
my (%min, @labelled, @ham);
my $in_ham = 0;
while (@ARGV) {
	my $a = shift;
	if ($a eq '--min') { my ($k, $v) = split /=/, shift, 2; $min{$k} = $v; }
	elsif ($a eq '--') { $in_ham = 1; }
	elsif ($in_ham) { push @ham, $a; }
	else { push @labelled, $a; }
}

# Classifies files in batches: file -> [stage, interview, decision].
sub classify {
	my ($opts, @files) = @_;
	my %out;
	while (my @batch = splice(@files, 0, 200)) {
		open(my $p, '-|', $nudge, 'classify', @$opts, @batch) or die "cannot run $nudge: $!\n";
		while (<$p>) {
			chomp;
			my ($stage, $score, $iv, $dd, $co, $file) = split /\t/, $_, 6;
			$out{$file} = [$stage, $iv, $dd];
		}
		close $p;
	}
	return %out;
}

my (%conf, $n, $stage_ok, $tp, $fp, $fn);
my ($iv_n, $iv_ok, $dd_n, $dd_ok) = (0, 0, 0, 0);
($n, $stage_ok, $tp, $fp, $fn) = (0, 0, 0, 0, 0);
my @wrong;
for my $dir (@labelled) {
	open(my $l, '<', "$dir/labels.tsv") or die "cannot read $dir/labels.tsv: $!\n";
	my (@in, @out, %want);
	while (<$l>) {
		chomp;
		next if $. == 1 || /^\s*$/;
		my ($file, $dirn, $stage, $iv, $dd) = split /\t/;
		next if $stage eq 'skip';
		$want{"$dir/$file"} = [$dirn, $stage, $iv, $dd];
		push @{$dirn eq 'out' ? \@out : \@in}, "$dir/$file";
	}
	my %got = (classify([], @in), classify(['--outgoing'], @out));
	for my $f (sort keys %want) {
		my ($dirn, $stage, $iv, $dd) = @{$want{$f}};
		my $g = $got{$f} or die "no answer for $f\n";
		$n++;
		$conf{$stage}{$g->[0]}++;
		if ($g->[0] eq $stage) { $stage_ok++; } else { push @wrong, "$f: $stage, got $g->[0]"; }
		if ($dirn eq 'in') {
			my ($pos, $pred) = ($stage ne 'none', $g->[0] ne 'none');
			$tp++ if $pos && $pred;
			$fp++ if !$pos && $pred;
			$fn++ if $pos && !$pred;
		}
		if ($iv ne '-' || ($g->[1] ne '-' && $stage ne 'none')) {
			$iv_n++;
			if ($g->[1] eq $iv) { $iv_ok++ } else { push @wrong, "$f: interview $iv, got $g->[1]" }
		}
		if ($dd ne '-' || ($g->[2] ne '-' && $stage ne 'none')) {
			$dd_n++;
			if ($g->[2] eq $dd) { $dd_ok++ } else { push @wrong, "$f: decision $dd, got $g->[2]" }
		}
	}
}

my ($ham_n, $ham_fp) = (0, 0);
my @ham_files;
for my $dir (@ham) {
	opendir(my $d, $dir) or die "cannot read $dir: $!\n";
	push @ham_files, map { "$dir/$_" } grep { -f "$dir/$_" && !/^(LICENSE|NOTICE|README)/ } sort readdir $d;
}
my %hg = classify([], @ham_files);
for my $f (@ham_files) {
	$ham_n++;
	if (($hg{$f} // ['none'])->[0] ne 'none') { $ham_fp++; push @wrong, "$f: none, got $hg{$f}[0]"; }
}

sub ratio { my ($a, $b) = @_; return $b ? $a / $b : 1; }
my %fig = (
	precision => ratio($tp, $tp + $fp),
	recall => ratio($tp, $tp + $fn),
	stage => ratio($stage_ok, $n),
	interview_date => ratio($iv_ok, $iv_n),
	decision_date => ratio($dd_ok, $dd_n),
	ham_false_positive => $ham_n ? $ham_fp / $ham_n : 0,
);
printf "labelled messages    %d\n", $n;
printf "interview-related    precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)\n",
	$fig{precision}, $fig{recall}, $tp, $fp, $fn;
printf "stage accuracy       %.3f  (%d of %d)\n", $fig{stage}, $stage_ok, $n;
printf "interview date       %.3f  (%d of %d)\n", $fig{interview_date}, $iv_ok, $iv_n;
printf "decision date        %.3f  (%d of %d)\n", $fig{decision_date}, $dd_ok, $dd_n;
printf "everyday mail        %d messages, %d tagged (false positives %.4f)\n",
	$ham_n, $ham_fp, $fig{ham_false_positive} if $ham_n;
my @st = qw(none invitation pending references rejection offer do-not-contact acceptance);
my %short = (none => 'none', invitation => 'invite', pending => 'pending',
	references => 'refs', rejection => 'reject', offer => 'offer',
	'do-not-contact' => 'dnc', acceptance => 'accept');
print "\nconfusion (rows: label, columns: nudge)\n";
printf "%-15s%s\n", '', join('', map { sprintf "%8s", $short{$_} } @st);
for my $r (@st) {
	next unless $conf{$r};
	printf "%-15s%s\n", $r, join('', map { sprintf "%8d", $conf{$r}{$_} // 0 } @st);
}
if (@wrong && $ENV{ACCURACY_VERBOSE}) { print "\n"; print "$_\n" for @wrong; }

my $fail = 0;
for my $k (sort keys %min) {
	die "unknown figure '$k'\n" unless exists $fig{$k};
	my $bad = $k eq 'ham_false_positive' ? $fig{$k} > $min{$k} : $fig{$k} < $min{$k};
	if ($bad) { printf "below the bar: %s %.4f (wanted %s)\n", $k, $fig{$k}, $min{$k}; $fail = 1; }
}
exit $fail;
