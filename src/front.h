/*
 * The filter's first look at a message, from its raw header block, before
 * GMime is set up: automatic and list mail (Auto-Submitted, Precedence),
 * which never takes a stage, needs nothing more than the thread index to be
 * passed on as it came. More than half of everyday mail is such mail.
 *
 * It decides only when the fields it reads are plain enough that GMime is
 * certain to read the same from them (one of each, ASCII, no encoded words,
 * message ids of the simplest form); anything else is left to the full
 * path. Pure: no I/O.
 */
#ifndef NUDGE_FRONT_H
#define NUDGE_FRONT_H

#include "nudge.h"

/*
 * Whether buf (len bytes) is automatic mail whose thread keys can be read
 * from its header block alone. If so, appends to keys (of guint64) every
 * thread index key the full path could look up for it (threadidx_hash() of
 * its ids, and of its normalised subject with every domain its From and
 * Reply-To fields could name): a superset, so that "none of these keys is
 * known" proves it joins no thread. Mail from one of user_addrs
 * (NULL-terminated, may be NULL) is never decided here: it is the user's.
 */
bool front_keys(const char *buf, size_t len, char *const *user_addrs, GArray *keys);

#endif
