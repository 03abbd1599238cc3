/*
 * The bridge between what the store keeps and what the etiquette engine
 * needs: every thread's history as et_items, the engine's result, and the
 * facts a listing or a draft shows.
 */
#ifndef NUDGE_SCHEDULE_H
#define NUDGE_SCHEDULE_H

#include "config.h"
#include "etiquette.h"
#include "store.h"

/* What a thread's messages say, newest value of each. Points into the thread. */
struct thread_facts {
	const char *subject;
	const char *company, *position, *interviewer;
	const char *contact_addr, *contact_name;
	const struct stored_msg *last;		/* newest message */
	const struct stored_msg *last_employer;	/* newest employer message */
};

struct schedule {
	GPtrArray *threads;		/* struct stored_thread * */
	struct et_thread *et;		/* one per thread */
	struct et_item **items;		/* the et_items of each thread */
	struct et_result res;
};

/* Loads every thread and runs the rules as of now. Free with schedule_free(). */
int schedule_compute(struct store *st, const struct config *cfg, gint64 now,
		     struct schedule **out, GError **err);
/* The same without the reasons (each NULL), for what does not show them. */
int schedule_compute_brief(struct store *st, const struct config *cfg, gint64 now,
			   struct schedule **out, GError **err);
void schedule_free(struct schedule *s);

/* Index of the thread with this id, or -1. */
int schedule_thread_index(const struct schedule *s, const char *id);

/*
 * Each thread's next draft: the first planned one that was not done
 * (written, removed or gone: N2, F6) and has not expired by now; NULL when
 * none. recs are the store's draft records (store_draft_list). One array
 * entry per thread, pointing into s; the caller g_frees the array.
 */
const struct et_draft **schedule_next_drafts(const struct schedule *s,
					     const GPtrArray *recs, gint64 now);

/* True when the record means the draft must never be written again. */
bool draft_rec_done(const struct draft_rec *r);

void thread_facts_get(const struct stored_thread *t, struct thread_facts *f);

#endif
