/*
 * Where drafts go: a driver interface in the manner of isync, with a Maildir
 * back-end and an IMAP one. Each driver can tell whether a draft is there
 * already (by its stable Message-ID or tag), so a draft is written at most
 * once, and can take back a draft of its own the user has not touched.
 */
#ifndef NUDGE_TARGET_H
#define NUDGE_TARGET_H

#include "render.h"
#include "config.h"

struct target;

/* What remove() did. */
enum target_removal {
	TARGET_REMOVED = 0,	/* it was there as written, and is gone now */
	TARGET_GONE,		/* it was not there any more (sent, discarded) */
	TARGET_EDITED,		/* the user changed it: left alone */
};

struct target_ops {
	const char *name;
	/* *location is where the draft is (NULL when absent). */
	int (*find)(struct target *t, const struct rendered *c, char **location,
		    GError **err);
	int (*put)(struct target *t, const struct rendered *c, char **location,
		   GError **err);
	/* Removes the draft at location when its content still hashes (SHA-256
	 * over LF line ends) to hash. */
	int (*remove)(struct target *t, const char *location, const char *hash,
		      enum target_removal *what, GError **err);
	void (*close)(struct target *t);
};

struct target {
	const struct target_ops *ops;
	const struct config *cfg;
	void *priv;
};

/*
 * Opens the configured target; NUDGE_E_CONFIG when none is configured. The
 * IMAP driver connects on its first use, once: after a failure to connect
 * or a lost connection, every later call fails with the same error.
 */
int target_open(const struct config *cfg, struct target **out, GError **err);
void target_close(struct target *t);

/* SHA-256 (hex) of data with each CRLF taken as LF: how drafts are hashed,
 * so that a draft an IMAP server stored with CRLF hashes as rendered. */
char *target_hash(const char *data, size_t len);

#endif
