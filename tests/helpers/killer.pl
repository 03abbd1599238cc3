#!/usr/bin/perl
# killer.pl RUNS MAX_MS DIR MSG... : RUNS times, starts `nudge filter` on a
# random message (or, one run in four, `nudge due`), SIGKILLs it after a
# random 0..MAX_MS ms unless it finished first. A filter that finished must
# have exited 0 with the whole message (plus only X-Nudge-* fields) on
# stdout. Prints "killed K, finished F, bad B" and a line per bad run.
use strict;
use warnings;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(usleep);

my ($runs, $max_ms, $dir, @msgs) = @ARGV;
my $bin = $ENV{NUDGE_BIN} or die "NUDGE_BIN not set\n";
my @due = split ' ', ($ENV{DUE_ARGS} // 'due --now 2026-03-03T13:05');
my ($killed, $finished, $bad) = (0, 0, 0);

sub slurp { open(my $f, '<:raw', $_[0]) or return ''; local $/; my $s = <$f>; $s // '' }

for my $i (1 .. $runs) {
	my $due = int(rand(4)) == 0;
	my $msg = $msgs[int(rand(@msgs))];
	my $out = "$dir/run$i.out";
	my $pid = fork() // die "fork: $!\n";
	if (!$pid) {
		open(STDIN, '<', $due ? '/dev/null' : $msg) or die;
		open(STDOUT, '>', $out) or die;
		open(STDERR, '>', "$dir/run$i.err") or die;
		exec($bin, $due ? @due : ('filter')) or die "exec: $!\n";
	}
	usleep(int(rand($max_ms * 1000)));
	kill('KILL', $pid);
	waitpid($pid, 0);
	if (WIFSIGNALED($?) && WTERMSIG($?) == 9) {
		$killed++;
		next;
	}
	$finished++;
	my $why;
	if (!WIFEXITED($?) || WEXITSTATUS($?) != 0) {
		$why = "status $?";
	} elsif (!$due) {
		my ($in, $got) = (slurp($msg), slurp($out));
		my ($h, $b) = split(/^(?=\r?\n)/m, $got, 2);
		$h =~ s/^X-Nudge-(?:Thread|Stage): [^\n]*\n//mg;
		$why = 'output differs' if $h . ($b // '') ne $in;
	}
	if ($why) {
		$bad++;
		print "run $i (", ($due ? 'due' : "filter $msg"), "): $why\n";
	}
}
print "killed $killed, finished $finished, bad $bad\n";
exit($bad ? 1 : 0);
