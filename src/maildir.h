/* Drafts into a local Maildir: tmp/ then cur/ with the D flag. */
#ifndef NUDGE_MAILDIR_H
#define NUDGE_MAILDIR_H

#include "nudge.h"

/*
 * Writes data as a new message in the Maildir at dir (creating it), in cur/
 * with flags "DS" (draft, seen). `tag` goes into the unique name so that
 * maildir_find() can tell whether this draft is there already. *path is the
 * new file (g_free).
 */
int maildir_put(const char *dir, const char *tag, const char *data, size_t len,
		char **path, GError **err);

/* The file in new/ or cur/ whose name carries tag, or *path NULL. */
int maildir_find(const char *dir, const char *tag, char **path, GError **err);

#endif
