/*
 * IMAP through libetpan: just what the drafts need. Verified TLS by default,
 * timeouts on every command, never a password on a command line. The calls
 * hold off SIGPIPE in the calling thread while they run.
 */
#ifndef NUDGE_IMAP_H
#define NUDGE_IMAP_H

#include <signal.h>

#include "nudge.h"

enum imap_tls { IMAP_TLS_IMAPS = 0, IMAP_TLS_STARTTLS, IMAP_TLS_NONE };

struct imap_config {
	char *host;
	int port;		/* 0: 993 for imaps, 143 otherwise */
	enum imap_tls tls;
	char *user;
	char *pass_cmd;		/* run by /bin/sh; first line of output is the password */
	char *drafts;		/* NULL: the \Drafts special-use mailbox, else "Drafts";
				 * UTF-8 (sent as modified UTF-7) */
	bool tls_verify;	/* default true */
	char *tls_ca_file;	/* NULL: the system's CAs */
	int timeout_seconds;	/* connect and each command; default 30 */
};

struct imap;

/* Connects, secures and logs in. The caller closes with imap_close().
 * NUDGE_E_NET, NUDGE_E_TLS (handshake, certificate, STARTTLS refused or
 * injected), NUDGE_E_AUTH (login refused, pass_cmd failed). */
int imap_open(const struct imap_config *cfg, struct imap **out, GError **err);
void imap_close(struct imap *im);

/* The Drafts mailbox: cfg->drafts, else the one LIST (or XLIST) marks
 * \Drafts, else "Drafts", created when missing. Spelled as on the wire
 * (modified UTF-7), ready for the calls below. Owned by the session. */
int imap_drafts_mailbox(struct imap *im, const char **name, GError **err);

/* UID of the message with this Message-ID in mailbox (the lowest, when
 * several), 0 when none. The angle brackets are optional. */
int imap_find_message_id(struct imap *im, const char *mailbox,
			 const char *message_id, guint32 *uid, GError **err);

/* APPENDs with \Draft and \Seen; *uid is the APPENDUID when the server
 * offers UIDPLUS, else 0. Bare LF line ends are sent as CRLF, so what the
 * server stores (and imap_fetch_uid() returns) has CRLF. */
int imap_append_draft(struct imap *im, const char *mailbox, const char *data,
		      size_t len, guint32 *uid, GError **err);

/* Fetches the whole message with this UID into *data (g_free), *len. */
int imap_fetch_uid(struct imap *im, const char *mailbox, guint32 uid,
		   char **data, size_t *len, GError **err);

/* Flags the UID \Deleted and expunges it (UID EXPUNGE when offered; else
 * EXPUNGE, but only when no other message is flagged \Deleted, so the user's
 * own are never expunged). NUDGE_E_NOTFOUND when there is no such UID. */
int imap_delete_uid(struct imap *im, const char *mailbox, guint32 uid,
		    GError **err);

/* The mailbox LIST marks with the special-use flag `use` (e.g. "Sent",
 * without the backslash), spelled as on the wire; *name is NULL when none
 * is marked. The caller g_frees *name. */
int imap_special_mailbox(struct imap *im, const char *use, char **name,
			 GError **err);

/* Selects mailbox; *uidvalidity is its UIDVALIDITY and *uids (g_array_unref;
 * guint32, ascending) the UIDs above `after` of the messages whose internal
 * date is on or after `since` (a local date, YYYY-MM-DD; NULL: any) and
 * whose size is below `smaller` bytes (0: any). */
int imap_list_uids(struct imap *im, const char *mailbox, guint32 after,
		   const char *since, guint32 smaller, guint32 *uidvalidity,
		   GArray **uids, GError **err);

/* The UIDs (g_array_unref; guint32, ascending) of the messages in mailbox
 * that carry the keyword. */
int imap_search_keyword(struct imap *im, const char *mailbox,
			const char *keyword, GArray **uids, GError **err);

/* Waits up to `seconds` in IDLE on mailbox for the server to report a
 * change (*changed true), checking *stop every second (then it returns at
 * once, *changed false). Without IDLE on the server it only waits. */
int imap_idle(struct imap *im, const char *mailbox, int seconds,
	      const volatile sig_atomic_t *stop, bool *changed, GError **err);

/* Adds the keyword (e.g. "$Interview") to the message with this UID. */
int imap_add_keyword(struct imap *im, const char *mailbox, guint32 uid,
		     const char *keyword, GError **err);

#endif
