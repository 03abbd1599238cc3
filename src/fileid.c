/* A file's identity for cache keys (fileid.h). */
#include "fileid.h"

void file_id(const struct stat *st, guint64 id[FILE_ID_LEN])
{
	id[0] = (guint64)st->st_dev;
	id[1] = (guint64)st->st_ino;
	id[2] = (guint64)st->st_size;
	id[3] = (guint64)st->st_mtim.tv_sec * 1000000000u + (guint64)st->st_mtim.tv_nsec;
	id[4] = (guint64)st->st_ctim.tv_sec * 1000000000u + (guint64)st->st_ctim.tv_nsec;
}
