/*
 * The thread index (threadidx.h). The file: "nudge-threads 1\n", the
 * database file's identity when it was written (file_id(): five 64-bit
 * words), the number of hashes (8 bytes), then the hashes in ascending
 * order (8 bytes each). Host byte order: it never leaves this machine.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileid.h"
#include "rewrite.h"
#include "threadidx.h"

#define MAGIC "nudge-threads 1\n"
#define HEAD (sizeof(MAGIC) - 1 + 8 * FILE_ID_LEN + 8)

/* FNV-1a, 64 bits, with a byte that tells the two kinds of key apart. */
static guint64 fnv(guint64 h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

guint64 threadidx_hash(const char *id, const char *norm, const char *domain)
{
	guint64 h = 0xcbf29ce484222325u;

	if (id) {
		h = (h ^ 'i') * 0x100000001b3u;
		return fnv(h, id);
	}
	h = (h ^ 's') * 0x100000001b3u;
	h = fnv(h, norm);
	h = (h ^ '\n') * 0x100000001b3u;
	return fnv(h, domain);
}

static int db_id(const char *db_path, guint64 id[FILE_ID_LEN])
{
	struct stat sb;

	if (stat(db_path, &sb) < 0)
		return -errno;
	file_id(&sb, id);
	return 0;
}

/* The index's hashes when it was written for db: else NULL. The caller
 * unrefs *map. */
static const guint64 *map_index(const char *path, const guint64 db[FILE_ID_LEN],
				GMappedFile **map, guint64 *n)
{
	const guint8 *p;
	gsize len;

	if (!(*map = g_mapped_file_new(path, FALSE, NULL)))
		return NULL;
	p = (const guint8 *)g_mapped_file_get_contents(*map);
	len = g_mapped_file_get_length(*map);
	if (len >= HEAD)
		memcpy(n, p + HEAD - 8, 8);
	if (len < HEAD || (len - HEAD) % 8 || memcmp(p, MAGIC, sizeof(MAGIC) - 1) != 0 ||
	    memcmp(p + sizeof(MAGIC) - 1, db, 8 * FILE_ID_LEN) != 0 ||
	    *n != (guint64)(len - HEAD) / 8) {
		g_clear_pointer(map, g_mapped_file_unref);
		return NULL;
	}
	/* HEAD is a multiple of 8 and the mapping is page-aligned. */
	return (const guint64 *)(const void *)(p + HEAD);
}

static bool has(const guint64 *v, guint64 n, guint64 h)
{
	guint64 lo = 0, hi = n;

	while (lo < hi) {
		guint64 mid = lo + (hi - lo) / 2;

		if (v[mid] < h)
			lo = mid + 1;
		else if (v[mid] > h)
			hi = mid;
		else
			return true;
	}
	return false;
}

int threadidx_lookup(const char *db_path, const guint64 *hashes, size_t n, bool *found)
{
	g_autofree char *path = store_index_path(db_path);
	guint64 db[FILE_ID_LEN], count;
	const guint64 *v;
	GMappedFile *map;

	*found = false;
	if (db_id(db_path, db) < 0)
		return NUDGE_E_NOTFOUND;
	if (!(v = map_index(path, db, &map, &count)))
		return NUDGE_E_NOTFOUND;
	for (size_t i = 0; i < n && !*found; i++)
		*found = has(v, count, hashes[i]);
	g_mapped_file_unref(map);
	return 0;
}

static void add_key(void *data, const char *id, const char *norm, const char *domain)
{
	guint64 h = threadidx_hash(id, norm, domain);

	g_array_append_val((GArray *)data, h);
}

static int cmp_u64(gconstpointer a, gconstpointer b)
{
	guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

	return (x > y) - (x < y);
}

int threadidx_refresh(struct store *st, GError **err)
{
	const char *db_path = store_path(st);
	g_autofree char *path = store_index_path(db_path);
	g_autofree char *tmp = g_strconcat(path, ".XXXXXX", NULL);
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	guint64 db[FILE_ID_LEN], count, n = 0;
	GMappedFile *map;
	int fd = -1, ret;

	if ((ret = db_id(db_path, db)) < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot read '%s': %s", db_path,
				  g_strerror(-ret));
	if (map_index(path, db, &map, &count)) {
		g_mapped_file_unref(map);
		return 0;
	}
	if ((ret = store_thread_keys(st, add_key, keys, err)) < 0)
		return ret;
	g_array_sort(keys, cmp_u64);
	for (guint i = 0; i < keys->len; i++)
		if (n == 0 || g_array_index(keys, guint64, i) != g_array_index(keys, guint64, n - 1))
			g_array_index(keys, guint64, n++) = g_array_index(keys, guint64, i);
	/* Written whole under another name, then put in place: a reader sees
	 * the old index, none, or this one. */
	if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0) {
		ret = -errno;
		goto fail;
	}
	if ((ret = write_all(fd, MAGIC, sizeof(MAGIC) - 1)) < 0 ||
	    (ret = write_all(fd, db, sizeof(db))) < 0 ||
	    (ret = write_all(fd, &n, 8)) < 0 ||
	    (ret = write_all(fd, keys->data, 8 * (size_t)n)) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		ret = -errno;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		ret = -errno;
		goto fail;
	}
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	(void)unlink(tmp);
	return nudge_fail(err, NUDGE_E_IO, "cannot write the thread index '%s': %s",
			  path, g_strerror(-ret));
}

int threadidx_update(struct store *st, GError **err)
{
	int ret;

	store_checkpoint(st);
	if ((ret = store_begin(st, err)) < 0)
		return ret;
	if ((ret = threadidx_refresh(st, err)) < 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, err);
}
