/* Draft templates with {{placeholders}}. */
#include <string.h>

#include "template.h"

int template_load(const char *user_dir, const char *data_dir, const char *name,
		  char **text, char **path, GError **err)
{
	const char *dirs[] = { user_dir, data_dir };
	g_autoptr(GError) e = NULL;

	for (size_t i = 0; i < G_N_ELEMENTS(dirs); i++) {
		g_autofree char *p = NULL;

		if (!dirs[i])
			continue;
		p = g_build_filename(dirs[i], "templates", name, NULL);
		if (g_file_get_contents(p, text, NULL, &e)) {
			if (!g_utf8_validate(*text, -1, NULL)) {
				g_clear_pointer(text, g_free);
				return nudge_fail(err, NUDGE_E_DATA,
						  "template '%s' is not valid UTF-8", p);
			}
			*path = g_steal_pointer(&p);
			return 0;
		}
		if (!g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT))
			return nudge_fail(err, NUDGE_E_IO, "cannot read template '%s': %s",
					  p, e->message);
		g_clear_error(&e);
	}
	return nudge_fail(err, NUDGE_E_NOTFOUND, "no template '%s' in '%s/templates'",
			  name, data_dir);
}

static int line_at(const char *text, const char *p)
{
	int line = 1;

	for (; text < p; text++)
		line += *text == '\n';
	return line;
}

int template_render(const char *path, const char *text, GHashTable *vars,
		    char **body, char **subject, GError **err)
{
	g_autoptr(GString) out = g_string_new(NULL);
	const char *p = text, *open;

	*subject = NULL;
	while ((open = strstr(p, "{{"))) {
		const char *close = strstr(open + 2, "}}");
		g_autofree char *key = NULL;
		const char *val;

		if (!close || memchr(open, '\n', (size_t)(close - open)))
			return nudge_fail(err, NUDGE_E_DATA, "%s:%d: '{{' without '}}'",
					  path, line_at(text, open));
		g_string_append_len(out, p, open - p);
		key = g_strstrip(g_strndup(open + 2, (gsize)(close - open - 2)));
		if (!g_hash_table_lookup_extended(vars, key, NULL, (gpointer *)&val))
			return nudge_fail(err, NUDGE_E_DATA,
					  "%s:%d: unknown placeholder '{{%s}}'",
					  path, line_at(text, open), key);
		g_string_append(out, val ? val : "");
		p = close + 2;
	}
	g_string_append(out, p);

	if (g_str_has_prefix(out->str, "Subject:")) {
		const char *nl = strchr(out->str, '\n');
		size_t n = nl ? (size_t)(nl - out->str) : out->len;

		*subject = g_strstrip(g_strndup(out->str + 8, n - 8));
		g_string_erase(out, 0, nl ? (gssize)n + 1 : (gssize)n);
		while (out->len && out->str[0] == '\n')
			g_string_erase(out, 0, 1);
	}
	*body = g_string_free(g_steal_pointer(&out), FALSE);
	return 0;
}
