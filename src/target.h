/*
 * Where drafts go: a driver interface in the manner of isync, with a Maildir
 * back-end (and IMAP). Each driver can tell whether a draft is there already
 * (by its stable Message-ID or tag), so a draft is written at most once.
 */
#ifndef NUDGE_TARGET_H
#define NUDGE_TARGET_H

#include "compose.h"
#include "config.h"

struct target;

struct target_ops {
	const char *name;
	/* *location is where the draft is ("" and NULL when absent). */
	int (*find)(struct target *t, const struct composed *c, char **location,
		    GError **err);
	int (*put)(struct target *t, const struct composed *c, char **location,
		   GError **err);
	void (*close)(struct target *t);
};

struct target {
	const struct target_ops *ops;
	const struct config *cfg;
	void *priv;
};

/* Opens the configured target; NUDGE_E_CONFIG when none is configured. */
int target_open(const struct config *cfg, struct target **out, GError **err);
void target_close(struct target *t);

#endif
