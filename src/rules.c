/*
 * Loading the classifier's rules: the rule files (format in
 * filters/rules/README) parsed, each pattern compiled and analysed for where
 * its matches can start, the files merged into one set with a trie of start
 * words; and the rule cache that spares the filter all of that.
 */
#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checksum.h"
#include "fileid.h"
#include "rules.h"

/* The limits every match runs under, so no rule can run away on a message. */
static pcre2_match_context *match_context(void)
{
	pcre2_match_context *m = pcre2_match_context_create(NULL);

	pcre2_set_match_limit(m, 200000);
	pcre2_set_depth_limit(m, 2000);
	pcre2_set_heap_limit(m, 4096);
	return m;
}

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
	g_free(r->start_ids);
	g_free(r->first_bytes);
	g_free(r->pattern);
	g_free(r->where);
	g_free(r);
}

void rules_free(struct rules *r)
{
	if (!r)
		return;
	model_free(r->model);
	g_free(r->model_path);
	g_free(r->model_cache);
	/* A set read from the cache owns of its rules only the codes. */
	for (guint i = 0; r->block && i < r->list->len; i++)
		pcre2_code_free(r->block[i].re);
	g_free(r->block);
	g_free(r->ids);
	if (r->list)
		g_ptr_array_unref(r->list);
	pcre2_match_context_free(r->mctx);
	if (r->trie)
		g_array_unref(r->trie);
	if (r->cache_map)
		g_mapped_file_unref(r->cache_map);
	g_free(r->cache_path);
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

/*
 * A pattern with first words (starts_of()) is only ever tried at those words:
 * it is compiled anchored, which is the same as anchoring each match, except
 * that JIT serves a pattern anchored at compile time and not one anchored at
 * match time (PCRE2 then falls back to its interpreter).
 */
static pcre2_code *compile(const char *pattern, bool anchored, char *msg, size_t msglen)
{
	pcre2_code *re;
	int code;
	PCRE2_SIZE off;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
			   (anchored ? PCRE2_ANCHORED : 0),
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

/* Where the matches of a pattern can start (first_words()). */
struct starts {
	GPtrArray *words;	/* of case-folded word beginnings; a whole word
				 * ends in a blank */
	guint8 bytes[32];	/* bytes a match can start with */
	bool any_bytes;
	int digits;		/* \d starts: 0 none, 1 all after \b, 2 some not */
	bool spaced;		/* the pattern may set (?x): blanks are no literals */
};

static void add_byte(struct starts *st, unsigned char c)
{
	st->bytes[c / 8] |= (guint8)(1u << (c % 8));
	st->any_bytes = true;
}

/* After a group or an atom: the quantifier at q lets it match nothing. */
static bool optional_at(const char *q)
{
	return *q == '?' || *q == '*' || (*q == '{' && q[1] == '0');
}

/* Skips an optional quantifier ("?", "*", "{0,3}", with a lazy '?' or a
 * possessive '+'). */
static const char *skip_quantifier(const char *q)
{
	if (*q == '{') {
		while (*q && *q != '}')
			q++;
		if (*q)
			q++;
	} else {
		q++;
	}
	if (*q == '?' || *q == '+')
		q++;
	return q;
}

static bool ascii_only(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* ASCII punctuation; a backslash before it makes it a literal. */
static bool punct(char c)
{
	return c > ' ' && c < 0x7f && !g_ascii_isalnum(c) && c != '_';
}

/* Punctuation that stands for itself in a pattern, outside a class. */
static bool plain_punct(char c)
{
	return punct(c) && !strchr(".^$*+?()[]{}|\\#", c);
}

/*
 * Where every match must start, read off the pattern: each alternative has
 * to begin, after optional groups (whose own alternatives then count too),
 * with \b (or ^) and a literal word, with a literal punctuation character,
 * or with \d; perhaps inside a group ("\b(?:invite|schedule) ...",
 * "\b(?:please )?(?:do not|don't)", "\$\d"). Adds them to st; false when
 * the pattern does not have this shape and must run along the whole text.
 */
static bool first_words(const char *p, const char **end, bool bound, struct starts *st)
{
	const char *q = p;

	for (;;) {
		bool b = bound;

		for (;;) {
			while ((q[0] == '\\' && q[1] == 'b') || q[0] == '^') {
				b = true;
				q += q[0] == '^' ? 1 : 2;
			}
			if (q[0] == '(') {
				const char *e;

				/* A group, perhaps with options ("(?:", "(?-i:"):
				 * case does not matter to folded start words, and
				 * st->spaced tells of an x. */
				if (q[1] == '?') {
					q += 2 + strspn(q + 2, "abcdefghijklmnopqrstuvwxyz"
							"ABCDEFGHIJKLMNOPQRSTUVWXYZ^-");
					if (*q != ':')
						return false;
					q++;
				} else {
					q++;
				}
				if (!first_words(q, &e, b, st))
					return false;
				q = e;
				if (!optional_at(q))
					break;
				/* An optional group: the match may also start
				 * with what follows it. */
				q = skip_quantifier(q);
				if (!*q || *q == '|' || *q == ')')
					return false;
				continue;
			}
			if (word_byte(q[0])) {
				const char *w = q;
				g_autofree char *lit = NULL;
				size_t n;

				while (word_byte(*q))
					q++;
				n = (size_t)(q - w);
				/* "references?": the last letter may be missing. */
				if (optional_at(q))
					n = (size_t)(g_utf8_find_prev_char(w, q) - w);
				if (!b || !n)
					return false;
				lit = g_strndup(w, n);
				if (ascii_only(lit)) {
					/* ASCII folds to its lower case. */
					for (char *x = lit; *x; x++)
						*x = g_ascii_tolower(*x);
				} else {
					char *f;

					if (!g_utf8_validate(lit, -1, NULL))
						return false;
					f = g_utf8_casefold(lit, -1);
					g_free(lit);
					lit = f;
				}
				/* "a few": the word is "a", not one starting so. */
				if (!st->spaced && n == (size_t)(q - w) &&
				    (*q == ' ' || plain_punct(*q)) && !optional_at(q + 1))
					g_ptr_array_add(st->words, g_strconcat(lit, " ", NULL));
				else
					g_ptr_array_add(st->words, g_steal_pointer(&lit));
				break;
			}
			if (q[0] == '\\' && q[1] == 'd') {
				/* A decimal digit: ASCII, or any other script's,
				 * which starts with a UTF-8 lead byte. */
				if (optional_at(q + 2))
					return false;
				st->digits = b && st->digits != 2 ? 1 : 2;
				for (unsigned c = '0'; c <= '9'; c++)
					add_byte(st, (unsigned char)c);
				for (unsigned c = 0xc2; c <= 0xf4; c++)
					add_byte(st, (unsigned char)c);
				q += 2;
				break;
			}
			if (q[0] == '[' && q[1] != '^') {
				/* A class of punctuation ("[,|-]"): each is a
				 * first byte. */
				const char *c = q + 1;

				while (*c && *c != ']') {
					if (*c == '\\' && punct(c[1]))
						c++;
					else if (!plain_punct(*c) && *c != '|' && *c != '.')
						return false;
					/* A '-' between two: a range. */
					else if (*c == '-' && c > q + 1 && c[1] != ']')
						return false;
					c++;
				}
				if (*c != ']' || c == q + 1 || optional_at(c + 1))
					return false;
				for (c = q + 1; *c != ']'; c++) {
					if (*c == '\\')
						c++;
					add_byte(st, (unsigned char)*c);
				}
				q = c + 1;
				break;
			}
			if (plain_punct(q[0]) || (q[0] == '\\' && punct(q[1]))) {
				unsigned char c = (unsigned char)(q[0] == '\\' ? q[1] : q[0]);

				q += q[0] == '\\' ? 2 : 1;
				if (optional_at(q))
					return false;
				add_byte(st, c);
				break;
			}
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

/* Sets the rule's start words and bytes from its pattern, or leaves it
 * unanchored. */
static void starts_of(struct rule *r)
{
	struct starts st = { .words = g_ptr_array_new_with_free_func(g_free) };
	const char *end;

	/* An option group with x anywhere ("(?x)", "(?ix:"). */
	for (const char *o = strstr(r->pattern, "(?"); o; o = strstr(o + 2, "(?")) {
		size_t n = strspn(o + 2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-^");

		if (memchr(o + 2, 'x', n))
			st.spaced = true;
	}

	if (first_words(r->pattern, &end, false, &st) && !*end) {
		r->anchored = true;
		g_ptr_array_set_free_func(st.words, NULL);
		g_ptr_array_add(st.words, NULL);
		r->starts = (char **)g_ptr_array_free(st.words, FALSE);
		if (st.any_bytes)
			r->first_bytes = g_memdup2(st.bytes, sizeof(st.bytes));
		r->bounded_digits = st.digits == 1;
		return;
	}
	g_ptr_array_unref(st.words);
}

/*
 * Parses one rule file; every bad line is appended to errors as
 * "file:line: message". Returns the rules of the good lines.
 */
static struct rule_file parse_file(const char *path, const char *name,
				   const char *data, GPtrArray *errors)
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
		starts_of(r);
		r->re = compile(p, r->anchored, msg, sizeof(msg));
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
static void merge(struct rules *set, struct rule_file *f, bool user)
{
	if (f->threshold >= 0)
		set->threshold = f->threshold;
	if (f->quoted_percent >= 0)
		set->quoted_percent = f->quoted_percent;
	for (guint i = 0; i < f->list->len; i++) {
		struct rule *r = g_ptr_array_steal_index(f->list, i--);
		bool replaced = false;

		r->user = user;
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
	char *path, *name;
	char *data;		/* read only when the rules are built */
	gsize len;
	guint64 id[FILE_ID_LEN];	/* file_id() */
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
 * Lists every *.rules file of dir into texts, with what identifies its
 * contents (read_texts() reads them): a filter run whose rule cache matches
 * reads none. A missing user folder is no error; an unreadable user file is
 * a warning, an unreadable built-in one fails.
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
		struct stat st;

		t->path = g_build_filename(dir, name, NULL);
		t->name = g_strdup(name);
		if (stat(t->path, &st) < 0) {
			int rc = 0, e2 = errno;

			if (!user)
				rc = nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s",
						t->path, g_strerror(e2));
			else
				g_ptr_array_add(errors, g_strdup_printf("%s: %s", t->path,
									g_strerror(e2)));
			rule_text_free(t);
			if (rc < 0)
				return rc;
			continue;
		}
		file_id(&st, t->id);
		g_ptr_array_add(texts, t);
	}
	return 0;
}

/* Reads the contents of texts, as read_dir() would have failed or warned;
 * a user file that cannot be read is dropped with a warning. */
static int read_texts(GPtrArray *texts, bool user, GPtrArray *errors, GError **err)
{
	for (guint i = 0; i < texts->len; i++) {
		struct rule_text *t = texts->pdata[i];
		g_autoptr(GError) re = NULL;

		if (t->data || g_file_get_contents(t->path, &t->data, &t->len, &re))
			continue;
		if (!user)
			return nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s", t->path,
					  re->message);
		g_ptr_array_add(errors, g_strdup_printf("%s: %s", t->path, re->message));
		g_ptr_array_remove_index(texts, i--);
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

gint32 trie_child(GArray *trie, gint32 node, guint8 byte, bool add)
{
	struct trie_node *n = &g_array_index(trie, struct trie_node, node);
	gint32 c = n->child;
	struct trie_node x = { 0, 0, -1, -1, byte };

	for (; c; c = g_array_index(trie, struct trie_node, c).sibling)
		if (g_array_index(trie, struct trie_node, c).byte == byte)
			return c;
	if (!add)
		return 0;
	x.sibling = n->child;
	g_array_append_val(trie, x);
	c = (gint32)trie->len - 1;
	g_array_index(trie, struct trie_node, node).child = c;
	return c;
}

gint32 trie_next(const struct rules *set, gint32 node, guint8 byte)
{
	/* A node has at most 256 children: more means a loop. */
	guint32 c = (guint32)set->nodes[node].child;

	for (int n = 0; c && c < set->n_nodes && n < 256; n++) {
		if (set->nodes[c].byte == byte)
			return (gint32)c;
		c = (guint32)set->nodes[c].sibling;
	}
	return 0;
}

/* Numbers every rule's start words and puts them into the set's trie. */
static void trie_build(struct rules *set)
{
	struct trie_node root = { 0, 0, -1, -1, 0 };

	set->trie = g_array_new(FALSE, FALSE, sizeof(struct trie_node));
	g_array_append_val(set->trie, root);
	set->n_starts = 0;
	for (guint i = 0; i < set->list->len; i++) {
		struct rule *r = set->list->pdata[i];
		guint n = r->starts ? g_strv_length(r->starts) : 0;

		g_free(r->start_ids);
		r->start_ids = g_new(gint32, n + 1);
		for (guint k = 0; k < n; k++) {
			struct trie_node *x;
			gint32 node = 0;
			const char *b;

			for (b = r->starts[k]; *b && *b != ' '; b++)
				node = trie_child(set->trie, node, (guint8)*b, true);
			x = &g_array_index(set->trie, struct trie_node, node);
			if (*b) {
				if (x->whole < 0)
					x->whole = set->n_starts++;
				r->start_ids[k] = x->whole;
			} else {
				if (x->id < 0)
					x->id = set->n_starts++;
				r->start_ids[k] = x->id;
			}
		}
		r->start_ids[n] = -1;
	}
	for (unsigned b = 0; b < 256; b++)
		set->first[b] = trie_child(set->trie, 0, (guint8)b, false);
	set->nodes = (const struct trie_node *)(const void *)set->trie->data;
	set->n_nodes = set->trie->len;
}

/*
 * The rule set from the files read; every pattern from src. Bad lines are
 * appended to errors; a bad user rule leaves all user rules out.
 */
static struct rules *build(GPtrArray *sys, GPtrArray *user, GPtrArray *errors)
{
	g_autoptr(GPtrArray) sys_files = g_ptr_array_new_with_free_func(rule_file_free);
	g_autoptr(GPtrArray) user_files = g_ptr_array_new_with_free_func(rule_file_free);
	struct rules *set;

	for (guint i = 0; i < sys->len + user->len; i++) {
		struct rule_text *t = i < sys->len ? sys->pdata[i] : user->pdata[i - sys->len];
		struct rule_file *f = g_new(struct rule_file, 1);
		/* The parser cuts lines in place: give it a copy. */
		g_autofree char *data = g_strndup(t->data, t->len);

		*f = parse_file(t->path, t->name, data, errors);
		g_ptr_array_add(i < sys->len ? sys_files : user_files, f);
	}

	set = g_new0(struct rules, 1);
	set->list = g_ptr_array_new_with_free_func(rule_free);
	set->threshold = 10;
	set->quoted_percent = 20;
	set->mctx = match_context();

	/* Any bad user rule: the user's rules are all left out. */
	for (guint i = 0; i < sys_files->len; i++) {
		struct rule_text *t = sys->pdata[i];
		bool overridden = false;

		if (!errors->len)
			for (guint j = 0; j < user->len; j++)
				if (strcmp(((struct rule_text *)user->pdata[j])->name, t->name) == 0)
					overridden = true;
		if (!overridden)
			merge(set, sys_files->pdata[i], false);
	}
	if (!errors->len)
		for (guint i = 0; i < user_files->len; i++)
			merge(set, user_files->pdata[i], true);
	/* Context rules first: without context the rest need not run. */
	g_ptr_array_sort(set->list, cmp_context_first);
	trie_build(set);
	set->has_context = set->list->len &&
		((struct rule *)set->list->pdata[0])->stage == (enum nudge_stage)STAGE_CONTEXT;
	return set;
}

/*
 * The rule cache: the whole rule set of a load without a warning, as
 * build() left it (rules in their final order with their start words and
 * bytes, the trie), and every compiled pattern serialised by PCRE2, so a
 * filter run neither reads nor parses the rule files nor analyses a
 * pattern. It is used only when its key (a 128-bit hash of the PCRE2
 * version and of every rule file's name, device, inode, size, mtime and
 * ctime, as git's index knows a file) and the checksum of its body both
 * match and
 * the body holds together; anything else (missing, stale, truncated,
 * corrupt) means building and compiling, as without it.
 *
 *   "nudge-rules-cache 9\n", key (16 bytes), body length (8, little-endian),
 *   hash64 of the set (8), body: length of the set (8), the set
 *   (set_write(), with every rule's pattern text), padding to 8 bytes, then
 *   the blobs: the start-word trie (struct trie_node as in memory, used
 *   where it is mapped, with its own checksum in the set) and per rule its
 *   compiled code (pcre2_serialize_encode of that one code), each 8-byte
 *   aligned.
 *
 * The set is read and checked at once; a rule's code only when the rule
 * first runs (rule_code()), from the file mapped into memory: most mail
 * runs a few context rules, and decoding every pattern (some 800) cost
 * more than the rest of reading the cache. Each code has its own checksum
 * in the set: a damaged one is compiled from the pattern text instead, and
 * the cache is removed so the next run writes it again.
 */
#define CACHE_MAGIC "nudge-rules-cache 9\n"
#define CACHE_HEAD (sizeof(CACHE_MAGIC) - 1 + 16 + 8 + 8)
#define CACHE_SEED 0x452821e638d01377u

/* Two differently seeded hashes: 128 bits. */
static void hash128(const void *data, size_t len, guint8 out[16])
{
	guint64 a = checksum64(0x243f6a8885a308d3u, data, len);
	guint64 b = checksum64(0x13198a2e03707344u ^ len, data, len);

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
		g_byte_array_append(all, (const guint8 *)(i < sys->len ? "S" : "U"), 1);
		g_byte_array_append(all, (const guint8 *)t->name, (guint)strlen(t->name) + 1);
		g_byte_array_append(all, (const guint8 *)t->id, sizeof(t->id));
	}
	hash128(all->data, all->len, key);
	g_byte_array_unref(all);
}

static void put32(GByteArray *b, guint32 v)
{
	g_byte_array_append(b, (const guint8 *)&v, 4);
}

static void put_str(GByteArray *b, const char *s)
{
	put32(b, (guint32)strlen(s));
	g_byte_array_append(b, (const guint8 *)s, (guint)strlen(s));
}

/* Where a rule's pattern text and code are in the blobs after the set. */
struct blob_ref {
	guint32 code_off, code_len;
	guint64 code_sum;
};

/* The set; the trie (first, its checksum here) and a rule's code are in the
 * blobs after it (refs, in the order of the list). What only build() reads
 * (the start words: the trie has them) is left out. */
static void set_write(GByteArray *b, const struct rules *set, const struct blob_ref *refs,
		      guint64 trie_sum)
{
	guint32 total_ids = 0;

	for (guint i = 0; i < set->list->len; i++) {
		const struct rule *r = set->list->pdata[i];

		total_ids += r->starts ? g_strv_length(r->starts) : 0;
	}
	put32(b, set->list->len);
	put32(b, (guint32)set->threshold);
	put32(b, (guint32)set->quoted_percent);
	put32(b, set->has_context);
	put32(b, (guint32)set->n_starts);
	put32(b, total_ids);
	put32(b, set->n_nodes);
	put32(b, (guint32)trie_sum);
	put32(b, (guint32)(trie_sum >> 32));
	for (unsigned i = 0; i < 256; i++)
		put32(b, (guint32)set->first[i]);
	for (guint i = 0; i < set->list->len; i++) {
		const struct rule *r = set->list->pdata[i];
		guint n = r->starts ? g_strv_length(r->starts) : 0;

		put32(b, (guint32)r->stage);
		put32(b, (guint32)r->weight);
		put32(b, r->scope);
		put32(b, refs[i].code_off);
		put32(b, refs[i].code_len);
		put32(b, (guint32)refs[i].code_sum);
		put32(b, (guint32)(refs[i].code_sum >> 32));
		put32(b, (guint32)r->anchored | (guint32)r->bounded_digits << 1 |
			 (guint32)(r->first_bytes != NULL) << 2 | (guint32)r->user << 3);
		if (r->first_bytes)
			g_byte_array_append(b, r->first_bytes, 32);
		put32(b, n);
		for (guint k = 0; k < n; k++)
			put32(b, (guint32)r->start_ids[k]);
		/* Both with their NUL: used in place. */
		put_str(b, r->where);
		g_byte_array_append(b, (const guint8 *)"", 1);
		put_str(b, r->pattern);
		g_byte_array_append(b, (const guint8 *)"", 1);
	}
}

/* Reading the set back: every read checks its bounds; bad is set on the
 * first that fails and every read after it returns 0 or NULL. */
struct reader {
	const guint8 *p, *end;
	bool bad;
};

static guint32 get32(struct reader *rd)
{
	guint32 v;

	if (rd->bad || rd->end - rd->p < 4) {
		rd->bad = true;
		return 0;
	}
	memcpy(&v, rd->p, 4);
	rd->p += 4;
	return v;
}

static gint32 get_index(struct reader *rd, gint32 lo, gint32 hi)
{
	gint32 v = (gint32)get32(rd);

	if (v < lo || v >= hi)
		rd->bad = true;
	return rd->bad ? lo : v;
}

/* A string stored with its NUL, in place. */
static const char *get_str(struct reader *rd)
{
	guint32 n = get32(rd);
	const char *s = (const char *)rd->p;

	if (rd->bad || (size_t)(rd->end - rd->p) <= n || rd->p[n] != 0 ||
	    memchr(rd->p, 0, n)) {
		rd->bad = true;
		return NULL;
	}
	rd->p += n + 1;
	return s;
}

/*
 * The set from the cache's body; its rules' codes and patterns point into
 * blobs (blobs_len bytes, 8-byte aligned), decoded when first used. NULL
 * when anything does not fit. Without an allocation per rule: the rules
 * are one block, their start ids another, and their names, patterns and
 * first bytes stay in the cache's mapping.
 */
static struct rules *set_read(struct reader *rd, const guint8 *blobs, guint64 blobs_len)
{
	struct rules *set = g_new0(struct rules, 1);
	guint32 nrules, ntrie, nids, used = 0;
	guint64 tsum;

	set->list = g_ptr_array_new();
	nrules = get32(rd);
	set->threshold = (int)get32(rd);
	set->quoted_percent = (int)get32(rd);
	set->has_context = get32(rd) != 0;
	set->n_starts = get_index(rd, 0, G_MAXINT32);
	nids = get32(rd);
	ntrie = get32(rd);
	tsum = get32(rd);
	tsum |= (guint64)get32(rd) << 32;
	/* The trie is the first blob, used where it is (trie_next()). */
	if (ntrie == 0 || ntrie > blobs_len / sizeof(struct trie_node) ||
	    checksum64(CACHE_SEED, blobs, ntrie * sizeof(struct trie_node)) != tsum ||
	    nrules > (guint32)(rd->end - rd->p) / 40 || nids > (guint32)(rd->end - rd->p) / 4)
		rd->bad = true;
	if (rd->bad)
		goto out;
	set->nodes = (const struct trie_node *)(const void *)blobs;
	set->n_nodes = ntrie;
	for (unsigned i = 0; i < 256; i++)
		set->first[i] = get_index(rd, 0, (gint32)ntrie);
	set->block = g_new0(struct rule, nrules);
	set->ids = g_new(gint32, (gsize)nids + nrules);
	for (guint32 i = 0; i < nrules && !rd->bad; i++) {
		struct rule *r = &set->block[i];
		guint32 flags, n, co, cl;

		g_ptr_array_add(set->list, r);
		r->stage = (enum nudge_stage)get_index(rd, 0, STAGE_CONTEXT + 1);
		r->weight = (int)get32(rd);
		r->scope = get32(rd);
		co = get32(rd);
		cl = get32(rd);
		r->lazy_code_sum = get32(rd);
		r->lazy_code_sum |= (guint64)get32(rd) << 32;
		flags = get32(rd);
		/* The code is 8-byte aligned. */
		if (rd->bad || (guint64)co + cl > blobs_len || co % 8 || cl == 0) {
			rd->bad = true;
			break;
		}
		r->lazy_code = blobs + co;
		r->lazy_code_len = cl;
		r->anchored = flags & 1;
		r->bounded_digits = (flags >> 1) & 1;
		r->user = (flags >> 3) & 1;
		if (flags & 4) {
			if (rd->end - rd->p < 32) {
				rd->bad = true;
				break;
			}
			r->first_bytes = (guint8 *)rd->p;
			rd->p += 32;
		}
		n = get32(rd);
		if (rd->bad || n > nids - used) {
			rd->bad = true;
			break;
		}
		r->start_ids = set->ids + used + i;
		for (guint32 k = 0; k < n; k++)
			r->start_ids[k] = get_index(rd, 0, set->n_starts);
		r->start_ids[n] = -1;
		used += n;
		r->where = (char *)get_str(rd);
		r->lazy_pattern = get_str(rd);
	}
out:
	if (rd->bad || rd->p != rd->end) {
		rules_free(set);
		return NULL;
	}
	set->mctx = match_context();
	return set;
}

/* The rule set cached for key, or NULL; the cache stays mapped while the
 * set lives. */
static struct rules *cache_read(const char *path, const guint8 key[16])
{
	GMappedFile *map = g_mapped_file_new(path, FALSE, NULL);
	struct rules *set = NULL;
	struct reader rd;
	const guint8 *data, *p;
	gsize len;
	guint64 blen = 0, slen = 0, sum, start;

	if (!map)
		return NULL;
	data = (const guint8 *)g_mapped_file_get_contents(map);
	len = g_mapped_file_get_length(map);
	if (!data || len < CACHE_HEAD + 8 ||
	    memcmp(data, CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1) != 0)
		goto out;
	p = data + sizeof(CACHE_MAGIC) - 1;
	if (memcmp(p, key, 16) != 0)
		goto out;
	for (int i = 0; i < 8; i++)
		blen |= (guint64)p[16 + i] << (8 * i);
	if (blen != len - CACHE_HEAD)
		goto out;
	p = data + CACHE_HEAD;
	for (int i = 0; i < 8; i++)
		slen |= (guint64)p[i] << (8 * i);
	if (slen > blen - 8)
		goto out;
	sum = checksum64(CACHE_SEED, p, 8 + slen);
	if (memcmp(&sum, data + CACHE_HEAD - 8, 8) != 0)
		goto out;
	/* The blobs start at the next 8-byte boundary of the file. */
	start = (CACHE_HEAD + 8 + slen + 7) & ~(guint64)7;
	if (start > len)
		goto out;
	rd.p = p + 8;
	rd.end = p + 8 + slen;
	rd.bad = false;
	set = set_read(&rd, data + start, len - start);
	if (set) {
		set->cache_map = g_mapped_file_ref(map);
		set->cache_path = g_strdup(path);
	}
out:
	g_mapped_file_unref(map);
	return set;
}

static void pad8(GByteArray *b)
{
	static const guint8 zero[8];

	if (b->len % 8)
		g_byte_array_append(b, zero, 8 - b->len % 8);
}

/* Writes the cache; best effort: without it the rules are built. */
static void cache_write(const char *path, const guint8 key[16], const struct rules *set)
{
	g_autofree struct blob_ref *refs = g_new0(struct blob_ref, set->list->len ? set->list->len : 1);
	GByteArray *blobs = g_byte_array_new(), *body = g_byte_array_new(), *out;
	guint8 len[8];
	guint64 slen, sum;
	bool ok = set->list->len > 0;
	guint64 trie_sum;

	/* Node by node, so that no padding byte is left unset. */
	for (guint32 i = 0; i < set->n_nodes; i++) {
		struct trie_node n;

		memset(&n, 0, sizeof(n));
		n.child = set->nodes[i].child;
		n.sibling = set->nodes[i].sibling;
		n.id = set->nodes[i].id;
		n.whole = set->nodes[i].whole;
		n.byte = set->nodes[i].byte;
		g_byte_array_append(blobs, (const guint8 *)&n, sizeof(n));
	}
	trie_sum = checksum64(CACHE_SEED, blobs->data, blobs->len);
	pad8(blobs);
	for (guint i = 0; ok && i < set->list->len; i++) {
		const struct rule *r = set->list->pdata[i];
		uint8_t *bytes = NULL;
		PCRE2_SIZE size = 0;

		if (!r->re || !r->pattern ||
		    pcre2_serialize_encode((const pcre2_code **)&r->re, 1, &bytes, &size, NULL) < 0) {
			ok = false;
			break;
		}
		refs[i].code_off = blobs->len;
		refs[i].code_len = (guint32)size;
		refs[i].code_sum = checksum64(CACHE_SEED, bytes, size);
		g_byte_array_append(blobs, bytes, (guint)size);
		pad8(blobs);
		pcre2_serialize_free(bytes);
	}
	if (!ok)
		goto out;
	g_byte_array_set_size(body, 8);
	set_write(body, set, refs, trie_sum);
	slen = body->len - 8;
	memcpy(body->data, &slen, 8);
	sum = checksum64(CACHE_SEED, body->data, body->len);
	/* The blobs at an 8-byte boundary of the file (the head is 52 bytes). */
	while ((CACHE_HEAD + body->len) % 8)
		g_byte_array_append(body, (const guint8 *)"", 1);
	g_byte_array_append(body, blobs->data, blobs->len);
	for (int i = 0; i < 8; i++)
		len[i] = (guint8)((guint64)body->len >> (8 * i));
	out = g_byte_array_sized_new((guint)(CACHE_HEAD + body->len));
	g_byte_array_append(out, (const guint8 *)CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1);
	g_byte_array_append(out, key, 16);
	g_byte_array_append(out, len, 8);
	g_byte_array_append(out, (const guint8 *)&sum, 8);
	g_byte_array_append(out, body->data, body->len);
	/* A temporary file renamed over the old one: readers see one or the
	 * other. Mode 0600 like every file in the state folder. */
	(void)g_file_set_contents_full(path, (const char *)out->data, (gssize)out->len,
				       G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
	g_byte_array_unref(out);
out:
	g_byte_array_unref(body);
	g_byte_array_unref(blobs);
}

int rules_load_model(struct rules *r, GError **err)
{
	int rc;

	if (r->model || !r->model_path)
		return 0;
	rc = model_load(r->model_path, r->model_cache, &r->model, err);
	g_clear_pointer(&r->model_path, g_free);
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
	g_autofree char *mpath = NULL;
	g_autofree char *udir = NULL;
	g_autoptr(GPtrArray) sys = g_ptr_array_new_with_free_func(rule_text_free);
	g_autoptr(GPtrArray) user = g_ptr_array_new_with_free_func(rule_text_free);
	g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func(g_free);
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
		set = cache_read(cache, key);
	}
	if (!set) {
		guint n_errors;

		if ((rc = read_texts(sys, false, errors, err)) < 0 ||
		    (rc = read_texts(user, true, errors, err)) < 0)
			goto out;
		n_errors = errors->len;

		set = build(sys, user, errors);
		if (cache && !n_errors && !errors->len)
			cache_write(cache, key, set);
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
	 * with a cache (the filter), only when a message needs it (automatic
	 * and list mail and the user's own never do); else now. */
	mpath = g_build_filename(datadir, "filters", "model", "stages.tsv", NULL);
	if (cache) {
		g_autofree char *dir = g_path_get_dirname(cache);

		if (g_file_test(mpath, G_FILE_TEST_EXISTS)) {
			set->model_path = g_steal_pointer(&mpath);
			set->model_cache = g_build_filename(dir, "model.cache", NULL);
		}
	} else if ((rc = model_load(mpath, NULL, &set->model, err)) < 0) {
		g_clear_pointer(&set, rules_free);
		goto out;
	}
	*out = set;
	rc = 0;
out:
	return rc;
}

/*
 * The rule's compiled pattern; from the rule cache, decoded now (its code's
 * checksum checked), or compiled from its pattern text when the code is
 * damaged (and the cache removed, so the next run writes it again).
 */
pcre2_code *rule_code(const struct rules *set, struct rule *r)
{
	char msg[320];

	if (r->re || !r->lazy_code)
		return r->re;
	if (checksum64(CACHE_SEED, r->lazy_code, r->lazy_code_len) != r->lazy_code_sum ||
	    pcre2_serialize_decode(&r->re, 1, r->lazy_code, NULL) != 1) {
		r->re = compile(r->lazy_pattern, r->anchored, msg, sizeof(msg));
		if (set->cache_path)
			(void)unlink(set->cache_path);
	}
	r->lazy_code = NULL;
	r->lazy_pattern = NULL;
	return r->re;
}
