/* Writing the drafts that are due, each exactly once. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "render.h"
#include "due.h"
#include "schedule.h"
#include "target.h"
#include "template.h"

/* last_error of a written draft that went stale but was kept. */
#define KEPT_EDITED "stale, but changed by the user: left in Drafts"

static int take_lock(const char *path, int *fd, GError **err)
{
	g_autofree char *dir = g_path_get_dirname(path);

	if (g_mkdir_with_parents(dir, 0700) < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", dir,
				  g_strerror(errno));
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot open lock '%s': %s", path,
				  g_strerror(errno));
	/* Another writer finishes its drafts first; ours then finds them done. */
	while (flock(*fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			int e = errno;

			close(*fd);
			*fd = -1;
			return nudge_fail(err, NUDGE_E_IO, "cannot lock '%s': %s", path,
					  g_strerror(e));
		}
	}
	return 0;
}

gint64 due_retry_delay(int attempts)
{
	gint64 d = 60;

	for (int i = 1; i < attempts && d < 6 * 3600; i++)
		d *= 2;
	return MIN(d, 6 * 3600);
}

static bool state_is(const struct draft_rec *r, const char *state)
{
	return r->state && strcmp(r->state, state) == 0;
}

/*
 * Test hook: NUDGE_TEST_FAULT=after-put kills the process right after a
 * draft reached the target, before the outcome is recorded (N2).
 */
static void test_fault(const char *where)
{
	const char *f = getenv("NUDGE_TEST_FAULT");

	if (f && strcmp(f, where) == 0)
		raise(SIGKILL);
}

/*
 * Writes one draft unless it is there already; records the outcome: when
 * it was written, or for a failure when to try again.
 */
static int write_one(struct store *st, struct target *tg, const struct et_draft *d,
		     const struct rendered *c, const struct draft_rec *old,
		     gint64 now, GError **err)
{
	g_autofree char *location = NULL, *hash = target_hash(c->data, c->len);
	struct draft_rec rec = { 0 };
	int ret;

	rec.key = d->key;
	rec.thread_id = (char *)d->thread_id;
	rec.kind = (char *)draft_kind_name(d->kind);
	rec.due = d->due;
	rec.message_id = c->message_id;
	/* A draft an earlier attempt left there is the one hashed then. */
	rec.hash = old && old->hash ? old->hash : hash;
	rec.attempts = (old ? old->attempts : 0) + 1;
	if ((ret = tg->ops->find(tg, c, &location, err)) < 0)
		goto failed;
	if (!location) {
		/* Intent first: a crash after the put is found by find() next time. */
		rec.hash = hash;
		rec.state = (char *)"pending";
		if ((ret = store_draft_put(st, &rec, err)) < 0)
			return ret;
		if ((ret = tg->ops->put(tg, c, &location, err)) < 0)
			goto failed;
		test_fault("after-put");
	}
	rec.state = (char *)"written";
	rec.location = location;
	rec.written = now;
	return store_draft_put(st, &rec, err);
failed:
	rec.state = (char *)"failed";
	rec.retry_at = now + due_retry_delay(rec.attempts);
	rec.last_error = (char *)((err && *err) ? (*err)->message : nudge_status_str(ret));
	store_draft_put(st, &rec, NULL);
	return ret;
}

/* Thread states in which nothing nudge left in Drafts is wanted any more. */
static bool thread_closed(const struct schedule *s, const char *thread_id)
{
	int ti = schedule_thread_index(s, thread_id);

	if (ti < 0)
		return true;
	switch (s->res.states[ti].state) {
	case ET_CLOSED:
	case ET_CLOSED_NO_RESPONSE:
	case ET_IGNORED:
		return true;
	default:
		return false;
	}
}

/*
 * Takes back the written drafts the rules no longer list (the employer
 * answered first, a new decision date replaced a follow-up) or whose thread
 * closed, when they are still as nudge wrote them.
 */
static int remove_stale(struct store *st, struct target *tg,
			const struct schedule *s, due_cb cb, void *data,
			int *first_fail, GError **err)
{
	g_autoptr(GPtrArray) recs = NULL;
	g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash, g_str_equal);
	int ret;

	if ((ret = store_draft_list(st, &recs, err)) < 0)
		return ret;
	for (size_t i = 0; i < s->res.n_drafts; i++)
		g_hash_table_add(listed, s->res.drafts[i].key);
	for (guint i = 0; i < recs->len; i++) {
		struct draft_rec *r = recs->pdata[i];
		struct due_item it = { .stale = r };
		g_autoptr(GError) e = NULL;

		if (!state_is(r, "written") || !r->location ||
		    (r->last_error && strcmp(r->last_error, KEPT_EDITED) == 0))
			continue;
		if (g_hash_table_contains(listed, r->key) &&
		    !thread_closed(s, r->thread_id))
			continue;
		ret = tg->ops->remove(tg, r->location, r->hash, &it.removal, &e);
		if (ret < 0) {
			it.error = e->message;
			if (!*first_fail) {
				*first_fail = ret;
				if (err && !*err)
					*err = g_error_copy(e);
			}
			cb(&it, data);
			continue;
		}
		switch (it.removal) {
		case TARGET_REMOVED:
			g_free(r->state);
			r->state = g_strdup("removed");
			break;
		case TARGET_GONE:
			g_free(r->state);
			r->state = g_strdup("gone");
			break;
		case TARGET_EDITED:
			g_free(r->last_error);
			r->last_error = g_strdup(KEPT_EDITED);
			break;
		}
		if ((ret = store_draft_put(st, r, err)) < 0)
			return ret;
		cb(&it, data);
	}
	return 0;
}

int due_run(struct store *st, const struct due_opts *o, due_cb cb, void *data,
	    GError **err)
{
	struct schedule *s = NULL;
	struct target *tg = NULL;
	struct templates *tpl = templates_new(o->user_dir, o->data_dir);
	g_autoptr(GPtrArray) recs = NULL;
	g_autoptr(GHashTable) by_key = g_hash_table_new(g_str_hash, g_str_equal);
	int lock = -1, ret, first_fail = 0;

	if (!o->dry_run) {
		if ((ret = take_lock(o->lock_path, &lock, err)) < 0)
			return ret;
		if ((ret = target_open(o->cfg, &tg, err)) < 0)
			goto out;
	}
	if ((ret = schedule_compute_brief(st, o->cfg, o->now, &s, err)) < 0)
		goto out;
	if (!o->dry_run &&
	    (ret = remove_stale(st, tg, s, cb, data, &first_fail, err)) < 0)
		goto out;
	/* Every record at once: one query, not one per draft. */
	if ((ret = store_draft_list(st, &recs, err)) < 0)
		goto out;
	for (guint i = 0; i < recs->len; i++)
		g_hash_table_insert(by_key, ((struct draft_rec *)recs->pdata[i])->key,
				    recs->pdata[i]);

	for (size_t i = 0; i < s->res.n_drafts; i++) {
		const struct et_draft *d = &s->res.drafts[i];
		size_t ti = d->thread;
		struct due_item it = { .draft = d };
		const struct draft_rec *old;
		struct rendered c = { 0 };
		g_autoptr(GError) e = NULL;

		if (d->due > o->until)
			continue;
		if (d->expires && d->expires <= o->now)
			continue;	/* T1: a late thank-you is worse than none */
		old = recs->len ? g_hash_table_lookup(by_key, d->key) : NULL;
		if (old && draft_rec_done(old))
			continue;	/* N2: each draft once */
		if (old && state_is(old, "failed") && o->now < old->retry_at) {
			it.retry_at = old->retry_at;
			it.error = old->last_error;
			it.subject = ((struct stored_thread *)s->threads->pdata[ti])->subject;
			cb(&it, data);
			continue;
		}
		ret = render_draft(o->cfg, tpl, s->threads->pdata[ti], d, o->now,
				   o->dry_run, &c, &e);
		it.subject = c.subject ? c.subject :
			     ((struct stored_thread *)s->threads->pdata[ti])->subject;
		if (ret == 0 && !o->dry_run) {
			ret = write_one(st, tg, d, &c, old, o->now, &e);
			it.written = ret == 0;
		}
		if (ret < 0) {
			it.error = e ? e->message : nudge_status_str(ret);
			if (!first_fail) {
				first_fail = ret;
				if (err && !*err && e)
					*err = g_error_copy(e);
			}
		}
		cb(&it, data);
		rendered_clear(&c);
	}
	ret = first_fail;
out:
	templates_free(tpl);
	schedule_free(s);
	target_close(tg);
	if (lock >= 0)
		close(lock);
	return ret;
}
