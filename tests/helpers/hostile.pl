#!/usr/bin/perl
# hostile.pl KIND > message: builds one hostile message for the tests.
# Kinds: long-header, many-parts, deep, charsets, backtrack RULES_DIR.
use strict;
use warnings;

my $kind = shift // die "usage: hostile.pl KIND [ARGS]\n";
my $head = "From: Dana Whitfield <dana.whitfield\@northwind.example>\n"
	. "To: Alex Example <alex\@example.org>\n"
	. "Date: Thu, 26 Feb 2026 14:05:00 -0500\n"
	. "MIME-Version: 1.0\n";
my $invite = "We would like to invite you to an interview on Tuesday, March 3 at 10:00 AM.\n";
binmode STDOUT;

if ($kind eq 'long-header') {
	# One 2 MiB header line, folded nowhere.
	print $head, "Message-ID: <long\@northwind.example>\n",
		"Subject: Interview ", "x" x (2 << 20), "\n\n", $invite;
} elsif ($kind eq 'many-parts') {
	print $head, "Message-ID: <parts\@northwind.example>\nSubject: Interview invitation\n",
		"Content-Type: multipart/mixed; boundary=\"b\"\n\n";
	for my $i (1 .. 10000) {
		print "--b\nContent-Type: text/plain\n\n", ($i == 1 ? $invite : "part $i\n");
	}
	print "--b--\n";
} elsif ($kind eq 'deep') {
	my $depth = 1000;
	print $head, "Message-ID: <deep\@northwind.example>\nSubject: Interview invitation\n",
		"Content-Type: multipart/mixed; boundary=\"d0\"\n\n";
	for my $i (1 .. $depth - 1) {
		print "--d", $i - 1, "\nContent-Type: multipart/mixed; boundary=\"d$i\"\n\n";
	}
	print "--d", $depth - 1, "\nContent-Type: text/plain\n\n", $invite;
	for my $i (reverse 0 .. $depth - 1) {
		print "--d$i--\n";
	}
} elsif ($kind eq 'charsets') {
	# Unknown, misspelt and lying charsets, in headers and in parts.
	print $head, "Message-ID: <charsets\@northwind.example>\n",
		"Subject: =?x-no-such-charset?B?SW50ZXJ2aWV3IMO8w7w=?= =?utf-8?Q?=FF=FE=C3?= =?utf-7?B?K0FPUS0=?=\n",
		"Content-Type: multipart/mixed; boundary=\"c\"\n\n";
	for my $cs ('x-no-such-charset', 'utf-8', 'utf-7', 'iso-2022-jp', 'utf-16', '"', 'ks_c_5601-1987', 'gb2312') {
		print "--c\nContent-Type: text/plain; charset=$cs\nContent-Transfer-Encoding: 8bit\n\n",
			$invite, "\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc \e\$B\e(B +AOQ- \x00 end\n";
	}
	print "--c\nContent-Type: text/html; charset=x-bogus\nContent-Transfer-Encoding: quoted-printable\n\n",
		"<p>=FF=FE=C0=AF interview =\n</p>\n--c--\n";
} elsif ($kind eq 'backtrack') {
	# Every word of every rule, run together without sentence ends, then
	# runs of the characters the rules repeat: no rule may blow up on it.
	my $dir = shift // die "backtrack needs the rules folder\n";
	my %seen;
	my @words;
	for my $f (sort glob("$dir/*.rules")) {
		open(my $fh, '<:raw', $f) or die "$f: $!\n";
		while (<$fh>) {
			next if /^\s*(#|$)/;
			for my $w (/([[:alpha:]\x80-\xff][[:alpha:]\x80-\xff'-]+)/g) {
				push @words, $w unless $seen{lc $w}++;
			}
		}
	}
	my $body = '';
	my $i = 0;
	while (length($body) < 200_000) {
		$body .= $words[$i++ % @words] . ($i % 7 ? ' ' : '  - ');
	}
	print $head, "Message-ID: <backtrack\@northwind.example>\n",
		"Subject: Interview ", join(' ', @words[0 .. 200]), "\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
		$invite, $body, "\n", "a " x 20000, "\n", "\xc3\xa9" x 20000, "\n",
		"-" x 50000, "\n", ("interview " x 5000), "\n";
} else {
	die "hostile.pl: unknown kind '$kind'\n";
}
