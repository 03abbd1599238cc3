/*
 * The rule set as classify.c matches it and rules.c loads, builds and
 * caches it: shared by those two files only; everyone else uses classify.h.
 */
#ifndef NUDGE_RULES_H
#define NUDGE_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "classify.h"
#include "model.h"

#define SCOPE_SUBJECT 1u
#define SCOPE_FRESH 2u
#define SCOPE_QUOTED 4u

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
	bool user;		/* from the user's folder: the model never overrules it */
	pcre2_code *re;
	/* Where every match starts (anchored: tried there only): at a word
	 * beginning with one of starts, or at a byte of first_bytes. */
	bool anchored;
	char **starts;		/* case-folded word beginnings; NULL when !anchored */
	gint32 *start_ids;	/* their numbers in the rule set's trie, then -1 */
	guint8 *first_bytes;	/* a set of 256 bits, or NULL */
	/* A \d after \b: never tried right after an ASCII letter or digit. */
	bool bounded_digits;
	bool jit;		/* JIT-compiled (or tried) */
	unsigned runs;		/* matches tried, until the pattern is JIT-compiled */
	/* From the rule cache, re is decoded when the rule first runs
	 * (rule_code()): its serialised code, with its checksum, and its
	 * pattern text (checked with the set), in the cache's mapping. NULL
	 * once taken. */
	const guint8 *lazy_code;
	const char *lazy_pattern;
	guint32 lazy_code_len;
	guint64 lazy_code_sum;
};

/*
 * The start words of all rules as a trie of their bytes: a node per prefix,
 * its children chained by sibling, and the number of the start word that
 * ends there (or -1).
 */
struct trie_node {
	gint32 child, sibling;	/* node indices, 0 for none (the root is no child) */
	gint32 id;		/* a start word that a word begins with */
	gint32 whole;		/* a start word that is the whole word */
	guint8 byte;
};

struct rules {
	/* Of struct rule *: owned, or, in a set read from the rule cache,
	 * pointing into block, whose names, patterns and first bytes are in
	 * the cache's mapping and start ids in ids. */
	GPtrArray *list;
	struct rule *block;
	gint32 *ids;
	/* The trie: n_nodes nodes, node 0 the root; in trie when built here,
	 * in the rule cache's mapping when read from it (its indices then
	 * checked as they are followed: trie_next()). */
	const struct trie_node *nodes;
	guint32 n_nodes;
	GArray *trie;
	gint32 first[256];	/* the root's child per byte, or 0 */
	gint32 n_starts;	/* distinct start words */
	struct model *model;	/* NULL without filters/model/stages.tsv */
	char *model_path;	/* the model, while it is not loaded */
	char *model_cache;	/* its cache, or NULL */
	pcre2_match_context *mctx;
	int threshold;
	int quoted_percent;
	bool has_context;	/* some rule is a context rule */
	GMappedFile *cache_map;	/* the rule cache the rules' codes are read from */
	char *cache_path;	/* removed when a code in it proves damaged */
};

/* The node for the byte under node in the trie, added when add is set; 0
 * for none. */
gint32 trie_child(GArray *trie, gint32 node, guint8 byte, bool add);
/* The same in the set's nodes, 0 also for an index out of bounds. */
gint32 trie_next(const struct rules *set, gint32 node, guint8 byte);

/*
 * The rule's compiled pattern: decoded from the rule cache when the rule
 * first runs (rules.c); NULL only when it cannot be had.
 */
pcre2_code *rule_code(const struct rules *set, struct rule *r);

#endif
