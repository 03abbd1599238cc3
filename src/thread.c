/* Which thread a message belongs to, and subject lines of replies. */
#include <string.h>

#include "thread.h"

/* Reply and forward prefixes of the languages nudge reads. */
static const char *const prefixes[] = {
	"re", "fw", "fwd", "aw", "wg", "tr", "rv", "sv", "vs", "antw", "r",
};

/* Length of one reply prefix at s ("Re:", "RE[2]:", "Fwd :"), or 0. */
static size_t prefix_len(const char *s)
{
	for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
		size_t n = strlen(prefixes[i]);
		const char *p = s + n;

		if (g_ascii_strncasecmp(s, prefixes[i], n) != 0)
			continue;
		if (*p == '[') {
			while (g_ascii_isdigit(*++p))
				;
			if (*p++ != ']')
				continue;
		}
		while (*p == ' ')
			p++;
		if (*p == ':')
			return (size_t)(p + 1 - s);
	}
	return 0;
}

static const char *skip_prefixes(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	while ((n = prefix_len(s)) > 0) {
		s += n;
		while (*s == ' ' || *s == '\t')
			s++;
	}
	return s;
}

char *subject_normalize(const char *subject)
{
	g_autofree char *down = NULL;
	GString *out;
	bool space = false;

	if (!subject)
		return g_strdup("");
	down = g_utf8_strdown(skip_prefixes(subject), -1);
	out = g_string_new(NULL);
	for (const char *p = down; *p; p++) {
		if (g_ascii_isspace(*p)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

char *subject_reply(const char *subject)
{
	const char *s = subject ? skip_prefixes(subject) : "";

	return g_strconcat("Re: ", s, NULL);
}

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
