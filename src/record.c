/* The filter's work on one message: classify, thread, extract, record. */
#include <string.h>

#include "calendar.h"
#include "facts.h"
#include "record.h"
#include "text.h"
#include "thread.h"

/* Own id first, then In-Reply-To and References, newest first. */
static GPtrArray *message_ids(const struct nudge_msg *m, const char *own)
{
	GPtrArray *ids = g_ptr_array_new();
	size_t n = g_strv_length(m->references);

	g_ptr_array_add(ids, (gpointer)own);
	if (m->in_reply_to)
		g_ptr_array_add(ids, m->in_reply_to);
	while (n-- > 0)
		g_ptr_array_add(ids, m->references[n]);
	g_ptr_array_add(ids, NULL);
	return ids;
}

/* The References chain a reply to this message carries. */
static char *reply_references(const struct nudge_msg *m, const char *own)
{
	GString *s = g_string_new(NULL);

	for (char **r = m->references; *r; r++)
		g_string_append_printf(s, "%s<%s>", s->len ? " " : "", *r);
	if (m->in_reply_to && !g_strv_contains((const char *const *)m->references,
					       m->in_reply_to))
		g_string_append_printf(s, "%s<%s>", s->len ? " " : "", m->in_reply_to);
	g_string_append_printf(s, "%s<%s>", s->len ? " " : "", own);
	return g_string_free(s, FALSE);
}

int record_analyse(const struct config *cfg, struct rules *rules,
		   const struct nudge_msg *m, bool outgoing, struct analysis *a,
		   GError **err)
{
	struct classify_input in = { 0 };
	int ret;

	memset(a, 0, sizeof(*a));
	/* facts_extract() reads a calendar part through the calendar module:
	 * a module that does not load is an error, not a missing interview. */
	if (m->ics && *m->ics && (ret = calendar_ready(err)) < 0)
		return ret;
	a->outgoing = outgoing || config_is_user(cfg, m->from_addr);
	a->automatic = m->auto_submitted;
	quote_split(m->text ? m->text : "", &a->fresh, &a->quoted);
	in.subject = m->subject;
	in.fresh = a->fresh;
	in.quoted = a->quoted;
	in.outgoing = a->outgoing;
	classify(rules, &in, &a->cls);
	if (a->cls.needs_model) {
		if ((ret = rules_load_model(rules, err)) < 0)
			return ret;
		classify(rules, &in, &a->cls);
	}
	/* Out-of-office and list mail never starts or moves a thread. */
	if (a->automatic)
		a->cls.stage = STAGE_NONE;
	return 0;
}

void record_facts(const struct config *cfg, const struct nudge_msg *m,
		  const struct analysis *a, gint64 now, struct facts *out)
{
	struct fact_input in = { 0 };

	in.subject = m->subject;
	in.fresh = a->fresh;
	in.quoted = a->quoted;
	in.from_name = m->from_name;
	in.from_addr = m->from_addr;
	in.reply_to_name = m->reply_to_name;
	in.reply_to_addr = m->reply_to_addr;
	in.organization = m->organization;
	in.ics = m->ics;
	in.date = m->date ? m->date : now;
	in.tz = config_tz(cfg);
	in.day_first = cfg->day_first;
	facts_extract(&in, a->cls.stage, out);
}

void analysis_clear(struct analysis *a)
{
	g_free(a->fresh);
	g_free(a->quoted);
	memset(a, 0, sizeof(*a));
}

/* The employer's side of the conversation names the thread's domain. */
static char *thread_domain(const struct nudge_msg *m, bool outgoing)
{
	return addr_domain(outgoing ? m->to_addr :
			   m->reply_to_addr ? m->reply_to_addr : m->from_addr);
}

bool record_skippable(const struct nudge_msg *m, const struct analysis *a,
		      const char *fallback_id, const char *db_path)
{
	const char *own = m->message_id ? m->message_id : fallback_id;
	g_autofree char *domain = NULL;
	g_autoptr(GPtrArray) ids = NULL;

	/* Only an employer's interview message starts a thread. */
	if (a->cls.stage != STAGE_NONE && !a->outgoing)
		return false;
	domain = thread_domain(m, a->outgoing);
	ids = message_ids(m, own);
	return !thread_maybe(db_path, (char **)ids->pdata, m->subject, domain);
}

int record_message(const struct record_ctx *ctx, const struct nudge_msg *m,
		   bool outgoing, const char *fallback_id,
		   struct record_result *res, GError **err)
{
	struct analysis a;
	int ret;

	memset(res, 0, sizeof(*res));
	if ((ret = record_analyse(ctx->cfg, ctx->rules, m, outgoing, &a, err)) == 0)
		ret = record_analysed(ctx, m, &a, fallback_id, res, err);
	analysis_clear(&a);
	return ret;
}

int record_analysed(const struct record_ctx *ctx, const struct nudge_msg *m,
		    const struct analysis *a, const char *fallback_id,
		    struct record_result *res, GError **err)
{
	const struct config *cfg = ctx->cfg;
	const char *own = m->message_id ? m->message_id : fallback_id;
	g_autofree char *domain = NULL;
	g_autofree char *thread_id = NULL, *norm = NULL, *refs = NULL;
	g_autoptr(GPtrArray) ids = NULL;
	struct facts facts = { 0 };
	struct stored_msg sm = { 0 };
	int ret;

	memset(res, 0, sizeof(*res));
	res->outgoing = a->outgoing;
	res->msg_stage = a->cls.stage;
	domain = thread_domain(m, res->outgoing);
	ids = message_ids(m, own);

	if ((ret = store_begin(ctx->st, err)) < 0)
		return ret;
	if ((ret = thread_find(ctx->st, (char **)ids->pdata, m->subject, domain,
			       &thread_id, err)) < 0)
		goto fail;
	if (!thread_id) {
		/* Only an employer's interview message starts a thread. */
		if (res->outgoing || a->cls.stage == STAGE_NONE)
			goto done;
		norm = subject_normalize(m->subject);
		if ((ret = store_thread_create(ctx->st, own, m->subject, norm, domain,
					       m->date ? m->date : ctx->now,
					       &thread_id, err)) < 0)
			goto fail;
	}

	if (!res->outgoing)
		record_facts(cfg, m, a, ctx->now, &facts);

	refs = reply_references(m, own);
	sm.message_id = (char *)own;
	sm.thread_id = thread_id;
	sm.date = m->date ? m->date : ctx->now;
	sm.outgoing = res->outgoing;
	sm.stage = a->cls.stage;
	sm.from_addr = m->from_addr;
	sm.from_name = m->from_name;
	sm.to_addr = m->to_addr;
	sm.reply_to = m->reply_to_addr;
	sm.subject = m->subject;
	sm.references = refs;
	sm.company = facts.company;
	sm.position = facts.position;
	sm.contact_addr = facts.contact_addr;
	sm.contact_name = facts.contact_name;
	sm.interviewer = facts.interviewer;
	sm.interview = facts.interview;
	sm.interview_end = facts.interview_end;
	sm.decision = facts.decision;
	sm.decision_is_time = facts.decision_is_time;
	sm.offer_deadline = facts.offer_deadline;
	if ((ret = store_add_message(ctx->st, &sm, &res->added, err)) < 0 ||
	    (ret = store_link_ids(ctx->st, thread_id, (char **)ids->pdata, err)) < 0 ||
	    (ret = store_thread_stage(ctx->st, thread_id, &res->stage, err)) < 0)
		goto fail;
	res->tracked = true;
	g_strlcpy(res->thread_id, thread_id, sizeof(res->thread_id));
	if (a->cls.stage != STAGE_NONE)
		res->stage = a->cls.stage;
done:
	facts_clear(&facts);
	return store_commit(ctx->st, err);
fail:
	facts_clear(&facts);
	store_rollback(ctx->st);
	return ret;
}
