/*
 * Byte-exact pass-through with header edits: the message goes out as it came
 * in, except that X-Nudge-* fields are removed and nudge's own are added at
 * the end of the header block, in the message's own line ending.
 */
#ifndef NUDGE_REWRITE_H
#define NUDGE_REWRITE_H

#include "nudge.h"

struct header_block {
	size_t end;		/* offset of the empty separator line, or len */
	bool has_separator;
	bool crlf;		/* the header block's lines end in CRLF */
	bool has_nudge;		/* an X-Nudge-* field is present */
};

/* Whether the header line at p (n bytes) is an X-Nudge-* field. */
bool rewrite_is_nudge_field(const char *p, size_t n);

/* Finds where the header block of buf ends and what it holds. */
void rewrite_scan(const char *buf, size_t len, struct header_block *hb);

/*
 * Writes buf to fd: X-Nudge-* fields removed, then `add` ("Name: value",
 * without line ending) inserted before the separator. Fields are added only
 * when the message has headers and a separator. Returns 0, or -errno when writing failed.
 */
int rewrite_write(int fd, const char *buf, size_t len,
		  const struct header_block *hb, const char *const *add,
		  size_t n_add);

/*
 * Reads fd into buf up to max bytes; *more (may be NULL) is set when there
 * is more, still unread on fd. Returns 0 or -errno.
 */
int read_fd(int fd, gsize max, GByteArray *buf, bool *more);

/* write(2) until done, retrying on EINTR. Returns 0 or -errno. */
int write_all(int fd, const void *buf, size_t len);

#endif
