/*
 * Draft templates: plain text with {{placeholders}}, looked up first in the
 * user's config folder (templates/KIND), then in nudge's data folder.
 */
#ifndef NUDGE_TEMPLATE_H
#define NUDGE_TEMPLATE_H

#include "nudge.h"

/* Reads the template `name`. Caller g_frees *text. */
int template_load(const char *user_dir, const char *data_dir, const char *name,
		  char **text, char **path, GError **err);

/* Templates read once per run, through template_load(). */
struct templates;

struct templates *templates_new(const char *user_dir, const char *data_dir);
void templates_free(struct templates *t);
/* Template `name`; *text and *path are owned by the cache. */
int templates_get(struct templates *t, const char *name, const char **text,
		  const char **path, GError **err);
/* Marks template `name` (already got) as rendered without error once. */
void templates_set_checked(struct templates *t, const char *name);
/* Whether it was: its placeholders are then all known. */
bool templates_checked(struct templates *t, const char *name);

/*
 * Replaces each {{key}} with its value from vars (key -> value, both
 * strings; a value that is not UTF-8 has its bad bytes replaced). An
 * unknown key, or a template that is not UTF-8, is NUDGE_E_DATA naming the
 * template and line.
 * A line "Subject: ..." at the top sets *subject (else NULL). With body
 * NULL only the subject is wanted: the text is not reflowed. Caller g_frees.
 */
int template_render(const char *path, const char *text, GHashTable *vars,
		    char **body, char **subject, GError **err);

#endif
