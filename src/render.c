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

/* Whether the template part being rendered uses key (only NULL: all). */
static bool want(GPtrArray *only, const char *key)
{
	if (!only)
		return true;
	for (guint i = 0; i < only->len; i++)
		if (strcmp(only->pdata[i], key) == 0)
			return true;
	return false;
}

/* Adds key -> cleaned value (or the fallback when value is empty). */
static void put(GHashTable *vars, GPtrArray *only, const char *key,
		const char *value, const char *fallback)
{
	char *v;

	if (!want(only, key))
		return;
	v = draft_clean(value);

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

/* The placeholders of a template's line (a few at most). */
static GPtrArray *line_keys(const char *line)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	const char *open, *close;

	while ((open = strstr(line, "{{")) && (close = strstr(open + 2, "}}"))) {
		g_ptr_array_add(keys, g_strstrip(g_strndup(open + 2,
							   (gsize)(close - open - 2))));
		line = close + 2;
	}
	return keys;
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
	g_autofree char *head = NULL;
	g_autoptr(GPtrArray) only = NULL;
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
	if ((ret = templates_get(tpl, kind, &tmpl, &path, err)) < 0)
		return ret;
	/*
	 * Only the subject: once the whole template rendered well in this
	 * run, its first line is enough (the Subject line, if any) and only
	 * the values it names are made.
	 */
	if (subject_only && templates_checked(tpl, kind)) {
		const char *nl = strchr(tmpl, '\n');

		head = nl ? g_strndup(tmpl, (gsize)(nl - tmpl)) : g_strdup(tmpl);
		only = line_keys(head);
	}

	put(vars, only, "my_name", cfg->user_name, "");
	if (want(only, "my_first_name")) {
		first = first_word(cfg->user_name);
		put(vars, only, "my_first_name", first, "");
	}
	if (want(only, "greeting")) {
		contact_first = first_word(f.contact_name);
		greeting = contact_first &&
			   g_unichar_isalpha(g_utf8_get_char(contact_first)) ?
			   g_strconcat("Dear ", contact_first, ",", NULL) :
			   g_strdup("Dear hiring team,");
		put(vars, only, "greeting", greeting, NULL);
	}
	put(vars, only, "contact_name", f.contact_name, "the hiring team");
	put(vars, only, "company", f.company, "your company");
	put(vars, only, "position", f.position, "open");
	put(vars, only, "interviewer", f.interviewer ? f.interviewer : f.contact_name, "");
	if (want(only, "interview_date") || want(only, "interview_when")) {
		interview = day_phrase(interview_t, cfg->tz);
		put(vars, only, "interview_date", interview, "");
		when = interview ? g_strdup_printf("on %s", interview) : NULL;
		put(vars, only, "interview_when", when, "recently");
	}
	if (want(only, "decision_date") || want(only, "decision_phrase")) {
		decision = day_phrase(decision_t, cfg->tz);
		put(vars, only, "decision_date", decision, "");
		phrase = decision ?
			 g_strdup_printf("I understood that a decision was expected around %s.", decision) :
			 g_strdup("I would be grateful for any update on the timeline.");
		put(vars, only, "decision_phrase", phrase, NULL);
	}
	if (want(only, "deadline")) {
		deadline = day_phrase(d->deadline, cfg->tz);
		put(vars, only, "deadline", deadline, "the end of next week");
	}
	put(vars, only, "reference_name", ref ? ref->name : NULL, "");
	if (want(only, "reference_first_name")) {
		ref_first = first_word(ref ? ref->name : NULL);
		put(vars, only, "reference_first_name", ref_first, "");
	}
	put(vars, only, "subject", f.subject, "");

	if ((ret = template_render(path, head ? head : tmpl, vars, head ? NULL : &body,
				   &subject, err)) < 0)
		return ret;
	if (!head)
		templates_set_checked(tpl, kind);

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
	spec.tz = cfg->tz;
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
