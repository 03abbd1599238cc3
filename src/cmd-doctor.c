/*
 * nudge doctor: checks what nudge needs, one line each ("ok" or "FAIL" and
 * what to do), without changing anything but a temporary folder (and the
 * IMAP Drafts mailbox, created when missing, as `nudge due` would).
 * Exits 0 when all is well, 78 when the config is the problem, else with
 * the code of the first failed check.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "classify.h"
#include "cli.h"
#include "etiquette.h"
#include "imap.h"
#include "message.h"
#include "module.h"
#include "record.h"
#include "store.h"
#include "template.h"

struct doctor {
	int status;		/* the first failure's, or 0 */
	bool checking_config;	/* failures now are config problems */
	bool config_bad;
};

static void ok(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void ok(const char *fmt, ...)
{
	va_list ap;

	fputs("ok    ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void fail(struct doctor *d, int status, const char *fix, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);
static void fail(struct doctor *d, int status, const char *fix, const char *fmt, ...)
{
	va_list ap;

	fputs("FAIL  ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n      fix: %s\n", fix);
	if (d->checking_config)
		d->config_bad = true;
	if (!d->status)
		d->status = status;
}

static void warn(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void warn(const char *fmt, ...)
{
	va_list ap;

	fputs("warn  ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* NUDGE_E_USAGE for a bad --now, else 0 with the result noted in d. */
static int check_config(struct cli *cli, struct doctor *d)
{
	g_autofree char *path = config_file_path(cli->home);
	const struct config *cfg;
	struct stat st;
	int ret;

	if ((ret = cli_setup(cli, true)) == NUDGE_E_USAGE)
		return ret;
	if (ret < 0) {
		const char *msg = cli->config_error ? cli->config_error->message :
			nudge_status_str(ret);

		if (g_file_test(path, G_FILE_TEST_EXISTS))
			fail(d, NUDGE_E_CONFIG, "correct the lines named above (see nudge.conf(5))",
			     "config:\n%s", msg);
		else
			fail(d, NUDGE_E_CONFIG, "run 'nudge init' to write one",
			     "config: no file '%s'", path);
		g_clear_error(&cli->config_error);
		if (!cli->cfg)
			config_load("/dev/null", false, &cli->cfg, NULL);
		cli->now = g_get_real_time() / G_USEC_PER_SEC;
		return 0;
	}
	cfg = cli->cfg;
	ok("config: %s", cfg->path);
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		warn("config: '%s' can be read by others (chmod 600 it)", path);
	if (!cfg->user_addrs[0])
		fail(d, NUDGE_E_CONFIG, "set [user] addresses = you@example.org",
		     "config: no [user] addresses: nudge cannot tell your mail from theirs");
	if (!cfg->user_name || !*cfg->user_name)
		warn("config: no [user] name: drafts are signed without one");
	if (cfg->target == DRAFTS_NONE)
		fail(d, NUDGE_E_CONFIG, "set [drafts] maildir, or [imap] host (nudge.conf(5))",
		     "config: no drafts folder: nudge due has nowhere to write");
	else if (cfg->target == DRAFTS_MAILDIR && !cfg->maildir)
		fail(d, NUDGE_E_CONFIG, "set [drafts] maildir = ~/Mail/Drafts",
		     "config: [drafts] target is maildir, but no [drafts] maildir is set");
	else if (cfg->target == DRAFTS_IMAP && !cfg->imap.host)
		fail(d, NUDGE_E_CONFIG, "set [imap] host (nudge.conf(5))",
		     "config: [drafts] target is imap, but no [imap] host is set");
	return 0;
}

static void check_database(struct cli *cli, struct doctor *d)
{
	g_autofree char *path = cli_db_path(cli);
	sqlite3 *db = NULL;
	sqlite3_stmt *q = NULL;
	const char *fix = "move the file away (nudge starts a new one) or restore it from a backup";
	int rc;

	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		ok("database: none yet, the first 'nudge filter' creates '%s'", path);
		return;
	}
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(db, 5000);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *res = (const char *)sqlite3_column_text(q, 0);

		if (res && strcmp(res, "ok") == 0)
			ok("database: %s", path);
		else
			fail(d, NUDGE_E_DB, fix, "database: '%s' is damaged: %s", path,
			     res ? res : "no answer");
	} else {
		fail(d, NUDGE_E_DB, fix, "database: cannot check '%s': %s", path,
		     db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static void check_templates(struct cli *cli, struct doctor *d)
{
	g_autofree char *user_dir = config_user_dir(cli->home);
	int n = 0;

	for (int k = 0; k < DRAFT__COUNT; k++) {
		g_autofree char *text = NULL, *path = NULL;
		g_autoptr(GError) e = NULL;
		int ret = template_load(user_dir, cli_datadir(), draft_kind_name((enum draft_kind)k),
					&text, &path, &e);

		if (ret < 0)
			fail(d, ret, "reinstall nudge, or set NUDGE_DATADIR to the folder holding templates/",
			     "templates: %s", e ? e->message : nudge_status_str(ret));
		else
			n++;
	}
	if (n == DRAFT__COUNT)
		ok("templates: all %d found", n);
}

/* A plain interview invitation, to run through the filter's analysis. */
static const char sample[] =
	"Message-ID: <doctor-sample@nudge.invalid>\n"
	"Date: Mon, 2 Mar 2026 10:00:00 +0000\n"
	"From: Dana Whitfield <dana@northwind.example>\n"
	"To: You <you@example.org>\n"
	"Subject: Interview for Senior Data Engineer\n"
	"MIME-Version: 1.0\n"
	"Content-Type: text/plain; charset=utf-8\n"
	"\n"
	"Hi,\n\n"
	"Thank you for applying for the Senior Data Engineer position at Northwind\n"
	"Analytics. We would like to invite you to an interview with our data team\n"
	"on Tuesday, March 10 at 10:00 AM. Please let me know if the time works.\n\n"
	"Best,\nDana Whitfield\nTalent Acquisition, Northwind Analytics\n";

/* Rules, then the whole analysis of `nudge filter` into a throwaway database. */
static void check_filter(struct cli *cli, struct doctor *d)
{
	g_autofree char *user_dir = config_user_dir(cli->home);
	g_autofree char *tmp = NULL, *db = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	g_autoptr(GError) e = NULL;
	struct rules *rules = NULL;
	struct nudge_msg *m = NULL;
	struct store *st = NULL;
	struct record_ctx ctx = { 0 };
	struct record_result res = { 0 };
	int ret;

	if ((ret = rules_load(cli_datadir(), user_dir, &rules, &warnings, &e)) < 0) {
		fail(d, ret, "reinstall nudge, or set NUDGE_DATADIR to the folder holding filters/rules/",
		     "rules: %s", e->message);
		return;
	}
	for (guint i = 0; warnings && i < warnings->len; i++)
		fail(d, NUDGE_E_DATA, "correct the rule, or remove the file",
		     "rules: %s (the built-in rules are used)", (char *)warnings->pdata[i]);
	if (!warnings || warnings->len == 0)
		ok("rules: loaded");

	if (!(tmp = g_dir_make_tmp("nudge-doctor-XXXXXX", &e))) {
		fail(d, NUDGE_E_IO, "check that $TMPDIR is writable", "filter: %s", e->message);
		goto out;
	}
	db = g_build_filename(tmp, "state.db", NULL);
	if ((ret = msg_parse(sample, sizeof(sample) - 1, &m, &e)) < 0 ||
	    (ret = store_open(db, &st, &e)) < 0)
		goto failed;
	ctx.cfg = cli->cfg;
	ctx.st = st;
	ctx.rules = rules;
	ctx.now = cli->now;
	if ((ret = record_message(&ctx, m, false, "doctor@nudge.invalid", &res, &e)) < 0)
		goto failed;
	if (!res.tracked || res.stage != STAGE_INVITATION) {
		fail(d, NUDGE_E_DATA, "check your own rules in the config folder's rules/",
		     "filter: a plain interview invitation came out as '%s', not 'invitation'",
		     res.tracked ? stage_name(res.stage) : "not interview mail");
		goto out;
	}
	ok("filter: a sample invitation is recognised (thread %s)", res.thread_id);
	goto out;
failed:
	fail(d, ret, "run 'nudge doctor' again; report a bug if this stays",
	     "filter: %s", e ? e->message : nudge_status_str(ret));
out:
	store_close(st);
	msg_free(m);
	rules_free(rules);
	if (db) {
		g_autofree char *wal = g_strconcat(db, "-wal", NULL);
		g_autofree char *shm = g_strconcat(db, "-shm", NULL);

		unlink(wal);
		unlink(shm);
		unlink(db);
	}
	if (tmp)
		rmdir(tmp);
}

static void check_maildir(const struct config *cfg, struct doctor *d)
{
	static const char *const subs[] = { "cur", "new", "tmp" };
	g_autofree char *parent = NULL;

	if (!g_file_test(cfg->maildir, G_FILE_TEST_IS_DIR)) {
		parent = g_path_get_dirname(cfg->maildir);
		while (!g_file_test(parent, G_FILE_TEST_EXISTS)) {
			char *up = g_path_get_dirname(parent);

			g_free(parent);
			parent = up;
		}
		if (access(parent, W_OK) == 0)
			ok("drafts: Maildir '%s' will be created by the first draft", cfg->maildir);
		else
			fail(d, NUDGE_E_IO, "create the folder, or correct [drafts] maildir",
			     "drafts: cannot create Maildir '%s': '%s' is not writable",
			     cfg->maildir, parent);
		return;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(subs); i++) {
		g_autofree char *sub = g_build_filename(cfg->maildir, subs[i], NULL);

		if (g_file_test(sub, G_FILE_TEST_IS_DIR) ? access(sub, W_OK) != 0 :
		    access(cfg->maildir, W_OK) != 0) {
			fail(d, NUDGE_E_IO, "check the folder's owner and permissions",
			     "drafts: Maildir '%s' is not writable", sub);
			return;
		}
	}
	ok("drafts: Maildir '%s'", cfg->maildir);
}

/* Both modules, though a run may need neither: a broken install shows here
 * and not on the first calendar invitation. */
static void check_modules(struct doctor *d)
{
	static const char *const names[] = { "calendar", "imap" };

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		g_autoptr(GError) e = NULL;

		if (module_load(names[i], &e))
			ok("module: %s/nudge-%s.so", module_dir(), names[i]);
		else
			fail(d, NUDGE_E_INTERNAL, "reinstall nudge (make install)", "module: %s",
			     e->message);
	}
}

static void check_imap(const struct config *cfg, bool offline, struct doctor *d)
{
	g_autoptr(GError) e = NULL;
	struct imap *im = NULL;
	const char *box = NULL;
	int ret;

	if (offline) {
		ok("drafts: IMAP %s not tried (--offline)", cfg->imap.host);
		return;
	}
	if ((ret = imap_open(&cfg->imap, &im, &e)) < 0) {
		fail(d, ret, ret == NUDGE_E_AUTH ?
		     "check [imap] user and that [imap] pass_cmd prints the password" :
		     ret == NUDGE_E_TLS ?
		     "check [imap] tls and port, or give the server's CA in [imap] tls_ca_file" :
		     "check [imap] host and port, and the network",
		     "drafts: IMAP login to %s: %s", cfg->imap.host, e->message);
	} else if ((ret = imap_drafts_mailbox(im, &box, &e)) < 0) {
		fail(d, ret, "name the mailbox in [imap] drafts",
		     "drafts: no Drafts mailbox on %s: %s", cfg->imap.host, e->message);
	} else {
		ok("drafts: IMAP %s as %s, mailbox '%s'", cfg->imap.host,
		   cfg->imap.user ? cfg->imap.user : "(no user)", box);
	}
	imap_close(im);
}

int cmd_doctor(struct cli *cli, int argc, char **argv)
{
	gboolean offline = FALSE;
	GOptionEntry entries[] = {
		{ "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
		  "do not connect to the IMAP server", NULL },
		G_OPTION_ENTRY_NULL
	};
	struct doctor d = { 0 };
	int ret;

	if ((ret = cli_parse(cli, "doctor", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("doctor takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	d.checking_config = true;
	if ((ret = check_config(cli, &d)) < 0)
		return ret;
	d.checking_config = false;
	check_database(cli, &d);
	check_templates(cli, &d);
	check_modules(&d);
	check_filter(cli, &d);
	if (cli->cfg->target == DRAFTS_MAILDIR && cli->cfg->maildir)
		check_maildir(cli->cfg, &d);
	else if (cli->cfg->target == DRAFTS_IMAP && cli->cfg->imap.host)
		check_imap(cli->cfg, offline, &d);
	if (d.status == 0) {
		printf("\nAll is well.\n");
		return 0;
	}
	printf("\nnudge needs the fixes above.\n");
	return d.config_bad ? NUDGE_E_CONFIG : d.status;
}
