/*
 * The thread index: beside the database (store_index_path()), the sorted
 * 64-bit hashes of every key under which thread_find() finds a thread (a
 * message id linked to one; a thread's normalised subject with its
 * domain). With it `nudge filter` knows without opening the database that
 * a message of no stage joins no thread: most mail then never opens it.
 *
 * It only ever holds a superset of the database's keys. store.c removes it
 * in any transaction that changes threads or message ids, before that
 * transaction commits; threadidx_refresh() writes it only inside a write
 * transaction, which no other writer can interleave with; and it names the
 * database file it was written for, so a file put in the database's place
 * does not find an index that does not know it. A colliding hash costs a
 * database lookup, never a thread.
 */
#ifndef NUDGE_THREADIDX_H
#define NUDGE_THREADIDX_H

#include "nudge.h"
#include "store.h"

/* The hash of a key: a message id (norm and domain NULL), or a normalised
 * subject and its domain (id NULL). */
guint64 threadidx_hash(const char *id, const char *norm, const char *domain);

/*
 * Whether the index of the database at db_path holds one of the n hashes:
 * 0 with *found set, or NUDGE_E_NOTFOUND when no index can tell (none,
 * damaged, or written for another file than the one at db_path).
 */
int threadidx_lookup(const char *db_path, const guint64 *hashes, size_t n, bool *found);

/*
 * Writes the index of st's database unless an up-to-date one is there.
 * Only inside a write transaction (store_begin()), after its last change.
 */
int threadidx_refresh(struct store *st, GError **err);
/*
 * The same in a transaction of its own, after a checkpoint: the database
 * file then stays as the index names it when st is closed (closing
 * checkpoints what is left), and the next run can trust the index.
 */
int threadidx_update(struct store *st, GError **err);

#endif
