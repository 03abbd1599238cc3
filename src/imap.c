/*
 * IMAP through libetpan. nudge opens the TCP connection itself (so that
 * connecting has a timeout), lets libetpan run the TLS handshake, and then
 * checks the peer's certificate chain and host name with GnuTLS before a
 * single IMAP command is sent: libetpan's GnuTLS back-end checks nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <libetpan/libetpan.h>

#include "imap-module.h"

struct imap {
	mailimap *imap;
	char *host;
	int port;
	int timeout;
	char *drafts;		/* imap_drafts_mailbox(), once known */
	char *selected;		/* the selected mailbox, NULL when none */
	bool broken;		/* the stream failed: no LOGOUT */
};

/*
 * A write to a socket the server closed raises SIGPIPE, which would kill the
 * process (or Claws Mail) mid-APPEND. Each entry point blocks it in this
 * thread and swallows the one it caused, as libcurl does.
 */
struct sigpipe_guard {
	sigset_t old;
	bool was_pending;
};

static void sigpipe_block(struct sigpipe_guard *g)
{
	sigset_t set, pending;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigemptyset(&pending);
	sigpending(&pending);
	g->was_pending = sigismember(&pending, SIGPIPE) == 1;
	pthread_sigmask(SIG_BLOCK, &set, &g->old);
}

static void sigpipe_restore(struct sigpipe_guard *g)
{
	const struct timespec zero = { 0, 0 };
	sigset_t set, pending;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigemptyset(&pending);
	sigpending(&pending);
	if (!g->was_pending && sigismember(&pending, SIGPIPE) == 1)
		while (sigtimedwait(&set, NULL, &zero) < 0 && errno == EINTR)
			;
	pthread_sigmask(SIG_SETMASK, &g->old, NULL);
}

/* strerror() with a lower-case start, as in git's messages. */
static const char *errstr(int errnum, char *buf, size_t size)
{
	g_strlcpy(buf, errnum == ETIMEDOUT ? "timed out" : g_strerror(errnum),
		  size);
	buf[0] = g_ascii_tolower(buf[0]);
	return buf;
}

/* Waits for a non-blocking connect(); 0 or an errno value. */
static int wait_connect(int fd, int timeout)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int r, soerr = 0;
	socklen_t len = sizeof(soerr);

	do
		r = poll(&p, 1, timeout * 1000);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno;
	if (r == 0)
		return ETIMEDOUT;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0)
		return errno;
	return soerr;
}

/* A connected, blocking socket to host:port, trying every address. */
static int tcp_connect(struct imap *im, int *fdp, GError **err)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC,
				  .ai_socktype = SOCK_STREAM };
	struct addrinfo *res = NULL, *ai;
	char service[16], buf[128];
	int fd = -1, r, saved = ECONNREFUSED;

	g_snprintf(service, sizeof(service), "%d", im->port);
	r = getaddrinfo(im->host, service, &hints, &res);
	if (r != 0)
		return nudge_fail(err, NUDGE_E_NET, "cannot resolve '%s': %s",
				  im->host, r == EAI_SYSTEM ?
				  errstr(errno, buf, sizeof(buf)) :
				  gai_strerror(r));
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC |
			    SOCK_NONBLOCK, ai->ai_protocol);
		if (fd < 0) {
			saved = errno;
			continue;
		}
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			saved = 0;
		else if (errno == EINPROGRESS)
			saved = wait_connect(fd, im->timeout);
		else
			saved = errno;
		if (saved == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		return nudge_fail(err, NUDGE_E_NET, "cannot connect to '%s:%d': %s",
				  im->host, im->port,
				  errstr(saved, buf, sizeof(buf)));
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
		saved = errno;
		close(fd);
		return nudge_fail(err, NUDGE_E_NET, "cannot connect to '%s:%d': %s",
				  im->host, im->port,
				  errstr(saved, buf, sizeof(buf)));
	}
	*fdp = fd;
	return 0;
}

/* Sends the host name in SNI; libetpan calls this before the handshake. */
static void tls_context_cb(struct mailstream_ssl_context *ctx, void *data)
{
	const char *host = data;

	if (!g_hostname_is_ip_address(host))
		mailstream_ssl_set_server_name(ctx, (char *)host);
}

/* Why GnuTLS refused a chain, in words for the user. */
static const char *verify_reason(unsigned int status)
{
	if (status & GNUTLS_CERT_UNEXPECTED_OWNER)
		return "the certificate is for another host name";
	if (status & GNUTLS_CERT_SIGNER_NOT_FOUND)
		return "the certificate's issuer is not trusted";
	if (status & GNUTLS_CERT_EXPIRED)
		return "the certificate has expired";
	if (status & GNUTLS_CERT_NOT_ACTIVATED)
		return "the certificate is not valid yet";
	if (status & GNUTLS_CERT_REVOKED)
		return "the certificate was revoked";
	if (status & GNUTLS_CERT_INSECURE_ALGORITHM)
		return "the certificate uses an insecure algorithm";
	if (status & GNUTLS_CERT_PURPOSE_MISMATCH)
		return "the certificate is not for a server";
	if (status & GNUTLS_CERT_SIGNATURE_FAILURE)
		return "the certificate's signature is invalid";
	return "the certificate is not trusted";
}

/* Checks the peer's chain against the CAs and the host name. */
static int tls_verify(struct imap *im, const struct imap_config *cfg,
		      mailstream_low *low, GError **err)
{
	carray *chain = mailstream_low_get_certificate_chain(low);
	gnutls_x509_crt_t *crts = NULL;
	gnutls_x509_trust_list_t tl = NULL;
	unsigned int n = chain ? carray_count(chain) : 0, ncrt = 0, status = 0;
	gnutls_typed_vdata_st vdata[2] = {
		{ .type = GNUTLS_DT_DNS_HOSTNAME,
		  .data = (unsigned char *)im->host },
		{ .type = GNUTLS_DT_KEY_PURPOSE_OID,
		  .data = (unsigned char *)GNUTLS_KP_TLS_WWW_SERVER },
	};
	int r, ret = 0;

	if (n == 0) {
		ret = nudge_fail(err, NUDGE_E_TLS,
				 "cannot verify '%s:%d': it sent no certificate",
				 im->host, im->port);
		goto out;
	}
	crts = g_new0(gnutls_x509_crt_t, n);
	for (ncrt = 0; ncrt < n; ncrt++) {
		MMAPString *der = carray_get(chain, ncrt);
		gnutls_datum_t d = { (unsigned char *)der->str,
				     (unsigned int)der->len };

		if (gnutls_x509_crt_init(&crts[ncrt]) < 0)
			break;
		if (gnutls_x509_crt_import(crts[ncrt], &d,
					   GNUTLS_X509_FMT_DER) < 0) {
			ncrt++;
			ret = nudge_fail(err, NUDGE_E_TLS,
					 "cannot verify '%s:%d': unreadable certificate",
					 im->host, im->port);
			goto out;
		}
	}
	if (ncrt < n || gnutls_x509_trust_list_init(&tl, 0) < 0) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	if (cfg->tls_ca_file && access(cfg->tls_ca_file, R_OK) < 0) {
		char buf[128];

		ret = nudge_fail(err, NUDGE_E_TLS, "cannot read '%s': %s",
				 cfg->tls_ca_file, errstr(errno, buf, sizeof(buf)));
		goto out;
	}
	if (cfg->tls_ca_file) {
		r = gnutls_x509_trust_list_add_trust_file(tl, cfg->tls_ca_file,
				NULL, GNUTLS_X509_FMT_PEM, 0, 0);
		if (r <= 0) {
			ret = nudge_fail(err, NUDGE_E_TLS,
					 "cannot load CA certificates from '%s': %s",
					 cfg->tls_ca_file, r < 0 ?
					 gnutls_strerror(r) : "no certificate found");
			goto out;
		}
	} else {
		r = gnutls_x509_trust_list_add_system_trust(tl, 0, 0);
		if (r <= 0) {
			ret = nudge_fail(err, NUDGE_E_TLS,
					 "cannot verify '%s:%d': no system CA certificates (set tls_ca_file)",
					 im->host, im->port);
			goto out;
		}
	}
	r = gnutls_x509_trust_list_verify_crt2(tl, crts, n, vdata, 2, 0,
					       &status, NULL);
	if (r < 0)
		ret = nudge_fail(err, NUDGE_E_TLS, "cannot verify '%s:%d': %s",
				 im->host, im->port, gnutls_strerror(r));
	else if (status != 0)
		ret = nudge_fail(err, NUDGE_E_TLS,
				 "certificate of '%s:%d' refused: %s",
				 im->host, im->port, verify_reason(status));
out:
	if (tl)
		gnutls_x509_trust_list_deinit(tl, 1);
	for (unsigned int i = 0; i < ncrt; i++)
		gnutls_x509_crt_deinit(crts[i]);
	g_free(crts);
	for (unsigned int i = 0; i < n; i++)
		mmap_string_free(carray_get(chain, i));
	if (chain)
		carray_free(chain);
	return ret;
}

/* The TLS layer over fd, verified unless the user opted out. fd is the new
 * stream's on success, closed on failure. */
static int tls_start(struct imap *im, const struct imap_config *cfg, int fd,
		     bool implicit, mailstream_low **lowp, GError **err)
{
	mailstream_low *low;
	int ret;

	if (implicit)
		low = mailstream_low_ssl_open_with_callback_timeout(fd,
				im->timeout, tls_context_cb, im->host);
	else
		low = mailstream_low_tls_open_with_callback_timeout(fd,
				im->timeout, tls_context_cb, im->host);
	if (!low) {
		close(fd);
		return nudge_fail(err, NUDGE_E_TLS,
				  "TLS handshake with '%s:%d' failed",
				  im->host, im->port);
	}
	mailstream_low_set_timeout(low, im->timeout);
	if (cfg->tls_verify) {
		ret = tls_verify(im, cfg, low, err);
		if (ret < 0) {
			mailstream_low_close(low);
			mailstream_low_free(low);
			return ret;
		}
	}
	*lowp = low;
	return 0;
}

/* Turns a libetpan error into a GError: "cannot WHAT on 'host:port': why". */
static int fail_imap(struct imap *im, int r, GError **err, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);
static int fail_imap(struct imap *im, int r, GError **err, const char *fmt, ...)
{
	g_autofree char *what = NULL;
	const char *why;
	va_list ap;

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	switch (r) {
	case MAILIMAP_ERROR_STREAM:
		im->broken = true;
		why = "connection lost or timed out";
		break;
	case MAILIMAP_ERROR_PARSE:
		im->broken = true;
		why = "cannot parse the server's answer";
		break;
	case MAILIMAP_ERROR_MEMORY:
		return nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
	default:
		why = im->imap && im->imap->imap_response &&
		      *im->imap->imap_response ?
		      im->imap->imap_response : "the server said no";
		break;
	}
	return nudge_fail(err, NUDGE_E_NET, "cannot %s on '%s:%d': %s",
			  what, im->host, im->port, why);
}

/* The first line pass_cmd prints, through /bin/sh. Caller wipes and frees. */
static int read_password(const struct imap_config *cfg, char **pass,
			 GError **err)
{
	const char *argv[] = { "/bin/sh", "-c", cfg->pass_cmd, NULL };
	char *out = NULL;
	GError *e = NULL;
	int status = 0, ret = 0;
	size_t n;

	if (!cfg->pass_cmd || !*cfg->pass_cmd)
		return nudge_fail(err, NUDGE_E_AUTH,
				  "no pass_cmd to get the password of '%s'",
				  cfg->user);
	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL,
			  NULL, &out, NULL, &status, &e)) {
		ret = nudge_fail(err, NUDGE_E_AUTH, "cannot run pass_cmd: %s",
				 e->message);
		g_error_free(e);
		goto out;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status))
			ret = nudge_fail(err, NUDGE_E_AUTH,
					 "pass_cmd failed with exit status %d",
					 WEXITSTATUS(status));
		else
			ret = nudge_fail(err, NUDGE_E_AUTH,
					 "pass_cmd was killed by signal %d",
					 WTERMSIG(status));
		goto out;
	}
	n = strcspn(out, "\r\n");
	if (n == 0) {
		ret = nudge_fail(err, NUDGE_E_AUTH, "pass_cmd printed no password");
		goto out;
	}
	*pass = g_strndup(out, n);
out:
	if (out) {
		explicit_bzero(out, strlen(out));
		g_free(out);
	}
	return ret;
}

/* Refreshes the capability list that mailimap_has_extension() reads. */
static int refresh_capability(struct imap *im, GError **err)
{
	struct mailimap_capability_data *caps = NULL;
	int r = mailimap_capability(im->imap, &caps);

	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "ask for capabilities");
	mailimap_capability_data_free(caps);
	return 0;
}

static int do_starttls(struct imap *im, const struct imap_config *cfg,
		       GError **err)
{
	mailstream_low *plain, *low = NULL;
	int r, fd, plain_fd, ret;

	r = mailimap_starttls(im->imap);
	/* Bytes after the tagged OK came in the clear: an injection (libetpan
	 * itself may then fail the command). */
	if (im->imap->imap_stream && im->imap->imap_stream->read_buffer_len) {
		im->broken = true;
		return nudge_fail(err, NUDGE_E_TLS,
				  "'%s:%d' sent data after its STARTTLS answer: refusing a possible injection",
				  im->host, im->port);
	}
	if (r != MAILIMAP_NO_ERROR) {
		if (r == MAILIMAP_ERROR_STREAM || r == MAILIMAP_ERROR_PARSE)
			return fail_imap(im, r, err, "start TLS");
		return nudge_fail(err, NUDGE_E_TLS,
				  "'%s:%d' refused STARTTLS: %s", im->host,
				  im->port, im->imap->imap_response ?
				  im->imap->imap_response : "no reason given");
	}
	/* TLS runs over a copy of the socket, so that the plain stream can
	 * close its own whatever happens. */
	plain = mailstream_get_low(im->imap->imap_stream);
	plain_fd = mailstream_low_get_fd(plain);
	fd = dup(plain_fd);
	if (fd < 0) {
		im->broken = true;
		return nudge_fail(err, NUDGE_E_NET, "cannot start TLS: %s",
				  g_strerror(errno));
	}
	ret = tls_start(im, cfg, fd, false, &low, err);
	if (ret < 0) {
		im->broken = true;
		return ret;
	}
	/* Freeing a socket stream leaves its fd open (libetpan does the same). */
	mailstream_low_free(plain);
	close(plain_fd);
	mailstream_set_low(im->imap->imap_stream, low);
	return refresh_capability(im, err);
}

static int login(struct imap *im, const struct imap_config *cfg, GError **err)
{
	char *pass = NULL;
	int r, ret;

	if (!cfg->user || !*cfg->user)
		return nudge_fail(err, NUDGE_E_AUTH, "no user for '%s:%d'",
				  im->host, im->port);
	ret = read_password(cfg, &pass, err);
	if (ret < 0)
		return ret;
	r = mailimap_login(im->imap, cfg->user, pass);
	explicit_bzero(pass, strlen(pass));
	g_free(pass);
	if (r == MAILIMAP_ERROR_LOGIN)
		return nudge_fail(err, NUDGE_E_AUTH,
				  "login as '%s' on '%s:%d' refused: %s",
				  cfg->user, im->host, im->port,
				  im->imap->imap_response ?
				  im->imap->imap_response : "no reason given");
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "log in as '%s'", cfg->user);
	return refresh_capability(im, err);
}

static void close_session(struct imap *im);

/* A mailbox name as IMAP spells it (modified UTF-7, RFC 3501 5.1.3). An
 * ASCII name is taken as already spelled so. */
static int wire_name(const char *utf8, char **out, GError **err)
{
	GError *e = NULL;
	int ret = 0;

	if (!g_str_is_ascii(utf8)) {
		*out = g_convert(utf8, -1, "UTF-7-IMAP", "UTF-8", NULL, NULL, &e);
		if (!*out) {
			ret = nudge_fail(err, NUDGE_E_CONFIG,
					 "cannot spell mailbox '%s' for IMAP: %s",
					 utf8, e->message);
			g_error_free(e);
		}
	} else {
		*out = g_strdup(utf8);
	}
	return ret;
}

static int open_session(const struct imap_config *cfg, struct imap **out, GError **err)
{
	struct imap *im = g_new0(struct imap, 1);
	mailstream_low *low = NULL;
	mailstream *stream;
	int fd = -1, r, ret;

	im->host = g_strdup(cfg->host);
	im->port = cfg->port ? cfg->port :
		   cfg->tls == IMAP_TLS_IMAPS ? 993 : 143;
	im->timeout = cfg->timeout_seconds > 0 ? cfg->timeout_seconds : 30;
	if (cfg->drafts && *cfg->drafts) {
		ret = wire_name(cfg->drafts, &im->drafts, err);
		if (ret < 0)
			goto out;
	}
	if (!im->host || !*im->host) {
		ret = nudge_fail(err, NUDGE_E_CONFIG, "no IMAP host");
		goto out;
	}
	ret = tcp_connect(im, &fd, err);
	if (ret < 0)
		goto out;
	if (cfg->tls == IMAP_TLS_IMAPS) {
		ret = tls_start(im, cfg, fd, true, &low, err);
		fd = -1;	/* closed on failure, owned by low on success */
		if (ret < 0)
			goto out;
	} else {
		low = mailstream_low_socket_open(fd);
		if (!low) {
			close(fd);
			ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
			goto out;
		}
		mailstream_low_set_timeout(low, im->timeout);
	}
	stream = mailstream_new(low, 8192);
	if (!stream) {
		mailstream_low_close(low);
		mailstream_low_free(low);
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	im->imap = mailimap_new(0, NULL);
	if (!im->imap) {
		mailstream_close(stream);
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	mailimap_set_timeout(im->imap, im->timeout);
	/* From here on, mailimap_free() closes the stream. */
	r = mailimap_connect(im->imap, stream);
	if (r != MAILIMAP_NO_ERROR_AUTHENTICATED &&
	    r != MAILIMAP_NO_ERROR_NON_AUTHENTICATED) {
		ret = fail_imap(im, r, err, "read the greeting");
		goto out;
	}
	/* PREAUTH in the clear would skip STARTTLS: an old downgrade trick. */
	if (cfg->tls == IMAP_TLS_STARTTLS &&
	    r == MAILIMAP_NO_ERROR_AUTHENTICATED) {
		ret = nudge_fail(err, NUDGE_E_TLS,
				 "'%s:%d' sent PREAUTH before STARTTLS: refusing to go on in the clear",
				 im->host, im->port);
		goto out;
	}
	if (cfg->tls == IMAP_TLS_STARTTLS) {
		ret = do_starttls(im, cfg, err);
		if (ret < 0)
			goto out;
	}
	if (r == MAILIMAP_NO_ERROR_NON_AUTHENTICATED) {
		ret = login(im, cfg, err);
		if (ret < 0)
			goto out;
	}
	*out = im;
	im = NULL;
out:
	if (im) {
		im->broken = true;
		close_session(im);
	}
	return ret;
}

static void close_session(struct imap *im)
{
	if (!im)
		return;
	if (im->imap) {
		if (!im->broken && im->imap->imap_state != MAILIMAP_STATE_DISCONNECTED)
			mailimap_logout(im->imap);
		mailimap_free(im->imap);
	}
	g_free(im->host);
	g_free(im->drafts);
	g_free(im->selected);
	g_free(im);
}

static bool has_flag(struct mailimap_mailbox_list *mb, const char *flag)
{
	clistiter *it;

	if (!mb->mb_flag || !mb->mb_flag->mbf_oflags)
		return false;
	for (it = clist_begin(mb->mb_flag->mbf_oflags); it; it = clist_next(it)) {
		struct mailimap_mbx_list_oflag *of = clist_content(it);

		if (of->of_type == MAILIMAP_MBX_LIST_OFLAG_FLAG_EXT &&
		    of->of_flag_ext && g_ascii_strcasecmp(of->of_flag_ext, flag) == 0)
			return true;
	}
	return false;
}

/* The mailbox of list marked \Drafts, else NULL; sets *plain when a mailbox
 * named "Drafts" exists. */
static char *find_drafts(clist *list, bool *plain)
{
	clistiter *it;

	for (it = clist_begin(list); it; it = clist_next(it)) {
		struct mailimap_mailbox_list *mb = clist_content(it);

		if (!mb->mb_name)
			continue;
		if (has_flag(mb, "Drafts"))
			return g_strdup(mb->mb_name);
		if (strcmp(mb->mb_name, "Drafts") == 0)
			*plain = true;
	}
	return NULL;
}

static int drafts_mailbox(struct imap *im, const char **name, GError **err)
{
	clist *list = NULL;
	bool plain = false;
	int r, ret = 0;

	if (im->drafts)
		goto out;
	r = mailimap_list(im->imap, "", "*", &list);
	if (r != MAILIMAP_NO_ERROR) {
		ret = fail_imap(im, r, err, "list mailboxes");
		goto out;
	}
	im->drafts = find_drafts(list, &plain);
	mailimap_list_result_free(list);
	list = NULL;
	if (!im->drafts && mailimap_has_xlist(im->imap)) {
		r = mailimap_xlist(im->imap, "", "*", &list);
		if (r != MAILIMAP_NO_ERROR) {
			ret = fail_imap(im, r, err, "list mailboxes");
			goto out;
		}
		im->drafts = find_drafts(list, &plain);
		mailimap_list_result_free(list);
		list = NULL;
	}
	if (!im->drafts) {
		if (!plain) {
			r = mailimap_create(im->imap, "Drafts");
			if (r != MAILIMAP_NO_ERROR) {
				ret = fail_imap(im, r, err, "create 'Drafts'");
				goto out;
			}
		}
		im->drafts = g_strdup("Drafts");
	}
out:
	if (ret == 0)
		*name = im->drafts;
	return ret;
}

static int select_mailbox(struct imap *im, const char *mailbox, GError **err)
{
	int r;

	if (im->selected && strcmp(im->selected, mailbox) == 0)
		return 0;
	g_clear_pointer(&im->selected, g_free);
	r = mailimap_select(im->imap, mailbox);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "select '%s'", mailbox);
	im->selected = g_strdup(mailbox);
	return 0;
}

/* UID SEARCH with key (freed here); the lowest UID in *uid, 0 for none,
 * and the number of matches in *count when count is not NULL. */
static int uid_search(struct imap *im, struct mailimap_search_key *key,
		      guint32 *uid, guint *count, const char *what,
		      GError **err)
{
	clist *result = NULL;
	clistiter *it;
	int r;

	*uid = 0;
	if (count)
		*count = 0;
	if (!key)
		return nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
	r = mailimap_uid_search(im->imap, NULL, key, &result);
	mailimap_search_key_free(key);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "search %s", what);
	for (it = clist_begin(result); it; it = clist_next(it)) {
		guint32 u = *(uint32_t *)clist_content(it);

		if (*uid == 0 || u < *uid)
			*uid = u;
		if (count)
			(*count)++;
	}
	mailimap_search_result_free(result);
	return 0;
}

static int find_message_id(struct imap *im, const char *mailbox,
			   const char *message_id, guint32 *uid, GError **err)
{
	g_autofree char *what = NULL;
	char *value;
	int ret;

	*uid = 0;
	ret = select_mailbox(im, mailbox, err);
	if (ret < 0)
		return ret;
	/* HEADER matches substrings: the brackets keep <a@b> from <xa@b>. */
	if (message_id[0] == '<')
		value = strdup(message_id);
	else
		value = g_strdup_printf("<%s>", message_id);
	what = g_strdup_printf("'%s' for '%s'", mailbox, message_id);
	return uid_search(im, mailimap_search_key_new_header(strdup("Message-ID"),
			  value), uid, NULL, what, err);
}

/* data with bare LF line ends turned into CRLF, as IMAP wants them. */
static GString *to_crlf(const char *data, size_t len)
{
	GString *s = g_string_sized_new(len + len / 32 + 2);

	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
			g_string_append_c(s, '\r');
		g_string_append_c(s, data[i]);
	}
	return s;
}

static int append_draft(struct imap *im, const char *mailbox, const char *data,
			size_t len, guint32 *uid, GError **err)
{
	struct mailimap_flag_list *flags = mailimap_flag_list_new_empty();
	GString *msg = to_crlf(data, len);
	uint32_t validity = 0, new_uid = 0;
	int r, ret = 0;

	*uid = 0;
	if (!flags ||
	    mailimap_flag_list_add(flags, mailimap_flag_new_draft()) != 0 ||
	    mailimap_flag_list_add(flags, mailimap_flag_new_seen()) != 0) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	if (mailimap_has_extension(im->imap, "UIDPLUS"))
		r = mailimap_uidplus_append(im->imap, mailbox, flags, NULL,
					    msg->str, msg->len, &validity,
					    &new_uid);
	else
		r = mailimap_append(im->imap, mailbox, flags, NULL, msg->str,
				    msg->len);
	if (r != MAILIMAP_NO_ERROR) {
		ret = fail_imap(im, r, err, "append to '%s'", mailbox);
		goto out;
	}
	*uid = new_uid;
out:
	if (flags)
		mailimap_flag_list_free(flags);
	g_string_free(msg, TRUE);
	return ret;
}

/* The body of a FETCH answer for uid, NULL when it is not there. */
static struct mailimap_msg_att_body_section *find_body(clist *result, guint32 uid)
{
	for (clistiter *m = clist_begin(result); m; m = clist_next(m)) {
		struct mailimap_msg_att *att = clist_content(m);
		struct mailimap_msg_att_body_section *body = NULL;
		guint32 got = 0;

		for (clistiter *i = clist_begin(att->att_list); i;
		     i = clist_next(i)) {
			struct mailimap_msg_att_item *item = clist_content(i);
			struct mailimap_msg_att_static *st;

			if (item->att_type != MAILIMAP_MSG_ATT_ITEM_STATIC)
				continue;
			st = item->att_data.att_static;
			if (st->att_type == MAILIMAP_MSG_ATT_UID)
				got = st->att_data.att_uid;
			else if (st->att_type == MAILIMAP_MSG_ATT_BODY_SECTION)
				body = st->att_data.att_body_section;
		}
		if (got == uid && body)
			return body;
	}
	return NULL;
}

static int fetch_uid(struct imap *im, const char *mailbox, guint32 uid,
		     char **data, size_t *len, GError **err)
{
	struct mailimap_set *set = NULL;
	struct mailimap_fetch_type *type = NULL;
	struct mailimap_section *section;
	struct mailimap_fetch_att *att;
	struct mailimap_msg_att_body_section *body;
	clist *result = NULL;
	int r, ret;

	ret = select_mailbox(im, mailbox, err);
	if (ret < 0)
		goto out;
	set = mailimap_set_new_single(uid);
	section = mailimap_section_new(NULL);
	att = section ? mailimap_fetch_att_new_body_peek_section(section) : NULL;
	type = att ? mailimap_fetch_type_new_fetch_att(att) : NULL;
	if (!type) {
		if (att)
			mailimap_fetch_att_free(att);
		else if (section)
			mailimap_section_free(section);
	}
	if (!set || !type) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	r = mailimap_uid_fetch(im->imap, set, type, &result);
	if (r != MAILIMAP_NO_ERROR) {
		ret = fail_imap(im, r, err, "fetch UID %u from '%s'", uid,
				mailbox);
		goto out;
	}
	body = find_body(result, uid);
	if (!body) {
		ret = nudge_fail(err, NUDGE_E_NOTFOUND,
				 "no message with UID %u in '%s'", uid, mailbox);
		goto out;
	}
	*len = body->sec_length;
	*data = g_malloc(body->sec_length + 1);
	memcpy(*data, body->sec_body_part, body->sec_length);
	(*data)[body->sec_length] = '\0';
out:
	if (result)
		mailimap_fetch_list_free(result);
	if (type)
		mailimap_fetch_type_free(type);
	if (set)
		mailimap_set_free(set);
	return ret;
}

/* A search key for one UID. */
static struct mailimap_search_key *uid_key(guint32 uid)
{
	struct mailimap_set *set = mailimap_set_new_single(uid);
	struct mailimap_search_key *key;

	if (!set)
		return NULL;
	key = mailimap_search_key_new_uid(set);
	if (!key)
		mailimap_set_free(set);
	return key;
}

/* Without UID EXPUNGE, EXPUNGE would also remove what others flagged
 * \Deleted: expunge only when uid is the one message so flagged. */
static int expunge_only(struct imap *im, const char *mailbox, guint32 uid,
			GError **err)
{
	struct mailimap_search_key *key;
	guint32 first;
	guint count;
	int r, ret;

	key = mailimap_search_key_new(MAILIMAP_SEARCH_KEY_DELETED, NULL, NULL,
			NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL,
			NULL, 0, NULL, NULL, NULL);
	ret = uid_search(im, key, &first, &count, "deleted messages", err);
	if (ret < 0 || count != 1 || first != uid)
		return ret;
	r = mailimap_expunge(im->imap);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "expunge '%s'", mailbox);
	return 0;
}

static int delete_uid(struct imap *im, const char *mailbox, guint32 uid,
		      GError **err)
{
	struct mailimap_flag_list *flags = NULL;
	struct mailimap_store_att_flags *store = NULL;
	struct mailimap_set *set = NULL;
	g_autofree char *what = NULL;
	guint32 found;
	int r, ret;

	ret = select_mailbox(im, mailbox, err);
	if (ret < 0)
		goto out;
	what = g_strdup_printf("'%s' for UID %u", mailbox, uid);
	ret = uid_search(im, uid_key(uid), &found, NULL, what, err);
	if (ret < 0)
		goto out;
	if (found != uid) {
		ret = nudge_fail(err, NUDGE_E_NOTFOUND,
				 "no message with UID %u in '%s'", uid, mailbox);
		goto out;
	}
	set = mailimap_set_new_single(uid);
	flags = mailimap_flag_list_new_empty();
	if (!set || !flags ||
	    mailimap_flag_list_add(flags, mailimap_flag_new_deleted()) != 0) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	store = mailimap_store_att_flags_new_add_flags_silent(flags);
	if (!store) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	flags = NULL;	/* owned by store */
	r = mailimap_uid_store(im->imap, set, store);
	if (r != MAILIMAP_NO_ERROR) {
		ret = fail_imap(im, r, err, "flag UID %u in '%s' deleted", uid,
				mailbox);
		goto out;
	}
	if (mailimap_has_extension(im->imap, "UIDPLUS")) {
		r = mailimap_uid_expunge(im->imap, set);
		if (r != MAILIMAP_NO_ERROR)
			ret = fail_imap(im, r, err, "expunge UID %u from '%s'",
					uid, mailbox);
	} else {
		ret = expunge_only(im, mailbox, uid, err);
	}
out:
	if (store)
		mailimap_store_att_flags_free(store);
	if (flags)
		mailimap_flag_list_free(flags);
	if (set)
		mailimap_set_free(set);
	return ret;
}

static char *find_special(clist *list, const char *use)
{
	for (clistiter *it = clist_begin(list); it; it = clist_next(it)) {
		struct mailimap_mailbox_list *mb = clist_content(it);

		if (mb->mb_name && has_flag(mb, use))
			return g_strdup(mb->mb_name);
	}
	return NULL;
}

static int special_mailbox(struct imap *im, const char *use, char **name,
			   GError **err)
{
	clist *list = NULL;
	int r;

	*name = NULL;
	r = mailimap_list(im->imap, "", "*", &list);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "list mailboxes");
	*name = find_special(list, use);
	mailimap_list_result_free(list);
	if (!*name && mailimap_has_xlist(im->imap)) {
		list = NULL;
		r = mailimap_xlist(im->imap, "", "*", &list);
		if (r != MAILIMAP_NO_ERROR)
			return fail_imap(im, r, err, "list mailboxes");
		*name = find_special(list, use);
		mailimap_list_result_free(list);
	}
	return 0;
}

static gint cmp_uid(gconstpointer a, gconstpointer b)
{
	guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

	return x < y ? -1 : x > y;
}

/* Adds k (freed here on failure) to the AND of key. */
static int key_and(struct mailimap_search_key *key, struct mailimap_search_key *k)
{
	if (!k)
		return -1;
	if (mailimap_search_key_multiple_add(key, k) != 0) {
		mailimap_search_key_free(k);
		return -1;
	}
	return 0;
}

static int list_uids(struct imap *im, const char *mailbox, guint32 after,
		     const char *since, guint32 smaller, guint32 *uidvalidity,
		     GArray **uids, GError **err)
{
	struct mailimap_search_key *key = NULL, *range = NULL;
	struct mailimap_set *set;
	clist *result = NULL;
	int y = 0, m = 0, d = 0, r, ret;

	*uids = NULL;
	if (since && (sscanf(since, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
		      m < 1 || m > 12 || d < 1 || d > 31))
		return nudge_fail(err, NUDGE_E_USAGE,
				  "invalid date '%s': want YYYY-MM-DD", since);
	/* SELECT again: UIDVALIDITY comes with it. */
	g_clear_pointer(&im->selected, g_free);
	if ((ret = select_mailbox(im, mailbox, err)) < 0)
		return ret;
	*uidvalidity = im->imap->imap_selection_info ?
		       im->imap->imap_selection_info->sel_uidvalidity : 0;
	key = mailimap_search_key_new_multiple_empty();
	set = mailimap_set_new_interval(after + 1, 0);
	range = set ? mailimap_search_key_new_uid(set) : NULL;
	if (!range && set)
		mailimap_set_free(set);
	if (!key && range)
		mailimap_search_key_free(range);
	if (!key || key_and(key, range) < 0)
		goto oom;
	if (since) {
		struct mailimap_date *date = mailimap_date_new(d, m, y);
		struct mailimap_search_key *k = date ?
			mailimap_search_key_new_since(date) : NULL;

		if (!k && date)
			mailimap_date_free(date);
		if (key_and(key, k) < 0)
			goto oom;
	}
	if (smaller && key_and(key, mailimap_search_key_new_smaller(smaller)) < 0)
		goto oom;
	r = mailimap_uid_search(im->imap, NULL, key, &result);
	mailimap_search_key_free(key);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "search '%s'", mailbox);
	*uids = g_array_new(FALSE, FALSE, sizeof(guint32));
	for (clistiter *it = clist_begin(result); it; it = clist_next(it)) {
		guint32 u = *(uint32_t *)clist_content(it);

		/* "n:*" always matches the last message, even below n. */
		if (u > after)
			g_array_append_val(*uids, u);
	}
	mailimap_search_result_free(result);
	g_array_sort(*uids, cmp_uid);
	return 0;
oom:
	if (key)
		mailimap_search_key_free(key);
	return nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
}

static int search_keyword(struct imap *im, const char *mailbox,
			  const char *keyword, GArray **uids, GError **err)
{
	struct mailimap_search_key *key;
	clist *result = NULL;
	char *kw;
	int r, ret;

	*uids = NULL;
	if ((ret = select_mailbox(im, mailbox, err)) < 0)
		return ret;
	kw = strdup(keyword);
	key = kw ? mailimap_search_key_new_keyword(kw) : NULL;
	if (!key) {
		free(kw);
		return nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
	}
	r = mailimap_uid_search(im->imap, NULL, key, &result);
	mailimap_search_key_free(key);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "search '%s' for '%s'", mailbox, keyword);
	*uids = g_array_new(FALSE, FALSE, sizeof(guint32));
	for (clistiter *it = clist_begin(result); it; it = clist_next(it))
		g_array_append_val(*uids, *(uint32_t *)clist_content(it));
	mailimap_search_result_free(result);
	g_array_sort(*uids, cmp_uid);
	return 0;
}

static int idle_wait(struct imap *im, const char *mailbox, int seconds,
		     const volatile sig_atomic_t *stop, bool *changed,
		     GError **err)
{
	mailstream *stream = im->imap->imap_stream;
	gint64 end = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
	int r, ret;

	*changed = false;
	if ((ret = select_mailbox(im, mailbox, err)) < 0)
		return ret;
	if (!mailimap_has_idle(im->imap)) {
		while (!*stop && g_get_monotonic_time() < end)
			g_usleep(G_USEC_PER_SEC / 4);
		return 0;
	}
	if (mailstream_setup_idle(stream) < 0)
		return nudge_fail(err, NUDGE_E_INTERNAL, "cannot wait for the server");
	r = mailimap_idle(im->imap);
	if (r != MAILIMAP_NO_ERROR) {
		mailstream_unsetup_idle(stream);
		return fail_imap(im, r, err, "idle in '%s'", mailbox);
	}
	while (!*stop && g_get_monotonic_time() < end) {
		int w = mailstream_wait_idle(stream, 1);

		if (w == MAILSTREAM_IDLE_HASDATA) {
			*changed = true;
			break;
		}
		/* A signal (the caller's stop) interrupts the wait: no error. */
		if (w == MAILSTREAM_IDLE_ERROR && *stop)
			break;
		if (w == MAILSTREAM_IDLE_ERROR || w == MAILSTREAM_IDLE_CANCELLED) {
			im->broken = true;
			mailstream_unsetup_idle(stream);
			return nudge_fail(err, NUDGE_E_NET, "lost the connection to '%s'",
					  im->host);
		}
	}
	r = mailimap_idle_done(im->imap);
	mailstream_unsetup_idle(stream);
	if (r != MAILIMAP_NO_ERROR)
		return fail_imap(im, r, err, "end idle in '%s'", mailbox);
	return 0;
}

static int add_keyword(struct imap *im, const char *mailbox, guint32 uid,
		       const char *keyword, GError **err)
{
	struct mailimap_set *set = NULL;
	struct mailimap_flag_list *flags = NULL;
	struct mailimap_flag *flag = NULL;
	struct mailimap_store_att_flags *att = NULL;
	char *kw = NULL;
	int r, ret;

	if ((ret = select_mailbox(im, mailbox, err)) < 0)
		return ret;
	set = mailimap_set_new_single(uid);
	flags = mailimap_flag_list_new_empty();
	kw = strdup(keyword);
	flag = kw ? mailimap_flag_new_flag_keyword(kw) : NULL;
	if (!flag)
		free(kw);
	if (!set || !flags || !flag || mailimap_flag_list_add(flags, flag) != 0) {
		if (flag)
			mailimap_flag_free(flag);
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	att = mailimap_store_att_flags_new_add_flags_silent(flags);
	if (!att) {
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "out of memory");
		goto out;
	}
	flags = NULL;
	r = mailimap_uid_store(im->imap, set, att);
	if (r != MAILIMAP_NO_ERROR)
		ret = fail_imap(im, r, err, "set '%s' on UID %u in '%s'", keyword,
				uid, mailbox);
out:
	if (att)
		mailimap_store_att_flags_free(att);
	if (flags)
		mailimap_flag_list_free(flags);
	if (set)
		mailimap_set_free(set);
	return ret;
}

/* The entry points of imap.h: the functions above, with SIGPIPE held off. */

int imap_open(const struct imap_config *cfg, struct imap **out, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = open_session(cfg, out, err);
	sigpipe_restore(&g);
	return ret;
}

void imap_close(struct imap *im)
{
	struct sigpipe_guard g;

	sigpipe_block(&g);
	close_session(im);
	sigpipe_restore(&g);
}

int imap_drafts_mailbox(struct imap *im, const char **name, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = drafts_mailbox(im, name, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_find_message_id(struct imap *im, const char *mailbox,
			 const char *message_id, guint32 *uid, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = find_message_id(im, mailbox, message_id, uid, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_append_draft(struct imap *im, const char *mailbox, const char *data,
		      size_t len, guint32 *uid, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = append_draft(im, mailbox, data, len, uid, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_fetch_uid(struct imap *im, const char *mailbox, guint32 uid,
		   char **data, size_t *len, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = fetch_uid(im, mailbox, uid, data, len, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_delete_uid(struct imap *im, const char *mailbox, guint32 uid,
		    GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = delete_uid(im, mailbox, uid, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_special_mailbox(struct imap *im, const char *use, char **name,
			 GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = special_mailbox(im, use, name, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_list_uids(struct imap *im, const char *mailbox, guint32 after,
		   const char *since, guint32 smaller, guint32 *uidvalidity,
		   GArray **uids, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = list_uids(im, mailbox, after, since, smaller, uidvalidity, uids, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_add_keyword(struct imap *im, const char *mailbox, guint32 uid,
		     const char *keyword, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = add_keyword(im, mailbox, uid, keyword, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_search_keyword(struct imap *im, const char *mailbox,
			const char *keyword, GArray **uids, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = search_keyword(im, mailbox, keyword, uids, err);
	sigpipe_restore(&g);
	return ret;
}

int imap_idle(struct imap *im, const char *mailbox, int seconds,
	      const volatile sig_atomic_t *stop, bool *changed, GError **err)
{
	struct sigpipe_guard g;
	int ret;

	sigpipe_block(&g);
	ret = idle_wait(im, mailbox, seconds, stop, changed, err);
	sigpipe_restore(&g);
	return ret;
}

/* The one symbol the module exports (it is built with hidden visibility). */
__attribute__((visibility("default"))) const struct imap_module nudge_imap_module = {
	{ NUDGE_MODULE_ABI, "imap", NUDGE_VERSION },
	imap_open,
	imap_close,
	imap_drafts_mailbox,
	imap_find_message_id,
	imap_append_draft,
	imap_fetch_uid,
	imap_delete_uid,
	imap_special_mailbox,
	imap_list_uids,
	imap_search_keyword,
	imap_idle,
	imap_add_keyword,
};
