/*
 * The filter path on arbitrary bytes: parse, split quotes, classify, then
 * rewrite into a memfd and check the output byte for byte against what the
 * input says it must be.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "classify.h"
#include "fuzz.h"
#include "message.h"
#include "rewrite.h"
#include "text.h"

static struct rules *rules;
static int mfd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("NUDGE_DATADIR");
	GError *err = NULL;

	(void)argc;
	(void)argv;
	g_mime_init();
	if (rules_load(dir && *dir ? dir : NUDGE_DATADIR, NULL, &rules, NULL, &err) < 0) {
		g_printerr("fuzz-filter: %s\n", err->message);
		abort();
	}
	mfd = memfd_create("fuzz-filter", 0);
	if (mfd < 0)
		abort();
	return 0;
}

/* Rewrites buf into the memfd; returns what was written (g_free). */
static char *rewrite(const char *buf, size_t len, const char *const *add,
		     size_t n_add, size_t *out_len)
{
	struct header_block hb;
	char *out;
	off_t n;

	rewrite_scan(buf, len, &hb);
	if (ftruncate(mfd, 0) < 0 || lseek(mfd, 0, SEEK_SET) < 0 ||
	    rewrite_write(mfd, buf, len, &hb, add, n_add) < 0)
		abort();
	n = lseek(mfd, 0, SEEK_CUR);
	out = g_malloc((size_t)n + 1);
	if (pread(mfd, out, (size_t)n, 0) != n)
		abort();
	*out_len = (size_t)n;
	return out;
}

static void check_rewrite(const char *buf, size_t len)
{
	static const char *const add[] = { "X-Nudge-Thread: 0123456789abcdef",
					   "X-Nudge-Stage: invitation" };
	struct header_block hb;
	g_autofree char *plain = NULL, *again = NULL, *added = NULL;
	size_t plain_len, again_len, added_len, extra = 0;

	rewrite_scan(buf, len, &hb);
	if (hb.end > len)
		abort();
	plain = rewrite(buf, len, NULL, 0, &plain_len);
	if (!hb.has_nudge) {
		/* Nothing to remove, nothing to add: the very same bytes. */
		if (plain_len != len || memcmp(plain, buf, len) != 0)
			abort();
	} else {
		/* Only header lines go; the body after them is untouched. */
		size_t body = len - hb.end;

		if (plain_len > len || plain_len < body ||
		    memcmp(plain + plain_len - body, buf + hb.end, body) != 0)
			abort();
	}
	/* Stripping twice changes nothing more. */
	again = rewrite(plain, plain_len, NULL, 0, &again_len);
	if (again_len != plain_len || memcmp(again, plain, plain_len) != 0)
		abort();

	/* The added fields go right before the separator, nowhere else. */
	if (hb.has_nudge)
		return;
	added = rewrite(buf, len, add, G_N_ELEMENTS(add), &added_len);
	if (hb.has_separator && hb.end > 0)
		for (size_t i = 0; i < G_N_ELEMENTS(add); i++)
			extra += strlen(add[i]) + (hb.crlf ? 2 : 1);
	if (added_len != len + extra ||
	    memcmp(added, buf, hb.end) != 0 ||
	    memcmp(added + hb.end + extra, buf + hb.end, len - hb.end) != 0)
		abort();
}

/* msg_parse promises UTF-8 in every field; the regexes rely on it. */
static void check_utf8(const struct nudge_msg *m)
{
	const char *const fields[] = {
		m->message_id, m->in_reply_to, m->subject, m->from_name,
		m->from_addr, m->reply_to_name, m->reply_to_addr, m->to_name,
		m->to_addr, m->organization, m->text, m->ics,
	};

	for (size_t i = 0; i < G_N_ELEMENTS(fields); i++)
		if (fields[i] && !g_utf8_validate(fields[i], -1, NULL))
			abort();
	for (size_t i = 0; m->references && m->references[i]; i++)
		if (!g_utf8_validate(m->references[i], -1, NULL))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct nudge_msg *m = NULL;
	GError *err = NULL;

	check_rewrite(buf, size);
	if (msg_parse(buf, size, &m, &err) == 0) {
		struct classify_input cin = { 0 };
		struct classify_result cres;
		char *fresh = NULL, *quoted = NULL;
		char *dom = addr_domain(m->from_addr);

		check_utf8(m);
		quote_split(m->text ? m->text : "", &fresh, &quoted);
		cin.subject = m->subject;
		cin.fresh = fresh;
		cin.quoted = quoted;
		classify(rules, &cin, &cres);
		if (cres.stage >= STAGE__COUNT)
			abort();
		cin.outgoing = true;
		classify(rules, &cin, &cres);
		g_free(dom);
		g_free(fresh);
		g_free(quoted);
		msg_free(m);
	}
	g_clear_error(&err);
	return 0;
}
