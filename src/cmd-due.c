/* nudge due: write the drafts that are due, or list them with --dry-run. */
#include <stdio.h>

#include "cli.h"
#include "clock.h"
#include "due.h"

struct due_print {
	GTimeZone *tz;
	int failed;
	gint64 last_due;	/* drafts come by due time: many share one */
	char *last_when;
};

static void print_stale(const struct due_item *it)
{
	const struct draft_rec *r = it->stale;

	if (it->error) {
		cli_error("cannot take back %s for thread '%s' from '%s': %s",
			  r->kind, r->thread_id, r->location, it->error);
		return;
	}
	switch (it->removal) {
	case TARGET_REMOVED:
		printf("removed\t%s\t%s\t%s\n", r->kind, r->thread_id, r->location);
		break;
	case TARGET_GONE:
		break;	/* sent or discarded by the user: nothing to say */
	case TARGET_EDITED:
		cli_warn("%s for thread '%s' is not needed any more, but you changed it: left in '%s'",
			 r->kind, r->thread_id, r->location);
		break;
	}
}

static void print_item(const struct due_item *it, void *data)
{
	struct due_print *p = data;
	const char *when;

	if (it->stale) {
		print_stale(it);
		if (it->error)
			p->failed++;
		return;
	}
	if (!p->last_when || it->draft->due != p->last_due) {
		g_free(p->last_when);
		p->last_when = clock_iso(it->draft->due, p->tz);
		p->last_due = it->draft->due;
	}
	when = p->last_when;
	if (it->retry_at) {
		g_autofree char *retry = clock_iso(it->retry_at, p->tz);

		cli_warn("%s for thread '%s' failed before (%s): next try after %s",
			 draft_kind_name(it->draft->kind), it->draft->thread_id,
			 it->error ? it->error : "unknown error", retry);
		return;
	}
	if (it->error) {
		cli_error("%s for thread '%s' not written: %s",
			  draft_kind_name(it->draft->kind), it->draft->thread_id, it->error);
		p->failed++;
		return;
	}
	printf("%s\t%s\t%s\t%s\n", when, draft_kind_name(it->draft->kind),
	       it->draft->thread_id, it->subject ? it->subject : "");
}

int cmd_due(struct cli *cli, int argc, char **argv)
{
	gboolean dry_run = FALSE;
	g_autofree char *until_arg = NULL, *db = NULL, *user_dir = NULL;
	g_autofree char *state_dir = NULL, *lock = NULL;
	GOptionEntry entries[] = {
		{ "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
		  "list the drafts, write nothing", NULL },
		{ "until", 0, 0, G_OPTION_ARG_STRING, &until_arg,
		  "include drafts due up to this time (default: now)", "ISO" },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr(GError) e = NULL;
	struct due_opts o = { 0 };
	struct due_print p = { 0 };
	struct store *st = NULL;
	int ret;

	if ((ret = cli_parse(cli, "due", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("due takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	if ((ret = cli_setup(cli, !dry_run)) < 0)
		return ret;
	if (cli->cfg->target == DRAFTS_IMAP && cli->cfg->imap.tls == IMAP_TLS_NONE)
		cli_warn("'[imap] tls = none': the password and drafts cross the network unencrypted");
	else if (cli->cfg->target == DRAFTS_IMAP && !cli->cfg->imap.tls_verify)
		cli_warn("'[imap] tls_verify = no': the server's certificate is not checked");
	o.until = cli->now;
	if (until_arg && clock_parse(until_arg, config_tz(cli->cfg), &o.until) < 0) {
		cli_error("invalid --until '%s': want ISO 8601 such as 2026-03-10T09:00",
			  until_arg);
		return NUDGE_E_USAGE;
	}
	db = cli_db_path(cli);
	if ((ret = store_open(db, &st, &e)) < 0) {
		cli_error("%s", e->message);
		return ret;
	}
	user_dir = config_user_dir(cli->home);
	state_dir = config_state_dir(cli->home);
	lock = g_build_filename(state_dir, "due.lock", NULL);
	o.cfg = cli->cfg;
	o.user_dir = user_dir;
	o.data_dir = cli_datadir();
	o.lock_path = lock;
	o.now = cli->now;
	o.dry_run = dry_run;
	p.tz = config_tz(cli->cfg);
	ret = due_run(st, &o, print_item, &p, &e);
	if (ret < 0 && p.failed == 0)
		cli_error("%s", e ? e->message : nudge_status_str(ret));
	g_free(p.last_when);
	store_close(st);
	return ret;
}
