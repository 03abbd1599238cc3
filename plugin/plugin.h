/*
 * The Claws Mail plugin's shared state: what plugin_init opened once (the
 * configuration, the rules, the state database) and the parts of the plugin
 * (hooks in nudge-plugin.c, the follow-ups window, the preferences page).
 */
#ifndef NUDGE_PLUGIN_H
#define NUDGE_PLUGIN_H

#include "classify.h"
#include "config.h"
#include "store.h"

struct nudge_plugin {
	char *config_path;	/* nudge's config file */
	char *state_dir;
	char *user_dir;
	struct config *cfg;	/* never NULL after plugin_init */
	struct rules *rules;
	struct store *st;
	char *error;		/* why nudge could not start, or NULL */
};

extern struct nudge_plugin nudge;

/* The clock: the real time, or $NUDGE_NOW (ISO 8601) for tests. */
gint64 nudge_now(void);

/* Reads the config file again (after the preferences page wrote it). */
int nudge_reload_config(GError **err);

/* A message of the log window (Tools > Log), never stdout. */
void nudge_log(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

void followups_open(void);
void followups_close(void);

void nudge_prefs_init(void);
void nudge_prefs_done(void);

#endif
