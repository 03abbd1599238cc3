/* Where drafts go: the Maildir and IMAP drivers, and the choice of driver. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "imap.h"
#include "maildir.h"
#include "target.h"

char *target_hash(const char *data, size_t len)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	size_t start = 0;
	char *hex;

	for (size_t i = 0; i + 1 < len; i++) {
		if (data[i] == '\r' && data[i + 1] == '\n') {
			g_checksum_update(sum, (const guchar *)data + start, i - start);
			start = i + 1;
		}
	}
	g_checksum_update(sum, (const guchar *)data + start, len - start);
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}

static int md_find(struct target *t, const struct rendered *c, char **location,
		   GError **err)
{
	return maildir_find(t->cfg->maildir, c->draft_id, location, err);
}

static int md_put(struct target *t, const struct rendered *c, char **location,
		  GError **err)
{
	return maildir_put(t->cfg->maildir, c->draft_id, c->data, c->len, location,
			   err);
}

static int md_remove(struct target *t, const char *location, const char *hash,
		     enum target_removal *what, GError **err)
{
	g_autofree char *data = NULL, *sum = NULL;
	g_autoptr(GError) e = NULL;
	gsize len;

	(void)t;
	if (!g_file_get_contents(location, &data, &len, &e)) {
		if (g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			*what = TARGET_GONE;
			return 0;
		}
		return nudge_fail(err, NUDGE_E_IO, "cannot read '%s': %s", location,
				  e->message);
	}
	sum = target_hash(data, len);
	if (!hash || strcmp(sum, hash) != 0) {
		*what = TARGET_EDITED;
		return 0;
	}
	if (unlink(location) < 0 && errno != ENOENT)
		return nudge_fail(err, NUDGE_E_IO, "cannot remove '%s': %s", location,
				  g_strerror(errno));
	*what = TARGET_REMOVED;
	return 0;
}

static void md_close(struct target *t)
{
	(void)t;
}

static const struct target_ops maildir_ops = {
	.name = "maildir",
	.find = md_find,
	.put = md_put,
	.remove = md_remove,
	.close = md_close,
};

/* One session per target, opened on first use. */
struct imap_target {
	struct imap *im;
	const char *mailbox;	/* owned by im */
	GError *broken;		/* why there is no session, once it failed */
};

static int im_session(struct target *t, GError **err)
{
	struct imap_target *it = t->priv;
	int ret;

	if (it->broken) {
		if (err)
			*err = g_error_copy(it->broken);
		return it->broken->code;
	}
	if (it->im)
		return 0;
	if ((ret = imap_open(&t->cfg->imap, &it->im, &it->broken)) < 0 ||
	    (ret = imap_drafts_mailbox(it->im, &it->mailbox, &it->broken)) < 0) {
		g_clear_pointer(&it->im, imap_close);
		if (err)
			*err = g_error_copy(it->broken);
		return ret;
	}
	return 0;
}

/* After a network or TLS failure the session is of no more use. */
static int im_check(struct target *t, int ret, GError **err)
{
	struct imap_target *it = t->priv;

	if (ret == NUDGE_E_NET || ret == NUDGE_E_TLS) {
		g_clear_pointer(&it->im, imap_close);
		if (!it->broken)
			it->broken = err && *err ? g_error_copy(*err) :
				     g_error_new_literal(NUDGE_ERROR, ret,
							 nudge_status_str(ret));
	}
	return ret;
}

/* "mailbox/UID" (the mailbox as on the wire; it may hold '/' itself). */
static int parse_location(const char *location, char **mailbox, guint32 *uid)
{
	const char *slash = strrchr(location, '/');
	char *end;
	unsigned long v;

	if (!slash || slash == location || !slash[1])
		return -1;
	errno = 0;
	v = strtoul(slash + 1, &end, 10);
	if (*end || errno || v == 0 || v > G_MAXUINT32)
		return -1;
	*mailbox = g_strndup(location, (gsize)(slash - location));
	*uid = (guint32)v;
	return 0;
}

static int im_find(struct target *t, const struct rendered *c, char **location,
		   GError **err)
{
	struct imap_target *it = t->priv;
	guint32 uid = 0;
	int ret;

	*location = NULL;
	if ((ret = im_session(t, err)) < 0)
		return ret;
	ret = imap_find_message_id(it->im, it->mailbox, c->message_id, &uid, err);
	if (ret < 0)
		return im_check(t, ret, err);
	if (uid)
		*location = g_strdup_printf("%s/%u", it->mailbox, uid);
	return 0;
}

static int im_put(struct target *t, const struct rendered *c, char **location,
		  GError **err)
{
	struct imap_target *it = t->priv;
	guint32 uid = 0;
	int ret;

	*location = NULL;
	if ((ret = im_session(t, err)) < 0)
		return ret;
	ret = imap_append_draft(it->im, it->mailbox, c->data, c->len, &uid, err);
	if (ret < 0)
		return im_check(t, ret, err);
	/* Without UIDPLUS, look the new message up by its Message-ID. */
	if (!uid) {
		ret = imap_find_message_id(it->im, it->mailbox, c->message_id, &uid,
					   err);
		if (ret < 0)
			return im_check(t, ret, err);
	}
	*location = uid ? g_strdup_printf("%s/%u", it->mailbox, uid) :
		    g_strdup(it->mailbox);
	return 0;
}

static int im_remove(struct target *t, const char *location, const char *hash,
		     enum target_removal *what, GError **err)
{
	struct imap_target *it = t->priv;
	g_autofree char *mailbox = NULL, *data = NULL, *sum = NULL;
	guint32 uid;
	size_t len;
	int ret;

	if (!location || parse_location(location, &mailbox, &uid) < 0) {
		*what = TARGET_EDITED;	/* cannot tell which one: leave it */
		return 0;
	}
	if ((ret = im_session(t, err)) < 0)
		return ret;
	ret = imap_fetch_uid(it->im, mailbox, uid, &data, &len, err);
	if (ret == NUDGE_E_NOTFOUND) {
		if (err)
			g_clear_error(err);
		*what = TARGET_GONE;
		return 0;
	}
	if (ret < 0)
		return im_check(t, ret, err);
	sum = target_hash(data, len);
	if (!hash || strcmp(sum, hash) != 0) {
		*what = TARGET_EDITED;
		return 0;
	}
	ret = imap_delete_uid(it->im, mailbox, uid, err);
	if (ret == NUDGE_E_NOTFOUND) {
		if (err)
			g_clear_error(err);
		*what = TARGET_GONE;
		return 0;
	}
	if (ret < 0)
		return im_check(t, ret, err);
	*what = TARGET_REMOVED;
	return 0;
}

static void im_close(struct target *t)
{
	struct imap_target *it = t->priv;

	if (!it)
		return;
	g_clear_pointer(&it->im, imap_close);
	g_clear_error(&it->broken);
	g_free(it);
	t->priv = NULL;
}

static const struct target_ops imap_ops = {
	.name = "imap",
	.find = im_find,
	.put = im_put,
	.remove = im_remove,
	.close = im_close,
};

int target_open(const struct config *cfg, struct target **out, GError **err)
{
	const char *path = cfg->path ? cfg->path : "config";
	struct target *t;

	switch (cfg->target) {
	case DRAFTS_MAILDIR:
		if (!cfg->maildir)
			return nudge_fail(err, NUDGE_E_CONFIG,
					  "%s: '[drafts] target = maildir' needs '[drafts] maildir'",
					  path);
		t = g_new0(struct target, 1);
		t->ops = &maildir_ops;
		t->cfg = cfg;
		*out = t;
		return 0;
	case DRAFTS_IMAP:
		if (!cfg->imap.host || !*cfg->imap.host)
			return nudge_fail(err, NUDGE_E_CONFIG,
					  "%s: '[drafts] target = imap' needs '[imap] host'",
					  path);
		t = g_new0(struct target, 1);
		t->ops = &imap_ops;
		t->cfg = cfg;
		t->priv = g_new0(struct imap_target, 1);
		*out = t;
		return 0;
	case DRAFTS_NONE:
		break;
	}
	return nudge_fail(err, NUDGE_E_CONFIG,
			  "%s: no drafts folder configured: set '[drafts] maildir' or '[imap] host'",
			  path);
}

void target_close(struct target *t)
{
	if (!t)
		return;
	t->ops->close(t);
	g_free(t);
}
