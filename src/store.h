/*
 * The state database (SQLite, WAL): threads, the messages recorded in them,
 * the user's corrections (events) and the drafts written. Nothing here knows
 * the rules; it only keeps what happened.
 */
#ifndef NUDGE_STORE_H
#define NUDGE_STORE_H

#include "nudge.h"

struct store;

/* What nudge keeps of one message. Strings owned by the struct. */
struct stored_msg {
	char *message_id;
	char *thread_id;
	gint64 date;
	bool outgoing;		/* sent by the user */
	enum nudge_stage stage;
	char *from_addr, *from_name, *to_addr, *reply_to;
	char *subject;
	char *references;	/* the References chain for a reply, space separated */
	char *company, *position, *contact_addr, *contact_name, *interviewer;
	gint64 interview, interview_end, decision, offer_deadline;
	bool decision_is_time;
};

struct stored_event {
	gint64 id;
	gint64 time;		/* when it takes effect */
	char *kind;		/* "interview", "decision", "sent", "accept", ... */
	gint64 value;		/* interview or decision time, else 0 */
};

struct stored_thread {
	char *id;
	char *subject;		/* of the first message */
	gint64 created;
	GPtrArray *msgs;	/* struct stored_msg *, by date */
	GPtrArray *events;	/* struct stored_event *, by time */
	struct store_arena *arena;	/* the load's memory it is in (private) */
};

struct draft_rec {
	char *key;
	char *thread_id;
	char *kind;
	gint64 due;
	char *state;		/* "pending", "written", "failed", "removed", "gone" */
	char *location;		/* Maildir file or IMAP mailbox/UID */
	char *message_id;
	char *hash;		/* SHA-256 of what was written */
	int attempts;
	char *last_error;
	gint64 written;		/* when nudge wrote it into Drafts, else 0 */
	gint64 retry_at;	/* failed: not tried again before this, else 0 */
};

/*
 * Opens (creating with mode 0600 in a 0700 folder when needed) and migrates
 * the database at path. The caller closes with store_close().
 */
int store_open(const char *path, struct store **out, GError **err);
void store_close(struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
/*
 * The thread index of the database at db_path (threadidx.h): store.c
 * removes it whenever a transaction changes threads or message ids, before
 * the commit; a commit after a failed removal is refused (NUDGE_E_IO).
 * Caller g_frees.
 */
char *store_index_path(const char *db_path);
/* The database's file name; owned by st. */
const char *store_path(const struct store *st);
/* Calls fn with every key under which thread_find() finds a thread: each
 * linked message id (norm and domain NULL), then each thread's normalised
 * subject and domain (id NULL). */
typedef void (*store_key_fn)(void *data, const char *id, const char *norm,
			     const char *domain);
int store_thread_keys(struct store *st, store_key_fn fn, void *data, GError **err);

/* Copies what the write-ahead log holds into the database file, as far as
 * readers allow; failing costs nothing but a later try. */
void store_checkpoint(struct store *st);
int store_begin(struct store *st, GError **err);
int store_commit(struct store *st, GError **err);
void store_rollback(struct store *st);

/* The thread that already holds any of ids (NULL-terminated); *thread_id is
 * NULL when none does. Caller g_frees. */
int store_thread_by_ids(struct store *st, char **ids, char **thread_id,
			GError **err);
/* The newest thread with this normalised subject and employer domain. */
int store_thread_by_subject(struct store *st, const char *norm_subject,
			    const char *domain, char **thread_id, GError **err);
/* A new thread whose id derives from seed (unique among threads). */
int store_thread_create(struct store *st, const char *seed, const char *subject,
			const char *norm_subject, const char *domain,
			gint64 created, char **thread_id, GError **err);
/* Remembers that these message ids belong to the thread (first wins). */
int store_link_ids(struct store *st, const char *thread_id, char **ids,
		   GError **err);
/* Records a message once (by Message-ID); *added tells whether it was new. */
int store_add_message(struct store *st, const struct stored_msg *m,
		      bool *added, GError **err);
/* The stage a thread is in: that of its last employer message with one. */
int store_thread_stage(struct store *st, const char *thread_id,
		       enum nudge_stage *stage, GError **err);
int store_add_event(struct store *st, const char *thread_id, gint64 time,
		    const char *kind, gint64 value, GError **err);

/* Every thread with its messages and events, oldest first. The array frees
 * its elements (g_ptr_array_unref). The threads and messages of one load,
 * with their strings, are in large shared blocks, freed with the last of
 * those threads. The arrays are for reading: threads without events share
 * one empty array. */
int store_load_threads(struct store *st, GPtrArray **threads, GError **err);
/* The one thread whose id starts with prefix: NUDGE_E_NOTFOUND when none,
 * NUDGE_E_USAGE when several. Caller g_frees *thread_id. */
int store_find_thread(struct store *st, const char *prefix, char **thread_id,
		      GError **err);

/* Frees a thread of store_load_threads() with its messages and events. */
void stored_thread_free(struct stored_thread *t);
/* Frees a message whose strings were each allocated (not a loaded one). */
void stored_msg_free(struct stored_msg *m);

/* Drafts by key: *found false when nudge never tried this one. */
int store_draft_get(struct store *st, const char *key, struct draft_rec *out,
		    bool *found, GError **err);
/* Inserts or replaces the record. */
int store_draft_put(struct store *st, const struct draft_rec *d, GError **err);
/* Every draft record, by due time; array frees its elements. */
int store_draft_list(struct store *st, GPtrArray **out, GError **err);
void draft_rec_clear(struct draft_rec *d);
void draft_rec_free(struct draft_rec *d);

#endif
