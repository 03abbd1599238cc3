/* Drafts into a local Maildir: tmp/ then cur/ with the D flag. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maildir.h"
#include "rewrite.h"

static int make_dirs(const char *dir, GError **err)
{
	static const char *const subs[] = { "tmp", "new", "cur" };

	for (size_t i = 0; i < G_N_ELEMENTS(subs); i++) {
		g_autofree char *p = g_build_filename(dir, subs[i], NULL);

		if (g_mkdir_with_parents(p, 0700) < 0)
			return nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", p,
					  g_strerror(errno));
	}
	return 0;
}

int maildir_put(const char *dir, const char *tag, const char *data, size_t len,
		char **path, GError **err)
{
	g_autofree char *name = NULL, *tmp = NULL, *cur = NULL;
	char host[256] = "localhost";
	gint64 now = g_get_real_time();
	int fd, ret;

	if ((ret = make_dirs(dir, err)) < 0)
		return ret;
	gethostname(host, sizeof(host) - 1);
	for (char *h = host; *h; h++)	/* '/' and ':' may not stand in a name */
		if (*h == '/' || *h == ':')
			*h = '_';
	name = g_strdup_printf("%" G_GINT64_FORMAT ".M%" G_GINT64_FORMAT "P%d.nudge-%s.%s",
			       now / G_USEC_PER_SEC, now % G_USEC_PER_SEC, (int)getpid(),
			       tag, host);
	tmp = g_build_filename(dir, "tmp", name, NULL);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", tmp,
				  g_strerror(errno));
	if ((ret = write_all(fd, data, len)) < 0 || fsync(fd) < 0) {
		int e = ret < 0 ? -ret : errno;

		close(fd);
		unlink(tmp);
		return nudge_fail(err, NUDGE_E_IO, "cannot write '%s': %s", tmp,
				  g_strerror(e));
	}
	if (close(fd) < 0) {
		unlink(tmp);
		return nudge_fail(err, NUDGE_E_IO, "cannot write '%s': %s", tmp,
				  g_strerror(errno));
	}
	cur = g_strdup_printf("%s/cur/%s:2,DS", dir, name);
	if (rename(tmp, cur) < 0) {
		int e = errno;

		unlink(tmp);
		return nudge_fail(err, NUDGE_E_IO, "cannot move '%s' to '%s': %s", tmp,
				  cur, g_strerror(e));
	}
	*path = g_steal_pointer(&cur);
	return 0;
}

int maildir_find(const char *dir, const char *tag, char **path, GError **err)
{
	static const char *const subs[] = { "cur", "new" };
	g_autofree char *needle = g_strdup_printf(".nudge-%s.", tag);

	(void)err;
	*path = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(subs); i++) {
		g_autofree char *d = g_build_filename(dir, subs[i], NULL);
		GDir *gd = g_dir_open(d, 0, NULL);
		const char *n;

		if (!gd)
			continue;
		while ((n = g_dir_read_name(gd))) {
			if (strstr(n, needle)) {
				*path = g_build_filename(d, n, NULL);
				break;
			}
		}
		g_dir_close(gd);
		if (*path)
			break;
	}
	return 0;
}
