/* nudge show THREAD: the timeline and the reason for each planned draft. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "schedule.h"

struct line {
	gint64 time;
	char *text;
};

static gint by_time(gconstpointer a, gconstpointer b)
{
	const struct line *x = *(struct line *const *)a, *y = *(struct line *const *)b;

	return (x->time > y->time) - (x->time < y->time);
}

static void line_free(struct line *l)
{
	g_free(l->text);
	g_free(l);
}

static void add(GPtrArray *lines, gint64 t, char *text)
{
	struct line *l = g_new0(struct line, 1);

	l->time = t;
	l->text = text;
	g_ptr_array_add(lines, l);
}

static char *when(gint64 t, GTimeZone *tz)
{
	return clock_format(t, tz, "%a %d %b %Y %H:%M");
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func((GDestroyNotify)line_free);
	g_autoptr(GPtrArray) drafts = NULL;
	g_autofree char *db = NULL, *id = NULL;
	const struct stored_thread *t;
	const struct et_thread_state *ts;
	struct thread_facts f;
	struct schedule *s = NULL;
	struct store *st = NULL;
	GTimeZone *tz;
	int ret, ti;

	if ((ret = cli_parse(cli, "show", NULL, &argc, &argv)) < 0)
		return ret;
	if (argc != 2) {
		cli_error("show wants one thread id");
		fprintf(stderr, "usage: nudge show THREAD\n");
		return NUDGE_E_USAGE;
	}
	if ((ret = cli_setup(cli, false)) < 0)
		return ret;
	tz = config_tz(cli->cfg);
	db = cli_db_path(cli);
	if ((ret = store_open(db, &st, &e)) < 0 ||
	    (ret = store_find_thread(st, argv[1], &id, &e)) < 0 ||
	    (ret = store_draft_list(st, &drafts, &e)) < 0 ||
	    (ret = schedule_compute(st, cli->cfg, cli->now, &s, &e)) < 0) {
		cli_error("%s", e->message);
		goto out;
	}
	ti = schedule_thread_index(s, id);
	t = s->threads->pdata[ti];
	ts = &s->res.states[ti];
	thread_facts_get(t, &f);

	printf("thread %s: %s\n", t->id, t->subject ? t->subject : "(no subject)");
	printf("company: %s\nposition: %s\ncontact: %s%s%s%s\n",
	       f.company ? f.company : "-", f.position ? f.position : "-",
	       f.contact_name ? f.contact_name : "", f.contact_name ? " <" : "",
	       f.contact_addr ? f.contact_addr : "-", f.contact_name ? ">" : "");
	printf("state: %s, stage %s%s%s\n\n", et_state_name(ts->state),
	       stage_name(ts->stage), ts->reason ? "; " : "", ts->reason ? ts->reason : "");

	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];
		g_autofree char *w = when(m->date, tz);
		GString *txt = g_string_new(NULL);

		if (m->outgoing)
			g_string_printf(txt, "%s  sent: %s", w,
					m->subject ? m->subject : "(no subject)");
		else
			g_string_printf(txt, "%s  received (%s): %s", w, stage_name(m->stage),
					m->subject ? m->subject : "(no subject)");
		if (m->interview) {
			g_autofree char *iw = when(m->interview, tz);

			g_string_append_printf(txt, "\n%18s interview %s", "", iw);
		}
		if (m->decision) {
			g_autofree char *dw = clock_format(m->decision, tz, "%a %d %b %Y");

			g_string_append_printf(txt, "\n%18s decision promised %s", "", dw);
		}
		add(lines, m->date, g_string_free(txt, FALSE));
	}
	for (guint i = 0; i < t->events->len; i++) {
		const struct stored_event *ev = t->events->pdata[i];
		g_autofree char *w = when(ev->time, tz);
		g_autofree char *v = ev->value ? when(ev->value, tz) : NULL;

		add(lines, ev->time, g_strdup_printf("%s  marked %s%s%s", w, ev->kind,
						     v ? " " : "", v ? v : ""));
	}
	for (size_t i = 0; i < s->res.n_drafts; i++) {
		const struct et_draft *d = &s->res.drafts[i];
		g_autofree char *w = NULL;
		const char *status = "due";

		if (strcmp(d->thread_id, t->id) != 0)
			continue;
		for (guint k = 0; k < drafts->len; k++) {
			struct draft_rec *r = drafts->pdata[k];

			if (strcmp(r->key, d->key) == 0)
				status = r->state;
		}
		if (d->expires && d->expires <= cli->now && strcmp(status, "due") == 0)
			status = "expired";
		w = when(d->due, tz);
		add(lines, d->due, g_strdup_printf("%s  %s %s (%s)", w,
						   draft_kind_name(d->kind), status,
						   d->reason ? d->reason : d->rule));
	}
	g_ptr_array_sort(lines, by_time);
	for (guint i = 0; i < lines->len; i++)
		printf("%s\n", ((struct line *)lines->pdata[i])->text);
out:
	schedule_free(s);
	store_close(st);
	return ret;
}
