/*
 * The user's configuration (GKeyFile format) and the paths nudge uses.
 * Loading collects every problem of a file before failing, each as
 * "FILE:LINE: problem", as isync does.
 */
#ifndef NUDGE_CONFIG_H
#define NUDGE_CONFIG_H

#include "nudge.h"
#include "etiquette.h"
#include "imap.h"

enum drafts_target { DRAFTS_NONE = 0, DRAFTS_MAILDIR, DRAFTS_IMAP };

struct reference {
	char *name;
	char *addr;
};

struct config {
	char *path;		/* the file read, or NULL when there was none */
	char *user_name;
	char **user_addrs;	/* NULL-terminated, lower case */
	char *tz_name;		/* IANA name, or NULL for the system's zone */
	GTimeZone *tz_made;	/* config_tz()'s, made on first use */
	bool day_first;		/* [user] date_order = dmy */
	struct reference *refs;
	size_t n_refs;
	enum drafts_target target;
	char *maildir;		/* [drafts] maildir, ~ expanded */
	struct imap_config imap;
	gsize max_size;		/* [filter] max_size, bytes */
	int time_limit;		/* [filter] time_limit: seconds for the analysis */
	char *tag_keyword;	/* [imap] tag_keyword: set by `nudge sync`; NULL: none */
	char *sendmail_path;	/* [sendmail] path: the real sendmail; NULL: default */
	bool run_due;		/* [filter] run_due: start `nudge due` after a message */
	struct et_settings et;
	GArray *holidays;	/* gint32 YYYYMMDD, sorted; et.holidays points here */
};

/*
 * Reads path into a new config. A missing file gives the defaults with
 * cfg->path NULL (and NUDGE_E_CONFIG only when `required`). The caller frees
 * with config_free().
 */
int config_load(const char *path, bool required, struct config **out,
		GError **err);
void config_free(struct config *cfg);

/* True when addr (any case) is one of the user's addresses. */
bool config_is_user(const struct config *cfg, const char *addr);

/*
 * The user's time zone (not owned). Made on first use: GLib expands the
 * zone's rules for every year to 2037 when it reads one, more work than a
 * filter run on ordinary mail does in all (which needs no zone).
 * etiquette_run() wants it in cfg->et.tz: schedule.c puts it there.
 */
GTimeZone *config_tz(const struct config *cfg);

/*
 * The folder holding `config` and `state.db`-like files: --home, else
 * $NUDGE_HOME, else NULL (XDG defaults). Paths returned are newly allocated.
 */
char *config_file_path(const char *home);
char *config_state_dir(const char *home);
char *config_user_dir(const char *home);

#endif
