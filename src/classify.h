/*
 * The classifier: weighted PCRE2 rules (data files under filters/rules/ and
 * the user's config folder) decide the stage of a message. Pure: the rules
 * are compiled once, classify() does no I/O.
 */
#ifndef NUDGE_CLASSIFY_H
#define NUDGE_CLASSIFY_H

#include "nudge.h"

struct rules;

/*
 * Loads and compiles the built-in rules in <datadir>/filters/rules/ and then
 * the user's in <userdir>/rules/ (userdir may be NULL). A broken built-in file
 * fails with NUDGE_E_CONFIG. A broken user rule is not fatal: its
 * "file:line: PCRE2 message" is appended to *warnings (when not NULL; the
 * caller frees with g_ptr_array_unref) and the built-in rules are used.
 * The caller frees *out with rules_free().
 */
int rules_load(const char *datadir, const char *userdir, struct rules **out,
	       GPtrArray **warnings, GError **err);
/*
 * The same, with a cache of the compiled patterns in the file `cache` (NULL:
 * none), as `nudge filter` uses: read when it matches the rule files exactly,
 * rewritten when it does not. A missing, stale or damaged cache only costs
 * the compile; the rules are the same either way. Patterns are compiled to
 * machine code only when first run. The statistical model is loaded only
 * when a message needs it (classify_result.needs_model: incoming mail).
 */
int rules_load_cached(const char *datadir, const char *userdir, const char *cache,
		      struct rules **out, GPtrArray **warnings, GError **err);
void rules_free(struct rules *r);

struct classify_input {
	const char *subject;	/* decoded, UTF-8, may be NULL */
	const char *fresh;	/* new text of the body, UTF-8, may be NULL */
	const char *quoted;	/* quoted history, UTF-8, may be NULL */
	bool outgoing;		/* written by the user: acceptance or none */
};

struct classify_result {
	enum nudge_stage stage;
	int score;		/* the winning stage's total weight */
	const char *rule;	/* "file:line" of its strongest rule; owned by rules */
	/* The statistical model would have been consulted but is not loaded
	 * (rules_load_cached() waits for a message that needs it): call
	 * rules_load_model() and classify again. */
	bool needs_model;
};

/* Loads the model rules_load_cached() left for later; 0 when it is loaded
 * or there is none, NUDGE_E_CONFIG for a malformed model file. */
int rules_load_model(struct rules *r, GError **err);

/*
 * The features the statistical model (filters/model/stages.tsv) reads: the
 * case-folded words of the subject (left out for a reply or forward, whose
 * subject is the thread's) and of the fresh text, the first
 * six letters of longer words after a '~', and pairs of neighbouring words
 * joined by '+' (a number in a pair as '#'); each feature once. The training script
 * (tools/train-model) reads them through tools/model-features. The caller
 * frees the array with g_ptr_array_unref.
 */
GPtrArray *classify_features(const struct classify_input *in);

/* Never fails: a rule that hits a PCRE2 limit counts as not matching. */
void classify(const struct rules *r, const struct classify_input *in,
	      struct classify_result *out);

#endif
