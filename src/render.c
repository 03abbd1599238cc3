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

static char *day_phrase(gint64 t, GTimeZone *tz)
{
	return t ? clock_format(t, tz, "%A %-d %B") : NULL;
}

/* What the placeholders of a draft are made from. */
struct render_ctx {
	const struct config *cfg;
	const struct et_draft *d;
	const struct thread_facts *f;
	const struct reference *ref;
	gint64 interview, decision;	/* the thread's latest, or 0 */
};

/* Every placeholder a template may use. */
static const char *const var_names[] = {
	"my_name", "my_first_name", "greeting", "contact_name", "company",
	"position", "interviewer", "interview_date", "interview_when",
	"decision_date", "decision_phrase", "deadline", "reference_name",
	"reference_first_name", "subject",
};

/* value cleaned, or the fallback when that leaves nothing; takes value. */
static char *clean_or(char *value, const char *fallback)
{
	char *v = draft_clean(value);

	g_free(value);
	if (!v || !*v) {
		g_free(v);
		v = g_strdup(fallback ? fallback : "");
	}
	return v;
}

/* The value of placeholder key, or NULL when there is no such key. */
static char *var_value(const struct render_ctx *c, const char *key)
{
	const struct thread_facts *f = c->f;
	GTimeZone *tz = config_tz(c->cfg);
	g_autofree char *day = NULL, *first = NULL;

	if (strcmp(key, "my_name") == 0)
		return clean_or(g_strdup(c->cfg->user_name), "");
	if (strcmp(key, "my_first_name") == 0)
		return clean_or(first_word(c->cfg->user_name), "");
	if (strcmp(key, "greeting") == 0) {
		first = first_word(f->contact_name);
		if (first && g_unichar_isalpha(g_utf8_get_char(first)))
			return clean_or(g_strconcat("Dear ", first, ",", NULL), NULL);
		return clean_or(g_strdup("Dear hiring team,"), NULL);
	}
	if (strcmp(key, "contact_name") == 0)
		return clean_or(g_strdup(f->contact_name), "the hiring team");
	if (strcmp(key, "company") == 0)
		return clean_or(g_strdup(f->company), "your company");
	if (strcmp(key, "position") == 0)
		return clean_or(g_strdup(f->position), "open");
	if (strcmp(key, "interviewer") == 0)
		return clean_or(g_strdup(f->interviewer ? f->interviewer :
					 f->contact_name), "");
	if (strcmp(key, "interview_date") == 0)
		return clean_or(day_phrase(c->interview, tz), "");
	if (strcmp(key, "interview_when") == 0) {
		day = day_phrase(c->interview, tz);
		return clean_or(day ? g_strconcat("on ", day, NULL) : NULL, "recently");
	}
	if (strcmp(key, "decision_date") == 0)
		return clean_or(day_phrase(c->decision, tz), "");
	if (strcmp(key, "decision_phrase") == 0) {
		day = day_phrase(c->decision, tz);
		return clean_or(day ? g_strconcat("I understood that a decision was expected around ",
						  day, ".", NULL) :
				g_strdup("I would be grateful for any update on the timeline."),
				NULL);
	}
	if (strcmp(key, "deadline") == 0)
		return clean_or(day_phrase(c->d->deadline, tz), "the end of next week");
	if (strcmp(key, "reference_name") == 0)
		return clean_or(g_strdup(c->ref ? c->ref->name : NULL), "");
	if (strcmp(key, "reference_first_name") == 0)
		return clean_or(first_word(c->ref ? c->ref->name : NULL), "");
	if (strcmp(key, "subject") == 0)
		return clean_or(g_strdup(f->subject), "");
	return NULL;
}

/*
 * The Subject line a template whose whole text rendered well once gives:
 * only its first line is filled in, with only the values it names (as
 * template_render() would, values having no line breaks). Returns false
 * when that line is not as expected; the caller renders it all.
 */
static bool head_subject(const struct render_ctx *c, const char *tmpl,
			 char **subject)
{
	const char *end = strchr(tmpl, '\n'), *p = tmpl, *open;
	g_autoptr(GString) out = g_string_new(NULL);

	if (!end)
		end = tmpl + strlen(tmpl);
	*subject = NULL;
	while ((open = strstr(p, "{{")) && open < end) {
		const char *close = strstr(open + 2, "}}");
		g_autofree char *key = NULL, *val = NULL;

		if (!close || close > end)
			return false;
		key = g_strstrip(g_strndup(open + 2, (gsize)(close - open - 2)));
		if (!(val = var_value(c, key)))
			return false;
		g_string_append_len(out, p, open - p);
		g_string_append(out, val);
		p = close + 2;
	}
	g_string_append_len(out, p, end - p);
	if (g_str_has_prefix(out->str, "Subject:"))
		*subject = g_strstrip(g_strdup(out->str + 8));
	return true;
}

static const struct stored_msg *find_msg(const struct stored_thread *t,
					 const char *id)
{
	/* A draft's reply_to mostly is the message's own string (ids are unique). */
	for (guint i = 0; id && i < t->msgs->len; i++)
		if (((const struct stored_msg *)t->msgs->pdata[i])->message_id == id)
			return t->msgs->pdata[i];
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
	g_autoptr(GHashTable) vars = NULL;
	g_autofree char *body = NULL, *subject = NULL, *domain = NULL;
	const char *tmpl, *path;
	const struct reference *ref = NULL;
	const struct stored_msg *answer;
	const char *kind = draft_kind_name(d->kind);
	struct thread_facts f;
	struct draft_spec spec = { 0 };
	struct render_ctx c = { .cfg = cfg, .d = d, .f = &f };
	int ret;

	memset(out, 0, sizeof(*out));
	thread_facts_get(t, &f);
	for (guint i = 0; i < t->msgs->len; i++) {
		const struct stored_msg *m = t->msgs->pdata[i];

		if (m->interview)
			c.interview = m->interview;
		if (m->decision)
			c.decision = m->decision;
	}
	if (d->kind == DRAFT_REFERENCE_NOTICE) {
		if (d->ref_index < 0 || (size_t)d->ref_index >= cfg->n_refs)
			return nudge_fail(err, NUDGE_E_DATA,
					  "reference-notice for thread '%s': no reference %d in the config",
					  t->id, d->ref_index + 1);
		ref = &cfg->refs[d->ref_index];
	}
	c.ref = ref;
	if ((ret = templates_get(tpl, kind, &tmpl, &path, err)) < 0)
		return ret;
	/*
	 * Only the subject, of a template that rendered well once in this
	 * run: its first line is enough. Else all of it (its errors, if any,
	 * are the draft's), without the reflow when only the subject is wanted.
	 */
	if (!subject_only || !templates_checked(tpl, kind) ||
	    !head_subject(&c, tmpl, &subject)) {
		vars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		for (size_t i = 0; i < G_N_ELEMENTS(var_names); i++)
			g_hash_table_insert(vars, g_strdup(var_names[i]),
					    var_value(&c, var_names[i]));
		g_clear_pointer(&subject, g_free);
		if ((ret = template_render(path, tmpl, vars, subject_only ? NULL : &body,
					   &subject, err)) < 0)
			return ret;
		templates_set_checked(tpl, kind);
	}

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
