# nudge for Dovecot (Pigeonhole): tag interview mail, mark it with the IMAP
# keyword $Interview and file it into the Interviews folder. Everything else
# is left to the rest of your script. The Dovecot settings it needs are in
# filters/README.md.
#
# The filter program runs as the mail user with an almost empty environment:
# to give nudge its folder, pass it here,
#   filter "nudge" ["--home", "/home/alex/.nudge", "filter"];
# or put a small script named nudge in sieve_filter_bin_dir that adds it.

require ["vnd.dovecot.filter", "imap4flags", "fileinto", "mailbox"];

# When nudge fails, is killed or exceeds the timeout Dovecot keeps the
# original message; nudge passes it through untouched long before that.
filter "nudge" ["filter"];

# nudge removes X-Nudge-* headers that arrive with the mail, so only its own
# are seen here.
if exists "X-Nudge-Stage" {
	addflag "$Interview";
	fileinto :create "Interviews";
	stop;
}
