/* From the store's records to the etiquette engine's input, and back. */
#include <string.h>

#include "schedule.h"

static const struct {
	const char *name;
	enum et_item_kind kind;
} event_kinds[] = {
	{ "interview", ET_MARK_INTERVIEW },
	{ "decision", ET_MARK_DECISION },
	{ "sent", ET_MARK_SENT },
	{ "accept", ET_MARK_ACCEPT },
	{ "close", ET_MARK_CLOSE },
	{ "reopen", ET_MARK_REOPEN },
	{ "ignore", ET_MARK_IGNORE },
};

static void fill_items(const struct stored_thread *t, struct et_item *items,
		       GPtrArray *refs)
{
	size_t n = 0;

	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];
		struct et_item *it = &items[n++];

		it->kind = m->outgoing ? ET_USER : ET_EMPLOYER;
		it->time = m->date;
		it->stage = m->stage;
		it->interview = m->interview;
		it->interview_end = m->interview_end;
		it->decision = m->decision;
		it->decision_is_time = m->decision_is_time;
		it->offer_deadline = m->offer_deadline;
		it->ref = m->message_id;
	}
	for (guint i = 0; i < t->events->len; i++) {
		const struct stored_event *e = t->events->pdata[i];
		struct et_item *it = &items[n];
		char *ref;

		for (size_t k = 0; k < G_N_ELEMENTS(event_kinds); k++)
			if (strcmp(e->kind, event_kinds[k].name) == 0)
				it->kind = event_kinds[k].kind;
		it->time = e->time;
		if (it->kind == ET_MARK_INTERVIEW)
			it->interview = e->value;
		if (it->kind == ET_MARK_DECISION)
			it->decision = e->value;
		ref = g_strdup_printf("event-%" G_GINT64_FORMAT, e->id);
		g_ptr_array_add(refs, ref);
		it->ref = ref;
		n++;
	}
}

struct schedule_priv {
	struct schedule pub;
	GPtrArray *refs;	/* event refs the items point to */
	struct et_item *item_block;	/* every thread's items */
	GHashTable *index;	/* thread id -> its index + 1, made when asked */
};

static int compute(struct store *st, const struct config *cfg, gint64 now,
		   bool reasons, struct schedule **out, GError **err)
{
	struct schedule_priv *p = g_new0(struct schedule_priv, 1);
	struct schedule *s = &p->pub;
	struct et_settings settings = cfg->et;
	size_t total = 0, at = 0;
	int ret;

	p->refs = g_ptr_array_new_with_free_func(g_free);
	if ((ret = store_load_threads(st, &s->threads, err)) < 0)
		goto fail;
	s->et = g_new0(struct et_thread, s->threads->len ? s->threads->len : 1);
	s->items = g_new0(struct et_item *, s->threads->len ? s->threads->len : 1);
	for (guint i = 0; i < s->threads->len; i++) {
		const struct stored_thread *t = s->threads->pdata[i];

		total += t->msgs->len + t->events->len;
	}
	/* One block for all items, not one per thread. */
	p->item_block = g_new0(struct et_item, total ? total : 1);
	for (guint i = 0; i < s->threads->len; i++) {
		const struct stored_thread *t = s->threads->pdata[i];
		size_t n = t->msgs->len + t->events->len;

		s->items[i] = p->item_block + at;
		at += n;
		fill_items(t, s->items[i], p->refs);
		s->et[i].id = t->id;
		s->et[i].items = s->items[i];
		s->et[i].n_items = n;
	}
	settings.tz = config_tz(cfg);
	settings.no_reasons = !reasons;
	if ((ret = etiquette_run(&settings, s->et, s->threads->len, now, &s->res,
				 err)) < 0)
		goto fail;
	*out = s;
	return 0;
fail:
	schedule_free(s);
	return ret;
}

int schedule_compute(struct store *st, const struct config *cfg, gint64 now,
		     struct schedule **out, GError **err)
{
	return compute(st, cfg, now, true, out, err);
}

int schedule_compute_brief(struct store *st, const struct config *cfg, gint64 now,
			   struct schedule **out, GError **err)
{
	return compute(st, cfg, now, false, out, err);
}

void schedule_free(struct schedule *s)
{
	struct schedule_priv *p = (struct schedule_priv *)s;

	if (!s)
		return;
	et_result_clear(&s->res);
	g_free(p->item_block);
	g_free(s->items);
	g_free(s->et);
	if (s->threads)
		g_ptr_array_unref(s->threads);
	g_ptr_array_unref(p->refs);
	if (p->index)
		g_hash_table_unref(p->index);
	g_free(p);
}

int schedule_thread_index(const struct schedule *s, const char *id)
{
	struct schedule_priv *p = (struct schedule_priv *)s;

	if (!p->index) {
		p->index = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint i = 0; i < s->threads->len; i++)
			g_hash_table_insert(p->index,
					    ((struct stored_thread *)s->threads->pdata[i])->id,
					    GUINT_TO_POINTER(i + 1));
	}
	return (int)GPOINTER_TO_UINT(g_hash_table_lookup(p->index, id)) - 1;
}

bool draft_rec_done(const struct draft_rec *r)
{
	return strcmp(r->state, "pending") != 0 && strcmp(r->state, "failed") != 0;
}

static GHashTable *done_keys(const GPtrArray *recs)
{
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; recs && i < recs->len; i++) {
		const struct draft_rec *r = recs->pdata[i];

		if (draft_rec_done(r))
			g_hash_table_add(done, r->key);
	}
	return done;
}

const struct et_draft **schedule_next_drafts(const struct schedule *s,
					     const GPtrArray *recs, gint64 now)
{
	const struct et_draft **next = g_new0(const struct et_draft *,
					      s->threads->len + 1);
	g_autoptr(GHashTable) done = done_keys(recs);

	/* Drafts come sorted by due time: the first fit of a thread wins. */
	for (size_t i = 0; i < s->res.n_drafts; i++) {
		const struct et_draft *d = &s->res.drafts[i];
		size_t ti = d->thread;

		if (next[ti] || (g_hash_table_size(done) &&
				 g_hash_table_contains(done, d->key)))
			continue;
		if (!d->expires || d->expires > now)
			next[ti] = d;
	}
	return next;
}


void thread_facts_get(const struct stored_thread *t, struct thread_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->subject = t->subject;
	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];

		f->last = m;
		if (m->outgoing)
			continue;
		f->last_employer = m;
		if (m->company)
			f->company = m->company;
		if (m->position)
			f->position = m->position;
		if (m->interviewer)
			f->interviewer = m->interviewer;
		if (m->contact_addr) {
			f->contact_addr = m->contact_addr;
			f->contact_name = m->contact_name;
		}
	}
	if (!f->contact_addr && f->last_employer) {
		f->contact_addr = f->last_employer->reply_to ? f->last_employer->reply_to :
				  f->last_employer->from_addr;
		f->contact_name = f->last_employer->from_name;
	}
}
