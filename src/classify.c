/*
 * The classifier. Rules are lines of data files (format in
 * filters/rules/README); each is a PCRE2 pattern with a weight for one stage
 * and a scope (subject, fresh text, quoted text). A message's score for a
 * stage is the sum of the weights of the rules that match it, each rule
 * counted once; the best stage wins when it reaches the threshold.
 */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/*
 * How much of the text the rules read: what a message is about is said at
 * its top, and the newest quoted message comes first. Keeps a long thread or
 * newsletter fast.
 */
#define FRESH_MAX 8192
#define QUOTED_MAX 4096
/* The model reads the first words of the new text only: where a letter says
 * what it is about. A long newsletter otherwise piles up weak evidence. */
#define MODEL_WORDS 300

/* Where a start word begins a word of a text; chained per start word. */
struct hit {
	size_t off;
	gint32 next;		/* the next hit of the same start word, or -1 */
};

/* A text as the rules see it: where each start word begins one of its words. */
struct text {
	const char *s;
	size_t len;
	gint32 *head;		/* per start word: its first hit, or -1 */
	GArray *hits;		/* of struct hit */
	guint8 bytes[32];	/* the set of bytes in s */
};

/*
 * The character at *p, which moves past it: an invalid byte is U+FFFD and
 * moves one byte, as g_utf8_make_valid() replaces it.
 */
static gunichar next_valid_char(const char **p)
{
	const char *s = *p;
	guint n;

	if ((unsigned char)*s < 0x80) {
		*p = s + 1;
		return (unsigned char)*s;
	}
	n = (guint)g_utf8_skip[(unsigned char)*s];
	if (!g_utf8_validate_len(s, n, NULL)) {
		*p = s + 1;
		return 0xfffd;
	}
	*p = s + n;
	return g_utf8_get_char(s);
}

/*
 * The text as the rules see it: valid UTF-8, every run of white space one
 * blank, typographic quotes and dashes as their ASCII forms; read until
 * about max bytes are written.
 */
static char *normalise(const char *s, size_t max)
{
	GString *o;
	bool space = false;

	if (!s)
		return g_strdup("");
	o = g_string_sized_new(MIN(strlen(s), max) + 8);
	for (const char *p = s; *p && o->len < max;) {
		gunichar c = next_valid_char(&p);

		/* The white space of g_unichar_isspace(). */
		if (c < 0x80 ? c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' :
		    g_unichar_isspace(c) || c == 0xa0 || c == 0x200b) {
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
			if (c < 0x80)
				g_string_append_c(o, (char)c);
			else
				g_string_append_unichar(o, c);
		}
	}
	return g_string_free(o, FALSE);
}

/*
 * Records where the start words that begin the case-folded word w occur;
 * lower: w is ASCII, which folds to its lower case.
 */
static void trie_walk(const struct rules *set, struct text *t, const char *w,
		      size_t n, bool lower, size_t off)
{
	gint32 node = 0;

	for (size_t i = 0; i < n; i++) {
		guint8 b = (guint8)(lower ? g_ascii_tolower(w[i]) : w[i]);
		const struct trie_node *x;

		node = i ? trie_next(set, node, b) : set->first[b];
		if (!node)
			return;
		x = &set->nodes[node];
		for (int k = 0; k < 2; k++) {
			gint32 id = k ? (i + 1 == n ? x->whole : -1) : x->id;
			struct hit h = { off, id >= 0 && id < set->n_starts ? t->head[id] : -1 };

			if (id < 0 || id >= set->n_starts)
				continue;
			g_array_append_val(t->hits, h);
			t->head[id] = (gint32)t->hits->len - 1;
		}
	}
}

/* Whether the character at p belongs to a word (the start-word trie and
 * the model's features cut words alike). */
static bool word_char(const char *p)
{
	unsigned char b = (unsigned char)*p;
	gunichar c;

	if (b < 0x80)
		return g_ascii_isalnum(b) || b == '_';
	c = g_utf8_get_char(p);
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

/*
 * Finds the words of the text (runs of letters, digits, marks and '_') that
 * begin, case-folded, with a start word of the rules. head has room for
 * set->n_starts entries.
 */
static void text_init(const struct rules *set, struct text *t, const char *s,
		      gint32 *head)
{
	const char *p = s, *w = NULL;
	bool ascii = true;

	t->s = s;
	t->len = strlen(s);
	t->head = head;
	for (gint32 i = 0; i < set->n_starts; i++)
		head[i] = -1;
	t->hits = g_array_new(FALSE, FALSE, sizeof(struct hit));
	memset(t->bytes, 0, sizeof(t->bytes));
	for (const unsigned char *b = (const unsigned char *)s; *b; b++)
		t->bytes[*b / 8] |= (guint8)(1u << (*b % 8));
	for (;;) {
		unsigned char b = (unsigned char)*p;
		bool in = word_char(p);
		if (in && !w) {
			w = p;
			ascii = true;
		}
		if (in && b >= 0x80)
			ascii = false;
		if (!in && w) {
			size_t n = (size_t)(p - w);

			if (ascii) {
				trie_walk(set, t, w, n, true, (size_t)(w - s));
			} else {
				g_autofree char *f = g_utf8_casefold(w, (gssize)n);

				trie_walk(set, t, f, strlen(f), false, (size_t)(w - s));
			}
			w = NULL;
		}
		if (!b)
			break;
		p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
	}
}

/*
 * A pattern is compiled to machine code (JIT) once it has been run JIT_AFTER
 * times (on a text: one run may try it at many words), not when it is
 * loaded: a JIT compile costs more than many
 * interpreted matches, so the one message of `nudge filter` is faster
 * interpreted, while a process that classifies many messages (the Claws
 * plugin, `nudge sync`) gets machine code for the rules it keeps running.
 * Without JIT support the interpreter runs it. The count lives in the rule:
 * like the compiled code, it changes under a const rule set.
 */
#define JIT_AFTER 16


static void jit_once(const struct rules *set, struct rule *r)
{
	static int have_jit = -1;
	pcre2_code *re;
	size_t size = 0;

	if (r->jit)
		return;
	if (r->runs < JIT_AFTER) {
		r->runs++;
		return;
	}
	r->jit = true;
	if (!(re = rule_code(set, r)))
		return;

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
		     const struct text *t, size_t off, pcre2_match_data *md)
{
	pcre2_code *re = rule_code(set, (struct rule *)r);

	return re && pcre2_match(re, (PCRE2_SPTR)t->s, t->len, off,
				 PCRE2_NO_UTF_CHECK, md, set->mctx) >= 0;
}

/*
 * Every match of an anchored rule starts at a word that begins with one of
 * its start words or at one of its first bytes: try it there only, not
 * along the text.
 */
static bool matches(const struct rules *set, const struct rule *r,
		    const struct text *t, pcre2_match_data *md)
{
	if (!t->len)
		return false;
	/* A run is a rule tried on a text, however many places it is tried at. */
	jit_once(set, (struct rule *)r);
	if (!r->anchored)
		return match_at(set, r, t, 0, md);
	for (const gint32 *id = r->start_ids; *id >= 0; id++) {
		for (gint32 h = t->head[*id]; h >= 0;
		     h = g_array_index(t->hits, struct hit, h).next)
			if (match_at(set, r, t, g_array_index(t->hits, struct hit, h).off, md))
				return true;
	}
	if (r->first_bytes) {
		bool any = false;

		for (size_t i = 0; i < sizeof(t->bytes); i++)
			any |= (r->first_bytes[i] & t->bytes[i]) != 0;
		for (size_t i = 0; any && i < t->len; i++) {
			unsigned char c = (unsigned char)t->s[i];

			if (!(r->first_bytes[c / 8] >> (c % 8) & 1))
				continue;
			/* No word boundary between an ASCII word character and
			 * a digit (or any letter). */
			if (r->bounded_digits && i > 0 && (c >= 0x80 || g_ascii_isdigit(c)) &&
			    (g_ascii_isalnum(t->s[i - 1]) || t->s[i - 1] == '_'))
				continue;
			if (match_at(set, r, t, i, md))
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

/* Adds key to the set (its string copied into chunk) unless it is there. */
static void add_key(GHashTable *feats, GStringChunk *chunk, const char *key)
{
	if (!g_hash_table_contains(feats, key))
		g_hash_table_add(feats, g_string_chunk_insert(chunk, key));
}

/*
 * Adds the words of s, their stems ("~" and the first letters of a long
 * word) and their neighbouring pairs to the set feats, whose strings live in
 * chunk. The set is built in the same order whatever the text, so that the
 * model's sum over it (model_score()) always adds in the same order.
 */
static void add_features(GHashTable *feats, GStringChunk *chunk, const char *s, int max_words)
{
	g_autoptr(GString) word = g_string_new(NULL);
	g_autoptr(GString) prev = g_string_new(NULL);
	g_autoptr(GString) key = g_string_new(NULL);
	char buf[STEM_LEN * 6 + 1];
	const char *p = s, *w = NULL;
	bool have_prev = false, ascii = true;

	for (;;) {
		unsigned char b = (unsigned char)*p;
		bool in = word_char(p);
		if (in && !w) {
			w = p;
			ascii = true;
		}
		if (in && b >= 0x80)
			ascii = false;
		if (!in && w) {
			bool digits = true;

			/* ASCII folds to its lower case. */
			if (ascii) {
				g_string_truncate(word, 0);
				for (const char *x = w; x < p; x++)
					g_string_append_c(word, g_ascii_tolower(*x));
			} else {
				g_autofree char *f = g_utf8_casefold(w, p - w);

				g_string_assign(word, f);
			}
			for (const char *d = word->str; *d; d++)
				if (!g_ascii_isdigit(*d))
					digits = false;
			if (digits) {
				g_string_assign(word, "#");
			} else {
				add_key(feats, chunk, word->str);
				if ((ascii ? (glong)word->len : g_utf8_strlen(word->str, -1)) > STEM_LEN) {
					g_string_assign(key, "~");
					g_string_append(key, stem(word->str, buf));
					add_key(feats, chunk, key->str);
				}
			}
			if (have_prev) {
				g_string_assign(key, prev->str);
				g_string_append_c(key, '+');
				g_string_append(key, word->str);
				add_key(feats, chunk, key->str);
			}
			g_string_assign(prev, word->str);
			have_prev = true;
			w = NULL;
			if (--max_words <= 0)
				break;
		}
		if (!b)
			break;
		p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
	}
}

/*
 * The feature set of normalised texts, its strings in *chunk; the caller
 * frees with g_hash_table_unref and g_string_chunk_free.
 */
static GHashTable *features_of(const char *subject, bool reply, const char *fresh,
			       GStringChunk **chunk)
{
	GHashTable *feats = g_hash_table_new(g_str_hash, g_str_equal);

	*chunk = g_string_chunk_new(4096);
	if (!reply)
		add_features(feats, *chunk, subject, G_MAXINT);
	add_features(feats, *chunk, fresh, MODEL_WORDS);
	return feats;
}

GPtrArray *classify_features(const struct classify_input *in)
{
	g_autofree char *subject_s = normalise(in->subject, FRESH_MAX);
	g_autofree char *fresh_s = normalise(in->fresh, FRESH_MAX);
	GStringChunk *chunk;
	GHashTable *feats = features_of(subject_s, is_reply(subject_s), fresh_s, &chunk);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, feats);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(out, g_strdup(k));
	g_hash_table_unref(feats);
	g_string_chunk_free(chunk);
	return out;
}

/*
 * The model's log-probability of each class for the texts, in lp (indexed
 * like m->stage).
 */
static void model_score(const struct model *m, const char *subject, bool reply,
			const char *fresh, double *lp)
{
	GStringChunk *chunk;
	GHashTable *feats = features_of(subject, reply, fresh, &chunk);
	GHashTableIter it;
	gpointer k;

	for (int c = 0; c < m->nclass; c++)
		lp[c] = m->prior[c];
	g_hash_table_iter_init(&it, feats);
	while (g_hash_table_iter_next(&it, &k, NULL)) {
		const float *v = model_weights(m, k);

		if (v)
			for (int c = 0; c < m->nclass; c++)
				lp[c] += v[c];
	}
	g_hash_table_unref(feats);
	g_string_chunk_free(chunk);
}

/* What the rules found in a message. */
struct tally {
	int score[STAGE__COUNT];	/* per stage, job context and hard negatives in */
	int best_w[STAGE__COUNT];
	const char *best_rule[STAGE__COUNT];
	int context_w, negative;	/* the job context's and hard negatives' sums */
	bool user[STAGE__COUNT];	/* a user's rule of the stage matched */
	bool context;			/* a context rule matched: job mail */
};

/*
 * Runs the rules over the three texts into t (zeroed first). With gate, the
 * stage rules are not run when no context rule matched: not job mail.
 */
static void tally_rules(const struct rules *set, struct text *subject, struct text *fresh,
			struct text *quoted, bool reply, bool outgoing, bool gate,
			struct tally *t)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);

	memset(t, 0, sizeof(*t));
	for (guint i = 0; i < set->list->len; i++) {
		const struct rule *r = set->list->pdata[i];
		bool all = r->stage == STAGE_ALL || r->stage == (enum nudge_stage)STAGE_CONTEXT;
		int w = 0;

		/* The context rules come first; none matched: not job mail. */
		if (gate && r->stage != (enum nudge_stage)STAGE_CONTEXT && set->has_context &&
		    !t->context && !outgoing)
			break;
		if (!all && (r->stage == STAGE_ACCEPTANCE) != outgoing)
			continue;
		if ((r->scope & SCOPE_FRESH) && matches(set, r, fresh, md))
			w = r->weight;
		else if ((r->scope & SCOPE_SUBJECT) && matches(set, r, subject, md))
			w = reply && r->stage != (enum nudge_stage)STAGE_CONTEXT ?
				r->weight * set->quoted_percent / 100 : r->weight;
		else if ((r->scope & SCOPE_QUOTED) && matches(set, r, quoted, md))
			/* Job words in the quoted history make it job mail as much
			 * as in the new text; stage phrases there count less. */
			w = r->stage == (enum nudge_stage)STAGE_CONTEXT ? r->weight :
				r->weight * set->quoted_percent / 100;
		if (r->stage == (enum nudge_stage)STAGE_CONTEXT &&
		    (w || matched_context(set, r, subject, fresh, quoted, md)))
			t->context = true;
		if (!w)
			continue;
		if (r->stage == (enum nudge_stage)STAGE_CONTEXT)
			t->context_w += w;
		else if (r->stage == STAGE_ALL && w < 0)
			t->negative += w;
		for (int s = STAGE_NONE + 1; s < STAGE__COUNT; s++) {
			if (!all && r->stage != (enum nudge_stage)s)
				continue;
			t->score[s] += w;
			if (r->user && !all && w > 0)
				t->user[s] = true;
			if (w > t->best_w[s]) {
				t->best_w[s] = w;
				t->best_rule[s] = r->where;
			}
		}
	}
	pcre2_match_data_free(md);
}

/* The rules' stage: the highest score at or above the threshold, or none. */
static enum nudge_stage rules_winner(const struct rules *set, const struct tally *t,
				     bool outgoing)
{
	enum nudge_stage win = STAGE_NONE;

	for (int s = STAGE_NONE + 1; s < STAGE__COUNT; s++) {
		if ((s == STAGE_ACCEPTANCE) != outgoing)
			continue;
		if (t->score[s] >= set->threshold && t->score[s] > t->score[win])
			win = (enum nudge_stage)s;
	}
	return win;
}

/* The model's best and second best stage for incoming mail (class indexes). */
static void model_rank(const struct model *m, const double *lp, int *best, int *second)
{
	*best = *second = -1;
	for (int c = 1; c < m->nclass; c++) {
		if (m->stage[c] == STAGE_ACCEPTANCE)
			continue;
		if (*best < 0 || lp[c] > lp[*best]) {
			*second = *best;
			*best = c;
		} else if (*second < 0 || lp[c] > lp[*second]) {
			*second = c;
		}
	}
}

/*
 * The model's say (lp: its log-probabilities) for incoming mail without a
 * strong hard negative: it lifts a message the rules left at none to its
 * stage when it is sure of it (against none, surer without a job word, and
 * against the next stage), decides between two
 * stages the rules scored nearly alike, and replaces the rules' stage when
 * it is far surer of its own (*overrode). Returns the stage, or win.
 */
static enum nudge_stage model_decide(const struct rules *set, const double *lp,
				     const struct tally *t, enum nudge_stage win,
				     bool *overrode)
{
	const struct model *m = set->model;
	int best, second;
	enum nudge_stage st;
	int own;

	model_rank(m, lp, &best, &second);
	if (best < 0 || (second >= 0 && lp[best] - lp[second] < m->choose))
		return win;
	st = m->stage[best];
	own = t->score[st] - t->context_w - t->negative;
	/* The rules of that stage sum below zero ("if your profile matches, we
	 * will invite you"): they said it is not this stage. */
	if (own < 0)
		return win;
	if (win == STAGE_NONE) {
		/* A job word that weighs, not only the gate a reply's "Re:" opens. */
		double lift = t->context_w > 0 ? m->lift : m->bare;

		return lp[best] - lp[0] >= lift ? st : win;
	}
	if (st == win)
		return win;
	/* Nearly alike: the runner-up has three quarters of the winner's score. */
	if (t->score[st] >= set->threshold && t->score[st] * 4 >= t->score[win] * 3)
		return st;
	/* The rules chose another stage, and the model is far surer of its own
	 * than of theirs (a rejection that names the interview it followed);
	 * never over a rule the user wrote. */
	if (t->user[win])
		return win;
	for (int c = 1; c < m->nclass; c++)
		if (m->stage[c] == win && lp[best] >= lp[0] && lp[best] - lp[c] >= m->override) {
			*overrode = true;
			return st;
		}
	return win;
}

void classify(const struct rules *set, const struct classify_input *in,
	      struct classify_result *out)
{
	out->stage = STAGE_NONE;
	out->score = 0;
	out->rule = NULL;
	out->needs_model = false;
	if (!set)
		return;
	/* Every incoming message is the model's too: have it loaded first
	 * rather than run the rules twice. */
	if (!set->model && set->model_path && !in->outgoing) {
		out->needs_model = true;
		return;
	}
	g_autofree char *subject_s = normalise(in->subject, FRESH_MAX);
	g_autofree char *fresh_s = normalise(in->fresh, FRESH_MAX);
	g_autofree char *quoted_s = normalise(in->quoted, QUOTED_MAX);
	const struct model *m = set->model;
	struct text subject, fresh, quoted;
	struct tally t;
	gint32 *head;
	enum nudge_stage win;
	bool reply;

	/* A reply's subject is the thread's: it weighs like quoted text. */
	reply = is_reply(subject_s);
	head = g_new(gint32, 3 * (gsize)set->n_starts + 1);
	text_init(set, &subject, subject_s, head);
	text_init(set, &fresh, fresh_s, head + set->n_starts);
	text_init(set, &quoted, quoted_s, head + 2 * set->n_starts);
	tally_rules(set, &subject, &fresh, &quoted, reply, in->outgoing, true, &t);
	win = rules_winner(set, &t, in->outgoing);
	if (m && !in->outgoing) {
		double lp[STAGE__COUNT];
		int best, second;
		bool overrode = false;
		enum nudge_stage st;

		model_score(m, subject_s, reply, fresh_s, lp);
		model_rank(m, lp, &best, &second);
		/* No job word, but the model could lift it: what do the stage
		 * rules and the hard negatives say? */
		if (!t.context && best >= 0 && lp[best] - lp[0] >= m->bare) {
			tally_rules(set, &subject, &fresh, &quoted, reply, false, false, &t);
			win = rules_winner(set, &t, false);
		}
		st = t.negative > -m->veto ? model_decide(set, lp, &t, win, &overrode) : win;
		if (st != win && (t.score[st] < set->threshold || overrode)) {
			out->stage = st;
			out->score = MAX(t.score[st], set->threshold);
			out->rule = "model";
			goto out;
		}
		win = st;
	}
	if (win != STAGE_NONE) {
		out->stage = win;
		out->score = t.score[win];
		out->rule = t.best_rule[win];
	}
out:
	g_array_unref(subject.hits);
	g_array_unref(fresh.hits);
	g_array_unref(quoted.hits);
	g_free(head);
}
