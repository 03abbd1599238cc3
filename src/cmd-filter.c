/*
 * nudge filter: one message in, the same message out, with X-Nudge-Thread
 * and X-Nudge-Stage added to interview mail. Nothing is ever lost: whatever
 * fails inside, the original goes out unchanged; only a failure to write
 * stdout exits 75 (EX_TEMPFAIL) so the mail system retries.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "classify.h"
#include "cli.h"
#include "front.h"
#include "message.h"
#include "record.h"
#include "rewrite.h"
#include "store.h"
#include "threadidx.h"

/*
 * The safety net: while the message is analysed, a crash or a hang writes the
 * original (nothing has been written yet) and exits 0. Once output has begun,
 * a crash can only exit 75. Async-signal-safe: write(2) and _exit(2) only.
 */
static const char *volatile net_buf;
static volatile size_t net_len;
static volatile sig_atomic_t net_output_started;

static void net_handler(int sig)
{
	const char *p = net_buf;
	size_t left = net_len;
	static const char msg[] = "nudge: error: internal failure while reading "
				  "the message; passed through unchanged\n";

	(void)sig;
	if (net_output_started)
		_exit(EX_TEMPFAIL);
	net_output_started = 1;
	while (left > 0) {
		ssize_t n = write(STDOUT_FILENO, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(EX_TEMPFAIL);
		p += n;
		left -= (size_t)n;
	}
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(EX_OK);
	_exit(EX_OK);
}

static void net_arm(const char *buf, size_t len, int seconds)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM };
	struct sigaction sa;

	net_buf = buf;
	net_len = len;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = net_handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	alarm((unsigned)seconds);
}

static void net_disarm(void)
{
	alarm(0);
	net_output_started = 1;
}

/* Test hook: NUDGE_TEST_FAULT=segv|abort|hang makes the analysis fail. */
static void test_fault(void)
{
	const char *f = getenv("NUDGE_TEST_FAULT");

	if (!f)
		return;
	if (strcmp(f, "segv") == 0)
		raise(SIGSEGV);
	else if (strcmp(f, "abort") == 0)
		abort();
	else if (strcmp(f, "hang") == 0)
		for (;;)
			pause();
}

/* Copies the rest of stdin to stdout. */
static int copy_rest(void)
{
	char chunk[65536];

	for (;;) {
		ssize_t n = read(STDIN_FILENO, chunk, sizeof(chunk));
		int ret;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return 0;
		if ((ret = write_all(STDOUT_FILENO, chunk, (size_t)n)) < 0)
			return ret;
	}
}

/*
 * The analysis: parse, classify, record. Fills res; *err on failure. Mail
 * of no stage that the thread index says joins no thread (most mail) is
 * done without opening the database.
 */
static int analyse(struct cli *cli, const char *buf, size_t len, bool outgoing,
		   struct record_result *res, GError **err)
{
	g_autofree char *db_path = NULL, *user_dir = NULL, *fallback = NULL;
	g_autofree char *state_dir = NULL, *cache = NULL;
	g_autofree char *sum = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	struct nudge_msg *m = NULL;
	struct store *st = NULL;
	struct rules *rules = NULL;
	struct record_ctx ctx = { 0 };
	struct analysis a = { 0 };
	g_autoptr(GError) e = NULL;
	int ret;

	memset(res, 0, sizeof(*res));
	test_fault();
	cli_mime(cli);
	if ((ret = msg_parse(buf, len, &m, err)) < 0)
		goto out;
	user_dir = config_user_dir(cli->home);
	state_dir = config_state_dir(cli->home);
	if (g_mkdir_with_parents(state_dir, 0700) < 0) {
		ret = nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", state_dir,
				 g_strerror(errno));
		goto out;
	}
	/* Automatic and list mail never takes a stage: no rules to load or
	 * run for it (more than half of everyday mail). */
	cache = g_build_filename(state_dir, "rules.cache", NULL);
	if (!m->auto_submitted &&
	    (ret = rules_load_cached(cli_datadir(), user_dir, cache, &rules, &warnings,
				     err)) < 0)
		goto out;
	for (guint i = 0; warnings && i < warnings->len; i++)
		cli_warn("%s (using the built-in rules)", (char *)warnings->pdata[i]);
	/* A message without a Message-ID is known by its content. */
	if (!m->message_id) {
		sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)buf, len);
		fallback = g_strconcat(sum, "@nudge.invalid", NULL);
	}
	if ((ret = record_analyse(cli->cfg, rules, m, outgoing, &a, err)) < 0)
		goto out;
	db_path = cli_db_path(cli);
	if (record_skippable(m, &a, fallback, db_path))
		goto out;
	if ((ret = store_open(db_path, &st, err)) < 0)
		goto out;
	ctx.cfg = cli->cfg;
	ctx.st = st;
	ctx.rules = rules;
	ctx.now = cli->now;
	if ((ret = record_analysed(&ctx, m, &a, fallback, res, err)) < 0)
		goto out;
	/* The message is recorded: an index that cannot be written only
	 * means the next run opens the database. */
	if (threadidx_update(st, &e) < 0)
		cli_warn("%s", e->message);
out:
	analysis_clear(&a);
	store_close(st);
	rules_free(rules);
	msg_free(m);
	return ret;
}

/*
 * Automatic mail that joins no thread, told from its header block and the
 * thread index alone (front.h): passed on without parsing it, or even
 * setting GMime up.
 */
static bool passes_unread(struct cli *cli, const char *buf, size_t len)
{
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autofree char *db_path = NULL;
	bool found;

	if (!front_keys(buf, len, cli->cfg->user_addrs, keys))
		return false;
	db_path = cli_db_path(cli);
	return threadidx_lookup(db_path, (const guint64 *)(const void *)keys->data, keys->len,
				&found) == 0 && !found;
}

/*
 * After the message is out: a detached `nudge due` (same --home and --now),
 * so that a draft due at once is in Drafts within seconds while the mail
 * system goes on. Double fork and setsid, so it is nobody's child and holds
 * none of the mail system's pipes.
 */
static void start_due(struct cli *cli)
{
	char exe[4096];
	const char *args[8];
	ssize_t n;
	pid_t pid;
	int i = 0, status;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		cli_warn("cannot start 'nudge due': cannot find my own program: %s",
			 g_strerror(errno));
		return;
	}
	exe[n] = '\0';
	args[i++] = exe;
	if (cli->home) {
		args[i++] = "--home";
		args[i++] = cli->home;
	}
	if (cli->now_arg) {
		args[i++] = "--now";
		args[i++] = cli->now_arg;
	}
	args[i++] = "due";
	args[i] = NULL;

	pid = fork();
	if (pid < 0) {
		cli_warn("cannot start 'nudge due': %s", g_strerror(errno));
		return;
	}
	if (pid == 0) {
		int fd;

		if (setsid() < 0 || fork() != 0)
			_exit(0);
		fd = open("/dev/null", O_RDWR);
		if (fd < 0)
			_exit(1);
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		for (int f = 3; f < 1024; f++)
			close(f);
		execv(exe, (char *const *)args);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

int cmd_filter(struct cli *cli, int argc, char **argv)
{
	gboolean outgoing = FALSE;
	GOptionEntry entries[] = {
		{ "outgoing", 0, 0, G_OPTION_ARG_NONE, &outgoing,
		  "the message is one the user sends", NULL },
		G_OPTION_ENTRY_NULL
	};
	g_autoptr(GByteArray) in = g_byte_array_new();
	g_autoptr(GError) e = NULL;
	struct record_result res = { 0 };
	struct header_block hb;
	bool more, analysed = false;
	gsize max;
	int ret;

	if ((ret = cli_parse(cli, "filter", entries, &argc, &argv)) < 0)
		return ret;
	if (argc > 1) {
		cli_error("filter takes no arguments, got '%s'", argv[1]);
		return NUDGE_E_USAGE;
	}
	/* A broken config must not stop mail: use the defaults and say so. */
	if ((ret = cli_setup(cli, false)) < 0) {
		if (ret == NUDGE_E_USAGE)
			return ret;
		cli_warn("%s", cli->config_error->message);
		g_clear_error(&cli->config_error);
		if (!cli->cfg)
			config_load("/dev/null", false, &cli->cfg, NULL);
		if (!cli->now_arg)
			cli->now = g_get_real_time() / G_USEC_PER_SEC;
	}
	max = cli->cfg ? cli->cfg->max_size : 50u << 20;

	if ((ret = read_fd(STDIN_FILENO, max, in, &more)) < 0) {
		/* Nothing reliable to pass on: let the mail system retry. */
		cli_error("cannot read the message: %s", g_strerror(-ret));
		return NUDGE_E_BUSY;
	}
	if (more) {
		/* Too large to analyse: pass it through as it is. */
		if ((ret = write_all(STDOUT_FILENO, in->data, in->len)) < 0 ||
		    (ret = copy_rest()) < 0)
			goto write_failed;
		return 0;
	}

	net_arm((const char *)in->data, in->len, cli->cfg ? cli->cfg->time_limit : 8);
	rewrite_scan((const char *)in->data, in->len, &hb);
	if (in->len == 0 || !cli->cfg ||
	    (!outgoing && passes_unread(cli, (const char *)in->data, in->len))) {
		ret = 0;
	} else if ((ret = analyse(cli, (const char *)in->data, in->len, outgoing,
				  &res, &e)) < 0) {
		cli_error("%s; message passed through unchanged",
			  e ? e->message : nudge_status_str(ret));
	} else {
		analysed = true;
	}
	net_disarm();

	if (!analysed) {
		ret = write_all(STDOUT_FILENO, in->data, in->len);
	} else {
		g_autofree char *h1 = NULL, *h2 = NULL;
		const char *add[2];
		size_t n_add = 0;

		if (res.tracked) {
			add[n_add++] = h1 = g_strdup_printf("X-Nudge-Thread: %s", res.thread_id);
			add[n_add++] = h2 = g_strdup_printf("X-Nudge-Stage: %s",
							    stage_name(res.stage));
		}
		ret = rewrite_write(STDOUT_FILENO, (const char *)in->data, in->len,
				    &hb, add, n_add);
	}
	if (ret < 0)
		goto write_failed;
	if (analysed && res.tracked && cli->cfg->run_due &&
	    cli->cfg->target != DRAFTS_NONE) {
		if (close(STDOUT_FILENO) < 0) {
			ret = -errno;
			goto write_failed;
		}
		start_due(cli);
	}
	return 0;
write_failed:
	cli_error("cannot write the message to stdout: %s", g_strerror(-ret));
	return NUDGE_E_BUSY;
}
