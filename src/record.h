/*
 * The filter's work on one message: classify it, find or start its thread,
 * extract the facts and record it. Shared by `nudge filter`, `nudge sync`
 * and the Claws Mail plugin.
 */
#ifndef NUDGE_RECORD_H
#define NUDGE_RECORD_H

#include "classify.h"
#include "config.h"
#include "facts.h"
#include "message.h"
#include "store.h"

struct record_ctx {
	const struct config *cfg;
	struct store *st;
	struct rules *rules;
	gint64 now;
};

struct record_result {
	bool tracked;		/* the message belongs to a tracked thread */
	bool added;		/* it was new (not recorded before) */
	bool outgoing;		/* written by the user */
	char thread_id[16];
	enum nudge_stage stage;	/* the message's, else its thread's stage */
	enum nudge_stage msg_stage; /* what the classifier said of it */
};

/* What nudge makes of a message before it looks at any thread. */
struct analysis {
	bool outgoing;		/* written by the user */
	bool automatic;		/* auto-submitted or list mail: never a stage */
	struct classify_result cls;
	char *fresh, *quoted;	/* the body split by quote_split(); owned */
};

/*
 * Classifies m. Pure, but for loading the classifier's model the first time
 * a message needs it (NUDGE_E_CONFIG when that file is malformed). Without
 * rules (NULL) the message is of no stage, as automatic mail always is. The
 * caller frees with analysis_clear(), whatever it returns.
 */
int record_analyse(const struct config *cfg, struct rules *rules,
		   const struct nudge_msg *m, bool outgoing, struct analysis *a,
		   GError **err);
/* The facts of an employer message, its Date (else now) resolving relative
 * dates. The caller frees with facts_clear(). */
void record_facts(const struct config *cfg, const struct nudge_msg *m,
		  const struct analysis *a, gint64 now, struct facts *out);
void analysis_clear(struct analysis *a);

/*
 * Records m when it is interview-related or belongs to a tracked thread.
 * `fallback_id` names a message without a Message-ID (e.g. a hash of it).
 */
int record_message(const struct record_ctx *ctx, const struct nudge_msg *m,
		   bool outgoing, const char *fallback_id,
		   struct record_result *res, GError **err);
/* The same for a message record_analyse() has read. */
int record_analysed(const struct record_ctx *ctx, const struct nudge_msg *m,
		    const struct analysis *a, const char *fallback_id,
		    struct record_result *res, GError **err);
/*
 * Whether record_analysed() would leave m alone (no stage of an employer,
 * no thread), as the thread index of the database at db_path tells without
 * opening it. false when the index cannot tell.
 */
bool record_skippable(const struct nudge_msg *m, const struct analysis *a,
		      const char *fallback_id, const char *db_path);

#endif
