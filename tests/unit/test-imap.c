/*
 * The IMAP client against the real Dovecot that tests/t0500-imap.t starts
 * (details in DOVECOT_* variables), plus small fake servers in threads for
 * what Dovecot will not do: stay silent, inject data after STARTTLS.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "imap.h"

#define PASS_CMD "printf '%s\\n' \"$DOVECOT_PASS\""

static const char *env(const char *name)
{
	const char *v = g_getenv(name);

	return v && *v ? v : NULL;
}

/* false (and the test skipped) when no Dovecot was started for us. */
static bool have_dovecot(void)
{
	if (env("DOVECOT_HOST") && env("DOVECOT_IMAPS_PORT"))
		return true;
	g_test_skip("no Dovecot: run through tests/t0500-imap.t");
	return false;
}

/* A config for the test Dovecot; port_var names the port variable. */
static struct imap_config config(enum imap_tls tls, const char *port_var)
{
	struct imap_config c = {
		.host = (char *)env("DOVECOT_HOST"),
		.port = env(port_var) ? atoi(env(port_var)) : 0,
		.tls = tls,
		.user = (char *)env("DOVECOT_USER"),
		.pass_cmd = (char *)PASS_CMD,
		.tls_verify = true,
		.tls_ca_file = (char *)env("DOVECOT_CA"),
		.timeout_seconds = 10,
	};

	return c;
}

static void open_ok(const struct imap_config *c)
{
	struct imap *im = NULL;
	GError *err = NULL;

	g_assert_cmpint(imap_open(c, &im, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_nonnull(im);
	imap_close(im);
}

/* imap_open() fails with status; returns the message (g_free). */
static char *open_fails(const struct imap_config *c, int status)
{
	struct imap *im = NULL;
	GError *err = NULL;
	char *msg;

	g_assert_cmpint(imap_open(c, &im, &err), ==, status);
	g_assert_null(im);
	g_assert_error(err, NUDGE_ERROR, status);
	msg = g_strdup(err->message);
	g_test_message("error: %s", msg);
	g_error_free(err);
	return msg;
}

static void test_login_imaps(void)
{
	struct imap_config c;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	open_ok(&c);
}

static void test_login_starttls(void)
{
	struct imap_config c;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_STARTTLS, "DOVECOT_IMAP_PORT");
	open_ok(&c);
}

static void test_login_plain(void)
{
	struct imap_config c;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_NONE, "DOVECOT_IMAP_PORT");
	open_ok(&c);
}

/* By name: the certificate names localhost, which may resolve to ::1
 * first, where nothing listens. */
static void test_login_hostname(void)
{
	struct imap_config c;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.host = (char *)"localhost";
	open_ok(&c);
}

static void test_wrong_password(void)
{
	struct imap_config c;
	g_autofree char *msg = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.pass_cmd = (char *)"echo not-the-s3cret; echo second line";
	msg = open_fails(&c, NUDGE_E_AUTH);
	g_assert_nonnull(strstr(msg, "nudgetest"));
	g_assert_null(strstr(msg, "not-the-s3cret"));
}

static void test_pass_cmd_fails(void)
{
	struct imap_config c;
	g_autofree char *msg = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.pass_cmd = (char *)"echo s3cret-on-stdout; exit 3";
	msg = open_fails(&c, NUDGE_E_AUTH);
	g_assert_nonnull(strstr(msg, "pass_cmd"));
	g_assert_null(strstr(msg, "s3cret-on-stdout"));
	g_free(g_steal_pointer(&msg));

	c.pass_cmd = (char *)"true";
	msg = open_fails(&c, NUDGE_E_AUTH);
	g_assert_nonnull(strstr(msg, "no password"));
}

static void test_wrong_host_cert(void)
{
	struct imap_config c;
	g_autofree char *msg = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_WRONG_IMAPS_PORT");
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "another host name"));
	c.tls_verify = false;
	open_ok(&c);
}

static void test_wrong_host_cert_starttls(void)
{
	struct imap_config c;
	g_autofree char *msg = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_STARTTLS, "DOVECOT_WRONG_IMAP_PORT");
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "another host name"));
	c.tls_verify = false;
	open_ok(&c);
}

/* Without tls_ca_file only the system's CAs count: the test CA is not one. */
static void test_private_ca(void)
{
	struct imap_config c;
	g_autofree char *msg = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.tls_ca_file = NULL;
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "issuer"));
	g_free(g_steal_pointer(&msg));

	c.tls_ca_file = (char *)"/nonexistent/ca.pem";
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "'/nonexistent/ca.pem'"));
}

static struct imap *session(void)
{
	struct imap_config c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	struct imap *im = NULL;
	GError *err = NULL;

	g_assert_cmpint(imap_open(&c, &im, &err), ==, 0);
	g_assert_no_error(err);
	return im;
}

static void test_drafts_special_use(void)
{
	struct imap *im;
	GError *err = NULL;
	const char *name = NULL;
	const char *want = env("DOVECOT_DRAFTS_WIRE");

	if (!have_dovecot())
		return;
	im = session();
	g_assert_cmpint(imap_drafts_mailbox(im, &name, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpstr(name, ==, want ? want : env("DOVECOT_DRAFTS"));
	imap_close(im);
}

static void test_drafts_configured(void)
{
	struct imap_config c;
	struct imap *im = NULL;
	GError *err = NULL;
	const char *name = NULL;

	if (!have_dovecot())
		return;
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.drafts = (char *)"Sent";
	g_assert_cmpint(imap_open(&c, &im, &err), ==, 0);
	g_assert_cmpint(imap_drafts_mailbox(im, &name, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpstr(name, ==, "Sent");
	imap_close(im);
}

static char *message(const char *msgid, const char *eol)
{
	return g_strdup_printf("From: Alex Example <alex@example.org>%s"
			       "To: hr@example.com%s"
			       "Subject: Following up: =?UTF-8?Q?Entw=C3=BCrfe?=%s"
			       "Message-ID: <%s>%s"
			       "X-Nudge-Draft: 42%s"
			       "MIME-Version: 1.0%s"
			       "Content-Type: text/plain; charset=UTF-8%s"
			       "%s"
			       "Hello,%s%s"
			       "just checking in.%s",
			       eol, eol, eol, msgid, eol, eol, eol, eol,
			       eol, eol, eol, eol);
}

static void test_append_find_fetch_delete(void)
{
	struct imap *im;
	GError *err = NULL;
	const char *box = NULL;
	g_autofree char *id = NULL, *msg = NULL, *got = NULL;
	g_autofree char *prefix_id = NULL;
	guint32 uid = 0, found = 0;
	size_t len = 0;

	if (!have_dovecot())
		return;
	id = g_strdup_printf("nudge.%u.%d@example.org", g_random_int(), getpid());
	prefix_id = g_strdup_printf("x%s", id);
	msg = message(id, "\r\n");
	im = session();
	g_assert_cmpint(imap_drafts_mailbox(im, &box, &err), ==, 0);

	g_assert_cmpint(imap_find_message_id(im, box, id, &found, &err), ==, 0);
	g_assert_cmpuint(found, ==, 0);

	g_assert_cmpint(imap_append_draft(im, box, msg, strlen(msg), &uid, &err),
			==, 0);
	g_assert_no_error(err);
	g_assert_cmpuint(uid, >, 0);

	/* With or without the angle brackets; never a longer ID. */
	g_assert_cmpint(imap_find_message_id(im, box, id, &found, &err), ==, 0);
	g_assert_cmpuint(found, ==, uid);
	g_autofree char *bracketed = g_strdup_printf("<%s>", id);
	g_assert_cmpint(imap_find_message_id(im, box, bracketed, &found, &err),
			==, 0);
	g_assert_cmpuint(found, ==, uid);
	g_assert_cmpint(imap_find_message_id(im, box, prefix_id, &found, &err),
			==, 0);
	g_assert_cmpuint(found, ==, 0);

	g_assert_cmpint(imap_fetch_uid(im, box, uid, &got, &len, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpuint(len, ==, strlen(msg));
	g_assert_cmpmem(got, len, msg, strlen(msg));

	g_assert_cmpint(imap_delete_uid(im, box, uid, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpint(imap_find_message_id(im, box, id, &found, &err), ==, 0);
	g_assert_cmpuint(found, ==, 0);

	g_assert_cmpint(imap_delete_uid(im, box, uid, &err), ==, NUDGE_E_NOTFOUND);
	g_clear_error(&err);
	g_assert_cmpint(imap_fetch_uid(im, box, uid, &got, &len, &err), ==,
			NUDGE_E_NOTFOUND);
	g_clear_error(&err);
	imap_close(im);
}

/* Bare LF line ends go out as CRLF; the fetched copy has CRLF. */
static void test_append_lf(void)
{
	struct imap *im;
	GError *err = NULL;
	const char *box = NULL;
	g_autofree char *id = NULL, *lf = NULL, *crlf = NULL, *got = NULL;
	guint32 uid = 0;
	size_t len = 0;

	if (!have_dovecot())
		return;
	id = g_strdup_printf("nudge.lf.%u@example.org", g_random_int());
	lf = message(id, "\n");
	crlf = message(id, "\r\n");
	im = session();
	g_assert_cmpint(imap_drafts_mailbox(im, &box, &err), ==, 0);
	g_assert_cmpint(imap_append_draft(im, box, lf, strlen(lf), &uid, &err),
			==, 0);
	g_assert_cmpint(imap_fetch_uid(im, box, uid, &got, &len, &err), ==, 0);
	g_assert_cmpmem(got, len, crlf, strlen(crlf));
	g_assert_cmpint(imap_delete_uid(im, box, uid, &err), ==, 0);
	g_assert_no_error(err);
	imap_close(im);
}

/* A fake server: one connection, one behaviour. */
enum fake_mode { FAKE_SILENT, FAKE_MUTE, FAKE_INJECT, FAKE_NO_STARTTLS,
		 FAKE_CUT_APPEND, FAKE_PREAUTH };

struct fake {
	enum fake_mode mode;
	int lfd;
	int port;
	GThread *thread;
	bool got_login;
};

static void fake_reply(int fd, const char *line, const char *fmt)
{
	g_autofree char *tag = g_strndup(line, strcspn(line, " "));
	g_autofree char *out = NULL;

	out = g_strdup_printf(fmt, tag);
	g_assert_cmpint(write(fd, out, strlen(out)), ==, (ssize_t)strlen(out));
}

/* Answers one command line; false to hang up. */
static bool fake_line(struct fake *f, int fd, const char *line)
{
	const char *cmd = strchr(line, ' ');

	cmd = cmd ? cmd + 1 : "";
	if (g_ascii_strncasecmp(cmd, "LOGIN", 5) == 0) {
		f->got_login = true;
		if (f->mode == FAKE_CUT_APPEND)
			fake_reply(fd, line, "%s OK logged in\r\n");
		else
			fake_reply(fd, line, "%s NO go away\r\n");
	} else if (g_ascii_strncasecmp(cmd, "APPEND", 6) == 0) {
		fake_reply(fd, line, "+ go ahead%.0s\r\n");
		return false;
	} else if (g_ascii_strncasecmp(cmd, "CAPABILITY", 10) == 0) {
		fake_reply(fd, line,
			   "* CAPABILITY IMAP4rev1 STARTTLS\r\n%s OK done\r\n");
	} else if (g_ascii_strncasecmp(cmd, "STARTTLS", 8) == 0) {
		if (f->mode == FAKE_INJECT)
			fake_reply(fd, line,
				   "%s OK begin TLS now\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n");
		else
			fake_reply(fd, line, "%s NO not today\r\n");
	} else {
		fake_reply(fd, line, "%s BAD what\r\n");
	}
	return true;
}

static gpointer fake_run(gpointer data)
{
	struct fake *f = data;
	struct pollfd p = { .fd = f->lfd, .events = POLLIN };
	GString *in = g_string_new(NULL);
	char buf[1024], *nl;
	ssize_t n;
	int fd;

	if (poll(&p, 1, 20000) != 1)
		goto out;
	fd = accept(f->lfd, NULL, NULL);
	if (fd < 0)
		goto out;
	if (f->mode != FAKE_SILENT) {
		const char *hi = f->mode == FAKE_PREAUTH ?
			"* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] hi alex\r\n" :
			"* OK [CAPABILITY IMAP4rev1 STARTTLS] fake\r\n";

		g_assert_cmpint(write(fd, hi, strlen(hi)), ==, (ssize_t)strlen(hi));
	}
	p.fd = fd;
	/* Until the client hangs up (or 20 s). */
	while (poll(&p, 1, 20000) == 1 && (n = read(fd, buf, sizeof(buf))) > 0) {
		if (f->mode == FAKE_SILENT || f->mode == FAKE_MUTE)
			continue;
		g_string_append_len(in, buf, n);
		while ((nl = strchr(in->str, '\n'))) {
			*nl = '\0';
			if (!fake_line(f, fd, in->str))
				goto hangup;
			g_string_erase(in, 0, nl - in->str + 1);
		}
	}
hangup:
	close(fd);
out:
	g_string_free(in, TRUE);
	return NULL;
}

static void fake_start(struct fake *f, enum fake_mode mode)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);

	memset(f, 0, sizeof(*f));
	f->mode = mode;
	f->lfd = socket(AF_INET, SOCK_STREAM, 0);
	g_assert_cmpint(f->lfd, >=, 0);
	g_assert_cmpint(bind(f->lfd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
	g_assert_cmpint(listen(f->lfd, 4), ==, 0);
	g_assert_cmpint(getsockname(f->lfd, (struct sockaddr *)&a, &len), ==, 0);
	f->port = ntohs(a.sin_port);
	f->thread = g_thread_new("fake-imap", fake_run, f);
}

static void fake_stop(struct fake *f)
{
	g_thread_join(f->thread);
	close(f->lfd);
}

static struct imap_config fake_config(struct fake *f, enum imap_tls tls)
{
	struct imap_config c = {
		.host = (char *)"127.0.0.1",
		.port = f->port,
		.tls = tls,
		.user = (char *)"nudgetest",
		.pass_cmd = (char *)"echo secret",
		.tls_verify = true,
		.timeout_seconds = 1,
	};

	return c;
}

static void test_not_listening(void)
{
	struct fake f;
	struct imap_config c;
	gint64 t0 = g_get_monotonic_time();
	g_autofree char *msg = NULL, *want = NULL;

	/* A port that was just free: bind it, note it, let it go. */
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	g_assert_cmpint(bind(fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
	g_assert_cmpint(getsockname(fd, (struct sockaddr *)&a, &len), ==, 0);
	close(fd);
	f.port = ntohs(a.sin_port);
	c = fake_config(&f, IMAP_TLS_IMAPS);
	c.timeout_seconds = 30;
	msg = open_fails(&c, NUDGE_E_NET);
	want = g_strdup_printf("cannot connect to '127.0.0.1:%d': connection refused",
			       f.port);
	g_assert_cmpstr(msg, ==, want);
	g_assert_cmpint(g_get_monotonic_time() - t0, <, 2 * G_USEC_PER_SEC);
}

/* A listener whose accept queue is full drops new SYNs: connect() hangs. */
static void test_connect_timeout(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	struct fake f = { 0 };
	struct imap_config c;
	int lfd, fds[8], n = 0;
	gint64 t0, dt;
	g_autofree char *msg = NULL;

	lfd = socket(AF_INET, SOCK_STREAM, 0);
	g_assert_cmpint(bind(lfd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
	g_assert_cmpint(listen(lfd, 0), ==, 0);
	g_assert_cmpint(getsockname(lfd, (struct sockaddr *)&a, &len), ==, 0);
	/* Fill the queue with connections nobody accepts. */
	for (n = 0; n < 8; n++) {
		fds[n] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		connect(fds[n], (struct sockaddr *)&a, sizeof(a));
	}
	g_usleep(100000);
	f.port = ntohs(a.sin_port);
	c = fake_config(&f, IMAP_TLS_NONE);
	t0 = g_get_monotonic_time();
	msg = open_fails(&c, NUDGE_E_NET);
	dt = g_get_monotonic_time() - t0;
	g_assert_nonnull(strstr(msg, "cannot connect to"));
	g_assert_cmpint(dt, <, 5 * G_USEC_PER_SEC);
	while (n--)
		close(fds[n]);
	close(lfd);
}

/* Accepts and never speaks: the greeting (or handshake) times out. */
static void test_silent_server(gconstpointer data)
{
	enum imap_tls tls = GPOINTER_TO_INT(data);
	struct fake f;
	struct imap_config c;
	gint64 t0 = g_get_monotonic_time(), dt;
	g_autofree char *msg = NULL;

	fake_start(&f, FAKE_SILENT);
	c = fake_config(&f, tls);
	msg = open_fails(&c, tls == IMAP_TLS_IMAPS ? NUDGE_E_TLS : NUDGE_E_NET);
	dt = g_get_monotonic_time() - t0;
	g_assert_cmpint(dt, >=, G_USEC_PER_SEC / 2);
	g_assert_cmpint(dt, <, 5 * G_USEC_PER_SEC);
	fake_stop(&f);
}

/* Greets, then never answers a command. */
static void test_command_timeout(void)
{
	struct fake f;
	struct imap_config c;
	gint64 t0 = g_get_monotonic_time(), dt;
	g_autofree char *msg = NULL;

	fake_start(&f, FAKE_MUTE);
	c = fake_config(&f, IMAP_TLS_NONE);
	msg = open_fails(&c, NUDGE_E_NET);
	g_assert_nonnull(strstr(msg, "timed out"));
	dt = g_get_monotonic_time() - t0;
	g_assert_cmpint(dt, <, 5 * G_USEC_PER_SEC);
	fake_stop(&f);
}

static void test_starttls_injection(void)
{
	struct fake f;
	struct imap_config c;
	g_autofree char *msg = NULL;

	fake_start(&f, FAKE_INJECT);
	c = fake_config(&f, IMAP_TLS_STARTTLS);
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "injection"));
	fake_stop(&f);
	g_assert_false(f.got_login);
}

/* PREAUTH in the clear when STARTTLS was asked for: stop at once. */
static void test_starttls_preauth(void)
{
	struct fake f;
	struct imap_config c;
	g_autofree char *msg = NULL;

	fake_start(&f, FAKE_PREAUTH);
	c = fake_config(&f, IMAP_TLS_STARTTLS);
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "PREAUTH"));
	fake_stop(&f);
}

/* STARTTLS refused: stop there, never log in in the clear. */
static void test_starttls_refused(void)
{
	struct fake f;
	struct imap_config c;
	g_autofree char *msg = NULL;

	fake_start(&f, FAKE_NO_STARTTLS);
	c = fake_config(&f, IMAP_TLS_STARTTLS);
	msg = open_fails(&c, NUDGE_E_TLS);
	g_assert_nonnull(strstr(msg, "STARTTLS"));
	fake_stop(&f);
	g_assert_false(f.got_login);
}

/* Without UIDPLUS: no APPENDUID, found by Message-ID, plain EXPUNGE. */
static void test_no_uidplus(void)
{
	struct imap_config c;
	struct imap *im = NULL;
	GError *err = NULL;
	const char *box = NULL;
	g_autofree char *id = NULL, *msg = NULL, *got = NULL;
	guint32 uid = 1, found = 0;
	size_t len = 0;

	if (!have_dovecot() || !env("DOVECOT_PLAIN_IMAPS_PORT")) {
		g_test_skip("no Dovecot without UIDPLUS");
		return;
	}
	c = config(IMAP_TLS_IMAPS, "DOVECOT_PLAIN_IMAPS_PORT");
	g_assert_cmpint(imap_open(&c, &im, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpint(imap_drafts_mailbox(im, &box, &err), ==, 0);
	g_assert_cmpstr(box, ==, "Drafts");
	id = g_strdup_printf("nudge.plain.%u@example.org", g_random_int());
	msg = message(id, "\r\n");
	g_assert_cmpint(imap_append_draft(im, box, msg, strlen(msg), &uid, &err),
			==, 0);
	g_assert_cmpuint(uid, ==, 0);
	g_assert_cmpint(imap_find_message_id(im, box, id, &found, &err), ==, 0);
	g_assert_cmpuint(found, >, 0);
	g_assert_cmpint(imap_fetch_uid(im, box, found, &got, &len, &err), ==, 0);
	g_assert_cmpmem(got, len, msg, strlen(msg));
	g_assert_cmpint(imap_delete_uid(im, box, found, &err), ==, 0);
	g_assert_no_error(err);
	g_assert_cmpint(imap_find_message_id(im, box, id, &uid, &err), ==, 0);
	g_assert_cmpuint(uid, ==, 0);
	imap_close(im);
}

/* The server goes away mid-APPEND: an error, not a SIGPIPE. */
static void test_append_cut(void)
{
	struct fake f;
	struct imap_config c;
	struct imap *im = NULL;
	GError *err = NULL;
	size_t len = 4 << 20;
	g_autofree char *big = g_malloc(len);
	guint32 uid = 7;

	memset(big, 'x', len);
	memcpy(big, "Subject: big\r\n\r\n", 17);
	fake_start(&f, FAKE_CUT_APPEND);
	c = fake_config(&f, IMAP_TLS_NONE);
	g_assert_cmpint(imap_open(&c, &im, &err), ==, 0);
	g_assert_cmpint(imap_append_draft(im, "Drafts", big, len, &uid, &err),
			==, NUDGE_E_NET);
	g_assert_error(err, NUDGE_ERROR, NUDGE_E_NET);
	g_test_message("error: %s", err->message);
	g_clear_error(&err);
	g_assert_cmpuint(uid, ==, 0);
	imap_close(im);
	fake_stop(&f);
}

/* A configured name in UTF-8 goes out in modified UTF-7. */
static void test_drafts_configured_utf8(void)
{
	struct imap_config c;
	struct imap *im = NULL;
	GError *err = NULL;
	const char *name = NULL;
	g_autofree char *msg = NULL;
	guint32 uid = 0, found = 0;

	if (!have_dovecot() || !env("DOVECOT_DRAFTS_WIRE")) {
		g_test_skip("no non-ASCII drafts mailbox");
		return;
	}
	c = config(IMAP_TLS_IMAPS, "DOVECOT_IMAPS_PORT");
	c.drafts = (char *)env("DOVECOT_DRAFTS");
	g_assert_cmpint(imap_open(&c, &im, &err), ==, 0);
	g_assert_cmpint(imap_drafts_mailbox(im, &name, &err), ==, 0);
	g_assert_cmpstr(name, ==, env("DOVECOT_DRAFTS_WIRE"));
	msg = message("utf8.box@example.org", "\r\n");
	g_assert_cmpint(imap_append_draft(im, name, msg, strlen(msg), &uid, &err),
			==, 0);
	g_assert_no_error(err);
	g_assert_cmpint(imap_find_message_id(im, name, "utf8.box@example.org",
					     &found, &err), ==, 0);
	g_assert_cmpuint(found, ==, uid);
	g_assert_cmpint(imap_delete_uid(im, name, uid, &err), ==, 0);
	imap_close(im);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/imap/login/imaps", test_login_imaps);
	g_test_add_func("/imap/login/starttls", test_login_starttls);
	g_test_add_func("/imap/login/plain", test_login_plain);
	g_test_add_func("/imap/login/hostname", test_login_hostname);
	g_test_add_func("/imap/auth/wrong-password", test_wrong_password);
	g_test_add_func("/imap/auth/pass-cmd-fails", test_pass_cmd_fails);
	g_test_add_func("/imap/tls/wrong-host", test_wrong_host_cert);
	g_test_add_func("/imap/tls/wrong-host-starttls",
			test_wrong_host_cert_starttls);
	g_test_add_func("/imap/tls/private-ca", test_private_ca);
	g_test_add_func("/imap/tls/starttls-injection", test_starttls_injection);
	g_test_add_func("/imap/tls/starttls-refused", test_starttls_refused);
	g_test_add_func("/imap/tls/starttls-preauth", test_starttls_preauth);
	g_test_add_func("/imap/drafts/special-use", test_drafts_special_use);
	g_test_add_func("/imap/drafts/configured", test_drafts_configured);
	g_test_add_func("/imap/append/find-fetch-delete",
			test_append_find_fetch_delete);
	g_test_add_func("/imap/drafts/configured-utf8",
			test_drafts_configured_utf8);
	g_test_add_func("/imap/append/lf", test_append_lf);
	g_test_add_func("/imap/append/connection-cut", test_append_cut);
	g_test_add_func("/imap/append/no-uidplus", test_no_uidplus);
	g_test_add_func("/imap/net/not-listening", test_not_listening);
	g_test_add_data_func("/imap/net/silent-greeting",
			     GINT_TO_POINTER(IMAP_TLS_NONE), test_silent_server);
	g_test_add_data_func("/imap/net/silent-handshake",
			     GINT_TO_POINTER(IMAP_TLS_IMAPS), test_silent_server);
	g_test_add_func("/imap/net/command-timeout", test_command_timeout);
	g_test_add_func("/imap/net/connect-timeout", test_connect_timeout);
	return g_test_run();
}
