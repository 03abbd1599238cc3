/* The filter's first look at a message, from its raw header block. */
#include <string.h>

#include "front.h"
#include "rewrite.h"
#include "subject.h"
#include "threadidx.h"

enum {
	F_MESSAGE_ID,
	F_IN_REPLY_TO,
	F_REFERENCES,
	F_SUBJECT,
	F_FROM,
	F_REPLY_TO,
	F_AUTO_SUBMITTED,
	F_PRECEDENCE,
	F__COUNT
};

static const char *const field_names[F__COUNT] = {
	"Message-ID", "In-Reply-To", "References", "Subject", "From", "Reply-To",
	"Auto-Submitted", "Precedence",
};

struct field {
	const char *p;		/* the raw value, after the colon */
	size_t n;
	int count;
};

/* RFC 5322 atext, the characters of a dot-atom between its dots. */
static bool atext(char c)
{
	return g_ascii_isalnum(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* A dot-atom of n bytes at s: atoms of atext joined by single dots. */
static bool dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(atext(s[i]) || (s[i] == '.' && s[i + 1] != '.')))
			return false;
	return true;
}

/* local@domain, both dot-atoms: the form every parser reads alike. */
static bool plain_id(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);

	return at && dot_atom(s, (size_t)(at - s)) &&
	       dot_atom(at + 1, n - (size_t)(at + 1 - s));
}

/*
 * The value unfolded as GMime unfolds it (line breaks dropped, blanks at
 * both ends trimmed); NULL unless it is printable ASCII without an encoded
 * word, so that decoding it leaves it as it is. The caller frees.
 */
static char *plain_value(const struct field *f)
{
	GString *s = g_string_sized_new(f->n);
	size_t start, end;

	for (size_t i = 0; i < f->n; i++) {
		unsigned char c = (unsigned char)f->p[i];

		if (c == '\n')
			continue;
		if ((c < 0x20 && c != '\t') || c > 0x7e) {
			g_string_free(s, TRUE);
			return NULL;
		}
		g_string_append_c(s, (char)c);
	}
	if (strstr(s->str, "=?")) {
		g_string_free(s, TRUE);
		return NULL;
	}
	for (start = 0; s->str[start] == ' ' || s->str[start] == '\t'; start++)
		;
	for (end = s->len; end > start && (s->str[end - 1] == ' ' || s->str[end - 1] == '\t'); end--)
		;
	g_string_truncate(s, end);
	g_string_erase(s, 0, (gssize)start);
	return g_string_free(s, FALSE);
}

static void add_id(GArray *keys, const char *id, size_t n)
{
	g_autofree char *s = g_strndup(id, n);
	guint64 h = threadidx_hash(s, NULL, NULL);

	g_array_append_val(keys, h);
}

/*
 * Blank-separated <id> tokens, each added to keys; false when v holds
 * anything else. With one set, exactly one token.
 */
static bool add_ids(GArray *keys, const char *v, bool one)
{
	int count = 0;

	for (const char *p = v; *p;) {
		const char *end;

		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (*p != '<' || !(end = strchr(p, '>')) || !plain_id(p + 1, (size_t)(end - p - 1)))
			return false;
		add_id(keys, p + 1, (size_t)(end - p - 1));
		count++;
		p = end + 1;
		if (*p && *p != ' ' && *p != '\t')
			return false;
	}
	return !one || count == 1;
}

/*
 * Every domain an address field could name: the dot-atom after each "@",
 * lower-cased, appended to domains. False when one of them is not plain
 * (ends oddly, or is an IDN that GMime would decode).
 */
static bool add_domains(GPtrArray *domains, const char *v)
{
	for (const char *at = strchr(v, '@'); at; at = strchr(at + 1, '@')) {
		const char *p = at + 1;
		size_t n = 0;
		char *d;

		while (p[n] && (g_ascii_isalnum(p[n]) || p[n] == '.' || p[n] == '-' || p[n] == '_'))
			n++;
		if (p[n] && !strchr(">,; \t()", p[n]))
			return false;
		if (!dot_atom(p, n))
			return false;
		d = g_ascii_strdown(p, (gssize)n);
		if (strstr(d, "xn--")) {
			g_free(d);
			return false;
		}
		g_ptr_array_add(domains, d);
	}
	return true;
}

/* Reads the header block into the fields nudge looks at; false when any
 * line is not a plain header line (GMime would skip it, or read a name
 * with blanks around it) or the block has no end. */
static bool scan(const char *buf, size_t len, struct field *f)
{
	const char *p = buf, *end = buf + len;
	struct field *cur = NULL;
	bool any = false;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *colon;
		size_t n;

		if (!nl)
			return false;
		n = (size_t)(nl - p);
		if (memchr(p, '\r', n) || memchr(p, '\0', n))
			return false;
		if (n == 0)
			return any;
		/* An mbox From_ line on top (procmail's), which GMime skips. */
		if (p == buf && n >= 5 && memcmp(p, "From ", 5) == 0) {
			p = nl + 1;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			if (!any)
				return false;
			if (cur)
				cur->n = (size_t)(nl - cur->p);
			p = nl + 1;
			continue;
		}
		colon = memchr(p, ':', n);
		if (!colon || colon == p)
			return false;
		for (const char *q = p; q < colon; q++)
			if (*q <= ' ' || *q > '~')
				return false;
		/* The full path removes X-Nudge-* fields (rewrite.h). */
		if (rewrite_is_nudge_field(p, n))
			return false;
		any = true;
		cur = NULL;
		for (int i = 0; i < F__COUNT; i++) {
			size_t k = strlen(field_names[i]);

			if ((size_t)(colon - p) == k && g_ascii_strncasecmp(p, field_names[i], k) == 0) {
				cur = &f[i];
				cur->count++;
				cur->p = colon + 1;
				cur->n = (size_t)(nl - cur->p);
			}
		}
		p = nl + 1;
	}
	return false;
}

/* What message.c makes of Auto-Submitted and Precedence. */
static bool automatic(const char *auto_submitted, const char *precedence)
{
	if (auto_submitted && g_ascii_strncasecmp(auto_submitted, "no", 2) != 0)
		return true;
	return precedence && (strstr(precedence, "bulk") || strstr(precedence, "list") ||
			      strstr(precedence, "junk"));
}

bool front_keys(const char *buf, size_t len, char *const *user_addrs, GArray *keys)
{
	struct field f[F__COUNT] = { 0 };
	char *v[F__COUNT] = { NULL };
	g_autoptr(GPtrArray) domains = g_ptr_array_new_with_free_func(g_free);
	g_autofree char *norm = NULL;
	guint start = keys->len;
	bool ok = false;

	if (!scan(buf, len, f))
		return false;
	for (int i = 0; i < F__COUNT; i++) {
		if (f[i].count > 1)
			goto out;
		if (f[i].count && !(v[i] = plain_value(&f[i])))
			goto out;
	}
	/* An empty Auto-Submitted is automatic to message.c; not worth a
	 * second thought here. */
	if ((v[F_AUTO_SUBMITTED] && !*v[F_AUTO_SUBMITTED]) ||
	    !automatic(v[F_AUTO_SUBMITTED], v[F_PRECEDENCE]))
		goto out;
	/* Without a Message-ID the message is known by a hash of it. */
	if (!v[F_MESSAGE_ID] || !add_ids(keys, v[F_MESSAGE_ID], true))
		goto out;
	if ((v[F_IN_REPLY_TO] && !add_ids(keys, v[F_IN_REPLY_TO], false)) ||
	    (v[F_REFERENCES] && !add_ids(keys, v[F_REFERENCES], false)))
		goto out;
	if ((v[F_FROM] && !add_domains(domains, v[F_FROM])) ||
	    (v[F_REPLY_TO] && !add_domains(domains, v[F_REPLY_TO])))
		goto out;
	/* The user's own mail is outgoing: its thread is named by To. */
	for (char *const *a = user_addrs; a && *a && v[F_FROM]; a++)
		if (**a && strcasestr(v[F_FROM], *a))
			goto out;
	norm = subject_normalize(v[F_SUBJECT]);
	for (guint i = 0; i < domains->len; i++) {
		guint64 h = threadidx_hash(NULL, norm, domains->pdata[i]);

		g_array_append_val(keys, h);
	}
	ok = true;
out:
	for (int i = 0; i < F__COUNT; i++)
		g_free(v[i]);
	if (!ok)
		g_array_set_size(keys, start);
	return ok;
}
