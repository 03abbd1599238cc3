/* A draft as a complete RFC 5322 message, built with GMime. */
#ifndef NUDGE_DRAFT_H
#define NUDGE_DRAFT_H

#include "nudge.h"

struct draft_spec {
	const char *from_name, *from_addr;
	const char *to_name, *to_addr;
	const char *subject;
	const char *in_reply_to;	/* Message-ID without <>, or NULL */
	const char *references;		/* "<a> <b>", or NULL */
	const char *message_id;		/* without <> */
	const char *draft_id;		/* value of X-Nudge-Draft */
	gint64 date;
	GTimeZone *tz;
	const char *body;		/* UTF-8 text */
};

/* The message text with LF line endings. Caller g_frees *data. */
int draft_build(const struct draft_spec *d, char **data, size_t *len,
		GError **err);

/* Replaces CR, LF and other control characters with spaces: for any value
 * that comes from a message and goes into a draft. Caller g_frees. */
char *draft_clean(const char *s);

#endif
