/*
 * nudge sendmail: a sendmail for Mutt and NeoMutt. The message is read once,
 * handed to the real sendmail first (the original bytes, the same arguments)
 * and, when that succeeded, recorded by `nudge filter --outgoing` in a child
 * process whose output is discarded. The exit status is always the real
 * sendmail's: whatever happens to nudge, the send is neither lost, changed
 * nor held up, and the recording goes on in the background after the mail
 * program has its answer.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "rewrite.h"

#define DEFAULT_SENDMAIL "/usr/sbin/sendmail"

/*
 * Starts argv[0] with a pipe on its stdin (and stdout on /dev/null when
 * quiet), writes data into it and closes it. A child that stops reading
 * early is no error here: its exit status tells. Returns the pid or a
 * negative status with *err set.
 */
static pid_t spawn_fed(char *const argv[], bool quiet, const guint8 *data,
		       size_t len, GError **err)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot make a pipe: %s",
				  g_strerror(errno));
	pid = fork();
	if (pid < 0) {
		int e = errno;

		close(fds[0]);
		close(fds[1]);
		return nudge_fail(err, NUDGE_E_IO, "cannot fork: %s", g_strerror(e));
	}
	if (pid == 0) {
		int null;

		close(fds[1]);
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(EX_OSERR);
		close(fds[0]);
		if (quiet && (null = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(null, STDOUT_FILENO);
			close(null);
		}
		signal(SIGPIPE, SIG_DFL);
		execv(argv[0], argv);
		fprintf(stderr, "nudge: error: cannot run '%s': %s\n", argv[0],
			g_strerror(errno));
		_exit(EX_UNAVAILABLE);
	}
	close(fds[0]);
	/* EPIPE: the child stopped reading; its exit status tells the rest. */
	(void)write_all(fds[1], data, len);
	close(fds[1]);
	return pid;
}

/* Waits for pid; after `seconds` (0: no limit) it is killed. Returns the
 * wait status, or -1 when waitpid failed. */
static int wait_child(pid_t pid, int seconds)
{
	gint64 end = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
	bool killed = false;
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, seconds && !killed ? WNOHANG : 0);

		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0 && g_get_monotonic_time() >= end) {
			kill(pid, SIGKILL);
			killed = true;
		} else if (r == 0) {
			g_usleep(20000);
		}
	}
}

/* The exit code a shell would give for a wait status. */
static int exit_code(int status)
{
	if (status < 0)
		return EX_OSERR;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return EX_SOFTWARE;
}

/* Records the sent message through `nudge filter --outgoing`. */
static void record_sent(struct cli *cli, const GByteArray *msg, int seconds)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) e = NULL;
	pid_t pid;
	int status;

	g_ptr_array_add(argv, g_strdup("/proc/self/exe"));
	if (cli->home) {
		g_ptr_array_add(argv, g_strdup("--home"));
		g_ptr_array_add(argv, g_strdup(cli->home));
	}
	if (cli->now_arg) {
		g_ptr_array_add(argv, g_strdup("--now"));
		g_ptr_array_add(argv, g_strdup(cli->now_arg));
	}
	g_ptr_array_add(argv, g_strdup("filter"));
	g_ptr_array_add(argv, g_strdup("--outgoing"));
	g_ptr_array_add(argv, NULL);
	if ((pid = spawn_fed((char *const *)argv->pdata, true, msg->data, msg->len,
			     &e)) < 0) {
		cli_warn("the message was sent but not recorded: %s", e->message);
		return;
	}
	status = wait_child(pid, seconds);
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		cli_warn("the message was sent but not recorded (nudge filter: %s %d)",
			 status >= 0 && WIFSIGNALED(status) ? "signal" : "exit",
			 status >= 0 && WIFSIGNALED(status) ? WTERMSIG(status)
							    : exit_code(status));
}

/*
 * Records in a grandchild of its own session, so the mail program gets the
 * real sendmail's answer at once, however long nudge takes or hangs.
 */
static void record_detached(struct cli *cli, const GByteArray *msg, int seconds)
{
	pid_t a = fork(), b;

	if (a < 0) {
		record_sent(cli, msg, seconds);
		return;
	}
	if (a == 0) {
		b = fork();
		if (b > 0)
			_exit(0);
		if (b == 0)
			setsid();
		record_sent(cli, msg, seconds);
		_exit(0);
	}
	while (waitpid(a, NULL, 0) < 0 && errno == EINTR)
		;
}

/* Takes `--sendmail PATH` and the global options from the front of argv;
 * *rest is the first argument for the real sendmail. */
static int own_options(struct cli *cli, int argc, char **argv, char **sendmail,
		       int *rest)
{
	g_autoptr(GPtrArray) mine = g_ptr_array_new();
	char *path = NULL;
	GOptionEntry entries[] = {
		{ "sendmail", 0, 0, G_OPTION_ARG_FILENAME, &path,
		  "the real sendmail (default " DEFAULT_SENDMAIL "); "
		  "every other argument is passed on to it", "PATH" },
		G_OPTION_ENTRY_NULL
	};
	int i = 1, n;
	char **v;
	int ret;

	g_ptr_array_add(mine, argv[0]);
	while (i < argc) {
		const char *a = argv[i];

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			g_ptr_array_add(mine, argv[i++]);
		} else if ((strcmp(a, "--sendmail") == 0 || strcmp(a, "--home") == 0 ||
			    strcmp(a, "--now") == 0) && i + 1 < argc) {
			g_ptr_array_add(mine, argv[i++]);
			g_ptr_array_add(mine, argv[i++]);
		} else if (g_str_has_prefix(a, "--sendmail=") ||
			   g_str_has_prefix(a, "--home=") ||
			   g_str_has_prefix(a, "--now=")) {
			g_ptr_array_add(mine, argv[i++]);
		} else {
			break;
		}
	}
	*rest = i;
	n = (int)mine->len;
	g_ptr_array_add(mine, NULL);
	v = (char **)mine->pdata;
	if ((ret = cli_parse(cli, "sendmail", entries, &n, &v)) < 0) {
		g_free(path);
		return ret;
	}
	if (!path) {
		/* [sendmail] path; a config that cannot be read never stops a send. */
		g_autofree char *file = config_file_path(cli->home);
		struct config *cfg = NULL;

		if (config_load(file, false, &cfg, NULL) == 0 && cfg->sendmail_path)
			path = g_strdup(cfg->sendmail_path);
		config_free(cfg);
	}
	*sendmail = path ? path : g_strdup(DEFAULT_SENDMAIL);
	return 0;
}

/* Sends, then records; returns the exit code for the mail program. */
static int send_and_record(struct cli *cli, int argc, char **argv)
{
	g_autoptr(GByteArray) msg = g_byte_array_new();
	g_autoptr(GPtrArray) sargv = g_ptr_array_new();
	g_autoptr(GError) e = NULL;
	g_autofree char *sendmail = NULL;
	int rest, ret, code;
	pid_t pid;

	if ((ret = own_options(cli, argc, argv, &sendmail, &rest)) < 0)
		return cli_exit_code(ret);
	if ((ret = read_fd(STDIN_FILENO, G_MAXSIZE, msg, NULL)) < 0) {
		/* Nothing reliable to send: the mail program keeps the message. */
		cli_error("cannot read the message: %s", g_strerror(-ret));
		return EX_TEMPFAIL;
	}
	signal(SIGPIPE, SIG_IGN);

	g_ptr_array_add(sargv, sendmail);
	for (int i = rest; i < argc; i++)
		g_ptr_array_add(sargv, argv[i]);
	g_ptr_array_add(sargv, NULL);
	if ((pid = spawn_fed((char *const *)sargv->pdata, false, msg->data,
			     msg->len, &e)) < 0) {
		cli_error("%s; the message was not sent", e->message);
		return EX_TEMPFAIL;
	}
	code = exit_code(wait_child(pid, 0));

	/* Only a message that went out is the user's. A broken config must not
	 * matter here: the filter copes with it on its own. */
	if (code == 0) {
		int limit = 20;

		if (cli_setup(cli, false) == 0 && cli->cfg)
			limit = cli->cfg->time_limit;
		g_clear_error(&cli->config_error);
		record_detached(cli, msg, limit + 10);
	}
	return code;
}

int cmd_sendmail(struct cli *cli, int argc, char **argv)
{
	int code = send_and_record(cli, argc, argv);

	/* The real sendmail's status, not one of nudge's. */
	fflush(stdout);
	fflush(stderr);
	exit(code);
}
