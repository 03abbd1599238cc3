/*
 * Labelled test mail for the unit tests: messages read through
 * src/message.c as nudge reads them, and the rows of a labels.tsv.
 */
#ifndef NUDGE_TEST_CORPUS_H
#define NUDGE_TEST_CORPUS_H

#include <gmime/gmime.h>
#include <string.h>

#include "message.h"

/* The message in path, or NULL when it cannot be read or parsed. */
static struct nudge_msg *corpus_load(const char *path)
{
	g_autofree char *buf = NULL;
	struct nudge_msg *m = NULL;
	gsize len;

	if (!g_file_get_contents(path, &buf, &len, NULL))
		return NULL;
	if (msg_parse(buf, len, &m, NULL) < 0)
		return NULL;
	return m;
}

/* One row of a labels.tsv: file, direction, stage, interview, decision,
 * company, note. */
struct label {
	char *file;
	bool outgoing;
	char *stage;
	char *interview, *decision, *company, *note;
};

static void label_free(gpointer p)
{
	struct label *l = p;

	g_free(l->file);
	g_free(l->stage);
	g_free(l->interview);
	g_free(l->decision);
	g_free(l->company);
	g_free(l->note);
	g_free(l);
}

/* The rows of dir/labels.tsv (header skipped), or NULL if there is none. */
static GPtrArray *labels_load(const char *dir)
{
	g_autofree char *path = g_build_filename(dir, "labels.tsv", NULL);
	g_autofree char *data = NULL;
	g_auto(GStrv) lines = NULL;
	GPtrArray *out;

	if (!g_file_get_contents(path, &data, NULL, NULL))
		return NULL;
	out = g_ptr_array_new_with_free_func(label_free);
	lines = g_strsplit(data, "\n", -1);
	for (int i = 1; lines[i]; i++) {
		g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
		struct label *l;

		if (g_strv_length(f) < 3 || f[0][0] == '#')
			continue;
		l = g_new0(struct label, 1);
		l->file = g_strdup(f[0]);
		l->outgoing = strcmp(f[1], "out") == 0;
		l->stage = g_strdup(f[2]);
		l->interview = g_strdup(f[3] ? f[3] : "-");
		l->decision = g_strdup(f[3] && f[4] ? f[4] : "-");
		l->company = g_strdup(f[3] && f[4] && f[5] ? f[5] : "-");
		l->note = g_strdup(f[3] && f[4] && f[5] && f[6] ? f[6] : "");
		g_ptr_array_add(out, l);
	}
	return out;
}

#endif
