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

/*
 * Whether thread_find() might find a thread for these keys, answered by the
 * thread index of the database at db_path without opening it: false only
 * when the index is there, up to date and has none of them.
 */
bool thread_maybe(const char *db_path, char **ids, const char *subject,
		  const char *domain);

#endif
