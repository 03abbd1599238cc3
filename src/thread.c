/* Which thread a message belongs to. */
#include <string.h>

#include "subject.h"
#include "thread.h"
#include "threadidx.h"

/* A subject of a few letters says nothing about the thread. */
static bool subject_says(const char *norm, const char *domain)
{
	return domain && g_utf8_strlen(norm, -1) >= 4;
}

int thread_find(struct store *st, char **ids, const char *subject,
		const char *domain, char **thread_id, GError **err)
{
	g_autofree char *norm = NULL;
	int ret;

	if ((ret = store_thread_by_ids(st, ids, thread_id, err)) < 0 || *thread_id)
		return ret;
	norm = subject_normalize(subject);
	if (!subject_says(norm, domain))
		return 0;
	return store_thread_by_subject(st, norm, domain, thread_id, err);
}

bool thread_maybe(const char *db_path, char **ids, const char *subject,
		  const char *domain)
{
	g_autofree char *norm = subject_normalize(subject);
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	bool found;
	guint64 h;

	for (size_t i = 0; ids[i]; i++) {
		h = threadidx_hash(ids[i], NULL, NULL);
		g_array_append_val(keys, h);
	}
	if (subject_says(norm, domain)) {
		h = threadidx_hash(NULL, norm, domain);
		g_array_append_val(keys, h);
	}
	if (threadidx_lookup(db_path, (const guint64 *)(const void *)keys->data,
			     keys->len, &found) < 0)
		return true;
	return found;
}
