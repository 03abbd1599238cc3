/* Types and status codes shared by every module of nudge. */
#ifndef NUDGE_H
#define NUDGE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Every core function returns 0 or one of these negative codes, and fills a
 * GError (domain NUDGE_ERROR, code = the status) with a message for the user.
 * Only the CLI turns them into exit codes (cli_exit_code()).
 */
enum nudge_status {
	NUDGE_OK = 0,
	NUDGE_E_USAGE = -1,	/* bad command line */
	NUDGE_E_CONFIG = -2,	/* config missing or invalid */
	NUDGE_E_IO = -3,	/* a file could not be read or written */
	NUDGE_E_DB = -4,	/* the state database failed */
	NUDGE_E_DATA = -5,	/* input nudge cannot use: bad MIME, bad date */
	NUDGE_E_NOTFOUND = -6,	/* no such thread, template, mailbox */
	NUDGE_E_NET = -7,	/* network or server failure */
	NUDGE_E_TLS = -8,	/* TLS handshake or verification failed */
	NUDGE_E_AUTH = -9,	/* login refused or no password */
	NUDGE_E_BUSY = -10,	/* another process holds the lock: try later */
	NUDGE_E_INTERNAL = -11,	/* a bug in nudge */
};

#define NUDGE_ERROR (nudge_error_quark())
GQuark nudge_error_quark(void);

/* A short English name of a status, e.g. "database error". */
const char *nudge_status_str(int status);

/* Sets *err (when err is not NULL) and returns status, for `return nudge_fail(...)`. */
int nudge_fail(GError **err, int status, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* Times are seconds since the epoch (UTC); NUDGE_NOTIME means unknown. */
#define NUDGE_NOTIME ((gint64)0)

/* What a message says about the application (ETIQUETTE.md, "Stages"). */
enum nudge_stage {
	STAGE_NONE = 0,
	STAGE_INVITATION,
	STAGE_PENDING,
	STAGE_REFERENCES,
	STAGE_REJECTION,
	STAGE_OFFER,
	STAGE_DO_NOT_CONTACT,
	STAGE_ACCEPTANCE,	/* outgoing only: the user accepts an offer (O2) */
	STAGE__COUNT
};

/* "invitation", "do-not-contact", ...: the names used in headers and output. */
const char *stage_name(enum nudge_stage stage);
/* Returns 0 and sets *out, or NUDGE_E_DATA for an unknown name. */
int stage_parse(const char *name, enum nudge_stage *out);

#endif
