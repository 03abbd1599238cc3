/*
 * The classifier. Rules are lines of data files (format in
 * filters/rules/README); each is a PCRE2 pattern with a weight for one stage
 * and a scope (subject, fresh text, quoted text). A message's score for a
 * stage is the sum of the weights of the rules that match it, each rule
 * counted once; the best stage wins when it reaches the threshold.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"

#define SCOPE_SUBJECT 1u
#define SCOPE_FRESH 2u
#define SCOPE_QUOTED 4u

/*
 * How much of the text the rules read: what a message is about is said at
 * its top, and the newest quoted message comes first. Keeps a long thread or
 * newsletter fast.
 */
#define FRESH_MAX 8192
#define QUOTED_MAX 4096

/*
 * Two pseudo stages: a "*" rule adds to every stage; a "context" rule does
 * too, and incoming mail that matches no context rule is none at once.
 */
#define STAGE_ALL STAGE__COUNT
#define STAGE_CONTEXT (STAGE__COUNT + 1)

struct rule {
	enum nudge_stage stage;
	int weight;
	unsigned scope;
	char *pattern;
	char *where;		/* "file:line" */
	pcre2_code *re;
	char **starts;		/* words one of which starts every match, or NULL */
	unsigned runs;		/* matches tried, until the pattern is JIT-compiled */
};

/* A word of a text: case-folded, and where it starts. */
struct word {
	char *w;
	size_t off;
};

/* A text as the rules see it, and its words sorted for lookups. */
struct text {
	const char *s;
	size_t len;
	GArray *words;		/* of struct word */
};

/*
 * The statistical model: a naive Bayes over the features of
 * classify_features(), trained by tools/train-model into
 * filters/model/stages.tsv (format there).
 */
struct model {
	int nclass;
	enum nudge_stage stage[STAGE__COUNT];	/* class index -> stage */
	double prior[STAGE__COUNT];		/* log P(class) */
	GHashTable *feat;	/* feature -> double[nclass], log P(feature|class) */
	double lift;		/* log-odds over none that lifts a rule-less message */
	double choose;		/* log-odds over the next stage to pick a stage */
	int veto;		/* hard negatives at or below -veto keep the model out */
};

struct rules {
	GPtrArray *list;	/* of struct rule *, owned */
	struct model *model;	/* NULL without filters/model/stages.tsv */
	char *datadir;		/* where the model is, while it is not loaded */
	pcre2_match_context *mctx;
	int threshold;
	int quoted_percent;
	bool has_context;	/* some rule is a context rule */
};

/* What one file holds before it is merged into the rule set. */
struct rule_file {
	GPtrArray *list;
	int threshold;		/* -1 when the file does not set it */
	int quoted_percent;
};

static void rule_free(gpointer p)
{
	struct rule *r = p;

	if (!r)
		return;
	pcre2_code_free(r->re);
	g_strfreev(r->starts);
	g_free(r->pattern);
	g_free(r->where);
	g_free(r);
}

static void model_free(struct model *m)
{
	if (!m)
		return;
	if (m->feat)
		g_hash_table_unref(m->feat);
	g_free(m);
}

void rules_free(struct rules *r)
{
	if (!r)
		return;
	model_free(r->model);
	g_free(r->datadir);
	if (r->list)
		g_ptr_array_unref(r->list);
	pcre2_match_context_free(r->mctx);
	g_free(r);
}

static int parse_stage(const char *s, enum nudge_stage *out)
{
	if (strcmp(s, "*") == 0) {
		*out = STAGE_ALL;
		return 0;
	}
	if (strcmp(s, "context") == 0) {
		*out = (enum nudge_stage)STAGE_CONTEXT;
		return 0;
	}
	if (strcmp(s, "none") == 0)
		return NUDGE_E_DATA;
	return stage_parse(s, out);
}

static int parse_scope(const char *s, unsigned *out)
{
	unsigned scope = 0;

	for (; *s; s++) {
		switch (*s) {
		case 's': scope |= SCOPE_SUBJECT; break;
		case 'f': scope |= SCOPE_FRESH; break;
		case 'q': scope |= SCOPE_QUOTED; break;
		default: return NUDGE_E_DATA;
		}
	}
	if (!scope)
		return NUDGE_E_DATA;
	*out = scope;
	return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return NUDGE_E_DATA;
	*out = (int)v;
	return 0;
}

/* Splits off the next blank-separated word of *p; NULL at the end. */
static char *next_word(char **p)
{
	char *s = *p, *w;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NULL;
	w = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return w;
}

static pcre2_code *compile(const char *pattern, char *msg, size_t msglen)
{
	pcre2_code *re;
	int code;
	PCRE2_SIZE off;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
			   &code, &off, NULL);
	if (!re) {
		char buf[256];

		pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, sizeof(buf));
		g_snprintf(msg, msglen, "%s at offset %zu", buf, (size_t)off);
		return NULL;
	}
	return re;
}

/* Skips to the end of the current alternative: the next '|' or ')' at this
 * depth, or the end of the pattern. */
static const char *skip_alternative(const char *q)
{
	int depth = 0;

	for (; *q; q++) {
		if (*q == '\\' && q[1]) {
			q++;
		} else if (*q == '[') {
			q++;
			if (*q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q && *q != ']') {
				if (*q == '\\' && q[1])
					q++;
				q++;
			}
			if (!*q)
				return q;
		} else if (*q == '(') {
			depth++;
		} else if (*q == ')') {
			if (!depth)
				return q;
			depth--;
		} else if (*q == '|' && !depth) {
			return q;
		}
	}
	return q;
}

static bool word_byte(char c)
{
	return g_ascii_isalnum(c) || c == '_' || (unsigned char)c >= 0x80;
}

/*
 * The words that every match must start with, read off the pattern: each
 * alternative has to begin with \b (or ^) and a literal, perhaps inside a
 * group ("\b(?:invite|schedule) ..."). Appends them to out; false when the
 * pattern does not have this shape and must always run.
 */
static bool first_words(const char *p, const char **end, bool bound, GPtrArray *out)
{
	const char *q = p;

	for (;;) {
		bool b = bound;

		for (;;) {
			if (q[0] == '\\' && q[1] == 'b') {
				b = true;
				q += 2;
			} else if (q[0] == '^') {
				b = true;
				q++;
			} else {
				break;
			}
		}
		if (q[0] == '(') {
			const char *e;

			q += q[1] == '?' && q[2] == ':' ? 3 : q[1] == '?' ? 0 : 1;
			if (q[0] == '(' || !first_words(q, &e, b, out))
				return false;
			if (*e == '?' || *e == '*' || (*e == '{' && e[1] == '0'))
				return false;
			q = e;
		} else if (word_byte(q[0])) {
			const char *w = q;
			g_autofree char *lit = NULL;
			size_t n;

			while (word_byte(*q))
				q++;
			n = (size_t)(q - w);
			/* "references?": the last letter may be missing. */
			if (*q == '?' || *q == '*' || *q == '{')
				n = (size_t)(g_utf8_find_prev_char(w, q) - w);
			if (!b || !n)
				return false;
			lit = g_strndup(w, n);
			if (!g_utf8_validate(lit, -1, NULL))
				return false;
			g_ptr_array_add(out, g_utf8_casefold(lit, -1));
		} else {
			return false;
		}
		q = skip_alternative(q);
		if (*q != '|')
			break;
		q++;
	}
	*end = *q == ')' ? q + 1 : q;
	return true;
}

/* The first words of a pattern as a string vector, or NULL. */
static char **starts_of(const char *pattern)
{
	GPtrArray *w = g_ptr_array_new();
	const char *end;

	if (!first_words(pattern, &end, false, w) || *end) {
		g_ptr_array_set_free_func(w, g_free);
		g_ptr_array_unref(w);
		return NULL;
	}
	g_ptr_array_add(w, NULL);
	return (char **)g_ptr_array_free(w, FALSE);
}

/*
 * Where compiled patterns come from: a rule cache's, in the order the rules
 * are read, else pcre2_compile(). Every pattern used is kept in `used`, in
 * that order, for writing the cache.
 */
struct source {
	pcre2_code **cached;	/* owned until taken; NULL without a cache */
	int32_t n_cached, next;
	GPtrArray *used;	/* of pcre2_code *, not owned */
};

static pcre2_code *source_get(struct source *src, const char *pattern,
			      char *msg, size_t msglen)
{
	pcre2_code *re;

	if (src->cached) {
		if (src->next >= src->n_cached) {
			g_snprintf(msg, msglen, "rule cache too short");
			return NULL;
		}
		re = src->cached[src->next];
		src->cached[src->next++] = NULL;
	} else {
		re = compile(pattern, msg, msglen);
	}
	if (re)
		g_ptr_array_add(src->used, re);
	return re;
}

/*
 * Parses one rule file; every bad line is appended to errors as
 * "file:line: message". Returns the rules of the good lines.
 */
static struct rule_file parse_file(const char *path, const char *name,
				   const char *data, struct source *src,
				   GPtrArray *errors)
{
	struct rule_file f = { g_ptr_array_new_with_free_func(rule_free), -1, -1 };
	g_auto(GStrv) lines = g_strsplit(data, "\n", -1);

	for (int i = 0; lines[i]; i++) {
		char *p = lines[i], *w1, *w2, *w3;
		char msg[320];
		struct rule *r;
		enum nudge_stage stage;
		unsigned scope;
		int weight;
		size_t n;

		n = strlen(p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			p[--n] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		w1 = next_word(&p);
		w2 = next_word(&p);
		if (w1 && w2 && strcmp(w1, "threshold") == 0 && !*p) {
			if (parse_int(w2, 1, 1000000, &f.threshold) < 0)
				g_ptr_array_add(errors, g_strdup_printf(
					"%s:%d: bad threshold '%s'", path, i + 1, w2));
			continue;
		}
		if (w1 && w2 && strcmp(w1, "quoted-percent") == 0 && !*p) {
			if (parse_int(w2, 0, 100, &f.quoted_percent) < 0)
				g_ptr_array_add(errors, g_strdup_printf(
					"%s:%d: bad quoted-percent '%s'", path, i + 1, w2));
			continue;
		}
		w3 = next_word(&p);
		while (*p == ' ' || *p == '\t')
			p++;
		if (!w3 || !*p) {
			g_ptr_array_add(errors, g_strdup_printf(
				"%s:%d: expected 'stage weight scope pattern'", path, i + 1));
			continue;
		}
		if (parse_stage(w1, &stage) < 0) {
			g_ptr_array_add(errors, g_strdup_printf(
				"%s:%d: unknown stage '%s'", path, i + 1, w1));
			continue;
		}
		if (parse_int(w2, -100000, 100000, &weight) < 0) {
			g_ptr_array_add(errors, g_strdup_printf(
				"%s:%d: bad weight '%s'", path, i + 1, w2));
			continue;
		}
		if (parse_scope(w3, &scope) < 0) {
			g_ptr_array_add(errors, g_strdup_printf(
				"%s:%d: bad scope '%s' (letters s, f, q)", path, i + 1, w3));
			continue;
		}
		r = g_new0(struct rule, 1);
		r->stage = stage;
		r->weight = weight;
		r->scope = scope;
		r->pattern = g_strdup(p);
		r->where = g_strdup_printf("%s:%d", name, i + 1);
		r->re = source_get(src, p, msg, sizeof(msg));
		r->starts = starts_of(p);
		if (!r->re) {
			g_ptr_array_add(errors, g_strdup_printf("%s:%d: %s", path, i + 1, msg));
			rule_free(r);
			continue;
		}
		g_ptr_array_add(f.list, r);
	}
	return f;
}

static int cmp_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the *.rules files in dir; NULL if dir cannot be read. */
static GPtrArray *list_rule_files(const char *dir, GError **err)
{
	GDir *d = g_dir_open(dir, 0, err);
	GPtrArray *names;
	const char *n;

	if (!d)
		return NULL;
	names = g_ptr_array_new_with_free_func(g_free);
	while ((n = g_dir_read_name(d)))
		if (g_str_has_suffix(n, ".rules") && n[0] != '.')
			g_ptr_array_add(names, g_strdup(n));
	g_dir_close(d);
	g_ptr_array_sort(names, cmp_names);
	return names;
}

/* Adds a file's rules; a rule with the same stage, scope and pattern as an
 * earlier one replaces it (so a user file can change a built-in weight). */
static void merge(struct rules *set, struct rule_file *f)
{
	if (f->threshold >= 0)
		set->threshold = f->threshold;
	if (f->quoted_percent >= 0)
		set->quoted_percent = f->quoted_percent;
	for (guint i = 0; i < f->list->len; i++) {
		struct rule *r = g_ptr_array_steal_index(f->list, i--);
		bool replaced = false;

		for (guint j = 0; j < set->list->len; j++) {
			struct rule *o = set->list->pdata[j];

			if (o->stage == r->stage && o->scope == r->scope &&
			    strcmp(o->pattern, r->pattern) == 0) {
				set->list->pdata[j] = r;
				rule_free(o);
				replaced = true;
				break;
			}
		}
		if (!replaced)
			g_ptr_array_add(set->list, r);
	}
}

/* One rule file as read, before it is parsed. */
struct rule_text {
	char *path, *name, *data;
	gsize len;
};

static void rule_text_free(gpointer p)
{
	struct rule_text *t = p;

	g_free(t->path);
	g_free(t->name);
	g_free(t->data);
	g_free(t);
}

/*
 * Reads every *.rules file of dir into texts. A missing user folder is no
 * error; an unreadable user file is a warning, an unreadable built-in one
 * fails.
 */
static int read_dir(const char *dir, bool user, GPtrArray *texts,
		    GPtrArray *errors, GError **err)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) names = list_rule_files(dir, &e);

	if (!names) {
		if (user && g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT))
			return 0;
		if (user) {
			g_ptr_array_add(errors, g_strdup_printf("%s: %s", dir, e->message));
			return 0;
		}
		return nudge_fail(err, NUDGE_E_CONFIG, "cannot read rules in '%s': %s",
				  dir, e->message);
	}
	for (guint i = 0; i < names->len; i++) {
		const char *name = names->pdata[i];
		struct rule_text *t = g_new0(struct rule_text, 1);
		g_autoptr(GError) re = NULL;

		t->path = g_build_filename(dir, name, NULL);
		t->name = g_strdup(name);
		if (!g_file_get_contents(t->path, &t->data, &t->len, &re)) {
			int rc = 0;

			if (!user)
				rc = nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s",
						t->path, re->message);
			else
				g_ptr_array_add(errors, g_strdup_printf("%s: %s", t->path,
									re->message));
			rule_text_free(t);
			if (rc < 0)
				return rc;
			continue;
		}
		g_ptr_array_add(texts, t);
	}
	return 0;
}

static int cmp_context_first(gconstpointer a, gconstpointer b)
{
	const struct rule *x = *(struct rule *const *)a, *y = *(struct rule *const *)b;

	return (y->stage == (enum nudge_stage)STAGE_CONTEXT) -
	       (x->stage == (enum nudge_stage)STAGE_CONTEXT);
}

static void rule_file_free(gpointer p)
{
	struct rule_file *f = p;

	g_ptr_array_unref(f->list);
	g_free(f);
}

/* Reads nclass numbers separated by tabs into v; false when malformed. */
static bool parse_numbers(char **cells, int nclass, double *v)
{
	for (int i = 0; i < nclass; i++) {
		char *end;

		if (!cells[i] || !*cells[i])
			return false;
		v[i] = g_ascii_strtod(cells[i], &end);
		if (*end)
			return false;
	}
	return cells[nclass] == NULL;
}

/*
 * Loads <datadir>/filters/model/stages.tsv into set->model. No file: no
 * model (the rules decide alone). A malformed file is a configuration error.
 */
static int model_load(const char *datadir, struct rules *set, GError **err)
{
	g_autofree char *path = g_build_filename(datadir, "filters", "model",
						 "stages.tsv", NULL);
	g_autofree char *data = NULL;
	g_autoptr(GError) e = NULL;
	g_auto(GStrv) lines = NULL;
	struct model *m;
	int rc = 0;

	if (!g_file_get_contents(path, &data, NULL, &e)) {
		if (g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT))
			return 0;
		return nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s",
				  path, e->message);
	}
	m = g_new0(struct model, 1);
	m->feat = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	m->lift = 1e9;
	m->choose = 1e9;
	lines = g_strsplit(data, "\n", -1);
	for (int i = 0; lines[i]; i++) {
		g_auto(GStrv) cells = NULL;
		char *line = lines[i];
		double v[STAGE__COUNT];

		g_strchomp(line);
		if (!*line || *line == '#')
			continue;
		cells = g_strsplit(line, "\t", -1);
		if (strcmp(cells[0], "@classes") == 0) {
			for (int c = 1; cells[c]; c++) {
				enum nudge_stage st;

				if (c > STAGE__COUNT || stage_parse(cells[c], &st) < 0)
					goto bad;
				m->stage[m->nclass++] = st;
			}
			if (!m->nclass || m->stage[0] != STAGE_NONE)
				goto bad;
			continue;
		}
		if (!m->nclass)
			goto bad;
		if (strcmp(cells[0], "@prior") == 0) {
			if (!parse_numbers(cells + 1, m->nclass, m->prior))
				goto bad;
		} else if (strcmp(cells[0], "@lift") == 0 || strcmp(cells[0], "@choose") == 0 ||
			   strcmp(cells[0], "@veto") == 0) {
			if (!parse_numbers(cells + 1, 1, v))
				goto bad;
			if (cells[0][1] == 'l')
				m->lift = v[0];
			else if (cells[0][1] == 'c')
				m->choose = v[0];
			else
				m->veto = (int)v[0];
		} else if (cells[0][0] == '@' || !parse_numbers(cells + 1, m->nclass, v)) {
			goto bad;
		} else {
			g_hash_table_replace(m->feat, g_strdup(cells[0]),
					     g_memdup2(v, sizeof(double) * (gsize)m->nclass));
		}
		continue;
bad:
		rc = nudge_fail(err, NUDGE_E_CONFIG, "%s:%d: malformed model line", path, i + 1);
		model_free(m);
		return rc;
	}
	if (!m->nclass) {
		model_free(m);
		return nudge_fail(err, NUDGE_E_CONFIG, "%s: no @classes line", path);
	}
	set->model = m;
	return 0;
}

/*
 * The rule set from the files read; every pattern from src. Bad lines are
 * appended to errors; a bad user rule leaves all user rules out.
 */
static struct rules *build(GPtrArray *sys, GPtrArray *user, struct source *src,
			   GPtrArray *errors)
{
	g_autoptr(GPtrArray) sys_files = g_ptr_array_new_with_free_func(rule_file_free);
	g_autoptr(GPtrArray) user_files = g_ptr_array_new_with_free_func(rule_file_free);
	struct rules *set;

	for (guint i = 0; i < sys->len + user->len; i++) {
		struct rule_text *t = i < sys->len ? sys->pdata[i] : user->pdata[i - sys->len];
		struct rule_file *f = g_new(struct rule_file, 1);
		/* The parser cuts lines in place: give it a copy. */
		g_autofree char *data = g_strndup(t->data, t->len);

		*f = parse_file(t->path, t->name, data, src, errors);
		g_ptr_array_add(i < sys->len ? sys_files : user_files, f);
	}

	set = g_new0(struct rules, 1);
	set->list = g_ptr_array_new_with_free_func(rule_free);
	set->threshold = 10;
	set->quoted_percent = 20;
	set->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(set->mctx, 200000);
	pcre2_set_depth_limit(set->mctx, 2000);
	pcre2_set_heap_limit(set->mctx, 4096);

	/* Any bad user rule: the user's rules are all left out. */
	for (guint i = 0; i < sys_files->len; i++) {
		struct rule_text *t = sys->pdata[i];
		bool overridden = false;

		if (!errors->len)
			for (guint j = 0; j < user->len; j++)
				if (strcmp(((struct rule_text *)user->pdata[j])->name, t->name) == 0)
					overridden = true;
		if (!overridden)
			merge(set, sys_files->pdata[i]);
	}
	if (!errors->len)
		for (guint i = 0; i < user_files->len; i++)
			merge(set, user_files->pdata[i]);
	/* Context rules first: without context the rest need not run. */
	g_ptr_array_sort(set->list, cmp_context_first);
	set->has_context = set->list->len &&
		((struct rule *)set->list->pdata[0])->stage == (enum nudge_stage)STAGE_CONTEXT;
	return set;
}

/*
 * The rule cache: every compiled pattern of a rule set that loaded without a
 * warning, serialised by PCRE2, in the order the rules are read. It is used
 * only when its key (a 128-bit hash of the PCRE2 version and of every rule file's
 * name and contents) and the checksum of its patterns both match; anything
 * else (missing, stale, truncated, corrupt) means compiling, as without it.
 *
 *   "nudge-rules-cache 1\n", key (16 bytes), length (8, little-endian),
 *   hash of the patterns (16), the patterns (pcre2_serialize_encode)
 */
#define CACHE_MAGIC "nudge-rules-cache 1\n"
#define CACHE_HEAD (sizeof(CACHE_MAGIC) - 1 + 16 + 8 + 16)

/*
 * A 64-bit hash, eight bytes at a time: the cache guards against stale and
 * damaged files, not against an attacker (whoever can write the state folder
 * can write the database too), and SHA-256 here cost more than the compile.
 */
static guint64 hash64(guint64 h, const void *data, size_t len)
{
	const unsigned char *p = data;
	const guint64 k = 0x9fb21c651e98df25u;

	while (len >= 8) {
		guint64 w;

		memcpy(&w, p, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
		p += 8;
		len -= 8;
	}
	if (len) {
		guint64 w = 0;

		memcpy(&w, p, len);
		h = (h ^ w ^ ((guint64)len << 56)) * k;
		h ^= h >> 29;
	}
	h = (h ^ (h >> 32)) * k;
	return h ^ (h >> 29);
}

/* Two differently seeded hashes: 128 bits. */
static void hash128(const void *data, size_t len, guint8 out[16])
{
	guint64 a = hash64(0x243f6a8885a308d3u, data, len);
	guint64 b = hash64(0x13198a2e03707344u ^ len, data, len);

	memcpy(out, &a, 8);
	memcpy(out + 8, &b, 8);
}

static void cache_key(GPtrArray *sys, GPtrArray *user, guint8 key[16])
{
	GByteArray *all = g_byte_array_new();
	char version[64] = "";

	pcre2_config(PCRE2_CONFIG_VERSION, version);
	g_byte_array_append(all, (const guint8 *)CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1);
	g_byte_array_append(all, (const guint8 *)version, (guint)strlen(version) + 1);
	for (guint i = 0; i < sys->len + user->len; i++) {
		struct rule_text *t = i < sys->len ? sys->pdata[i] : user->pdata[i - sys->len];
		guint64 len = t->len;

		g_byte_array_append(all, (const guint8 *)(i < sys->len ? "S" : "U"), 1);
		g_byte_array_append(all, (const guint8 *)t->name, (guint)strlen(t->name) + 1);
		g_byte_array_append(all, (const guint8 *)&len, sizeof(len));
		g_byte_array_append(all, (const guint8 *)t->data, (guint)t->len);
	}
	hash128(all->data, all->len, key);
	g_byte_array_unref(all);
}

/* The cached patterns for key, or false (src untouched). */
static bool cache_read(const char *path, const guint8 key[16], struct source *src)
{
	g_autofree char *data = NULL;
	gsize len;
	guint64 plen = 0;
	guint8 sum[16];
	const guint8 *p;
	int32_t n;

	if (!g_file_get_contents(path, &data, &len, NULL) || len < CACHE_HEAD ||
	    memcmp(data, CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1) != 0)
		return false;
	p = (const guint8 *)data + sizeof(CACHE_MAGIC) - 1;
	if (memcmp(p, key, 16) != 0)
		return false;
	for (int i = 0; i < 8; i++)
		plen |= (guint64)p[16 + i] << (8 * i);
	if (plen != len - CACHE_HEAD)
		return false;
	hash128(data + CACHE_HEAD, plen, sum);
	if (memcmp(sum, p + 24, 16) != 0)
		return false;
	n = pcre2_serialize_get_number_of_codes((const uint8_t *)data + CACHE_HEAD);
	if (n <= 0)
		return false;
	src->cached = g_new0(pcre2_code *, n);
	if (pcre2_serialize_decode(src->cached, n, (const uint8_t *)data + CACHE_HEAD,
				   NULL) != n) {
		g_clear_pointer(&src->cached, g_free);
		return false;
	}
	src->n_cached = n;
	src->next = 0;
	return true;
}

/* Writes the cache; best effort: without it the rules are compiled. */
static void cache_write(const char *path, const guint8 key[16], GPtrArray *codes)
{
	uint8_t *bytes = NULL;
	PCRE2_SIZE size = 0;
	GByteArray *out;
	guint8 len[8], sum[16];

	if (!codes->len ||
	    pcre2_serialize_encode((const pcre2_code **)codes->pdata, (int32_t)codes->len,
				   &bytes, &size, NULL) < 0)
		return;
	for (int i = 0; i < 8; i++)
		len[i] = (guint8)((guint64)size >> (8 * i));
	hash128(bytes, size, sum);
	out = g_byte_array_sized_new((guint)(CACHE_HEAD + size));
	g_byte_array_append(out, (const guint8 *)CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1);
	g_byte_array_append(out, key, 16);
	g_byte_array_append(out, len, 8);
	g_byte_array_append(out, sum, 16);
	g_byte_array_append(out, bytes, (guint)size);
	/* A temporary file renamed over the old one: readers see one or the
	 * other. Mode 0600 like every file in the state folder. */
	(void)g_file_set_contents_full(path, (const char *)out->data, (gssize)out->len,
				       G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
	g_byte_array_unref(out);
	pcre2_serialize_free(bytes);
}

static void source_clear(struct source *src)
{
	for (int32_t i = 0; src->cached && i < src->n_cached; i++)
		pcre2_code_free(src->cached[i]);
	g_clear_pointer(&src->cached, g_free);
	g_clear_pointer(&src->used, g_ptr_array_unref);
}

int rules_load_model(struct rules *r, GError **err)
{
	int rc;

	if (r->model || !r->datadir)
		return 0;
	rc = model_load(r->datadir, r, err);
	g_clear_pointer(&r->datadir, g_free);
	return rc;
}

int rules_load(const char *datadir, const char *userdir, struct rules **out,
	       GPtrArray **warnings, GError **err)
{
	return rules_load_cached(datadir, userdir, NULL, out, warnings, err);
}

int rules_load_cached(const char *datadir, const char *userdir, const char *cache,
		      struct rules **out, GPtrArray **warnings, GError **err)
{
	g_autofree char *sysdir = g_build_filename(datadir, "filters", "rules", NULL);
	g_autofree char *udir = NULL;
	g_autoptr(GPtrArray) sys = g_ptr_array_new_with_free_func(rule_text_free);
	g_autoptr(GPtrArray) user = g_ptr_array_new_with_free_func(rule_text_free);
	g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func(g_free);
	struct source src = { 0 };
	struct rules *set = NULL;
	guint8 key[16];
	int rc;

	*out = NULL;
	rc = read_dir(sysdir, false, sys, errors, err);
	if (rc < 0)
		goto out;
	if (sys->len == 0) {
		rc = nudge_fail(err, NUDGE_E_CONFIG, "no rule files in '%s'", sysdir);
		goto out;
	}
	if (userdir) {
		udir = g_build_filename(userdir, "rules", NULL);
		rc = read_dir(udir, true, user, errors, err);
		if (rc < 0)
			goto out;
	}

	if (cache && !errors->len) {
		cache_key(sys, user, key);
		src.used = g_ptr_array_new();
		if (cache_read(cache, key, &src)) {
			set = build(sys, user, &src, errors);
			/* Not exactly the patterns of these files: compile instead. */
			if (errors->len || src.next != src.n_cached) {
				g_clear_pointer(&set, rules_free);
				g_ptr_array_set_size(errors, 0);
			}
		}
		source_clear(&src);
	}
	if (!set) {
		guint n_errors = errors->len;

		src.used = g_ptr_array_new();
		set = build(sys, user, &src, errors);
		if (cache && !n_errors && !errors->len)
			cache_write(cache, key, src.used);
		source_clear(&src);
	}
	/* A broken built-in file is fatal, with every broken line at once so
	 * they can all be fixed in one go; user rules only warn. */
	{
		g_autoptr(GPtrArray) fatal = g_ptr_array_new();

		for (guint i = 0; i < errors->len; i++) {
			const char *e = errors->pdata[i];

			if (g_str_has_prefix(e, sysdir) && e[strlen(sysdir)] == G_DIR_SEPARATOR)
				g_ptr_array_add(fatal, (gpointer)e);
		}
		if (fatal->len) {
			g_autofree char *all = NULL;

			g_ptr_array_add(fatal, NULL);
			all = g_strjoinv("\n", (char **)fatal->pdata);
			rc = nudge_fail(err, NUDGE_E_CONFIG, "%s", all);
			g_clear_pointer(&set, rules_free);
			goto out;
		}
	}
	if (warnings && errors->len) {
		if (!*warnings)
			*warnings = g_ptr_array_new_with_free_func(g_free);
		for (guint i = 0; i < errors->len; i++)
			g_ptr_array_add(*warnings, g_strdup(errors->pdata[i]));
	}
	/* The statistical model beside the rules (filters/model/stages.tsv):
	 * with a cache (the filter), only when a message needs it, since most
	 * mail never reaches it; else now. */
	if (cache) {
		g_autofree char *mpath = g_build_filename(datadir, "filters", "model",
							  "stages.tsv", NULL);

		if (g_file_test(mpath, G_FILE_TEST_EXISTS))
			set->datadir = g_strdup(datadir);
	} else if ((rc = model_load(datadir, set, err)) < 0) {
		g_clear_pointer(&set, rules_free);
		goto out;
	}
	*out = set;
	rc = 0;
out:
	return rc;
}

/*
 * The text as the rules see it: valid UTF-8, every run of white space one
 * blank, typographic quotes and dashes as their ASCII forms.
 */
static char *normalise(const char *s, size_t max)
{
	g_autofree char *valid = NULL;
	GString *o;
	bool space = false;

	if (!s)
		return g_strdup("");
	valid = g_utf8_make_valid(s, -1);
	o = g_string_sized_new(strlen(valid) + 1);
	for (const char *p = valid; *p && o->len < max; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isspace(c) || c == 0xa0 || c == 0x200b) {
			space = true;
			continue;
		}
		if (space && o->len)
			g_string_append_c(o, ' ');
		space = false;
		switch (c) {
		case 0x2018: case 0x2019: case 0x02bc:
			g_string_append_c(o, '\'');
			break;
		case 0x201c: case 0x201d:
			g_string_append_c(o, '"');
			break;
		case 0x2010: case 0x2011: case 0x2013: case 0x2014:
			g_string_append_c(o, '-');
			break;
		default:
			g_string_append_unichar(o, c);
		}
	}
	return g_string_free(o, FALSE);
}

static int cmp_word(gconstpointer a, gconstpointer b)
{
	const struct word *x = a, *y = b;
	int c = strcmp(x->w, y->w);

	return c ? c : (x->off > y->off) - (x->off < y->off);
}

static void clear_word(gpointer p)
{
	g_free(((struct word *)p)->w);
}

/* The text's words, case-folded and sorted. */
static void text_init(struct text *t, const char *s)
{
	const char *p = s, *w = NULL;

	t->s = s;
	t->len = strlen(s);
	t->words = g_array_new(FALSE, FALSE, sizeof(struct word));
	g_array_set_clear_func(t->words, clear_word);
	for (;; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		bool in = c && (g_unichar_isalnum(c) || c == '_' || g_unichar_ismark(c));

		if (in && !w)
			w = p;
		if (!in && w) {
			struct word x = { g_utf8_casefold(w, p - w), (size_t)(w - s) };

			g_array_append_val(t->words, x);
			w = NULL;
		}
		if (!c)
			break;
	}
	g_array_sort(t->words, cmp_word);
}

/* The index of the first word not below prefix. */
static guint lower_bound(const struct text *t, const char *prefix)
{
	guint lo = 0, hi = t->words->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;

		if (strcmp(g_array_index(t->words, struct word, mid).w, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * A pattern is compiled to machine code (JIT) once it has been run JIT_AFTER
 * times, not when it is loaded: a JIT compile costs more than many
 * interpreted matches, so the one message of `nudge filter` is faster
 * interpreted, while a process that classifies many messages (the Claws
 * plugin, `nudge sync`) gets machine code for the rules it keeps running.
 * Without JIT support the interpreter runs it. The count lives in the rule:
 * like the compiled code, it changes under a const rule set.
 */
#define JIT_AFTER 16

static void jit_once(struct rule *r)
{
	static int have_jit = -1;
	pcre2_code *re = r->re;
	size_t size = 0;

	if (r->runs < JIT_AFTER) {
		r->runs++;
		return;
	}

	if (have_jit < 0) {
		uint32_t v = 0;

		pcre2_config(PCRE2_CONFIG_JIT, &v);
		have_jit = v != 0;
	}
	if (!have_jit)
		return;
	if (pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &size) == 0 && size == 0)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
}

static bool match_at(const struct rules *set, const struct rule *r,
		     const struct text *t, size_t off, uint32_t opts,
		     pcre2_match_data *md)
{
	jit_once((struct rule *)r);
	return pcre2_match(r->re, (PCRE2_SPTR)t->s, t->len, off,
			   opts | PCRE2_NO_UTF_CHECK, md, set->mctx) >= 0;
}

/*
 * Every match of a rule with first words starts at a word that begins with
 * one of them: try the pattern anchored there only, not along the text.
 */
static bool matches(const struct rules *set, const struct rule *r,
		    const struct text *t, pcre2_match_data *md)
{
	if (!t->len)
		return false;
	if (!r->starts)
		return match_at(set, r, t, 0, 0, md);
	for (char **w = r->starts; *w; w++) {
		for (guint i = lower_bound(t, *w); i < t->words->len; i++) {
			const struct word *x = &g_array_index(t->words, struct word, i);

			if (!g_str_has_prefix(x->w, *w))
				break;
			if (match_at(set, r, t, x->off, PCRE2_ANCHORED, md))
				return true;
		}
	}
	return false;
}

/* Whether a context rule of weight 0 (a gate only) matches anywhere. */
static bool matched_context(const struct rules *set, const struct rule *r,
			    const struct text *subject, const struct text *fresh,
			    const struct text *quoted, pcre2_match_data *md)
{
	if (r->weight)
		return false;
	return ((r->scope & SCOPE_SUBJECT) && matches(set, r, subject, md)) ||
	       ((r->scope & SCOPE_FRESH) && matches(set, r, fresh, md)) ||
	       ((r->scope & SCOPE_QUOTED) && matches(set, r, quoted, md));
}

/* "Re:", "AW:", "Fwd:", "RE[2]:" ... at the start of a subject. */
static bool is_reply(const char *subject)
{
	static const char *const prefixes[] = {
		"re", "aw", "antw", "rv", "r", "sv", "tr", "wg", "fw", "fwd", "réf",
	};
	const char *p = subject;

	for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
		size_t n = strlen(prefixes[i]);

		if (g_ascii_strncasecmp(p, prefixes[i], n) != 0)
			continue;
		p += n;
		if (*p == '[')
			while (*p && *p != ']')
				p++;
		if (*p == ']')
			p++;
		while (*p == ' ')
			p++;
		if (*p == ':')
			return true;
		p = subject;
	}
	return false;
}

/*
 * A word's first STEM_LEN letters: a crude stem that makes "interview",
 * "interviews" and "interviewing" one feature in any language.
 */
#define STEM_LEN 6

static const char *stem(const char *word, char *buf)
{
	const char *e = g_utf8_offset_to_pointer(word, STEM_LEN);

	memcpy(buf, word, (size_t)(e - word));
	buf[e - word] = '\0';
	return buf;
}

/*
 * Adds the words of s, their stems ("~" and the first letters of a long
 * word) and their neighbouring pairs to the set feats.
 */
static void add_features(GHashTable *feats, const char *s)
{
	g_autofree char *prev = NULL;
	char buf[STEM_LEN * 6 + 1];
	const char *p = s, *w = NULL;

	for (;; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		bool in = c && (g_unichar_isalnum(c) || c == '_' || g_unichar_ismark(c));

		if (in && !w)
			w = p;
		if (!in && w) {
			char *word = g_utf8_casefold(w, p - w);
			bool digits = true;

			for (const char *d = word; *d; d++)
				if (!g_ascii_isdigit(*d))
					digits = false;
			if (digits) {
				g_free(word);
				word = g_strdup("#");
			} else {
				g_hash_table_add(feats, g_strdup(word));
				if (g_utf8_strlen(word, -1) > STEM_LEN)
					g_hash_table_add(feats, g_strconcat("~", stem(word, buf),
									    NULL));
			}
			if (prev)
				g_hash_table_add(feats, g_strconcat(prev, "+", word, NULL));
			g_free(prev);
			prev = word;
			w = NULL;
		}
		if (!c)
			break;
	}
}

/* The feature set of normalised texts; the caller frees with g_hash_table_unref. */
static GHashTable *features_of(const char *subject, bool reply, const char *fresh)
{
	GHashTable *feats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	if (!reply)
		add_features(feats, subject);
	add_features(feats, fresh);
	return feats;
}

GPtrArray *classify_features(const struct classify_input *in)
{
	g_autofree char *subject_s = normalise(in->subject, FRESH_MAX);
	g_autofree char *fresh_s = normalise(in->fresh, FRESH_MAX);
	GHashTable *feats = features_of(subject_s, is_reply(subject_s), fresh_s);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, feats);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(out, g_strdup(k));
	g_hash_table_unref(feats);
	return out;
}

/*
 * The model's log-probability of each class for the texts, in lp (indexed
 * like m->stage).
 */
static void model_score(const struct model *m, const char *subject, bool reply,
			const char *fresh, double *lp)
{
	GHashTable *feats = features_of(subject, reply, fresh);
	GHashTableIter it;
	gpointer k;

	for (int c = 0; c < m->nclass; c++)
		lp[c] = m->prior[c];
	g_hash_table_iter_init(&it, feats);
	while (g_hash_table_iter_next(&it, &k, NULL)) {
		const double *v = g_hash_table_lookup(m->feat, k);

		if (v)
			for (int c = 0; c < m->nclass; c++)
				lp[c] += v[c];
	}
	g_hash_table_unref(feats);
}

/*
 * The model's say, for incoming mail with job context and no strong hard
 * negative: it lifts a message the rules left at none to its stage when it is
 * sure of it (against none and against the next stage; half as sure when a
 * rule of that stage matched too), and decides between
 * two stages the rules scored nearly alike. Returns the stage, or win.
 */
static enum nudge_stage model_decide(const struct rules *set, const char *subject,
				     bool reply, const char *fresh, const int *score,
				     int context_w, int negative, enum nudge_stage win)
{
	const struct model *m = set->model;
	double lp[STAGE__COUNT];
	int best = -1, second = -1;
	enum nudge_stage st;

	model_score(m, subject, reply, fresh, lp);
	for (int c = 1; c < m->nclass; c++) {
		if (m->stage[c] == STAGE_ACCEPTANCE)
			continue;
		if (best < 0 || lp[c] > lp[best]) {
			second = best;
			best = c;
		} else if (second < 0 || lp[c] > lp[second]) {
			second = c;
		}
	}
	if (best < 0 || (second >= 0 && lp[best] - lp[second] < m->choose))
		return win;
	st = m->stage[best];
	/* The rules of that stage sum below zero ("if your profile matches, we
	 * will invite you"): they said it is not this stage. */
	if (score[st] - context_w - negative < 0)
		return win;
	/* A stage phrase of the same stage below the threshold: half the
	 * margin over none will do. */
	if (win == STAGE_NONE)
		return lp[best] - lp[0] >= (score[st] > context_w ? m->lift / 2 : m->lift) ?
			st : win;
	/* Nearly alike: the runner-up has three quarters of the winner's score. */
	if (st != win && score[st] >= set->threshold && score[st] * 4 >= score[win] * 3)
		return st;
	return win;
}

void classify(const struct rules *set, const struct classify_input *in,
	      struct classify_result *out)
{
	g_autofree char *subject_s = normalise(in->subject, FRESH_MAX);
	g_autofree char *fresh_s = normalise(in->fresh, FRESH_MAX);
	g_autofree char *quoted_s = normalise(in->quoted, QUOTED_MAX);
	struct text subject, fresh, quoted;
	int score[STAGE__COUNT] = { 0 };
	int best_w[STAGE__COUNT] = { 0 };
	const char *best_rule[STAGE__COUNT] = { NULL };
	pcre2_match_data *md;
	enum nudge_stage win = STAGE_NONE;
	int context_w = 0, negative = 0;
	bool context = false;
	bool reply;

	out->stage = STAGE_NONE;
	out->score = 0;
	out->rule = NULL;
	if (!set)
		return;
	/* A reply's subject is the thread's: it weighs like quoted text. */
	reply = is_reply(subject_s);
	text_init(&subject, subject_s);
	text_init(&fresh, fresh_s);
	text_init(&quoted, quoted_s);
	md = pcre2_match_data_create(1, NULL);
	for (guint i = 0; i < set->list->len; i++) {
		const struct rule *r = set->list->pdata[i];
		bool all = r->stage == STAGE_ALL || r->stage == (enum nudge_stage)STAGE_CONTEXT;
		int w = 0;

		/* The context rules come first; none matched: not job mail. */
		if (r->stage != (enum nudge_stage)STAGE_CONTEXT && set->has_context &&
		    !context && !in->outgoing)
			break;
		if (!all && (r->stage == STAGE_ACCEPTANCE) != in->outgoing)
			continue;
		if ((r->scope & SCOPE_FRESH) && matches(set, r, &fresh, md))
			w = r->weight;
		else if ((r->scope & SCOPE_SUBJECT) && matches(set, r, &subject, md))
			w = reply && r->stage != (enum nudge_stage)STAGE_CONTEXT ?
				r->weight * set->quoted_percent / 100 : r->weight;
		else if ((r->scope & SCOPE_QUOTED) && matches(set, r, &quoted, md))
			/* Job words in the quoted history make it job mail as much
			 * as in the new text; stage phrases there count less. */
			w = r->stage == (enum nudge_stage)STAGE_CONTEXT ? r->weight :
				r->weight * set->quoted_percent / 100;
		if (r->stage == (enum nudge_stage)STAGE_CONTEXT &&
		    (w || matched_context(set, r, &subject, &fresh, &quoted, md)))
			context = true;
		if (!w)
			continue;
		if (r->stage == (enum nudge_stage)STAGE_CONTEXT)
			context_w += w;
		else if (r->stage == STAGE_ALL && w < 0)
			negative += w;
		for (int s = STAGE_NONE + 1; s < STAGE__COUNT; s++) {
			if (!all && r->stage != (enum nudge_stage)s)
				continue;
			score[s] += w;
			if (w > best_w[s]) {
				best_w[s] = w;
				best_rule[s] = r->where;
			}
		}
	}
	pcre2_match_data_free(md);
	g_array_unref(subject.words);
	g_array_unref(fresh.words);
	g_array_unref(quoted.words);

	for (int s = STAGE_NONE + 1; s < STAGE__COUNT; s++) {
		if ((s == STAGE_ACCEPTANCE) != in->outgoing)
			continue;
		if (score[s] >= set->threshold && score[s] > score[win])
			win = (enum nudge_stage)s;
	}
	if (!set->model && set->datadir && !in->outgoing && context_w > 0)
		out->needs_model = true;
	if (set->model && !in->outgoing && context_w > 0 && negative > -set->model->veto) {
		enum nudge_stage m = model_decide(set, subject_s, reply, fresh_s, score,
						  context_w, negative, win);

		if (m != win && score[m] < set->threshold) {
			out->stage = m;
			out->score = set->threshold;
			out->rule = "model";
			return;
		}
		win = m;
	}
	if (win != STAGE_NONE) {
		out->stage = win;
		out->score = score[win];
		out->rule = best_rule[win];
	}
}
