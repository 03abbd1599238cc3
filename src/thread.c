/* Which thread a message belongs to. */
#include <string.h>

#include "subject.h"
#include "thread.h"

int thread_find(struct store *st, char **ids, const char *subject,
		const char *domain, char **thread_id, GError **err)
{
	g_autofree char *norm = NULL;
	int ret;

	if ((ret = store_thread_by_ids(st, ids, thread_id, err)) < 0 || *thread_id)
		return ret;
	norm = subject_normalize(subject);
	/* A subject of a few letters says nothing about the thread. */
	if (!domain || g_utf8_strlen(norm, -1) < 4)
		return 0;
	return store_thread_by_subject(st, norm, domain, thread_id, err);
}
