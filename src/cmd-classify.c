/*
 * nudge classify [--json|--explain] [FILE...]: what nudge makes of messages,
 * without recording anything. One line per message:
 * stage, score, interview day, decision day, company, file (tab-separated);
 * --json gives every fact, --explain a readable block with the strongest rule.
 */
#include <stdio.h>

#include "classify.h"
#include "cli.h"
#include "clock.h"
#include "message.h"
#include "record.h"

enum format { FMT_TSV, FMT_JSON, FMT_EXPLAIN };

static void print_time(const char *label, gint64 t, GTimeZone *tz)
{
	g_autofree char *s = NULL;

	if (!t)
		return;
	s = clock_format(t, tz, "%a %Y-%m-%d %H:%M %Z");
	printf("%-12s %s\n", label, s);
}

/* YYYY-MM-DD in tz, or "-". Caller g_frees. */
static char *day_or_dash(gint64 t, GTimeZone *tz)
{
	return t ? clock_format(t, tz, "%Y-%m-%d") : g_strdup("-");
}

static void json_string(GString *out, const char *key, const char *v)
{
	g_string_append_printf(out, "%s\"%s\":", out->len > 1 ? "," : "", key);
	if (!v) {
		g_string_append(out, "null");
		return;
	}
	g_string_append_c(out, '"');
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\')
			g_string_append_printf(out, "\\%c", c);
		else if (c == '\n')
			g_string_append(out, "\\n");
		else if (c == '\t')
			g_string_append(out, "\\t");
		else if (c < 0x20)
			g_string_append_printf(out, "\\u%04x", c);
		else
			g_string_append_c(out, (char)c);
	}
	g_string_append_c(out, '"');
}

static void json_time(GString *out, const char *key, gint64 t, GTimeZone *tz,
		      const char *fmt)
{
	g_autofree char *s = t ? clock_format(t, tz, fmt) : NULL;

	json_string(out, key, s);
}

static void json_raw(GString *out, const char *key, const char *v)
{
	g_string_append_printf(out, "%s\"%s\":%s", out->len > 1 ? "," : "", key, v);
}

static void print_json(const char *name, const struct nudge_msg *m,
		       const struct analysis *a, const struct facts *f, GTimeZone *tz)
{
	g_autoptr(GString) out = g_string_new("{");
	g_autofree char *score = g_strdup_printf("%d", a->cls.score);

	json_string(out, "file", name);
	json_string(out, "stage", stage_name(a->cls.stage));
	json_raw(out, "score", score);
	json_string(out, "rule", a->cls.rule);
	json_string(out, "direction", a->outgoing ? "out" : "in");
	json_raw(out, "automatic", a->automatic ? "true" : "false");
	json_string(out, "message_id", m->message_id);
	json_string(out, "subject", m->subject);
	json_string(out, "company", f->company);
	json_string(out, "position", f->position);
	json_string(out, "contact_name", f->contact_name);
	json_string(out, "contact_addr", f->contact_addr);
	json_string(out, "interviewer", f->interviewer);
	json_time(out, "interview", f->interview, tz, "%Y-%m-%dT%H:%M:%S%:z");
	json_time(out, "interview_end", f->interview_end, tz, "%Y-%m-%dT%H:%M:%S%:z");
	json_time(out, "decision", f->decision, tz,
		  f->decision_is_time ? "%Y-%m-%dT%H:%M:%S%:z" : "%Y-%m-%d");
	json_raw(out, "decision_is_time", f->decision_is_time ? "true" : "false");
	json_time(out, "offer_deadline", f->offer_deadline, tz, "%Y-%m-%d");
	g_string_append_c(out, '}');
	printf("%s\n", out->str);
}

static void print_explain(const char *name, const struct analysis *a,
			  const struct facts *f, GTimeZone *tz)
{
	printf("%-12s %s\n", "message", name);
	printf("%-12s %s%s\n", "stage", stage_name(a->cls.stage),
	       a->automatic ? " (automatic or list mail: never a stage)" : "");
	printf("%-12s %d%s%s\n", "score", a->cls.score,
	       a->cls.rule ? ", strongest rule " : "", a->cls.rule ? a->cls.rule : "");
	if (a->outgoing) {
		printf("%-12s %s\n", "direction", "sent by the user");
		return;
	}
	printf("%-12s %s\n", "company", f->company ? f->company : "-");
	printf("%-12s %s\n", "position", f->position ? f->position : "-");
	printf("%-12s %s%s%s%s\n", "contact", f->contact_name ? f->contact_name : "",
	       f->contact_name ? " <" : "", f->contact_addr ? f->contact_addr : "-",
	       f->contact_name ? ">" : "");
	printf("%-12s %s\n", "interviewer", f->interviewer ? f->interviewer : "-");
	print_time("interview", f->interview, tz);
	print_time("decision", f->decision, tz);
	print_time("deadline", f->offer_deadline, tz);
}

static int classify_one(struct cli *cli, struct rules *rules,
			const char *name, const char *buf, size_t len, bool outgoing,
			enum format fmt)
{
	g_autoptr(GError) e = NULL;
	struct nudge_msg *m = NULL;
	struct analysis a;
	struct facts f = { 0 };
	GTimeZone *tz = config_tz(cli->cfg);
	int ret;

	if ((ret = msg_parse(buf, len, &m, &e)) < 0) {
		cli_error("%s: %s", name, e->message);
		return ret;
	}
	if ((ret = record_analyse(cli->cfg, rules, m, outgoing, &a, &e)) < 0) {
		cli_error("%s: %s", name, e->message);
		analysis_clear(&a);
		msg_free(m);
		return ret;
	}
	if (!a.outgoing)
		record_facts(cli->cfg, m, &a, cli->now, &f);
	if (fmt == FMT_JSON) {
		print_json(name, m, &a, &f, tz);
	} else if (fmt == FMT_EXPLAIN) {
		print_explain(name, &a, &f, tz);
	} else {
		g_autofree char *iv = day_or_dash(f.interview, tz);
		g_autofree char *dd = day_or_dash(f.decision, tz);
		g_autofree char *co = cli_cell(f.company);
		g_autofree char *fn = cli_cell(name);

		printf("%s\t%d\t%s\t%s\t%s\t%s\n", stage_name(a.cls.stage), a.cls.score,
		       iv, dd, co, fn);
	}
	facts_clear(&f);
	analysis_clear(&a);
	msg_free(m);
	return 0;
}

int cmd_classify(struct cli *cli, int argc, char **argv)
{
	gboolean outgoing = FALSE, json = FALSE, explain = FALSE;
	GOptionEntry entries[] = {
		{ "outgoing", 0, 0, G_OPTION_ARG_NONE, &outgoing,
		  "the messages are ones the user sends", NULL },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &json,
		  "one JSON object per message with every fact", NULL },
		{ "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
		  "a readable block per message with the strongest rule", NULL },
		G_OPTION_ENTRY_NULL
	};
	enum format fmt;
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	g_autofree char *user_dir = NULL;
	struct rules *rules = NULL;
	int ret, first_fail = 0;

	if ((ret = cli_parse(cli, "classify", entries, &argc, &argv)) < 0)
		return ret;
	if (json && explain) {
		cli_error("--json and --explain exclude each other");
		return NUDGE_E_USAGE;
	}
	fmt = json ? FMT_JSON : explain ? FMT_EXPLAIN : FMT_TSV;
	if ((ret = cli_setup(cli, false)) < 0)
		return ret;
	user_dir = config_user_dir(cli->home);
	if ((ret = rules_load(cli_datadir(), user_dir, &rules, &warnings, &e)) < 0) {
		cli_error("%s", e->message);
		return ret;
	}
	for (guint i = 0; warnings && i < warnings->len; i++)
		cli_warn("%s (using the built-in rules)", (char *)warnings->pdata[i]);

	if (argc < 2) {
		g_autoptr(GIOChannel) ch = g_io_channel_unix_new(0);
		g_autofree char *buf = NULL;
		gsize len = 0;

		g_io_channel_set_encoding(ch, NULL, NULL);
		if (g_io_channel_read_to_end(ch, &buf, &len, &e) != G_IO_STATUS_NORMAL) {
			cli_error("cannot read stdin: %s", e ? e->message : "read error");
			ret = NUDGE_E_IO;
		} else {
			ret = classify_one(cli, rules, "-", buf, len, outgoing, fmt);
		}
		rules_free(rules);
		return ret;
	}
	for (int i = 1; i < argc; i++) {
		g_autofree char *buf = NULL;
		gsize len;

		if (i > 1 && fmt == FMT_EXPLAIN)
			putchar('\n');
		if (!g_file_get_contents(argv[i], &buf, &len, &e)) {
			cli_error("cannot read '%s': %s", argv[i], e->message);
			g_clear_error(&e);
			first_fail = first_fail ? first_fail : NUDGE_E_NOTFOUND;
			continue;
		}
		ret = classify_one(cli, rules, argv[i], buf, len, outgoing, fmt);
		if (ret < 0 && !first_fail)
			first_fail = ret;
	}
	rules_free(rules);
	return first_fail;
}
