/*
 * A 64-bit checksum of a buffer, for the caches (rules.cache, model.cache):
 * they guard against stale and damaged files, not against an attacker
 * (whoever can write the state folder can write the database too).
 */
#ifndef NUDGE_CHECKSUM_H
#define NUDGE_CHECKSUM_H

#include "nudge.h"

/* The checksum of len bytes at data, started from seed. */
guint64 checksum64(guint64 seed, const void *data, size_t len);

#endif
