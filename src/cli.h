/* What every subcommand gets from the dispatcher: options, config, clock. */
#ifndef NUDGE_CLI_H
#define NUDGE_CLI_H

#include <stdio.h>

#include "config.h"
#include "nudge.h"

struct cli {
	const char *prog;
	char *home;		/* --home or $NUDGE_HOME; NULL for XDG paths */
	char *now_arg;		/* --now as given */
	gint64 now;
	struct config *cfg;	/* loaded by cli_load_config() */
	GError *config_error;	/* why the config could not be loaded */
	bool mime;		/* GMime is set up (cli_mime()) */
};

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *args;	/* e.g. "[--outgoing]" */
	const char *summary;	/* one line for `nudge help` */
	/* Stays in the C locale: what it passes on and records must not
	 * depend on the environment it runs in (the mail system's). */
	bool c_locale;
	/* Sets GMime up itself (cli_mime()), only when it parses a message:
	 * most mail it passes on unparsed. */
	bool lazy_mime;
};

extern const struct command commands[];

/* Loads the config (required or not) and resolves --now in its zone.
 * Returns 0 or a negative status with the message printed. */
int cli_setup(struct cli *cli, bool config_required);

/* Parses a command's options (GOptionContext with the global ones added);
 * returns 0 or NUDGE_E_USAGE with the message printed. */
int cli_parse(struct cli *cli, const char *cmd, GOptionEntry *entries,
	      int *argc, char ***argv);

/* Sets GMime up, once; main() shuts it down. */
void cli_mime(struct cli *cli);

/* "error: ..." on stderr. */
void cli_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void cli_warn(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* A table cell: "-" for nothing, tabs and line breaks made blanks.
 * Caller g_frees. */
char *cli_cell(const char *s);
/* Prints rows (NULL-terminated string vectors of ncol cells, the first the
 * heading) as aligned columns, or without the heading as TSV. */
void cli_print_table(GPtrArray *rows, int ncol, bool tsv);

/* sysexits.h code for a status. */
int cli_exit_code(int status);

/* The path of the state database. Caller g_frees. */
char *cli_db_path(const struct cli *cli);
/* Where templates/ and filters/ are: $NUDGE_DATADIR or the built-in path. */
const char *cli_datadir(void);

int cmd_filter(struct cli *cli, int argc, char **argv);
int cmd_due(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_drafts(struct cli *cli, int argc, char **argv);
int cmd_show(struct cli *cli, int argc, char **argv);
int cmd_mark(struct cli *cli, int argc, char **argv);
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_doctor(struct cli *cli, int argc, char **argv);
int cmd_classify(struct cli *cli, int argc, char **argv);
int cmd_sync(struct cli *cli, int argc, char **argv);
int cmd_watch(struct cli *cli, int argc, char **argv);
/* Exits with the real sendmail's status instead of returning. */
int cmd_sendmail(struct cli *cli, int argc, char **argv) G_GNUC_NORETURN;

#endif
