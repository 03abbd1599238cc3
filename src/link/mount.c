/*
 * Linked into the static build in place of libmount and libselinux. GIO's
 * mount-table and SELinux-label code comes in with the rest of static GIO,
 * but nudge never lists mounts or reads file labels; loading libmount (with
 * libblkid, libselinux and a second PCRE2) cost 0.7 ms of every run
 * (README, Performance). Each function answers as a system without a mount
 * table and without SELinux would.
 */
#include <errno.h>
#include <stddef.h>

#include <libmount/libmount.h>
#include <selinux/selinux.h>

struct libmnt_table *mnt_new_table(void)
{
	return NULL;
}

void mnt_free_table(struct libmnt_table *tb)
{
	(void)tb;
}

int mnt_table_parse_mtab(struct libmnt_table *tb, const char *filename)
{
	(void)tb;
	(void)filename;
	return -ENOSYS;
}

int mnt_table_parse_fstab(struct libmnt_table *tb, const char *filename)
{
	(void)tb;
	(void)filename;
	return -ENOSYS;
}

int mnt_table_next_fs(struct libmnt_table *tb, struct libmnt_iter *itr,
		      struct libmnt_fs **fs)
{
	(void)tb;
	(void)itr;
	(void)fs;
	return 1;
}

struct libmnt_iter *mnt_new_iter(int direction)
{
	(void)direction;
	return NULL;
}

void mnt_free_iter(struct libmnt_iter *itr)
{
	(void)itr;
}

const char *mnt_get_fstab_path(void)
{
	return "/etc/fstab";
}

int mnt_has_regular_mtab(const char **mtab, int *writable)
{
	if (mtab)
		*mtab = NULL;
	if (writable)
		*writable = 0;
	return 0;
}

const struct libmnt_optmap *mnt_get_builtin_optmap(int id)
{
	(void)id;
	return NULL;
}

int mnt_optstr_get_flags(const char *optstr, unsigned long *flags,
			 const struct libmnt_optmap *map)
{
	(void)optstr;
	(void)map;
	*flags = 0;
	return -ENOSYS;
}

const char *mnt_fs_get_source(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

const char *mnt_fs_get_target(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

const char *mnt_fs_get_fstype(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

const char *mnt_fs_get_options(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

const char *mnt_fs_get_root(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

char *mnt_fs_strdup_options(struct libmnt_fs *fs)
{
	(void)fs;
	return NULL;
}

int is_selinux_enabled(void)
{
	return 0;
}

int getfilecon_raw(const char *path, char **con)
{
	(void)path;
	*con = NULL;
	errno = ENOTSUP;
	return -1;
}

int lgetfilecon_raw(const char *path, char **con)
{
	return getfilecon_raw(path, con);
}

int fgetfilecon_raw(int fd, char **con)
{
	(void)fd;
	*con = NULL;
	errno = ENOTSUP;
	return -1;
}

int setfilecon_raw(const char *path, const char *con)
{
	(void)path;
	(void)con;
	errno = ENOTSUP;
	return -1;
}

void freecon(char *con)
{
	(void)con;
}
