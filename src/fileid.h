/*
 * What identifies a file's contents without reading it, as git's index
 * knows a file: device, inode, size, mtime and ctime in nanoseconds. A cache
 * keyed by it sees every change made through the file system, even an edit
 * in place that sets the mtime back (the ctime moves).
 */
#ifndef NUDGE_FILEID_H
#define NUDGE_FILEID_H

#include <sys/stat.h>

#include "nudge.h"

#define FILE_ID_LEN 5

void file_id(const struct stat *st, guint64 id[FILE_ID_LEN]);

#endif
