/* Which thread a message belongs to. */
#ifndef NUDGE_THREAD_H
#define NUDGE_THREAD_H

#include "nudge.h"
#include "store.h"
#include "subject.h"

/*
 * Finds the thread of a message: first any known id among its own
 * Message-ID, In-Reply-To and References, then the newest thread with the
 * same normalised subject and employer domain. *thread_id is NULL when
 * neither finds one. Caller g_frees.
 */
int thread_find(struct store *st, char **ids, const char *subject,
		const char *domain, char **thread_id, GError **err);

#endif
