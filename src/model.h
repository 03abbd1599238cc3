/*
 * The classifier's statistical model: a logistic regression over the features of
 * classify_features(), trained by tools/train-model into
 * filters/model/stages.tsv (format there). The filter reads it through a
 * cache, a hash table laid out for mmap, so a run that needs the model does
 * not parse 3,000 lines of text.
 */
#ifndef NUDGE_MODEL_H
#define NUDGE_MODEL_H

#include "nudge.h"

struct model_index;

struct model {
	int nclass;
	enum nudge_stage stage[STAGE__COUNT];	/* class index -> stage */
	double prior[STAGE__COUNT];		/* log P(class) */
	double lift;		/* log-odds over none that lifts a rule-less message */
	double bare;		/* the same, for a message without a job word */
	double choose;		/* log-odds over the next stage to pick a stage */
	double override;	/* log-odds over the rules' stage to replace it */
	int veto;		/* hard negatives at or below -veto keep the model out */
	struct model_index *index;	/* the features; private to model.c */
};

/*
 * Reads the model at path into *out (model_free); *out is NULL when there
 * is no such file. With cache (a file path, may be NULL) the model is read
 * from the cache when it was written for this very file, else parsed and the
 * cache written (best effort). A malformed model is NUDGE_E_CONFIG with
 * file:line.
 */
int model_load(const char *path, const char *cache, struct model **out, GError **err);

/* The feature's weight per class (indexed like stage[]), or NULL. Floats:
 * the file gives three decimals, and the cache is read on every run. */
const float *model_weights(const struct model *m, const char *feature);

void model_free(struct model *m);

#endif
