/* Byte-exact pass-through with header edits. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "rewrite.h"

int read_fd(int fd, gsize max, GByteArray *buf, bool *more)
{
	char chunk[65536];

	if (more)
		*more = false;
	for (;;) {
		size_t want = sizeof(chunk);
		ssize_t n;

		if (buf->len >= max) {
			if (more)
				*more = true;
			return 0;
		}
		if (want > max - buf->len)
			want = max - buf->len;
		n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return 0;
		g_byte_array_append(buf, (const guint8 *)chunk, (guint)n);
	}
}

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Length of the line at p (up to and including its LF, or to the end). */
static size_t line_len(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
}

static bool is_blank_line(const char *p, size_t n)
{
	return (n == 1 && p[0] == '\n') || (n == 2 && p[0] == '\r' && p[1] == '\n');
}

bool rewrite_is_nudge_field(const char *p, size_t n)
{
	static const char name[] = "x-nudge-";
	const size_t k = sizeof(name) - 1;

	return n > k && g_ascii_strncasecmp(p, name, k) == 0 &&
	       memchr(p, ':', n) != NULL;
}

void rewrite_scan(const char *buf, size_t len, struct header_block *hb)
{
	const char *p = buf, *end = buf + len;
	bool first = true;

	memset(hb, 0, sizeof(*hb));
	hb->end = len;
	while (p < end) {
		size_t n = line_len(p, end);

		if (is_blank_line(p, n)) {
			hb->end = (size_t)(p - buf);
			hb->has_separator = true;
			break;
		}
		if (first && n >= 2 && p[n - 1] == '\n')
			hb->crlf = p[n - 2] == '\r';
		first = false;
		if (rewrite_is_nudge_field(p, n))
			hb->has_nudge = true;
		p += n;
	}
}

int rewrite_write(int fd, const char *buf, size_t len,
		  const struct header_block *hb, const char *const *add,
		  size_t n_add)
{
	const char *p = buf, *hend = buf + hb->end, *keep = buf;
	g_autoptr(GString) extra = g_string_new(NULL);
	int ret;

	/* Copy the header block in runs, skipping X-Nudge-* fields. */
	while (hb->has_nudge && p < hend) {
		size_t n = line_len(p, hend);

		if (!rewrite_is_nudge_field(p, n)) {
			p += n;
			continue;
		}
		if ((ret = write_all(fd, keep, (size_t)(p - keep))) < 0)
			return ret;
		p += n;
		while (p < hend && (*p == ' ' || *p == '\t'))
			p += line_len(p, hend);
		keep = p;
	}
	if ((ret = write_all(fd, keep, (size_t)(hend - keep))) < 0)
		return ret;
	if (hb->has_separator && hb->end > 0) {
		for (size_t i = 0; i < n_add; i++)
			g_string_append_printf(extra, "%s%s", add[i],
					       hb->crlf ? "\r\n" : "\n");
		if ((ret = write_all(fd, extra->str, extra->len)) < 0)
			return ret;
	}
	return write_all(fd, hend, len - hb->end);
}
