/* Subject lines: reply prefixes, the normalised form, the reply's subject. */
#include <string.h>

#include "subject.h"

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

bool subject_is_reply(const char *subject)
{
	return subject && skip_prefixes(subject) != subject + strspn(subject, " \t");
}

char *subject_reply(const char *subject)
{
	const char *s = subject ? skip_prefixes(subject) : "";

	return g_strconcat("Re: ", s, NULL);
}
