/* A mail message parsed with GMime into the plain fields nudge uses. */
#ifndef NUDGE_MESSAGE_H
#define NUDGE_MESSAGE_H

#include "nudge.h"

struct nudge_msg {
	char *message_id;	/* without <>; NULL when missing */
	char *in_reply_to;	/* without <>; NULL when missing */
	char **references;	/* without <>, oldest first; NULL-terminated */
	char *subject;		/* decoded UTF-8; NULL when missing */
	char *from_name, *from_addr;	/* first From mailbox */
	char *reply_to_name, *reply_to_addr;
	char *to_name, *to_addr;	/* first To mailbox */
	char *organization;
	gint64 date;		/* NUDGE_NOTIME when missing or unparseable */
	char *text;		/* text parts (HTML as text), UTF-8, bounded */
	char *ics;		/* the first text/calendar part, or NULL */
	bool auto_submitted;	/* Auto-Submitted other than "no", or a
				 * Precedence of bulk/list/junk */
};

/*
 * Parses buf (not kept). Every string field is UTF-8 and owned by the
 * message. Fails with NUDGE_E_DATA only when GMime finds no message at all.
 * The caller frees with msg_free().
 */
int msg_parse(const char *buf, size_t len, struct nudge_msg **out, GError **err);
void msg_free(struct nudge_msg *m);

/* The address's domain in lower case, or NULL; caller g_frees. */
char *addr_domain(const char *addr);

#endif
