/*
 * Writing the drafts that are due, each exactly once (N2): one writer at a
 * time (a lock file), a record per draft before and after it is written, and
 * a look into the target for a draft a crash left unrecorded.
 */
#ifndef NUDGE_DUE_H
#define NUDGE_DUE_H

#include "config.h"
#include "etiquette.h"
#include "store.h"

struct due_item {
	const struct et_draft *draft;
	const char *subject;	/* the draft's subject, or the thread's */
	bool written;		/* written now (not in a dry run) */
	const char *error;	/* why it could not be written, or NULL */
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
 * Calls cb for each draft due by o->until that was not written yet, in order
 * of due time; without dry_run it writes them first. Returns 0, or the
 * status of the first draft that failed (the others are still tried).
 */
int due_run(struct store *st, const struct due_opts *o, due_cb cb, void *data,
	    GError **err);

#endif
