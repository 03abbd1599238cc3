/*
 * nudge init: the first-run setup. Asks on the terminal (or takes options
 * with --non-interactive), writes the config with mode 0600 in a folder with
 * mode 0700, never over an existing one without --force, and prints the
 * lines to add to procmail, sieve and Mutt.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "imap.h"
#include "rewrite.h"

struct answers {
	char *name;
	char **addrs;		/* NULL-terminated */
	char *tz;
	char *maildir;
	char *imap_host, *imap_user, *imap_pass_cmd, *imap_drafts;
	int imap_port;		/* 0: the default for TLS */
	int draft_hour;		/* -1: not given */
};

static void answers_clear(struct answers *a)
{
	g_free(a->name);
	g_strfreev(a->addrs);
	g_free(a->tz);
	g_free(a->maildir);
	g_free(a->imap_host);
	g_free(a->imap_user);
	g_free(a->imap_pass_cmd);
	g_free(a->imap_drafts);
}

/* One line from stdin, stripped; NULL at end of input. Caller g_frees. */
static char *ask(const char *question, const char *def)
{
	char buf[4096];

	if (def && *def)
		printf("%s [%s]: ", question, def);
	else
		printf("%s: ", question);
	fflush(stdout);
	if (!fgets(buf, sizeof(buf), stdin)) {
		putchar('\n');
		return NULL;
	}
	g_strstrip(buf);
	if (!*buf && def)
		return g_strdup(def);
	return g_strdup(buf);
}

static bool valid_tz(const char *tz)
{
	GTimeZone *z = *tz ? g_time_zone_new_identifier(tz) : NULL;

	if (!z)
		return false;
	g_time_zone_unref(z);
	return true;
}

static bool valid_hour(const char *s, int *hour)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 23)
		return false;
	*hour = (int)v;
	return true;
}

/* Splits "a@b; c@d" into a vector; NULL when one item is no address. */
static char **split_addrs(const char *s)
{
	g_auto(GStrv) parts = g_strsplit_set(s, ";, ", -1);
	GPtrArray *out = g_ptr_array_new();

	for (size_t i = 0; parts[i]; i++) {
		if (!*parts[i])
			continue;
		if (!strchr(parts[i], '@') || strchr(parts[i], '@') == parts[i]) {
			g_ptr_array_free(out, TRUE);
			return NULL;
		}
		g_ptr_array_add(out, g_strdup(parts[i]));
	}
	if (out->len == 0) {
		g_ptr_array_free(out, TRUE);
		return NULL;
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

/* "host" or "host:port": cuts the port off host into *port (0 when none). */
static bool split_host_port(char *host, int *port)
{
	char *colon = strrchr(host, ':'), *end;
	long v;

	*port = 0;
	if (!*host || strchr(host, ' '))
		return false;
	if (!colon)
		return true;
	v = strtol(colon + 1, &end, 10);
	if (colon == host || !colon[1] || *end || v < 1 || v > 65535)
		return false;
	*port = (int)v;
	*colon = '\0';
	return true;
}

static char *system_tz(void)
{
	GTimeZone *z = g_time_zone_new_local();
	const char *id = g_time_zone_get_identifier(z);
	char *s = g_strdup(id && strcmp(id, "Local") != 0 ? id : "UTC");

	g_time_zone_unref(z);
	return s;
}

/* Logs in and finds the Drafts mailbox, as `nudge due` will. */
static void try_imap(const struct answers *a)
{
	struct imap_config ic = {
		.host = a->imap_host, .port = a->imap_port, .tls = IMAP_TLS_IMAPS,
		.user = a->imap_user,
		.pass_cmd = a->imap_pass_cmd, .drafts = a->imap_drafts,
		.tls_verify = true, .timeout_seconds = 30,
	};
	g_autoptr(GError) e = NULL;
	struct imap *im = NULL;
	const char *box;

	printf("Trying %s ...\n", a->imap_host);
	if (imap_open(&ic, &im, &e) < 0 || imap_drafts_mailbox(im, &box, &e) < 0) {
		printf("That did not work: %s\n"
		       "The config keeps these settings; fix them in the file (see nudge.conf(5),\n"
		       "[imap] port, tls) and run 'nudge doctor' to try again.\n",
		       e ? e->message : "unknown error");
	} else {
		printf("Logged in; drafts will go to '%s'.\n", box);
	}
	imap_close(im);
}

/* Asks until the answer is ok; def is copied first, it may be var itself. */
#define ASK_UNTIL(var, question, def, ok, complaint)		\
	do {							\
		g_autofree char *d_ = g_strdup(def);		\
		for (;;) {					\
			g_free(var);				\
			if (!(var = ask(question, d_)))		\
				goto eof;			\
			if (ok)					\
				break;				\
			printf("%s\n", complaint);		\
		}						\
	} while (0)

static int interview(struct answers *a)
{
	g_autofree char *addrs = NULL, *kind = NULL, *hour = NULL, *tz_def = NULL;
	g_autofree char *def_user = NULL, *def_hour = NULL;

	printf("Setting up nudge. Press Enter to take the answer in [brackets].\n\n");
	ASK_UNTIL(a->name, "Your name, as it should stand under your mail", a->name, true, "");
	{
		g_autofree char *def = a->addrs ? g_strjoinv(";", a->addrs) : NULL;

		ASK_UNTIL(addrs, "Your mail addresses, separated by ';' (the first one sends the drafts)",
			  def, (g_strfreev(a->addrs), (a->addrs = split_addrs(addrs)) != NULL),
			  "Please give at least one address such as alex@example.org.");
	}
	tz_def = a->tz ? g_strdup(a->tz) : system_tz();
	ASK_UNTIL(a->tz, "Your time zone", tz_def, valid_tz(a->tz),
		  "Not a time zone nudge knows; use a name such as Europe/Berlin.");
	ASK_UNTIL(kind, "Where should drafts go: a Maildir folder or an IMAP server? (maildir/imap)",
		  a->imap_host ? "imap" : "maildir",
		  strcmp(kind, "maildir") == 0 || strcmp(kind, "imap") == 0,
		  "Please answer maildir or imap.");
	if (strcmp(kind, "maildir") == 0) {
		g_clear_pointer(&a->imap_host, g_free);
		ASK_UNTIL(a->maildir, "The Maildir Drafts folder", a->maildir ? a->maildir : "~/Mail/Drafts",
			  *a->maildir, "Please give a folder.");
	} else {
		g_clear_pointer(&a->maildir, g_free);
		ASK_UNTIL(a->imap_host, "IMAP server, as host or host:port (TLS, port 993)",
			  a->imap_host, split_host_port(a->imap_host, &a->imap_port),
			  "Please give a host name, or host:port.");
		def_user = g_strdup(a->imap_user ? a->imap_user : a->addrs[0]);
		ASK_UNTIL(a->imap_user, "IMAP login name", def_user, *a->imap_user,
			  "Please give the login name.");
		ASK_UNTIL(a->imap_pass_cmd, "A command that prints the password (e.g. pass show mail)",
			  a->imap_pass_cmd, *a->imap_pass_cmd,
			  "nudge never stores the password itself; please give a command.");
		ASK_UNTIL(a->imap_drafts, "Drafts mailbox (Enter: the one the server marks as Drafts)",
			  a->imap_drafts ? a->imap_drafts : "", true, "");
		if (!*a->imap_drafts)
			g_clear_pointer(&a->imap_drafts, g_free);
		try_imap(a);
	}
	def_hour = g_strdup_printf("%d", a->draft_hour >= 0 ? a->draft_hour : 9);
	ASK_UNTIL(hour, "The hour follow-up drafts should appear (0-23)", def_hour,
		  valid_hour(hour, &a->draft_hour), "Please give a whole hour from 0 to 23.");
	putchar('\n');
	return 0;
eof:
	cli_error("no answer (end of input): nothing written");
	return NUDGE_E_USAGE;
}

/* The config file's text. Caller g_frees. */
static char *config_text(const struct answers *a)
{
	g_autoptr(GKeyFile) kf = g_key_file_new();

	if (a->name && *a->name)
		g_key_file_set_string(kf, "user", "name", a->name);
	g_key_file_set_string_list(kf, "user", "addresses", (const char *const *)a->addrs,
				   g_strv_length(a->addrs));
	if (a->tz)
		g_key_file_set_string(kf, "user", "timezone", a->tz);
	if (a->maildir) {
		g_key_file_set_string(kf, "drafts", "target", "maildir");
		g_key_file_set_string(kf, "drafts", "maildir", a->maildir);
	} else {
		g_key_file_set_string(kf, "drafts", "target", "imap");
		g_key_file_set_string(kf, "imap", "host", a->imap_host);
		if (a->imap_port)
			g_key_file_set_integer(kf, "imap", "port", a->imap_port);
		if (a->imap_user)
			g_key_file_set_string(kf, "imap", "user", a->imap_user);
		if (a->imap_pass_cmd)
			g_key_file_set_string(kf, "imap", "pass_cmd", a->imap_pass_cmd);
		if (a->imap_drafts)
			g_key_file_set_string(kf, "imap", "drafts", a->imap_drafts);
	}
	if (a->draft_hour >= 0)
		g_key_file_set_integer(kf, "etiquette", "draft_hour", a->draft_hour);
	g_key_file_set_comment(kf, NULL, NULL,
			       " nudge configuration, written by 'nudge init'. See nudge.conf(5).", NULL);
	return g_key_file_to_data(kf, NULL, NULL);
}

/* Writes text to path with mode 0600 through a temporary file. */
static int write_config(const char *path, const char *text, GError **err)
{
	g_autofree char *dir = g_path_get_dirname(path);
	g_autofree char *tmp = g_strconcat(path, ".new", NULL);
	struct config *check = NULL;
	int fd, ret;

	if (g_mkdir_with_parents(dir, 0700) < 0 || chmod(dir, 0700) < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot create folder '%s': %s", dir,
				  g_strerror(errno));
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", tmp, g_strerror(errno));
	ret = write_all(fd, text, strlen(text));
	if (ret == 0 && fsync(fd) < 0)
		ret = -errno;
	if (close(fd) < 0 && ret == 0)
		ret = -errno;
	if (ret < 0) {
		unlink(tmp);
		return nudge_fail(err, NUDGE_E_IO, "cannot write '%s': %s", tmp, g_strerror(-ret));
	}
	/* What nudge writes, nudge must read. */
	if ((ret = config_load(tmp, true, &check, err)) < 0) {
		unlink(tmp);
		return ret;
	}
	config_free(check);
	if (rename(tmp, path) < 0) {
		ret = nudge_fail(err, NUDGE_E_IO, "cannot rename '%s' to '%s': %s", tmp, path,
				 g_strerror(errno));
		unlink(tmp);
		return ret;
	}
	return 0;
}

static void print_next_steps(const struct cli *cli, const char *path)
{
	g_autofree char *q = cli->home ? g_shell_quote(cli->home) : NULL;
	g_autofree char *nudge = q ? g_strdup_printf("nudge --home %s", q) : g_strdup("nudge");
	g_autofree char *sieve_args = cli->home ?
		g_strdup_printf("[\"--home\", \"%s\", \"filter\"]", cli->home) :
		g_strdup("[\"filter\"]");

	printf("Wrote %s.\n\n"
	       "Now put nudge into your mail delivery, with one of these:\n\n"
	       "procmail, in ~/.procmailrc:\n\n"
	       "    :0fw\n"
	       "    | %s filter\n\n"
	       "Dovecot sieve (extprograms plugin, nudge linked into sieve_filter_bin_dir):\n\n"
	       "    require [\"vnd.dovecot.filter\"];\n"
	       "    filter \"nudge\" %s;\n\n"
	       "Mutt or NeoMutt, in ~/.muttrc, so nudge also sees the mail you send\n"
	       "(it hands each message to the real sendmail first, unchanged):\n\n"
	       "    set sendmail = \"%s sendmail --sendmail /usr/sbin/sendmail\"\n\n"
	       "Then check everything with\n\n"
	       "    %s doctor\n\n"
	       "and write the drafts that are due every 15 minutes, from cron:\n\n"
	       "    */15 * * * * %s due >/dev/null\n\n"
	       "or with the systemd user timer: systemctl --user enable --now nudge-due.timer\n",
	       path, nudge, sieve_args, nudge, nudge, nudge);
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	gboolean force = FALSE, batch = FALSE;
	struct answers a = { .draft_hour = -1 };
	GOptionEntry entries[] = {
		{ "force", 0, 0, G_OPTION_ARG_NONE, &force, "replace an existing config", NULL },
		{ "non-interactive", 0, 0, G_OPTION_ARG_NONE, &batch,
		  "ask nothing, take the settings from the options", NULL },
		{ "name", 0, 0, G_OPTION_ARG_STRING, &a.name, "your name", "NAME" },
		{ "address", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.addrs,
		  "one of your addresses (repeat for several; the first sends drafts)", "ADDR" },
		{ "timezone", 0, 0, G_OPTION_ARG_STRING, &a.tz,
		  "IANA time zone (default: the system's)", "ZONE" },
		{ "maildir", 0, 0, G_OPTION_ARG_STRING, &a.maildir,
		  "the Maildir Drafts folder", "PATH" },
		{ "imap-host", 0, 0, G_OPTION_ARG_STRING, &a.imap_host,
		  "IMAP server for the drafts", "HOST" },
		{ "imap-port", 0, 0, G_OPTION_ARG_INT, &a.imap_port,
		  "IMAP port (default: 993, TLS)", "PORT" },
		{ "imap-user", 0, 0, G_OPTION_ARG_STRING, &a.imap_user, "IMAP login", "USER" },
		{ "imap-pass-cmd", 0, 0, G_OPTION_ARG_STRING, &a.imap_pass_cmd,
		  "command printing the IMAP password", "CMD" },
		{ "imap-drafts", 0, 0, G_OPTION_ARG_STRING, &a.imap_drafts,
		  "IMAP Drafts mailbox (default: found on the server)", "FOLDER" },
		{ "draft-hour", 0, 0, G_OPTION_ARG_INT, &a.draft_hour,
		  "hour follow-ups appear (default: 9)", "HOUR" },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr(GError) e = NULL;
	g_autofree char *path = NULL, *text = NULL;
	int ret;

	if ((ret = cli_parse(cli, "init", entries, &argc, &argv)) < 0)
		goto out;
	ret = NUDGE_E_USAGE;
	if (argc > 1) {
		cli_error("init takes no arguments, got '%s'", argv[1]);
		goto out;
	}
	if (a.draft_hour < -1 || a.draft_hour > 23) {
		cli_error("invalid --draft-hour '%d': want 0 to 23", a.draft_hour);
		goto out;
	}
	if (a.imap_port < 0 || a.imap_port > 65535) {
		cli_error("invalid --imap-port '%d': want 1 to 65535", a.imap_port);
		goto out;
	}
	if (a.tz && !valid_tz(a.tz)) {
		cli_error("unknown time zone '%s' (want an IANA name such as Europe/Berlin)", a.tz);
		goto out;
	}
	if (a.addrs) {
		g_autofree char *joined = g_strjoinv(";", a.addrs);
		char **split = split_addrs(joined);

		if (!split) {
			cli_error("invalid --address '%s': want addresses such as alex@example.org",
				  joined);
			goto out;
		}
		g_strfreev(a.addrs);
		a.addrs = split;
	}
	path = config_file_path(cli->home);
	if (!force && g_file_test(path, G_FILE_TEST_EXISTS)) {
		cli_error("config '%s' exists already: edit it, or use --force to replace it", path);
		goto out;
	}
	if (batch) {
		if (!a.addrs || (!a.maildir && !a.imap_host) || (a.maildir && a.imap_host)) {
			cli_error("--non-interactive needs --address and one of --maildir or --imap-host");
			goto out;
		}
		if (!a.tz)
			a.tz = system_tz();
	} else if ((ret = interview(&a)) < 0) {
		goto out;
	}
	text = config_text(&a);
	if ((ret = write_config(path, text, &e)) < 0) {
		cli_error("%s", e->message);
		goto out;
	}
	print_next_steps(cli, path);
	ret = 0;
out:
	answers_clear(&a);
	return ret;
}
