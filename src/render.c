/* Rendering one planned draft into the message for Drafts: template + thread. */
#include <string.h>

#include "clock.h"
#include "render.h"
#include "draft.h"
#include "message.h"
#include "schedule.h"
#include "template.h"
#include "thread.h"

char *render_draft_id(const char *key)
{
	char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, key, -1);

	sum[20] = '\0';
	return sum;
}

static char *first_word(const char *s)
{
	const char *sp;

	if (!s || !*s)
		return NULL;
	sp = strchr(s, ' ');
	return sp ? g_strndup(s, (gsize)(sp - s)) : g_strdup(s);
}

/* Adds key -> cleaned value (or the fallback when value is empty). */
static void put(GHashTable *vars, const char *key, const char *value,
		const char *fallback)
{
	char *v = draft_clean(value);

	if (!v || !*v) {
		g_free(v);
		v = g_strdup(fallback ? fallback : "");
	}
	g_hash_table_insert(vars, g_strdup(key), v);
}

static char *day_phrase(gint64 t, GTimeZone *tz)
{
	return t ? clock_format(t, tz, "%A %-d %B") : NULL;
}

static const struct stored_msg *find_msg(const struct stored_thread *t,
					 const char *id)
{
	for (guint i = 0; id && i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];

		if (m->message_id && strcmp(m->message_id, id) == 0)
			return m;
	}
	return NULL;
}

int render_draft(const struct config *cfg, struct templates *tpl,
		 const struct stored_thread *t, const struct et_draft *d,
		 gint64 now, bool subject_only, struct rendered *out, GError **err)
{
	g_autoptr(GHashTable) vars = g_hash_table_new_full(g_str_hash, g_str_equal,
							   g_free, g_free);
	g_autofree char *body = NULL, *subject = NULL;
	const char *tmpl, *path;
	g_autofree char *greeting = NULL, *first = NULL, *interview = NULL;
	g_autofree char *contact_first = NULL;
	g_autofree char *decision = NULL, *deadline = NULL, *when = NULL;
	g_autofree char *phrase = NULL, *ref_first = NULL, *domain = NULL;
	const struct reference *ref = NULL;
	const struct stored_msg *answer;
	const char *kind = draft_kind_name(d->kind);
	struct thread_facts f;
	struct draft_spec spec = { 0 };
	gint64 interview_t = 0, decision_t = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	thread_facts_get(t, &f);
	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];

		if (m->interview)
			interview_t = m->interview;
		if (m->decision)
			decision_t = m->decision;
	}
	if (d->kind == DRAFT_REFERENCE_NOTICE) {
		if (d->ref_index < 0 || (size_t)d->ref_index >= cfg->n_refs)
			return nudge_fail(err, NUDGE_E_DATA,
					  "reference-notice for thread '%s': no reference %d in the config",
					  t->id, d->ref_index + 1);
		ref = &cfg->refs[d->ref_index];
	}

	put(vars, "my_name", cfg->user_name, "");
	first = first_word(cfg->user_name);
	put(vars, "my_first_name", first, "");
	contact_first = first_word(f.contact_name);
	greeting = contact_first && g_unichar_isalpha(g_utf8_get_char(contact_first)) ?
		   g_strdup_printf("Dear %s,", contact_first) :
		   g_strdup("Dear hiring team,");
	put(vars, "greeting", greeting, NULL);
	put(vars, "contact_name", f.contact_name, "the hiring team");
	put(vars, "company", f.company, "your company");
	put(vars, "position", f.position, "open");
	put(vars, "interviewer", f.interviewer ? f.interviewer : f.contact_name, "");
	interview = day_phrase(interview_t, config_tz(cfg));
	put(vars, "interview_date", interview, "");
	when = interview ? g_strdup_printf("on %s", interview) : NULL;
	put(vars, "interview_when", when, "recently");
	decision = day_phrase(decision_t, config_tz(cfg));
	put(vars, "decision_date", decision, "");
	phrase = decision ?
		 g_strdup_printf("I understood that a decision was expected around %s.", decision) :
		 g_strdup("I would be grateful for any update on the timeline.");
	put(vars, "decision_phrase", phrase, NULL);
	deadline = day_phrase(d->deadline, config_tz(cfg));
	put(vars, "deadline", deadline, "the end of next week");
	put(vars, "reference_name", ref ? ref->name : NULL, "");
	ref_first = first_word(ref ? ref->name : NULL);
	put(vars, "reference_first_name", ref_first, "");
	put(vars, "subject", f.subject, "");

	if ((ret = templates_get(tpl, kind, &tmpl, &path, err)) < 0 ||
	    (ret = template_render(path, tmpl, vars, &body, &subject, err)) < 0)
		return ret;

	answer = find_msg(t, d->reply_to);
	if (!answer)
		answer = f.last_employer;
	spec.from_name = cfg->user_name;
	spec.from_addr = cfg->user_addrs[0];
	if (ref) {
		spec.to_name = ref->name;
		spec.to_addr = ref->addr;
	} else {
		spec.to_name = f.contact_name;
		spec.to_addr = f.contact_addr;
		if (answer) {
			spec.in_reply_to = answer->message_id;
			spec.references = answer->references;
		}
	}
	if (!spec.from_addr)
		return nudge_fail(err, NUDGE_E_CONFIG,
				  "no '[user] addresses' in the config: a draft needs a From address");
	if (!spec.to_addr)
		return nudge_fail(err, NUDGE_E_DATA,
				  "thread '%s' has no employer address to write %s to",
				  t->id, kind);
	if (!subject)
		subject = subject_reply(answer && answer->subject ? answer->subject : f.subject);
	if (subject_only) {
		out->subject = draft_clean(subject);
		return 0;
	}
	out->draft_id = render_draft_id(d->key);
	domain = addr_domain(spec.from_addr);
	out->message_id = g_strdup_printf("nudge-%s@%s", out->draft_id,
					  domain ? domain : "nudge.invalid");
	spec.subject = subject;
	spec.message_id = out->message_id;
	spec.draft_id = out->draft_id;
	spec.date = now;
	spec.tz = config_tz(cfg);
	spec.body = body;
	if ((ret = draft_build(&spec, &out->data, &out->len, err)) < 0) {
		rendered_clear(out);
		return ret;
	}
	out->subject = draft_clean(subject);
	out->hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
						(const guchar *)out->data, out->len);
	return 0;
}

void rendered_clear(struct rendered *c)
{
	g_free(c->data);
	g_free(c->subject);
	g_free(c->message_id);
	g_free(c->draft_id);
	g_free(c->hash);
	memset(c, 0, sizeof(*c));
}
