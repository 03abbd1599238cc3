/* A thread's next draft, skipping those written or removed. */
#include <string.h>

#include "nextdraft.h"

static bool done(const GPtrArray *recs, const char *key)
{
	for (guint i = 0; recs && i < recs->len; i++) {
		const struct draft_rec *r = recs->pdata[i];

		if (strcmp(r->key, key) == 0)
			return strcmp(r->state, "written") == 0 ||
			       strcmp(r->state, "removed") == 0;
	}
	return false;
}

const struct et_draft *schedule_next_draft(const struct schedule *s,
					   const char *thread_id,
					   const GPtrArray *recs, gint64 now)
{
	for (size_t i = 0; i < s->res.n_drafts; i++) {
		const struct et_draft *d = &s->res.drafts[i];

		if (strcmp(d->thread_id, thread_id) != 0 || done(recs, d->key))
			continue;
		if (!d->expires || d->expires > now)
			return d;
	}
	return NULL;
}
