/* nudge drafts: the drafts nudge wrote, where they are and what became of them. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "render.h"
#include "target.h"

/* F6: a message of the user's in the thread, or a `mark sent`, at or after t. */
static bool sent_since(const struct stored_thread *t, gint64 t0)
{
	if (!t || !t0)
		return false;
	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];

		if (m->outgoing && m->date >= t0)
			return true;
	}
	for (guint i = 0; i < t->events->len; i++) {
		const struct stored_event *e = t->events->pdata[i];

		if (strcmp(e->kind, "sent") == 0 && e->time >= t0)
			return true;
	}
	return false;
}

/*
 * Looks for the draft in the target by its tag (Maildir) or Message-ID
 * (IMAP): *where is its place now, or NULL when it is not there.
 */
static int look(struct target *tg, const struct draft_rec *r, char **where,
		GError **err)
{
	g_autofree char *draft_id = render_draft_id(r->key);
	struct rendered c = { 0 };

	c.message_id = r->message_id;
	c.draft_id = draft_id;
	return tg->ops->find(tg, &c, where, err);
}

int cmd_drafts(struct cli *cli, int argc, char **argv)
{
	gboolean tsv = FALSE, check = FALSE;
	GOptionEntry entries[] = {
		{ "check", 0, 0, G_OPTION_ARG_NONE, &check,
		  "for IMAP: connect and look for each draft in the Drafts folder", NULL },
		{ "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "tab-separated, for scripts", NULL },
		G_OPTION_ENTRY_NULL
	};
	static const char *const head[] = { "WRITTEN", "KIND", "THREAD", "STATUS",
					    "WHERE" };
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	g_autoptr(GPtrArray) recs = NULL, threads = NULL;
	g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree char *db = NULL;
	struct store *st = NULL;
	struct target *tg = NULL;
	int ret;

	if ((ret = cli_parse(cli, "drafts", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("drafts takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	if ((ret = cli_setup(cli, false)) < 0)
		return ret;
	db = cli_db_path(cli);
	if ((ret = store_open(db, &st, &e)) < 0 ||
	    (ret = store_draft_list(st, &recs, &e)) < 0 ||
	    (ret = store_load_threads(st, &threads, &e)) < 0) {
		cli_error("%s", e->message);
		goto out;
	}
	for (guint i = 0; i < threads->len; i++) {
		struct stored_thread *t = threads->pdata[i];

		g_hash_table_insert(by_id, t->id, t);
	}
	/* Maildir is local and cheap to look into; IMAP only when asked. */
	if (cli->cfg->target == DRAFTS_MAILDIR ||
	    (check && cli->cfg->target == DRAFTS_IMAP)) {
		if ((ret = target_open(cli->cfg, &tg, &e)) < 0) {
			cli_error("%s", e->message);
			goto out;
		}
	} else if (check) {
		cli_error("--check needs a drafts folder: set '[drafts] maildir' or '[imap] host'");
		ret = NUDGE_E_CONFIG;
		goto out;
	}

	g_ptr_array_add(rows, g_strdupv((char **)head));
	for (guint i = 0; i < recs->len; i++) {
		const struct draft_rec *r = recs->pdata[i];
		const struct stored_thread *t = g_hash_table_lookup(by_id, r->thread_id);
		g_autofree char *written = NULL, *where = NULL;
		const char *status;
		char **row;

		if (strcmp(r->state, "removed") == 0) {
			status = "removed";
		} else if (strcmp(r->state, "written") == 0 ||
			   strcmp(r->state, "gone") == 0) {
			/* A draft nudge missed at its old place may be there anew. */
			if (tg && (ret = look(tg, r, &where, &e)) < 0) {
				cli_error("cannot look for %s of thread '%s': %s", r->kind,
					  r->thread_id, e->message);
				goto out;
			}
			if (where)
				status = r->last_error ? "in Drafts, changed" : "in Drafts";
			else if (sent_since(t, r->written))
				status = "sent";
			else if (tg || strcmp(r->state, "gone") == 0)
				status = "discarded";
			else
				status = "written";
		} else {
			continue;	/* pending or failed: not written (see nudge list) */
		}
		if (!where)
			where = g_strdup(r->location);
		if (r->written)
			written = clock_iso(r->written, config_tz(cli->cfg));
		row = g_new0(char *, G_N_ELEMENTS(head) + 1);
		row[0] = cli_cell(written);
		row[1] = cli_cell(r->kind);
		row[2] = cli_cell(r->thread_id);
		row[3] = cli_cell(status);
		row[4] = cli_cell(where);
		g_ptr_array_add(rows, row);
	}
	cli_print_table(rows, 5, tsv);
	ret = 0;
out:
	target_close(tg);
	store_close(st);
	return ret;
}
