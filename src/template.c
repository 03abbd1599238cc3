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

struct templates {
	char *user_dir, *data_dir;
	GHashTable *loaded;	/* name -> struct loaded */
};

struct loaded {
	char *text, *path;
	bool checked;		/* rendered without error once */
};

static void loaded_free(gpointer p)
{
	struct loaded *l = p;

	g_free(l->text);
	g_free(l->path);
	g_free(l);
}

struct templates *templates_new(const char *user_dir, const char *data_dir)
{
	struct templates *t = g_new0(struct templates, 1);

	t->user_dir = g_strdup(user_dir);
	t->data_dir = g_strdup(data_dir);
	t->loaded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, loaded_free);
	return t;
}

void templates_free(struct templates *t)
{
	if (!t)
		return;
	g_free(t->user_dir);
	g_free(t->data_dir);
	g_hash_table_unref(t->loaded);
	g_free(t);
}

int templates_get(struct templates *t, const char *name, const char **text,
		  const char **path, GError **err)
{
	struct loaded *l = g_hash_table_lookup(t->loaded, name);
	int ret;

	if (!l) {
		l = g_new0(struct loaded, 1);
		if ((ret = template_load(t->user_dir, t->data_dir, name, &l->text,
					 &l->path, err)) < 0) {
			loaded_free(l);
			return ret;
		}
		g_hash_table_insert(t->loaded, g_strdup(name), l);
	}
	*text = l->text;
	*path = l->path;
	return 0;
}

void templates_set_checked(struct templates *t, const char *name)
{
	struct loaded *l = g_hash_table_lookup(t->loaded, name);

	if (l)
		l->checked = true;
}

bool templates_checked(struct templates *t, const char *name)
{
	struct loaded *l = g_hash_table_lookup(t->loaded, name);

	return l && l->checked;
}

static int line_at(const char *text, const char *p)
{
	int line = 1;

	for (; text < p; text++)
		line += *text == '\n';
	return line;
}

/*
 * Rewraps the prose paragraphs of text at 72 columns once the placeholders
 * are filled. A paragraph is prose when all its lines but the last are long
 * (the author wrapped it); short lines such as a signature stay as they are.
 */
static char *reflow(const char *text)
{
	g_auto(GStrv) paras = g_strsplit(text, "\n\n", -1);
	GString *out = g_string_new(NULL);

	for (size_t i = 0; paras[i]; i++) {
		g_auto(GStrv) lines = g_strsplit(paras[i], "\n", -1);
		size_t n = g_strv_length(lines);
		bool prose = n > 1;
		int col = 0;

		for (size_t k = 0; k + 1 < n; k++)
			if (g_utf8_strlen(lines[k], -1) < 50 || lines[k][0] == ' ')
				prose = false;
		if (i > 0)
			g_string_append(out, "\n\n");
		if (!prose) {
			g_string_append(out, paras[i]);
			continue;
		}
		g_autofree char *joined = g_strjoinv(" ", lines);
		g_auto(GStrv) words = g_strsplit(joined, " ", -1);

		for (size_t w = 0; words[w]; w++) {
			int len = (int)g_utf8_strlen(words[w], -1);

			if (!*words[w])
				continue;
			if (col > 0 && col + 1 + len > 72) {
				g_string_append_c(out, '\n');
				col = 0;
			} else if (col > 0) {
				g_string_append_c(out, ' ');
				col++;
			}
			g_string_append(out, words[w]);
			col += len;
		}
	}
	return g_string_free(out, FALSE);
}

int template_render(const char *path, const char *text, GHashTable *vars,
		    char **body, char **subject, GError **err)
{
	g_autoptr(GString) out = g_string_new(NULL);
	const char *p = text, *open, *bad;

	*subject = NULL;
	/* Rewrapping counts characters: a template must be UTF-8. */
	if (!g_utf8_validate(text, -1, &bad))
		return nudge_fail(err, NUDGE_E_DATA, "%s:%d: not valid UTF-8", path,
				  line_at(text, bad));
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
		if (val && !g_utf8_validate(val, -1, NULL)) {
			g_autofree char *valid = g_utf8_make_valid(val, -1);

			g_string_append(out, valid);
		} else {
			g_string_append(out, val ? val : "");
		}
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
	if (body)
		*body = reflow(out->str);
	return 0;
}
