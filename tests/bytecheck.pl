#!/usr/bin/perl
# bytecheck.pl [-j N] < list of files
# Runs "$NUDGE_BIN filter" on each file and checks that the output is the
# input byte for byte, except that X-Nudge-* fields of the header block are
# removed and X-Nudge-Thread + X-Nudge-Stage may be added right before the
# header/body separator in the message's own line ending. Prints one line per
# failure, then "checked N, tagged T, failed F" and the tagged files on
# request (-t). Exits 1 on any failure.
use strict;
use warnings;

my $jobs = 2;
my $list_tagged = 0;
while (@ARGV) {
	my $a = shift;
	if ($a eq '-j') { $jobs = shift; }
	elsif ($a eq '-t') { $list_tagged = 1; }
	else { die "usage: bytecheck.pl [-j N] [-t] < files\n"; }
}
my $bin = $ENV{NUDGE_BIN} or die "NUDGE_BIN not set\n";
my $tmp = $ENV{TRASH} || "/tmp";
my @files = map { chomp; $_ } <STDIN>;

sub slurp { my ($f) = @_; open(my $h, '<:raw', $f) or return undef; local $/; my $d = <$h>; $d = '' unless defined $d; return $d; }

# Returns "" when out is a correct rewrite of in, else the reason.
sub verify {
	my ($in, $out) = @_;
	my @lines = split /(?<=\n)/, $in;
	my ($pos, $sep, $first, $crlf, $skip) = (0, -1, 1, 0, 0);
	my $expect = '';
	for my $l (@lines) {
		if ($l eq "\n" || $l eq "\r\n") { $sep = $pos; last; }
		if ($first && $l =~ /\n\z/) { $crlf = ($l =~ /\r\n\z/) ? 1 : 0; }
		$first = 0;
		if ($l =~ /^[ \t]/ && $skip) { $pos += length $l; next; }
		$skip = ($l =~ /^x-nudge-[^:]*:/i) ? 1 : 0;
		$expect .= $l unless $skip;
		$pos += length $l;
	}
	my $body = $sep >= 0 ? substr($in, $sep) : '';
	return "header block differs" if substr($out, 0, length $expect) ne $expect;
	my $rest = substr($out, length $expect);
	my $eol = $crlf ? "\r\n" : "\n";
	my $tagged = 0;
	if ($rest =~ /\AX-Nudge-Thread: [0-9a-f]{8}\Q$eol\EX-Nudge-Stage: (none|invitation|pending|references|rejection|offer|do-not-contact|acceptance)\Q$eol\E/) {
		return "tags added to a message without a header/body separator" if $sep <= 0;
		$rest = substr($rest, length $&);
		$tagged = 1;
	}
	return "body differs" if $rest ne $body;
	return $tagged ? "tagged" : "";
}

my ($checked, $failed, $tagged) = (0, 0, 0);
my @tagged_files;
my %kids;
my $i = 0;
# Workers write "file\tverdict" lines to a pipe each.
pipe(my $r, my $w) or die;
for my $k (0 .. $jobs - 1) {
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		close $r;
		select((select($w), $| = 1)[0]);
		for (my $n = $k; $n < @files; $n += $jobs) {
			my $f = $files[$n];
			my $o = "$tmp/.bc-out-$k";
			my $e = "$tmp/.bc-err-$k";
			my $rc = system("\"$bin\" filter <\"$f\" >\"$o\" 2>\"$e\"") >> 8;
			my $in = slurp($f);
			my $out = slurp($o);
			my $err = slurp($e);
			my $v;
			if ($rc != 0) { $v = "exit $rc: " . (split /\n/, $err)[0]; }
			elsif ($err =~ /AddressSanitizer|runtime error|LeakSanitizer/) { $v = "sanitizer: " . (split /\n/, $err)[0]; }
			else { $v = verify($in, $out); }
			print $w "$f\t$v\n";
		}
		exit 0;
	}
	$kids{$pid} = 1;
}
close $w;
while (my $line = <$r>) {
	chomp $line;
	my ($f, $v) = split /\t/, $line, 2;
	$checked++;
	if ($v eq 'tagged') { $tagged++; push @tagged_files, $f; }
	elsif ($v ne '') { $failed++; print "FAIL $f: $v\n"; }
}
waitpid($_, 0) for keys %kids;
print "tagged $_\n" for ($list_tagged ? @tagged_files : ());
print "checked $checked, tagged $tagged, failed $failed\n";
exit($failed || $checked != @files ? 1 : 0);
