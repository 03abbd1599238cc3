/*
 * nudge sync: for mail clients without a filter hook. Reads INBOX and the
 * \Sent mailbox over IMAP and records each message not seen before, as
 * `nudge filter` would. Incremental: per mailbox the UIDVALIDITY and the
 * last UID read are kept in sync.state beside the database; a new
 * UIDVALIDITY reads the mailbox again (messages already recorded are known
 * by their Message-ID). A thread with a message the user marked with the
 * keyword $NoFollowUp (in any client) is marked ignored, once.
 */
#include <errno.h>
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
	struct record_ctx ctx;
	GKeyFile *state;
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
	int ret;

	old_validity = (guint32)g_key_file_get_uint64(run->state, group, "uidvalidity", NULL);
	last = (guint32)g_key_file_get_uint64(run->state, group, "last_uid", NULL);
	if ((ret = imap_list_uids(run->im, mailbox, last, run->since, &validity,
				  &uids, err)) < 0)
		return ret;
	if (validity != old_validity && last != 0) {
		/* Another mailbox under the same name: read it all again. */
		last = 0;
		g_clear_pointer(&uids, g_array_unref);
		if ((ret = imap_list_uids(run->im, mailbox, 0, run->since, &validity,
					  &uids, err)) < 0)
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
		if (record_one(run, data, len, outgoing, &res, &e) < 0) {
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
		if (run->verbose)
			printf("%s: marked ignore (%s in '%s')\n", thread, NO_FOLLOW_UP,
			       mailbox);
	}
	return 0;
}

int cmd_sync(struct cli *cli, int argc, char **argv)
{
	g_autofree char *since = NULL, *keyword = NULL, *sent = NULL;
	g_autofree char *db_path = NULL, *user_dir = NULL, *state_path = NULL;
	g_autofree char *state_dir = NULL;
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
	g_autoptr(GPtrArray) warnings = NULL;
	g_autoptr(GError) e = NULL;
	struct sync_run run = { .cli = cli };
	struct store *st = NULL;
	struct rules *rules = NULL;
	int ret;

	if ((ret = cli_parse(cli, "sync", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("sync takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
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
	run.keyword = keyword;
	run.since = since;
	run.verbose = verbose;
	run.progress = isatty(STDERR_FILENO);
	run.state = g_key_file_new();

	state_dir = config_state_dir(cli->home);
	if (g_mkdir_with_parents(state_dir, 0700) < 0) {
		ret = nudge_fail(&e, NUDGE_E_IO, "cannot create '%s': %s", state_dir,
				 g_strerror(errno));
		goto out;
	}
	state_path = g_build_filename(state_dir, "sync.state", NULL);
	if (g_file_test(state_path, G_FILE_TEST_EXISTS) &&
	    !g_key_file_load_from_file(run.state, state_path, G_KEY_FILE_NONE, &e)) {
		ret = NUDGE_E_IO;
		g_prefix_error(&e, "cannot read '%s': ", state_path);
		goto out;
	}
	user_dir = config_user_dir(cli->home);
	if ((ret = rules_load(cli_datadir(), user_dir, &rules, &warnings, &e)) < 0)
		goto out;
	for (guint i = 0; warnings && i < warnings->len; i++)
		cli_warn("%s (using the built-in rules)", (char *)warnings->pdata[i]);
	db_path = cli_db_path(cli);
	if ((ret = store_open(db_path, &st, &e)) < 0)
		goto out;
	run.ctx.cfg = cli->cfg;
	run.ctx.st = st;
	run.ctx.rules = rules;
	run.ctx.now = cli->now;

	if ((ret = imap_open(&cli->cfg->imap, &run.im, &e)) < 0)
		goto out;
	if ((ret = sync_mailbox(&run, "INBOX", false, state_path, &e)) < 0 ||
	    (ret = no_follow_up(&run, "INBOX", &e)) < 0)
		goto out;
	if ((ret = imap_special_mailbox(run.im, "Sent", &sent, &e)) < 0)
		goto out;
	if (sent && g_ascii_strcasecmp(sent, "INBOX") != 0) {
		if ((ret = sync_mailbox(&run, sent, true, state_path, &e)) < 0 ||
		    (ret = no_follow_up(&run, sent, &e)) < 0)
			goto out;
	} else if (!sent) {
		cli_warn("no mailbox is marked \\Sent: only INBOX was read");
	}
	ret = save_state(run.state, state_path, &e);
out:
	if (ret < 0 && e)
		cli_error("%s", e->message);
	if (run.im)
		imap_close(run.im);
	store_close(st);
	rules_free(rules);
	g_key_file_free(run.state);
	return ret;
}
