/* nudge mark THREAD WHAT: the user's corrections, kept as events. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "store.h"

static const char *const plain_marks[] = { "sent", "accept", "close", "reopen", "ignore" };

int cmd_mark(struct cli *cli, int argc, char **argv)
{
	g_autoptr(GError) e = NULL;
	g_autofree char *db = NULL, *id = NULL, *kind = NULL;
	struct store *st = NULL;
	gint64 value = 0;
	const char *eq;
	int ret;

	if ((ret = cli_parse(cli, "mark", NULL, &argc, &argv)) < 0)
		return ret;
	if (argc != 3) {
		cli_error("mark wants a thread id and one correction");
		fprintf(stderr, "usage: nudge mark THREAD interview=ISO|decision=DATE|"
			"sent|accept|close|reopen|ignore\n");
		return NUDGE_E_USAGE;
	}
	if ((ret = cli_setup(cli, false)) < 0)
		return ret;
	eq = strchr(argv[2], '=');
	if (eq) {
		kind = g_strndup(argv[2], (gsize)(eq - argv[2]));
		if (strcmp(kind, "interview") != 0 && strcmp(kind, "decision") != 0) {
			cli_error("unknown correction '%s'", argv[2]);
			return NUDGE_E_USAGE;
		}
		if (clock_parse(eq + 1, config_tz(cli->cfg), &value) < 0) {
			cli_error("invalid %s time '%s': want ISO 8601 such as 2026-03-10T09:00",
				  kind, eq + 1);
			return NUDGE_E_USAGE;
		}
	} else {
		for (size_t i = 0; i < G_N_ELEMENTS(plain_marks); i++)
			if (strcmp(argv[2], plain_marks[i]) == 0)
				kind = g_strdup(argv[2]);
		if (!kind) {
			cli_error("unknown correction '%s'", argv[2]);
			return NUDGE_E_USAGE;
		}
	}
	db = cli_db_path(cli);
	if ((ret = store_open(db, &st, &e)) < 0 ||
	    (ret = store_find_thread(st, argv[1], &id, &e)) < 0 ||
	    (ret = store_add_event(st, id, cli->now, kind, value, &e)) < 0)
		cli_error("%s", e->message);
	else
		printf("%s: marked %s\n", id, argv[2]);
	store_close(st);
	return ret;
}
