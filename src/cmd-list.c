/* nudge list: the tracked threads, their state and their next draft. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "schedule.h"

/* clock_iso(), with the zone's offsets remembered across the listing. */
static char *iso(struct et_calendar *cal, GTimeZone *tz, gint64 t)
{
	if (t < 86400 || t > (gint64)253402214400)
		return clock_iso(t, tz);
	return clock_iso_local(et_calendar_local(cal, t));
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	gboolean tsv = FALSE, open_only = FALSE;
	GOptionEntry entries[] = {
		{ "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "tab-separated, for scripts", NULL },
		{ "open", 0, 0, G_OPTION_ARG_NONE, &open_only, "hide closed threads", NULL },
		G_OPTION_ENTRY_NULL
	};
	static const char *const head[] = { "THREAD", "COMPANY", "POSITION", "STAGE",
					    "STATE", "LAST", "NEXT" };
	enum { NCOL = G_N_ELEMENTS(head) };
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	g_autoptr(GPtrArray) drafts = NULL;
	g_autoptr(GHashTable) failed = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree const struct et_draft **next_of = NULL;
	g_autofree char *db = NULL;
	struct schedule *s = NULL;
	struct store *st = NULL;
	struct et_calendar *cal = NULL;
	GTimeZone *tz;
	int ret;

	if ((ret = cli_parse(cli, "list", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("list takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	if ((ret = cli_setup(cli, false)) < 0)
		return ret;
	db = cli_db_path(cli);
	if ((ret = store_open(db, &st, &e)) < 0 ||
	    (ret = store_draft_list(st, &drafts, &e)) < 0 ||
	    (ret = schedule_compute_brief(st, cli->cfg, cli->now, &s, &e)) < 0) {
		cli_error("%s", e->message);
		goto out;
	}
	for (guint i = 0; i < drafts->len; i++) {
		struct draft_rec *r = drafts->pdata[i];

		if (strcmp(r->state, "failed") == 0)
			g_hash_table_insert(failed, r->key, r);
	}
	next_of = schedule_next_drafts(s, drafts, cli->now);
	tz = config_tz(cli->cfg);
	cal = et_calendar_new(tz);

	g_ptr_array_add(rows, g_strdupv((char **)head));
	for (guint i = 0; i < s->threads->len; i++) {
		const struct stored_thread *t = s->threads->pdata[i];
		const struct et_thread_state *ts = &s->res.states[i];
		const struct et_draft *d = next_of[i];
		struct thread_facts f;
		char **row = g_new0(char *, NCOL + 1);
		g_autofree char *last = NULL, *next = NULL;

		if (open_only && ts->state != ET_OPEN) {
			g_free(row);
			continue;
		}
		thread_facts_get(t, &f);
		if (f.last) {
			g_autofree char *when = iso(cal, tz, f.last->date);

			last = g_strconcat(when, f.last->outgoing ? " out" : " in", NULL);
		}
		if (d) {
			g_autofree char *when = iso(cal, tz, d->due);
			struct draft_rec *fr = g_hash_table_lookup(failed, d->key);

			if (fr) {
				g_autofree char *retry = fr->retry_at > cli->now ?
					clock_iso(fr->retry_at, config_tz(cli->cfg)) :
					g_strdup("on the next run");

				next = g_strdup_printf("%s %s (failed %d times, next try %s)",
						       draft_kind_name(d->kind), when,
						       fr->attempts, retry);
			} else {
				next = g_strconcat(draft_kind_name(d->kind), " ", when, NULL);
			}
		}
		row[0] = cli_cell(t->id);
		row[1] = cli_cell(f.company);
		row[2] = cli_cell(f.position);
		row[3] = cli_cell(stage_name(ts->stage));
		row[4] = cli_cell(et_state_name(ts->state));
		row[5] = cli_cell(last);
		row[6] = cli_cell(next);
		g_ptr_array_add(rows, row);
	}

	cli_print_table(rows, NCOL, tsv);
out:
	et_calendar_free(cal);
	schedule_free(s);
	store_close(st);
	return ret;
}
