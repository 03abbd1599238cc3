/* nudge: the dispatcher. Global options, one table of commands, exit codes. */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "cli.h"
#include "clock.h"

static int cmd_help(struct cli *cli, int argc, char **argv);

const struct command commands[] = {
	{ "filter", cmd_filter, "[--outgoing]",
	  "pass one message from stdin to stdout, recording interview mail", true, true },
	{ "due", cmd_due, "[--dry-run] [--until ISO]",
	  "write the drafts that are due (or list them with --dry-run)", false, false },
	{ "list", cmd_list, "[--open] [--tsv]",
	  "show the tracked threads and their next draft", false, false },
	{ "drafts", cmd_drafts, "[--check] [--tsv]",
	  "show the drafts nudge wrote, where, and whether you sent or discarded them", false, false },
	{ "show", cmd_show, "THREAD",
	  "show a thread's timeline and the reason for each planned draft", false, false },
	{ "mark", cmd_mark, "THREAD interview=ISO|decision=DATE|sent|accept|close|reopen|ignore",
	  "correct what nudge knows about a thread", false, false },
	{ "init", cmd_init, "[--force] [--non-interactive] [--name ..] [--address ..] ...",
	  "first-run setup: ask for your settings and write the config", false, false },
	{ "doctor", cmd_doctor, "[--offline]",
	  "check config, database, templates, rules, drafts folder and filter", false, false },
	{ "classify", cmd_classify, "[--outgoing] [--json|--explain] [FILE...]",
	  "show the stage and facts nudge finds in messages; records nothing", false, false },
	{ "sendmail", cmd_sendmail, "[--sendmail PATH] [SENDMAIL-ARGS...]",
	  "send a message with the real sendmail, then record it as sent", false, false },
	{ "sync", cmd_sync, "[--since YYYY-MM-DD] [--keyword KW] [--verbose]",
	  "record the new messages of INBOX and Sent over IMAP", false, false },
	{ "watch", cmd_watch, "[--keyword KW] [--interval SECONDS] [--verbose]",
	  "sync, then due, then wait for new mail (IMAP IDLE); until stopped", false, false },
	{ "help", cmd_help, "[COMMAND]", "show this help, or a command's", false, false },
	{ NULL, NULL, NULL, NULL, false, false },
};

static const char global_usage[] =
	"global options: --home DIR (or NUDGE_HOME), --now ISO-8601, --version";

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_mime(struct cli *cli)
{
	if (!cli->mime)
		g_mime_init();
	cli->mime = true;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("nudge: error: ", fmt, ap);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("nudge: warning: ", fmt, ap);
	va_end(ap);
}

int cli_exit_code(int status)
{
	switch (status) {
	case NUDGE_OK: return EX_OK;
	case NUDGE_E_USAGE: return EX_USAGE;
	case NUDGE_E_CONFIG: return EX_CONFIG;
	case NUDGE_E_IO: return EX_IOERR;
	case NUDGE_E_DB: return EX_TEMPFAIL;
	case NUDGE_E_DATA: return EX_DATAERR;
	case NUDGE_E_NOTFOUND: return EX_NOINPUT;
	case NUDGE_E_NET: return EX_TEMPFAIL;
	case NUDGE_E_TLS: return EX_PROTOCOL;
	case NUDGE_E_AUTH: return EX_NOPERM;
	case NUDGE_E_BUSY: return EX_TEMPFAIL;
	}
	return EX_SOFTWARE;
}

char *cli_cell(const char *s)
{
	char *c = g_strdup(s && *s ? s : "-");

	for (char *p = c; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return c;
}

void cli_print_table(GPtrArray *rows, int ncol, bool tsv)
{
	g_autofree int *width = g_new0(int, ncol);

	for (guint r = 0; r < rows->len; r++)
		for (int c = 0; c < ncol; c++) {
			int w = (int)g_utf8_strlen(((char **)rows->pdata[r])[c], -1);

			if (w > width[c])
				width[c] = w;
		}
	for (guint r = tsv ? 1 : 0; r < rows->len; r++) {
		char **row = rows->pdata[r];

		for (int c = 0; c < ncol; c++) {
			int pad = width[c] - (int)g_utf8_strlen(row[c], -1);

			if (tsv)
				printf("%s%s", row[c], c + 1 < ncol ? "\t" : "\n");
			else
				printf("%s%*s%s", row[c], c + 1 < ncol ? pad + 2 : 0, "",
				       c + 1 < ncol ? "" : "\n");
		}
	}
}

const char *cli_datadir(void)
{
	const char *d = getenv("NUDGE_DATADIR");

	return d && *d ? d : NUDGE_DATADIR;
}

char *cli_db_path(const struct cli *cli)
{
	g_autofree char *dir = config_state_dir(cli->home);

	return g_build_filename(dir, "state.db", NULL);
}

static const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: nudge [--home DIR] [--now ISO] COMMAND [ARGS]\n\ncommands:\n");
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-8s %s\n", c->name, c->summary);
	fprintf(f, "\n%s\nrun 'nudge help COMMAND' for a command's options\n",
		global_usage);
}

static int cmd_help(struct cli *cli, int argc, char **argv)
{
	const struct command *c;
	char *args[] = { NULL, (char *)"--help", NULL };

	(void)cli;
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	if (!(c = find_command(argv[1])) || c->run == cmd_help) {
		cli_error("unknown command '%s'", argv[1]);
		usage(stderr);
		return NUDGE_E_USAGE;
	}
	/* The command's own --help, from its GOptionContext. */
	args[0] = (char *)c->name;
	return c->run(cli, 2, args);
}

int cli_parse(struct cli *cli, const char *cmd, GOptionEntry *entries,
	      int *argc, char ***argv)
{
	const struct command *c = find_command(cmd);
	g_autofree char *param = g_strdup_printf("usage: nudge %s %s", cmd,
						 c ? c->args : "");
	g_autofree char *home = NULL;
	g_autoptr(GOptionContext) ctx = g_option_context_new(NULL);
	g_autoptr(GError) e = NULL;
	GOptionEntry global[] = {
		{ "home", 0, 0, G_OPTION_ARG_FILENAME, &home,
		  "folder of the config and the state (default: XDG folders)", "DIR" },
		{ "now", 0, 0, G_OPTION_ARG_STRING, &cli->now_arg,
		  "the clock, e.g. 2026-03-10T09:00 (default: the real time)", "ISO" },
		G_OPTION_ENTRY_NULL
	};

	g_autofree char *prg = g_strdup_printf("nudge %s", cmd);

	/* "Usage: nudge filter [OPTION...]" rather than the bare command. */
	g_set_prgname(prg);
	g_option_context_set_summary(ctx, c ? c->summary : "");
	g_option_context_set_description(ctx, global_usage);
	g_option_context_set_help_enabled(ctx, TRUE);
	g_option_context_add_main_entries(ctx, global, NULL);
	if (entries)
		g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, argc, argv, &e)) {
		cli_error("%s", e->message);
		fprintf(stderr, "%s\n", param);
		return NUDGE_E_USAGE;
	}
	if (home) {
		g_free(cli->home);
		cli->home = g_steal_pointer(&home);
	}
	return 0;
}

int cli_setup(struct cli *cli, bool config_required)
{
	g_autofree char *path = config_file_path(cli->home);
	GError *e = NULL;
	int ret;

	if ((ret = config_load(path, config_required, &cli->cfg, &e)) < 0) {
		cli->config_error = e;
		return ret;
	}
	if (cli->now_arg) {
		if (clock_parse(cli->now_arg, config_tz(cli->cfg), &cli->now) < 0) {
			cli_error("invalid --now '%s': want ISO 8601 such as 2026-03-10T09:00",
				  cli->now_arg);
			return NUDGE_E_USAGE;
		}
	} else {
		cli->now = g_get_real_time() / G_USEC_PER_SEC;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct cli cli = { .prog = argv[0] };
	const struct command *c;
	const char *env;
	int ret;

	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("nudge %s\n", NUDGE_VERSION);
		return EX_OK;
	}
	/* Global options may stand before the command: move them after it. */
	int first = 1;
	while (first < argc && argv[first][0] == '-') {
		if ((strcmp(argv[first], "--home") == 0 || strcmp(argv[first], "--now") == 0) &&
		    first + 1 < argc)
			first += 2;
		else if (strncmp(argv[first], "--home=", 7) == 0 ||
			 strncmp(argv[first], "--now=", 6) == 0)
			first++;
		else
			break;
	}
	if (first >= argc) {
		cli_error("no command given");
		usage(stderr);
		return EX_USAGE;
	}
	if (argv[first][0] == '-') {
		if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
			usage(stdout);
			return EX_OK;
		}
		cli_error("unknown option '%s'", argv[first]);
		usage(stderr);
		return EX_USAGE;
	}
	if (!(c = find_command(argv[first]))) {
		cli_error("unknown command '%s'", argv[first]);
		usage(stderr);
		return EX_USAGE;
	}
	/* Loading a locale was also a tenth of a filter run. */
	if (!c->c_locale)
		setlocale(LC_ALL, "");
	/* argv for the command: its name, then everything else in order. */
	g_autofree char **cargv = g_new0(char *, (gsize)argc + 1);
	int cargc = 0;
	cargv[cargc++] = argv[first];
	for (int i = 1; i < argc; i++)
		if (i != first)
			cargv[cargc++] = argv[i];

	env = getenv("NUDGE_HOME");
	if (env && *env)
		cli.home = g_strdup(env);
	if (!c->lazy_mime)
		cli_mime(&cli);
	ret = c->run(&cli, cargc, cargv);
	if (ret < 0 && cli.config_error) {
		cli_error("%s", cli.config_error->message);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write output: %s", g_strerror(errno));
		if (ret == 0)
			ret = NUDGE_E_IO;
	}
	g_clear_error(&cli.config_error);
	config_free(cli.cfg);
	g_free(cli.home);
	g_free(cli.now_arg);
	if (cli.mime)
		g_mime_shutdown();
	return cli_exit_code(ret);
}
