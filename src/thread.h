/* Which thread a message belongs to, and subject lines of replies. */
#ifndef NUDGE_THREAD_H
#define NUDGE_THREAD_H

#include "nudge.h"
#include "store.h"

/* Lower case, reply/forward prefixes ("Re:", "AW:", "Fwd:", ...) and spacing
 * removed: the key of the subject fallback. Caller g_frees. */
char *subject_normalize(const char *subject);

/* "Re: " and the subject without its reply prefixes: never "Re: Re:".
 * Caller g_frees. */
char *subject_reply(const char *subject);

/*
 * Finds the thread of a message: first any known id among its own
 * Message-ID, In-Reply-To and References, then the newest thread with the
 * same normalised subject and employer domain. *thread_id is NULL when
 * neither finds one. Caller g_frees.
 */
int thread_find(struct store *st, char **ids, const char *subject,
		const char *domain, char **thread_id, GError **err);

#endif
