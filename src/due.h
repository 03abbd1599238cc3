/*
 * Writing the drafts that are due, each exactly once (N2): one writer at a
 * time (a lock file), a record per draft before and after it is written, and
 * a look into the target for a draft a crash left unrecorded. A draft that
 * could not be written is retried on later runs, each time after a longer
 * wait. Drafts nudge wrote that the rules no longer call for are taken out
 * of Drafts again, unless the user changed them.
 */
#ifndef NUDGE_DUE_H
#define NUDGE_DUE_H

#include "config.h"
#include "etiquette.h"
#include "store.h"
#include "target.h"

/* What one step of a run did: a due draft, or a stale one taken back. */
struct due_item {
	const struct et_draft *draft;	/* the due draft, or NULL for a stale one */
	const char *subject;	/* the draft's subject, or the thread's */
	bool written;		/* written now (not in a dry run) */
	const char *error;	/* why it could not be written or removed, or NULL */
	gint64 retry_at;	/* failed before: not retried until then, else 0 */
	const struct draft_rec *stale;	/* the record of a stale draft */
	enum target_removal removal;	/* what became of the stale draft */
};

typedef void (*due_cb)(const struct due_item *it, void *data);

struct due_opts {
	const struct config *cfg;
	const char *user_dir;	/* for templates; may be NULL */
	const char *data_dir;
	const char *lock_path;	/* taken unless dry_run */
	gint64 now;
	gint64 until;		/* drafts due up to this time */
	bool dry_run;
};

/*
 * Takes back stale drafts, then calls cb for each draft due by o->until
 * that was not written yet, in order of due time; without dry_run it
 * writes them first. A draft whose last attempt failed waits until its
 * record's retry_at: due_retry_delay(attempts) after that attempt. Returns 0, or the status of
 * the first draft that failed (the others are still tried).
 */
int due_run(struct store *st, const struct due_opts *o, due_cb cb, void *data,
	    GError **err);

/* Seconds to wait after the n-th failed attempt: 1, 2, 4 ... minutes, at
 * most 6 hours. */
gint64 due_retry_delay(int attempts);

#endif
