/*
 * A thread's next draft: the first one the schedule plans that was neither
 * written nor removed, nor expired by now. Used by the Claws Mail plugin (and fit for `nudge list`).
 */
#ifndef NUDGE_NEXTDRAFT_H
#define NUDGE_NEXTDRAFT_H

#include "schedule.h"

/* recs: the store's draft records (store_draft_list). Points into s, or NULL. */
const struct et_draft *schedule_next_draft(const struct schedule *s,
					   const char *thread_id,
					   const GPtrArray *recs, gint64 now);

#endif
