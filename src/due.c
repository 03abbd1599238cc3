/* Writing the drafts that are due, each exactly once. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "compose.h"
#include "due.h"
#include "schedule.h"
#include "target.h"

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

/* Writes one draft unless it is there already; records the outcome. */
static int write_one(struct store *st, struct target *tg, const struct et_draft *d,
		     const struct composed *c, const struct draft_rec *old,
		     GError **err)
{
	g_autofree char *location = NULL;
	struct draft_rec rec = { 0 };
	int ret;

	rec.key = d->key;
	rec.thread_id = (char *)d->thread_id;
	rec.kind = (char *)draft_kind_name(d->kind);
	rec.due = d->due;
	rec.message_id = c->message_id;
	rec.hash = c->hash;
	rec.attempts = (old ? old->attempts : 0) + 1;
	/* Intent first: a crash after the put is found by find() next time. */
	rec.state = (char *)"pending";
	if ((ret = store_draft_put(st, &rec, err)) < 0)
		return ret;
	if ((ret = tg->ops->find(tg, c, &location, err)) < 0)
		goto failed;
	if (!location && (ret = tg->ops->put(tg, c, &location, err)) < 0)
		goto failed;
	rec.state = (char *)"written";
	rec.location = location;
	return store_draft_put(st, &rec, err);
failed:
	rec.state = (char *)"failed";
	rec.last_error = (char *)((err && *err) ? (*err)->message : nudge_status_str(ret));
	store_draft_put(st, &rec, NULL);
	return ret;
}

int due_run(struct store *st, const struct due_opts *o, due_cb cb, void *data,
	    GError **err)
{
	struct schedule *s = NULL;
	struct target *tg = NULL;
	int lock = -1, ret, first_fail = 0;

	if (!o->dry_run) {
		if ((ret = take_lock(o->lock_path, &lock, err)) < 0)
			return ret;
		if ((ret = target_open(o->cfg, &tg, err)) < 0)
			goto out;
	}
	if ((ret = schedule_compute(st, o->cfg, o->now, &s, err)) < 0)
		goto out;

	for (size_t i = 0; i < s->res.n_drafts; i++) {
		const struct et_draft *d = &s->res.drafts[i];
		int ti = schedule_thread_index(s, d->thread_id);
		struct due_item it = { .draft = d };
		struct draft_rec old = { 0 };
		struct composed c = { 0 };
		g_autoptr(GError) e = NULL;
		bool found;

		if (d->due > o->until || ti < 0)
			continue;
		if (d->expires && d->expires <= o->now)
			continue;	/* T1: a late thank-you is worse than none */
		if ((ret = store_draft_get(st, d->key, &old, &found, err)) < 0)
			goto out;
		if (found && (strcmp(old.state, "written") == 0 ||
			      strcmp(old.state, "removed") == 0)) {
			draft_rec_clear(&old);
			continue;	/* N2: each draft once */
		}
		ret = compose_draft(o->cfg, o->user_dir, o->data_dir,
				    s->threads->pdata[ti], d, o->now, &c, &e);
		it.subject = c.subject ? c.subject :
			     ((struct stored_thread *)s->threads->pdata[ti])->subject;
		if (ret == 0 && !o->dry_run) {
			ret = write_one(st, tg, d, &c, found ? &old : NULL, &e);
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
		composed_clear(&c);
		draft_rec_clear(&old);
	}
	ret = first_fail;
out:
	schedule_free(s);
	target_close(tg);
	if (lock >= 0)
		close(lock);
	return ret;
}
