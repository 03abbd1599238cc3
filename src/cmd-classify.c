/*
 * nudge classify [FILE...]: what nudge makes of a message, without recording
 * anything: its stage, the score and strongest rule, and the facts found.
 * For checking one's own rules and for reporting a misclassified message.
 */
#include <stdio.h>

#include "classify.h"
#include "cli.h"
#include "clock.h"
#include "message.h"
#include "record.h"

static void print_time(const char *label, gint64 t, GTimeZone *tz)
{
	g_autofree char *s = NULL;

	if (!t)
		return;
	s = clock_format(t, tz, "%a %Y-%m-%d %H:%M %Z");
	printf("%-12s %s\n", label, s);
}

static int classify_one(struct cli *cli, const struct rules *rules,
			const char *name, const char *buf, size_t len, bool outgoing)
{
	g_autoptr(GError) e = NULL;
	struct nudge_msg *m = NULL;
	struct analysis a;
	struct facts f = { 0 };
	GTimeZone *tz = cli->cfg->tz;
	int ret;

	if ((ret = msg_parse(buf, len, &m, &e)) < 0) {
		cli_error("%s: %s", name, e->message);
		return ret;
	}
	record_analyse(cli->cfg, rules, m, outgoing, &a);
	printf("%-12s %s\n", "message", name);
	printf("%-12s %s%s\n", "stage", stage_name(a.cls.stage),
	       a.automatic ? " (automatic or list mail: never a stage)" : "");
	printf("%-12s %d%s%s\n", "score", a.cls.score,
	       a.cls.rule ? ", strongest rule " : "", a.cls.rule ? a.cls.rule : "");
	if (a.outgoing) {
		printf("%-12s %s\n", "direction", "sent by the user");
	} else {
		record_facts(cli->cfg, m, &a, cli->now, &f);
		printf("%-12s %s\n", "company", f.company ? f.company : "-");
		printf("%-12s %s\n", "position", f.position ? f.position : "-");
		printf("%-12s %s%s%s%s\n", "contact", f.contact_name ? f.contact_name : "",
		       f.contact_name ? " <" : "", f.contact_addr ? f.contact_addr : "-",
		       f.contact_name ? ">" : "");
		printf("%-12s %s\n", "interviewer", f.interviewer ? f.interviewer : "-");
		print_time("interview", f.interview, tz);
		print_time("decision", f.decision, tz);
		print_time("deadline", f.offer_deadline, tz);
		facts_clear(&f);
	}
	analysis_clear(&a);
	msg_free(m);
	return 0;
}

int cmd_classify(struct cli *cli, int argc, char **argv)
{
	gboolean outgoing = FALSE;
	GOptionEntry entries[] = {
		{ "outgoing", 0, 0, G_OPTION_ARG_NONE, &outgoing,
		  "the messages are ones the user sends", NULL },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	g_autofree char *user_dir = NULL;
	struct rules *rules = NULL;
	int ret, first_fail = 0;

	if ((ret = cli_parse(cli, "classify", entries, &argc, &argv)) < 0)
		return ret;
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
			ret = classify_one(cli, rules, "-", buf, len, outgoing);
		}
		rules_free(rules);
		return ret;
	}
	for (int i = 1; i < argc; i++) {
		g_autofree char *buf = NULL;
		gsize len;

		if (i > 1)
			putchar('\n');
		if (!g_file_get_contents(argv[i], &buf, &len, &e)) {
			cli_error("cannot read '%s': %s", argv[i], e->message);
			g_clear_error(&e);
			first_fail = first_fail ? first_fail : NUDGE_E_NOTFOUND;
			continue;
		}
		ret = classify_one(cli, rules, argv[i], buf, len, outgoing);
		if (ret < 0 && !first_fail)
			first_fail = ret;
	}
	rules_free(rules);
	return first_fail;
}
