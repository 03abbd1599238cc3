/*
 * IMAP through libetpan: just what the drafts need. Verified TLS by default,
 * timeouts on every command, never a password on a command line.
 */
#ifndef NUDGE_IMAP_H
#define NUDGE_IMAP_H

#include "nudge.h"

enum imap_tls { IMAP_TLS_IMAPS = 0, IMAP_TLS_STARTTLS, IMAP_TLS_NONE };

struct imap_config {
	char *host;
	int port;		/* 0: 993 for imaps, 143 otherwise */
	enum imap_tls tls;
	char *user;
	char *pass_cmd;		/* run by /bin/sh; first line of output is the password */
	char *drafts;		/* NULL: the \Drafts special-use mailbox, else "Drafts" */
	bool tls_verify;	/* default true */
	char *tls_ca_file;	/* NULL: the system's CAs */
	int timeout_seconds;	/* connect and each command; default 30 */
};

struct imap;

/* Connects, secures and logs in. The caller closes with imap_close(). */
int imap_open(const struct imap_config *cfg, struct imap **out, GError **err);
void imap_close(struct imap *im);

/* The Drafts mailbox: cfg->drafts, else the one LIST marks \Drafts, else
 * "Drafts". Owned by the session. */
int imap_drafts_mailbox(struct imap *im, const char **name, GError **err);

/* UID of the message with this Message-ID in mailbox, 0 when none. */
int imap_find_message_id(struct imap *im, const char *mailbox,
			 const char *message_id, guint32 *uid, GError **err);

/* APPENDs with \Draft and \Seen; *uid is the APPENDUID when the server
 * offers UIDPLUS, else 0. */
int imap_append_draft(struct imap *im, const char *mailbox, const char *data,
		      size_t len, guint32 *uid, GError **err);

/* Fetches the whole message with this UID into *data (g_free), *len. */
int imap_fetch_uid(struct imap *im, const char *mailbox, guint32 uid,
		   char **data, size_t *len, GError **err);

/* Flags the UID \Deleted and expunges it (UID EXPUNGE when offered). */
int imap_delete_uid(struct imap *im, const char *mailbox, guint32 uid,
		    GError **err);

#endif
