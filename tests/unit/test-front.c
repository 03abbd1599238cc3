/*
 * Unit tests of the filter's first look (front.h): which header blocks it
 * decides, and, over every message of the corpora (each also made list
 * mail), that what it decides GMime reads the same way: automatic, and
 * every thread key the full path would look up among its keys.
 */
#include <string.h>

#include <gmime/gmime.h>

#include "front.h"
#include "message.h"
#include "subject.h"
#include "threadidx.h"

static char user[] = "alex@example.org";
static char *users[] = { user, NULL };

static const char *datadir(void)
{
	const char *d = g_getenv("NUDGE_DATADIR");

	return d ? d : NUDGE_DATADIR;
}

static bool has_key(GArray *keys, guint64 h)
{
	for (guint i = 0; i < keys->len; i++)
		if (g_array_index(keys, guint64, i) == h)
			return true;
	return false;
}

/* front_keys() on a string; its keys in *keys (may be NULL). */
static bool decides(const char *msg, GArray **keys)
{
	GArray *k = g_array_new(FALSE, FALSE, sizeof(guint64));
	bool ok = front_keys(msg, strlen(msg), users, k);

	g_assert_true(ok || k->len == 0);
	if (keys)
		*keys = k;
	else
		g_array_unref(k);
	return ok;
}

#define LIST_HEAD \
	"From: Dana Lee <dana@lists.example>\n" \
	"To: Alex Example <alex@example.org>\n" \
	"Subject: Re: Weekly  build\n\tnotes\n" \
	"Message-ID: <m1.2026@lists.example>\n" \
	"Precedence: bulk\n"

static void test_list_mail(void)
{
	g_autoptr(GArray) keys = NULL;
	g_autofree char *norm = subject_normalize("Re: Weekly build notes");

	g_assert_true(decides(LIST_HEAD
			      "In-Reply-To: <m0.2026@lists.example>\n"
			      "References: <a.1@x.example>\n <m0.2026@lists.example>\n"
			      "\nThe build is green.\n", &keys));
	g_assert_true(has_key(keys, threadidx_hash("m1.2026@lists.example", NULL, NULL)));
	g_assert_true(has_key(keys, threadidx_hash("m0.2026@lists.example", NULL, NULL)));
	g_assert_true(has_key(keys, threadidx_hash("a.1@x.example", NULL, NULL)));
	g_assert_true(has_key(keys, threadidx_hash(NULL, norm, "lists.example")));
	g_assert_cmpuint(keys->len, ==, 5);
}

static void test_automatic_or_not(void)
{
	static const char body[] = "\nHello.\n";
	const char *base = "From: a@b.example\nSubject: x\nMessage-ID: <1@b.example>\n";
	struct {
		const char *head;
		bool automatic;
	} cases[] = {
		{ "Auto-Submitted: auto-replied\n", true },
		{ "Auto-Submitted:   auto-generated\n", true },
		{ "Auto-Submitted: no\n", false },
		{ "Auto-Submitted: No\n", false },
		{ "Precedence: list\n", true },
		{ "Precedence: junk\n", true },
		{ "Precedence: first-class\n", false },
		{ "Precedence: Bulk\n", false },	/* message.c compares case and all */
		{ "", false },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *msg = g_strconcat(base, cases[i].head, body, NULL);

		g_assert_cmpint(decides(msg, NULL), ==, cases[i].automatic);
	}
}

/* Header blocks GMime might read otherwise: left to the full path. */
static void test_not_plain(void)
{
	static const char *const cases[] = {
		/* a field twice: GMime keeps the last */
		LIST_HEAD "Subject: other\n\nx\n",
		LIST_HEAD "Message-ID: <m2@lists.example>\n\nx\n",
		LIST_HEAD "Precedence: bulk\n\nx\n",
		/* encoded words and 8-bit bytes */
		"Subject: =?utf-8?q?caf=C3=A9?=\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"Subject: caf\xc3\xa9\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"From: =?utf-8?q?J=C3=B6rg?= <j@b.example>\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		/* ids other than <local@domain> */
		"Message-ID: <1@b.example> (added)\nPrecedence: bulk\n\nx\n",
		"Message-ID: <\"a b\"@b.example>\nPrecedence: bulk\n\nx\n",
		"Message-ID: 1@b.example\nPrecedence: bulk\n\nx\n",
		"Message-ID: <a..b@b.example>\nPrecedence: bulk\n\nx\n",
		"Message-ID: <1@b.example>\nIn-Reply-To: your note of Monday\nPrecedence: bulk\n\nx\n",
		"Message-ID: <1@b.example>\nReferences: <a@b><c@d>\nPrecedence: bulk\n\nx\n",
		/* no Message-ID: the full path names it by a hash */
		"Subject: x\nPrecedence: bulk\n\nx\n",
		/* addresses: an IDN, an odd domain, the user's own */
		"From: a@xn--bcher-kva.example\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"From: a@b.example.\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"From: \"a@b\"@c.example\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"From: Alex <Alex@Example.org>\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		/* lines that are not plain header lines */
		"Message-ID: <1@b.example>\nPrecedence: bulk\nno colon here\n\nx\n",
		"Message-ID: <1@b.example>\nSubject : spaced\nPrecedence: bulk\n\nx\n",
		" folded first\nMessage-ID: <1@b.example>\nPrecedence: bulk\n\nx\n",
		"Message-ID: <1@b.example>\r\nPrecedence: bulk\r\n\r\nx\r\n",
		"Message-ID: <1@b.example>\nPrecedence: bulk\n",
		"Message-ID: <1@b.example>\nPrecedence: bulk\nFrom x@y Mon Jan  5 10:00:00 2026\n\nx\n",
		/* the full path removes X-Nudge-* fields */
		"Message-ID: <1@b.example>\nPrecedence: bulk\nX-Nudge-Thread: 0123\n\nx\n",
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (decides(cases[i], NULL))
			g_error("decided: %s", cases[i]);
	}
}

static void test_from_line(void)
{
	g_assert_true(decides("From dana@lists.example  Mon Jan  5 10:00:00 2026\n"
			      LIST_HEAD "\nx\n", NULL));
}

struct tally {
	unsigned files, decided;
};

/* The full path's domain of the thread (record.c) for incoming mail. */
static char *thread_domain(const struct nudge_msg *m)
{
	return addr_domain(m->reply_to_addr ? m->reply_to_addr : m->from_addr);
}

/* If the front decides buf, GMime must read it as automatic mail, not the
 * user's, with every key the full path looks up among the front's. */
static void check(const char *what, const char *buf, size_t len, struct tally *t)
{
	g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(guint64));
	g_autoptr(GError) err = NULL;
	g_autofree char *norm = NULL, *domain = NULL;
	struct nudge_msg *m = NULL;

	t->files++;
	if (!front_keys(buf, len, users, keys))
		return;
	t->decided++;
	if (msg_parse(buf, len, &m, &err) < 0)
		g_error("%s: decided, but GMime reads no message: %s", what, err->message);
	if (!m->auto_submitted || !m->message_id)
		g_error("%s: decided, but not automatic or without an id", what);
	if (m->from_addr && g_ascii_strcasecmp(m->from_addr, users[0]) == 0)
		g_error("%s: decided, but the user's own", what);
	if (!has_key(keys, threadidx_hash(m->message_id, NULL, NULL)))
		g_error("%s: Message-ID <%s> not among the keys", what, m->message_id);
	if (m->in_reply_to && !has_key(keys, threadidx_hash(m->in_reply_to, NULL, NULL)))
		g_error("%s: In-Reply-To <%s> not among the keys", what, m->in_reply_to);
	for (char **r = m->references; *r; r++)
		if (!has_key(keys, threadidx_hash(*r, NULL, NULL)))
			g_error("%s: reference <%s> not among the keys", what, *r);
	norm = subject_normalize(m->subject);
	domain = thread_domain(m);
	if (domain && g_utf8_strlen(norm, -1) >= 4 &&
	    !has_key(keys, threadidx_hash(NULL, norm, domain)))
		g_error("%s: subject '%s' from %s not among the keys", what, norm, domain);
	msg_free(m);
}

/* Every file under dir, as it is and made list mail. */
static void check_dir(const char *dir, struct tally *t)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d))) {
		g_autofree char *path = g_build_filename(dir, name, NULL);
		g_autofree char *buf = NULL;
		g_autoptr(GString) list = NULL;
		const char *nl;
		gsize len, at = 0;

		if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			if (!g_str_has_prefix(name, "heldout"))
				check_dir(path, t);
			continue;
		}
		if (g_str_has_suffix(name, ".tsv") || g_str_has_suffix(name, ".md") ||
		    !g_file_get_contents(path, &buf, &len, NULL))
			continue;
		check(path, buf, len, t);
		/* After an mbox From_ line, else on top. */
		if (len > 5 && memcmp(buf, "From ", 5) == 0 && (nl = memchr(buf, '\n', len)))
			at = (gsize)(nl + 1 - buf);
		list = g_string_new_len(buf, (gssize)len);
		g_string_insert(list, (gssize)at, "Precedence: list\n");
		check(path, list->str, list->len, t);
	}
}

static void test_corpora(void)
{
	g_autofree char *shared = g_build_filename(datadir(), "..", "shared", "corpus", NULL);
	g_autofree char *own = g_build_filename(datadir(), "tests", "corpus", NULL);
	g_autofree char *mail = g_build_filename(datadir(), "tests", "mail", NULL);
	struct tally t = { 0 };

	check_dir(shared, &t);
	check_dir(own, &t);
	check_dir(mail, &t);
	if (t.files == 0) {
		g_test_skip("no corpus");
		return;
	}
	g_test_message("%u messages and list variants, %u decided by the front", t.files,
		       t.decided);
	/* Not vacuous: most list mail of the corpora is plain enough. */
	g_assert_cmpuint(t.decided, >=, t.files / 4);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_mime_init();
	g_test_add_func("/front/list-mail", test_list_mail);
	g_test_add_func("/front/automatic-or-not", test_automatic_or_not);
	g_test_add_func("/front/not-plain", test_not_plain);
	g_test_add_func("/front/from-line", test_from_line);
	g_test_add_func("/front/corpora", test_corpora);
	return g_test_run();
}
