/* The user's configuration: a GKeyFile checked key by key against a table. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

enum key_type { K_STRING, K_LIST, K_INT, K_BOOL, K_SIZE, K_SPECIAL };

struct key_spec {
	const char *group;
	const char *key;
	enum key_type type;
	int min, max;		/* K_INT */
	size_t et_offset;	/* K_INT: offset in struct et_settings */
};

#define ET(field, lo, hi) K_INT, lo, hi, offsetof(struct et_settings, field)

static const struct key_spec keys[] = {
	{ "user", "name", K_STRING, 0, 0, 0 },
	{ "user", "addresses", K_LIST, 0, 0, 0 },
	{ "user", "timezone", K_SPECIAL, 0, 0, 0 },
	{ "user", "date_order", K_SPECIAL, 0, 0, 0 },
	{ "user", "references", K_SPECIAL, 0, 0, 0 },
	{ "drafts", "target", K_SPECIAL, 0, 0, 0 },
	{ "drafts", "maildir", K_STRING, 0, 0, 0 },
	{ "imap", "host", K_STRING, 0, 0, 0 },
	{ "imap", "port", K_SPECIAL, 0, 0, 0 },
	{ "imap", "tls", K_SPECIAL, 0, 0, 0 },
	{ "imap", "user", K_STRING, 0, 0, 0 },
	{ "imap", "pass_cmd", K_STRING, 0, 0, 0 },
	{ "imap", "pass", K_SPECIAL, 0, 0, 0 },
	{ "imap", "drafts", K_STRING, 0, 0, 0 },
	{ "imap", "tls_verify", K_BOOL, 0, 0, 0 },
	{ "imap", "tls_ca_file", K_STRING, 0, 0, 0 },
	{ "imap", "timeout", K_SPECIAL, 0, 0, 0 },
	{ "imap", "tag_keyword", K_STRING, 0, 0, 0 },
	{ "sendmail", "path", K_STRING, 0, 0, 0 },
	{ "filter", "max_size", K_SIZE, 0, 0, 0 },
	{ "filter", "time_limit", K_SPECIAL, 0, 0, 0 },
	{ "filter", "run_due", K_BOOL, 0, 0, 0 },
	{ "etiquette", "thank_you_delay_minutes", ET(thank_you_delay_minutes, 0, 7 * 24 * 60) },
	{ "etiquette", "thank_you_expire_hours", ET(thank_you_expire_hours, 1, 24 * 30) },
	{ "etiquette", "interview_minutes", ET(interview_minutes, 1, 24 * 60) },
	{ "etiquette", "followup_after_decision_days", ET(followup_after_decision_days, 0, 60) },
	{ "etiquette", "followup_no_date_days", ET(followup_no_date_days, 1, 90) },
	{ "etiquette", "min_gap_days", ET(min_gap_days, 0, 30) },
	{ "etiquette", "followup2_days", ET(followup2_days, 1, 90) },
	{ "etiquette", "close_days", ET(close_days, 1, 180) },
	{ "etiquette", "draft_hour", ET(draft_hour, 0, 23) },
	{ "etiquette", "reply_hour", ET(reply_hour, 0, 23) },
	{ "etiquette", "offer_default_days", ET(offer_default_days, 1, 90) },
	{ "etiquette", "competing_margin_days", ET(competing_margin_days, 0, 30) },
	{ "etiquette", "holidays", K_SPECIAL, 0, 0, 0 },
};

/* Where each group and key stands in the file, for messages. */
struct lines {
	GHashTable *where;	/* "group\nkey" or "group" -> line number */
};

static const struct key_spec *find_key(const char *group, const char *key)
{
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
		if (strcmp(keys[i].group, group) == 0 &&
		    strcmp(keys[i].key, key) == 0)
			return &keys[i];
	return NULL;
}

static bool known_group(const char *group)
{
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
		if (strcmp(keys[i].group, group) == 0)
			return true;
	return false;
}

/*
 * Scans the text as GKeyFile will read it, noting each key's line and
 * reporting lines GKeyFile would reject, with their numbers.
 */
static void scan_lines(const char *path, const char *text, GHashTable *where,
		       GPtrArray *problems)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	g_autofree char *group = NULL;

	for (int i = 0; lines[i]; i++) {
		char *l = g_strstrip(lines[i]);
		char *eq;

		if (*l == '\0' || *l == '#')
			continue;
		if (*l == '[') {
			char *end = strchr(l, ']');

			if (!end || end[1] != '\0') {
				g_ptr_array_add(problems, g_strdup_printf(
					"%s:%d: malformed group line '%s'", path, i + 1, l));
				continue;
			}
			g_free(group);
			group = g_strndup(l + 1, (gsize)(end - l - 1));
			g_hash_table_insert(where, g_strdup(group),
					    GINT_TO_POINTER(i + 1));
			if (!known_group(group))
				g_ptr_array_add(problems, g_strdup_printf(
					"%s:%d: unknown group '[%s]'", path, i + 1, group));
			continue;
		}
		eq = strchr(l, '=');
		if (!eq) {
			g_ptr_array_add(problems, g_strdup_printf(
				"%s:%d: expected 'key = value', got '%s'", path, i + 1, l));
			continue;
		}
		if (!group) {
			g_ptr_array_add(problems, g_strdup_printf(
				"%s:%d: key outside of any [group]", path, i + 1));
			continue;
		}
		*eq = '\0';
		g_strstrip(l);
		if (known_group(group) && !strchr(l, '[') && !find_key(group, l))
			g_ptr_array_add(problems, g_strdup_printf(
				"%s:%d: unknown key '%s' in [%s]", path, i + 1, l, group));
		g_hash_table_insert(where, g_strdup_printf("%s\n%s", group, l),
				    GINT_TO_POINTER(i + 1));
	}
}

static int line_of(GHashTable *where, const char *group, const char *key)
{
	g_autofree char *k = g_strdup_printf("%s\n%s", group, key);

	return GPOINTER_TO_INT(g_hash_table_lookup(where, k));
}

static char *expand_home(const char *p)
{
	if (p[0] == '~' && (p[1] == '/' || p[1] == '\0'))
		return g_build_filename(g_get_home_dir(), p + 1, NULL);
	return g_strdup(p);
}

static int parse_size(const char *s, gsize *out)
{
	char *end;
	guint64 v = g_ascii_strtoull(s, &end, 10);

	if (end == s)
		return -1;
	while (*end == ' ')
		end++;
	if (g_ascii_strcasecmp(end, "k") == 0 || g_ascii_strcasecmp(end, "KiB") == 0)
		v <<= 10;
	else if (g_ascii_strcasecmp(end, "m") == 0 || g_ascii_strcasecmp(end, "MiB") == 0)
		v <<= 20;
	else if (*end)
		return -1;
	if (v == 0)
		return -1;
	*out = (gsize)v;
	return 0;
}

/* "Name <addr>; Other <addr2>" into cfg->refs. */
static int parse_references(struct config *cfg, char **items)
{
	size_t n = g_strv_length(items);

	cfg->refs = g_new0(struct reference, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		char *s = g_strstrip(items[i]);
		char *lt = strchr(s, '<'), *gt = strrchr(s, '>');

		if (!lt || !gt || gt < lt || !strchr(lt, '@'))
			return -1;
		cfg->refs[cfg->n_refs].name = g_strstrip(g_strndup(s, (gsize)(lt - s)));
		cfg->refs[cfg->n_refs].addr = g_strndup(lt + 1, (gsize)(gt - lt - 1));
		cfg->n_refs++;
	}
	return 0;
}

static gint cmp_i32(gconstpointer a, gconstpointer b)
{
	gint32 x = *(const gint32 *)a, y = *(const gint32 *)b;

	return (x > y) - (x < y);
}

/*
 * Whether GLib knows the zone: a TZif file under $TZDIR or the system's
 * zoneinfo (checked without reading the zone, see config_tz()); a name that
 * is no file there and no path (an offset such as +01:00) is left to
 * g_time_zone_new_identifier().
 */
static bool tz_known(const char *name)
{
	const char *dir = g_getenv("TZDIR");
	g_autofree char *path = NULL;
	char magic[4];
	GTimeZone *tz;
	FILE *f;

	/* GLib fails loudly (and leaks) on a file that is not a zone, such as
	 * zone.tab or ../../etc/passwd: never hand it one. */
	if (!*name || name[0] == '/' || strstr(name, ".."))
		return false;
	path = g_build_filename(dir && *dir ? dir : "/usr/share/zoneinfo", name, NULL);
	f = fopen(path, "rb");
	if (f) {
		bool tzif = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;

		fclose(f);
		return tzif;
	}
	if (strchr(name, '/'))
		return false;
	tz = g_time_zone_new_identifier(name);
	if (tz)
		g_time_zone_unref(tz);
	return tz != NULL;
}

static int parse_holidays(struct config *cfg, char **items)
{
	for (size_t i = 0; items[i]; i++) {
		int y, m, d;
		char tail;
		gint32 v;
		char *s = g_strstrip(items[i]);

		if (!*s)
			continue;
		if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
		    !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
			return -1;
		v = y * 10000 + m * 100 + d;
		g_array_append_val(cfg->holidays, v);
	}
	g_array_sort(cfg->holidays, cmp_i32);
	return 0;
}

#define BAD(...) g_ptr_array_add(problems, g_strdup_printf(__VA_ARGS__))

/* Reads one key of a known type into cfg; problems get "path:line: ...". */
static void read_key(struct config *cfg, GKeyFile *kf, const struct key_spec *k,
		     GHashTable *where, GPtrArray *problems)
{
	const char *g = k->group, *n = k->key, *p = cfg->path;
	g_autoptr(GError) e = NULL;
	g_autofree char *s = NULL;
	g_auto(GStrv) list = NULL;
	int line;

	/* The group first: asked for a key of a missing group, GKeyFile
	 * makes and translates an error message nobody reads. */
	if (!g_key_file_has_group(kf, g) || !g_key_file_has_key(kf, g, n, NULL))
		return;
	line = line_of(where, g, n);
	if (k->type == K_LIST || strcmp(n, "references") == 0 ||
	    strcmp(n, "holidays") == 0) {
		list = g_key_file_get_string_list(kf, g, n, NULL, &e);
		if (!list)
			list = g_new0(char *, 1);
	} else {
		s = g_key_file_get_string(kf, g, n, &e);
		if (!s) {
			BAD("%s:%d: cannot read '%s': %s", p, line, n, e->message);
			return;
		}
		g_strstrip(s);
	}

	if (k->type == K_INT) {
		char *end;
		long v = strtol(s, &end, 10);

		if (!*s || *end || v < k->min || v > k->max)
			BAD("%s:%d: '%s' must be a whole number from %d to %d, not '%s'",
			    p, line, n, k->min, k->max, s);
		else
			*(int *)((char *)&cfg->et + k->et_offset) = (int)v;
	} else if (k->type == K_BOOL) {
		bool v = g_ascii_strcasecmp(s, "yes") == 0 ||
			 g_ascii_strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0;

		if (!v && g_ascii_strcasecmp(s, "no") != 0 &&
		    g_ascii_strcasecmp(s, "false") != 0 && strcmp(s, "0") != 0)
			BAD("%s:%d: '%s' must be yes or no, not '%s'", p, line, n, s);
		else if (strcmp(n, "run_due") == 0)
			cfg->run_due = v;
		else
			cfg->imap.tls_verify = v;
	} else if (k->type == K_SIZE) {
		if (parse_size(s, &cfg->max_size) < 0)
			BAD("%s:%d: '%s' must be a size such as 50M, not '%s'", p, line, n, s);
	} else if (strcmp(n, "name") == 0) {
		cfg->user_name = g_steal_pointer(&s);
	} else if (strcmp(n, "addresses") == 0) {
		for (size_t i = 0; list[i]; i++) {
			char *a = g_strstrip(list[i]);

			if (*a && !strchr(a, '@'))
				BAD("%s:%d: '%s' is not a mail address", p, line, a);
		}
		g_strfreev(cfg->user_addrs);
		cfg->user_addrs = g_new0(char *, g_strv_length(list) + 1);
		for (size_t i = 0, j = 0; list[i]; i++)
			if (*list[i])
				cfg->user_addrs[j++] = g_ascii_strdown(list[i], -1);
	} else if (strcmp(n, "timezone") == 0) {
		if (!tz_known(s)) {
			BAD("%s:%d: unknown time zone '%s' (want an IANA name such as Europe/Berlin)",
			    p, line, s);
		} else {
			g_free(cfg->tz_name);
			cfg->tz_name = g_steal_pointer(&s);
		}
	} else if (strcmp(n, "date_order") == 0) {
		if (strcmp(s, "dmy") == 0)
			cfg->day_first = true;
		else if (strcmp(s, "mdy") == 0)
			cfg->day_first = false;
		else
			BAD("%s:%d: 'date_order' must be mdy or dmy, not '%s'", p, line, s);
	} else if (strcmp(n, "references") == 0) {
		if (parse_references(cfg, list) < 0)
			BAD("%s:%d: 'references' wants 'Name <address>' items separated by ';'",
			    p, line);
	} else if (strcmp(n, "holidays") == 0) {
		if (parse_holidays(cfg, list) < 0)
			BAD("%s:%d: 'holidays' wants dates as YYYY-MM-DD separated by ';'",
			    p, line);
	} else if (strcmp(n, "target") == 0) {
		if (strcmp(s, "maildir") == 0)
			cfg->target = DRAFTS_MAILDIR;
		else if (strcmp(s, "imap") == 0)
			cfg->target = DRAFTS_IMAP;
		else
			BAD("%s:%d: 'target' must be maildir or imap, not '%s'", p, line, s);
	} else if (strcmp(n, "maildir") == 0) {
		cfg->maildir = expand_home(s);
	} else if (strcmp(g, "imap") == 0 && strcmp(n, "pass") == 0) {
		BAD("%s:%d: nudge does not keep passwords in its config: remove 'pass' and set 'pass_cmd' to a command that prints the password (e.g. pass_cmd = pass show mail/imap)",
		    p, line);
	} else if (strcmp(n, "host") == 0) {
		cfg->imap.host = g_steal_pointer(&s);
	} else if (strcmp(n, "time_limit") == 0) {
		char *end;
		long v = strtol(s, &end, 10);

		if (!*s || *end || v < 1 || v > 3600)
			BAD("%s:%d: 'time_limit' must be seconds from 1 to 3600, not '%s'", p, line, s);
		else
			cfg->time_limit = (int)v;
	} else if (strcmp(n, "port") == 0 || strcmp(n, "timeout") == 0) {
		char *end;
		long v = strtol(s, &end, 10);

		if (!*s || *end || v < 1 || v > 65535)
			BAD("%s:%d: '%s' must be a number from 1 to 65535, not '%s'", p, line, n, s);
		else if (n[0] == 'p')
			cfg->imap.port = (int)v;
		else
			cfg->imap.timeout_seconds = (int)v;
	} else if (strcmp(n, "tls") == 0) {
		if (strcmp(s, "imaps") == 0)
			cfg->imap.tls = IMAP_TLS_IMAPS;
		else if (strcmp(s, "starttls") == 0)
			cfg->imap.tls = IMAP_TLS_STARTTLS;
		else if (strcmp(s, "none") == 0)
			cfg->imap.tls = IMAP_TLS_NONE;
		else
			BAD("%s:%d: 'tls' must be imaps, starttls or none, not '%s'", p, line, s);
	} else if (strcmp(g, "imap") == 0 && strcmp(n, "tag_keyword") == 0) {
		if (!*s || strpbrk(s, " (){%*\"\\]"))
			BAD("%s:%d: 'tag_keyword' must be an IMAP keyword such as $Interview, not '%s'",
			    p, line, s);
		else
			cfg->tag_keyword = g_steal_pointer(&s);
	} else if (strcmp(g, "sendmail") == 0) {
		cfg->sendmail_path = expand_home(s);
	} else if (strcmp(g, "imap") == 0) {
		char **dst = strcmp(n, "user") == 0 ? &cfg->imap.user :
			     strcmp(n, "pass_cmd") == 0 ? &cfg->imap.pass_cmd :
			     strcmp(n, "drafts") == 0 ? &cfg->imap.drafts :
			     &cfg->imap.tls_ca_file;

		*dst = n[0] == 't' ? expand_home(s) : g_steal_pointer(&s);
	}
}

GTimeZone *config_tz(const struct config *cfg)
{
	/* Made once, even by two threads at a time (the Claws plugin). */
	GTimeZone **slot = (GTimeZone **)&cfg->tz_made;
	GTimeZone *tz = g_atomic_pointer_get(slot), *made;

	if (tz)
		return tz;
	made = cfg->tz_name ? g_time_zone_new_identifier(cfg->tz_name) : NULL;
	if (!made)
		made = g_time_zone_new_local();
	if (!g_atomic_pointer_compare_and_exchange(slot, NULL, made))
		g_time_zone_unref(made);
	return g_atomic_pointer_get(slot);
}

static struct config *config_new_defaults(void)
{
	struct config *cfg = g_new0(struct config, 1);

	cfg->user_addrs = g_new0(char *, 1);
	cfg->max_size = 50u << 20;
	/* Below Dovecot's 10 s sieve_filter_exec_timeout, so the safety net
	 * passes the message on before the delivery agent gives up. */
	cfg->time_limit = 8;
	cfg->imap.tls_verify = true;
	cfg->run_due = true;
	cfg->imap.timeout_seconds = 30;
	cfg->holidays = g_array_new(FALSE, FALSE, sizeof(gint32));
	et_settings_init(&cfg->et, NULL);
	return cfg;
}

int config_load(const char *path, bool required, struct config **out,
		GError **err)
{
	struct config *cfg = config_new_defaults();
	g_autofree char *text = NULL;
	g_autoptr(GKeyFile) kf = g_key_file_new();
	g_autoptr(GHashTable) where = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GError) e = NULL;
	gsize len;
	int ret = 0;

	if (!g_file_get_contents(path, &text, &len, &e)) {
		if (g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT) && !required)
			goto done;
		ret = nudge_fail(err, NUDGE_E_CONFIG, "cannot read config '%s': %s", path,
				 g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT) ?
				 "no such file (see README: Configuration)" : e->message);
		goto out;
	}
	cfg->path = g_strdup(path);
	if (memchr(text, '\0', len)) {
		ret = nudge_fail(err, NUDGE_E_CONFIG, "%s: contains a NUL byte", path);
		goto out;
	}
	scan_lines(path, text, where, problems);
	if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &e)) {
		if (problems->len == 0)
			BAD("%s: %s", path, e->message);
	} else {
		for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
			read_key(cfg, kf, &keys[i], where, problems);
	}
	if (problems->len > 0) {
		g_autofree char *all = NULL;

		g_ptr_array_add(problems, NULL);
		all = g_strjoinv("\n", (char **)problems->pdata);
		ret = nudge_fail(err, NUDGE_E_CONFIG, "%s", all);
		goto out;
	}
done:
	if (cfg->target == DRAFTS_NONE)
		cfg->target = cfg->maildir ? DRAFTS_MAILDIR :
			      cfg->imap.host ? DRAFTS_IMAP : DRAFTS_NONE;
	cfg->et.holidays = (const gint32 *)(void *)cfg->holidays->data;
	cfg->et.n_holidays = cfg->holidays->len;
	cfg->et.n_references = cfg->n_refs;
	*out = cfg;
	return 0;
out:
	config_free(cfg);
	return ret;
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	g_free(cfg->path);
	g_free(cfg->user_name);
	g_strfreev(cfg->user_addrs);
	g_free(cfg->tz_name);
	if (cfg->tz_made)
		g_time_zone_unref(cfg->tz_made);
	for (size_t i = 0; i < cfg->n_refs; i++) {
		g_free(cfg->refs[i].name);
		g_free(cfg->refs[i].addr);
	}
	g_free(cfg->refs);
	g_free(cfg->maildir);
	g_free(cfg->imap.host);
	g_free(cfg->imap.user);
	g_free(cfg->imap.pass_cmd);
	g_free(cfg->imap.drafts);
	g_free(cfg->imap.tls_ca_file);
	g_free(cfg->tag_keyword);
	g_free(cfg->sendmail_path);
	g_array_unref(cfg->holidays);
	g_free(cfg);
}

bool config_is_user(const struct config *cfg, const char *addr)
{
	if (!addr)
		return false;
	for (char **a = cfg->user_addrs; *a; a++)
		if (g_ascii_strcasecmp(*a, addr) == 0)
			return true;
	return false;
}

char *config_file_path(const char *home)
{
	if (home)
		return g_build_filename(home, "config", NULL);
	return g_build_filename(g_get_user_config_dir(), "nudge", "config", NULL);
}

char *config_state_dir(const char *home)
{
	if (home)
		return g_strdup(home);
	return g_build_filename(g_get_user_data_dir(), "nudge", NULL);
}

char *config_user_dir(const char *home)
{
	if (home)
		return g_strdup(home);
	return g_build_filename(g_get_user_config_dir(), "nudge", NULL);
}
