/*
 * nudge sync: for mail clients without a filter hook. Reads INBOX and the
 * \Sent mailbox over IMAP and records each message not seen before, as
 * `nudge filter` would. Incremental: per mailbox the UIDVALIDITY and the
 * last UID read are kept in sync.state beside the database; a new
 * UIDVALIDITY reads the mailbox again (messages already recorded are known
 * by their Message-ID). A thread with a message the user marked with the
 * keyword $NoFollowUp (in any client) is marked ignored, once.
 *
 * nudge watch, here too because it is sync in a loop: after each pass it
 * runs `nudge due` and waits in IMAP IDLE for new mail.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "classify.h"
#include "cli.h"
#include "imap.h"
#include "message.h"
#include "record.h"
#include "store.h"

struct sync_run {
	struct cli *cli;
	struct imap *im;
	struct store *st;
	struct rules *rules;
	struct record_ctx ctx;
	GKeyFile *state;
	char *state_path;
	bool warned_sent;
	const char *keyword;	/* set on interview messages; NULL: none */
	const char *since;
	bool progress;		/* stderr is a terminal */
	bool verbose;
};

/* The state group of a mailbox: the account and the mailbox. */
static char *state_group(const struct config *cfg, const char *mailbox)
{
	return g_strdup_printf("imap://%s@%s:%d/%s", cfg->imap.user ? cfg->imap.user : "",
			       cfg->imap.host, cfg->imap.port, mailbox);
}

static int save_state(GKeyFile *state, const char *path, GError **err)
{
	g_autoptr(GError) e = NULL;

	if (!g_key_file_save_to_file(state, path, &e))
		return nudge_fail(err, NUDGE_E_IO, "cannot write '%s': %s", path,
				  e->message);
	return 0;
}

static void progress(const struct sync_run *run, const char *mailbox, guint done,
		     guint total)
{
	enum { WIDTH = 30 };
	char bar[WIDTH + 1];
	guint fill = total ? done * WIDTH / total : WIDTH;

	if (!run->progress)
		return;
	memset(bar, '#', fill);
	memset(bar + fill, '.', WIDTH - fill);
	bar[WIDTH] = '\0';
	fprintf(stderr, "\r%-12.12s [%s] %u/%u", mailbox, bar, done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Records one message; *tracked tells whether it is interview mail. */
static int record_one(struct sync_run *run, const char *data, size_t len,
		      bool outgoing, struct record_result *res, GError **err)
{
	g_autofree char *sum = NULL, *fallback = NULL;
	struct nudge_msg *m = NULL;
	int ret;

	if ((ret = msg_parse(data, len, &m, err)) < 0)
		return ret;
	sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
	fallback = g_strconcat(sum, "@nudge.invalid", NULL);
	ret = record_message(&run->ctx, m, outgoing, fallback, res, err);
	msg_free(m);
	return ret;
}

/* Reads the new messages of one mailbox; the state is saved as it goes. */
static int sync_mailbox(struct sync_run *run, const char *mailbox, bool outgoing,
			const char *state_path, GError **err)
{
	const struct config *cfg = run->cli->cfg;
	g_autofree char *group = state_group(cfg, mailbox);
	g_autoptr(GArray) uids = NULL;
	guint32 validity = 0, old_validity, last;
	guint recorded = 0, tracked = 0, failed = 0;
	/* As in the filter: larger messages are not analysed (nor fetched). */
	guint32 smaller = cfg->max_size < G_MAXUINT32 ? (guint32)cfg->max_size + 1 : 0;
	int ret;

	old_validity = (guint32)g_key_file_get_uint64(run->state, group, "uidvalidity", NULL);
	last = (guint32)g_key_file_get_uint64(run->state, group, "last_uid", NULL);
	if ((ret = imap_list_uids(run->im, mailbox, last, run->since, smaller,
				  &validity, &uids, err)) < 0)
		return ret;
	if (validity != old_validity && last != 0) {
		/* Another mailbox under the same name: read it all again. */
		last = 0;
		g_clear_pointer(&uids, g_array_unref);
		if ((ret = imap_list_uids(run->im, mailbox, 0, run->since, smaller,
					  &validity, &uids, err)) < 0)
			return ret;
	}
	g_key_file_set_uint64(run->state, group, "uidvalidity", validity);

	for (guint i = 0; i < uids->len; i++) {
		guint32 uid = g_array_index(uids, guint32, i);
		g_autofree char *data = NULL;
		g_autoptr(GError) e = NULL;
		struct record_result res = { 0 };
		size_t len = 0;

		progress(run, mailbox, i, uids->len);
		if ((ret = imap_fetch_uid(run->im, mailbox, uid, &data, &len, err)) < 0)
			goto out;
		if ((ret = record_one(run, data, len, outgoing, &res, &e)) < 0 &&
		    (ret == NUDGE_E_DB || ret == NUDGE_E_BUSY || ret == NUDGE_E_IO)) {
			/* Not the message's fault: stop here, the next run retries. */
			g_propagate_error(err, g_steal_pointer(&e));
			goto out;
		}
		if (ret < 0) {
			/* One bad message must not stop the rest. */
			if (run->progress)
				fputc('\n', stderr);
			cli_warn("'%s' UID %u not recorded: %s", mailbox, uid, e->message);
			failed++;
		} else {
			recorded += res.added;
			tracked += res.tracked;
			if (res.tracked && run->keyword &&
			    (ret = imap_add_keyword(run->im, mailbox, uid, run->keyword,
						    err)) < 0)
				goto out;
		}
		last = uid;
		g_key_file_set_uint64(run->state, group, "last_uid", last);
		if (i % 50 == 49 && (ret = save_state(run->state, state_path, err)) < 0)
			goto out;
	}
	progress(run, mailbox, uids->len, uids->len);
	ret = 0;
out:
	g_key_file_set_uint64(run->state, group, "last_uid", last);
	if (ret == 0)
		ret = save_state(run->state, state_path, err);
	else
		save_state(run->state, state_path, NULL);
	if (run->verbose)
		printf("%s: %u read, %u interview, %u newly recorded, %u failed\n",
		       mailbox, uids->len, tracked, recorded, failed);
	fflush(stdout);
	return ret;
}

#define NO_FOLLOW_UP "$NoFollowUp"

/* Marks ignored the threads of the messages carrying $NoFollowUp; the state
 * remembers which threads were marked so, so each is marked once. */
static int no_follow_up(struct sync_run *run, const char *mailbox, GError **err)
{
	g_autoptr(GArray) uids = NULL;
	int ret;

	if ((ret = imap_search_keyword(run->im, mailbox, NO_FOLLOW_UP, &uids, err)) < 0)
		return ret;
	for (guint i = 0; i < uids->len; i++) {
		guint32 uid = g_array_index(uids, guint32, i);
		g_autofree char *data = NULL, *thread = NULL;
		g_autoptr(GError) e = NULL;
		struct nudge_msg *m = NULL;
		char *ids[2] = { NULL, NULL };
		size_t len = 0;

		if ((ret = imap_fetch_uid(run->im, mailbox, uid, &data, &len, err)) < 0)
			return ret;
		if (msg_parse(data, len, &m, &e) < 0 || !m->message_id) {
			msg_free(m);
			continue;
		}
		ids[0] = m->message_id;
		ret = store_thread_by_ids(run->ctx.st, ids, &thread, err);
		msg_free(m);
		if (ret < 0)
			return ret;
		if (!thread || g_key_file_get_boolean(run->state, NO_FOLLOW_UP, thread, NULL))
			continue;
		if ((ret = store_add_event(run->ctx.st, thread, run->ctx.now, "ignore",
					   0, err)) < 0)
			return ret;
		g_key_file_set_boolean(run->state, NO_FOLLOW_UP, thread, TRUE);
		if (run->verbose) {
			printf("%s: marked ignore (%s in '%s')\n", thread, NO_FOLLOW_UP,
			       mailbox);
			fflush(stdout);
		}
	}
	return 0;
}

/* Loads the sync state, the rules and the store into run. */
static int run_open(struct sync_run *run, GError **err)
{
	struct cli *cli = run->cli;
	g_autofree char *state_dir = NULL, *user_dir = NULL, *db_path = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	int ret;

	run->state = g_key_file_new();
	state_dir = config_state_dir(cli->home);
	if (g_mkdir_with_parents(state_dir, 0700) < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", state_dir,
				  g_strerror(errno));
	run->state_path = g_build_filename(state_dir, "sync.state", NULL);
	if (g_file_test(run->state_path, G_FILE_TEST_EXISTS) &&
	    !g_key_file_load_from_file(run->state, run->state_path, G_KEY_FILE_NONE,
				       err)) {
		g_prefix_error(err, "cannot read '%s': ", run->state_path);
		return NUDGE_E_IO;
	}
	user_dir = config_user_dir(cli->home);
	if ((ret = rules_load(cli_datadir(), user_dir, &run->rules, &warnings, err)) < 0)
		return ret;
	for (guint i = 0; warnings && i < warnings->len; i++)
		cli_warn("%s (using the built-in rules)", (char *)warnings->pdata[i]);
	db_path = cli_db_path(cli);
	if ((ret = store_open(db_path, &run->st, err)) < 0)
		return ret;
	run->ctx.cfg = cli->cfg;
	run->ctx.st = run->st;
	run->ctx.rules = run->rules;
	run->ctx.now = cli->now;
	return 0;
}

static void run_close(struct sync_run *run)
{
	if (run->im)
		imap_close(run->im);
	store_close(run->st);
	rules_free(run->rules);
	if (run->state)
		g_key_file_free(run->state);
	g_free(run->state_path);
}

/* One pass: INBOX, then the \Sent mailbox, over run->im. */
static int sync_once(struct sync_run *run, GError **err)
{
	g_autofree char *sent = NULL;
	int ret;

	if ((ret = sync_mailbox(run, "INBOX", false, run->state_path, err)) < 0 ||
	    (ret = no_follow_up(run, "INBOX", err)) < 0)
		return ret;
	if ((ret = imap_special_mailbox(run->im, "Sent", &sent, err)) < 0)
		return ret;
	if (sent && g_ascii_strcasecmp(sent, "INBOX") != 0) {
		if ((ret = sync_mailbox(run, sent, true, run->state_path, err)) < 0 ||
		    (ret = no_follow_up(run, sent, err)) < 0)
			return ret;
	} else if (!sent && !run->warned_sent) {
		cli_warn("no mailbox is marked \\Sent: only INBOX is read");
		run->warned_sent = true;
	}
	return save_state(run->state, run->state_path, err);
}

/* Common checks of sync and watch. */
static int check_setup(struct cli *cli, const char *keyword)
{
	int ret;

	if ((ret = cli_setup(cli, true)) < 0)
		return ret;
	if (!cli->cfg->imap.host) {
		cli_error("no IMAP server configured: set '[imap] host'");
		return NUDGE_E_CONFIG;
	}
	if (keyword && (!*keyword || strpbrk(keyword, " (){%*\"\\]"))) {
		cli_error("invalid keyword '%s'", keyword);
		return NUDGE_E_USAGE;
	}
	return 0;
}

int cmd_sync(struct cli *cli, int argc, char **argv)
{
	g_autofree char *since = NULL, *keyword = NULL;
	gboolean verbose = FALSE;
	GOptionEntry entries[] = {
		{ "since", 0, 0, G_OPTION_ARG_STRING, &since,
		  "only messages that arrived on or after this date", "YYYY-MM-DD" },
		{ "keyword", 0, 0, G_OPTION_ARG_STRING, &keyword,
		  "set this IMAP keyword on interview messages, e.g. $Interview", "KW" },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
		  "print what was read in each mailbox", NULL },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr(GError) e = NULL;
	struct sync_run run = { .cli = cli };
	int ret;

	if ((ret = cli_parse(cli, "sync", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("sync takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	if ((ret = check_setup(cli, keyword)) < 0)
		return ret;
	run.keyword = keyword ? keyword : cli->cfg->tag_keyword;
	run.since = since;
	run.verbose = verbose;
	run.progress = isatty(STDERR_FILENO);
	if ((ret = run_open(&run, &e)) < 0 ||
	    (ret = imap_open(&cli->cfg->imap, &run.im, &e)) < 0 ||
	    (ret = sync_once(&run, &e)) < 0)
		cli_error("%s", e->message);
	run_close(&run);
	return ret;
}

static volatile sig_atomic_t watch_stop;

static void on_stop(int sig)
{
	(void)sig;
	watch_stop = 1;
}

/* Runs `nudge due` as a child; its output is ours. */
static void run_due(struct cli *cli)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) e = NULL;
	gint status = 0;

	g_ptr_array_add(argv, (char *)"/proc/self/exe");
	if (cli->home) {
		g_ptr_array_add(argv, (char *)"--home");
		g_ptr_array_add(argv, cli->home);
	}
	if (cli->now_arg) {
		g_ptr_array_add(argv, (char *)"--now");
		g_ptr_array_add(argv, cli->now_arg);
	}
	g_ptr_array_add(argv, (char *)"due");
	g_ptr_array_add(argv, NULL);
	fflush(stdout);
	if (!g_spawn_sync(NULL, (char **)argv->pdata, NULL,
			  G_SPAWN_CHILD_INHERITS_STDIN | G_SPAWN_CHILD_INHERITS_STDOUT |
			  G_SPAWN_CHILD_INHERITS_STDERR, NULL, NULL, NULL, NULL,
			  &status, &e))
		cli_warn("cannot run due: %s", e->message);
	else if (!g_spawn_check_wait_status(status, &e))
		cli_warn("due failed: %s", e->message);
}

int cmd_watch(struct cli *cli, int argc, char **argv)
{
	g_autofree char *keyword = NULL;
	gint interval = 60;
	gboolean verbose = FALSE;
	GOptionEntry entries[] = {
		{ "keyword", 0, 0, G_OPTION_ARG_STRING, &keyword,
		  "set this IMAP keyword on interview messages, e.g. $Interview", "KW" },
		{ "interval", 0, 0, G_OPTION_ARG_INT, &interval,
		  "run due at least this often, in seconds (default 60)", "SECONDS" },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
		  "print what was read in each mailbox", NULL },
		G_OPTION_ENTRY_NULL
	};
	struct sync_run run = { .cli = cli };
	struct sigaction sa;
	int ret, failures = 0;

	if ((ret = cli_parse(cli, "watch", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("watch takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	if (interval < 1 || interval > 3600) {
		cli_error("invalid --interval %d: want 1 to 3600 seconds", interval);
		return NUDGE_E_USAGE;
	}
	if ((ret = check_setup(cli, keyword)) < 0)
		return ret;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	run.keyword = keyword;
	run.verbose = verbose;
	run.progress = isatty(STDERR_FILENO);

	/* Each round: read what is new, write what is due, then wait in IDLE
	 * for new mail (or the interval). Network trouble: start again, with
	 * a growing pause, until stopped by a signal. */
	while (!watch_stop) {
		g_autoptr(GError) e = NULL;
		bool changed = false;

		if (!run.state && (ret = run_open(&run, &e)) < 0) {
			cli_error("%s", e->message);
			break;
		}
		/* --now holds the clock still (tests, replays); else it runs. */
		run.ctx.now = cli->now_arg ? cli->now : g_get_real_time() / G_USEC_PER_SEC;
		if ((!run.im && (ret = imap_open(&cli->cfg->imap, &run.im, &e)) < 0) ||
		    (ret = sync_once(&run, &e)) < 0) {
			int pause = MIN(interval << MIN(failures, 6), 3600);

			cli_error("%s; trying again in %d s", e->message, pause);
			if (run.im) {
				imap_close(run.im);
				run.im = NULL;
			}
			if (ret == NUDGE_E_AUTH || ret == NUDGE_E_TLS ||
			    ret == NUDGE_E_CONFIG || ret == NUDGE_E_USAGE)
				break;
			failures++;
			for (int i = 0; i < pause * 4 && !watch_stop; i++)
				g_usleep(G_USEC_PER_SEC / 4);
			continue;
		}
		failures = 0;
		run_due(cli);
		if (!watch_stop && (ret = imap_idle(run.im, "INBOX", interval, &watch_stop,
						    &changed, &e)) < 0) {
			cli_warn("%s", e->message);
			imap_close(run.im);
			run.im = NULL;
		}
	}
	run_close(&run);
	return watch_stop ? 0 : ret;
}
