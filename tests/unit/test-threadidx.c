/*
 * Unit tests of the thread index (threadidx.h) on a real SQLite database:
 * what it finds, that a change to threads removes it before the commit,
 * that a commit is refused when it cannot be removed, and that a damaged
 * index or one written for another database file is not trusted.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "thread.h"
#include "threadidx.h"

struct fixture {
	char *dir, *db, *idx;
	struct store *st;
};

static void setup(struct fixture *f, gconstpointer data)
{
	g_autoptr(GError) err = NULL;

	(void)data;
	f->dir = g_dir_make_tmp("nudge-idx-XXXXXX", NULL);
	f->db = g_build_filename(f->dir, "state.db", NULL);
	f->idx = store_index_path(f->db);
	g_assert_cmpint(store_open(f->db, &f->st, &err), ==, 0);
}

static void teardown(struct fixture *f, gconstpointer data)
{
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", f->dir);

	(void)data;
	store_close(f->st);
	g_assert_cmpint(system(cmd), ==, 0);
	g_free(f->dir);
	g_free(f->db);
	g_free(f->idx);
}

/* A thread with these ids, subject and domain, in its own transaction that
 * refreshes the index when refresh is set. */
static int add_thread(struct fixture *f, const char **ids, const char *norm,
		      const char *domain, bool refresh, GError **err)
{
	g_autofree char *id = NULL;
	int ret;

	if ((ret = store_begin(f->st, err)) < 0)
		return ret;
	if ((ret = store_thread_create(f->st, ids[0], norm, norm, domain, 1000, &id,
				       err)) < 0 ||
	    (ret = store_link_ids(f->st, id, (char **)ids, err)) < 0 ||
	    (refresh && (ret = threadidx_refresh(f->st, err)) < 0)) {
		store_rollback(f->st);
		return ret;
	}
	return store_commit(f->st, err);
}

/* -1: the index cannot tell; else whether it has the message id. */
static int lookup_id(struct fixture *f, const char *id)
{
	guint64 h = threadidx_hash(id, NULL, NULL);
	bool found;

	if (threadidx_lookup(f->db, &h, 1, &found) < 0)
		return -1;
	return found;
}

static void test_finds(struct fixture *f, gconstpointer data)
{
	const char *ids[] = { "a@x", "b@x", NULL };
	const char *reply[] = { "zz@y", "b@x", NULL };
	const char *other[] = { "zz@y", NULL };
	g_autoptr(GError) err = NULL;
	guint64 h[2];
	bool found;

	(void)data;
	g_assert_cmpint(lookup_id(f, "a@x"), ==, -1);
	g_assert_cmpint(add_thread(f, ids, "interview for data engineer", "acme.example",
				   true, &err), ==, 0);
	g_assert_cmpint(lookup_id(f, "a@x"), ==, 1);
	g_assert_cmpint(lookup_id(f, "b@x"), ==, 1);
	g_assert_cmpint(lookup_id(f, "c@x"), ==, 0);
	h[0] = threadidx_hash("zz@y", NULL, NULL);
	h[1] = threadidx_hash(NULL, "interview for data engineer", "acme.example");
	g_assert_cmpint(threadidx_lookup(f->db, h, 2, &found), ==, 0);
	g_assert_true(found);
	h[1] = threadidx_hash(NULL, "interview for data engineer", "other.example");
	g_assert_cmpint(threadidx_lookup(f->db, h, 2, &found), ==, 0);
	g_assert_false(found);
	/* thread_maybe() reads the same keys thread_find() looks up. */
	g_assert_true(thread_maybe(f->db, (char **)reply, "Something else", "nobody.example"));
	g_assert_true(thread_maybe(f->db, (char **)other, "RE: Interview for  Data Engineer",
				   "acme.example"));
	g_assert_false(thread_maybe(f->db, (char **)other, "RE: Interview for Data Engineer",
				    "other.example"));
	g_assert_false(thread_maybe(f->db, (char **)other, "Interview for Data Engineer", NULL));
}

static void test_removed_before_commit(struct fixture *f, gconstpointer data)
{
	const char *ids[] = { "a@x", NULL };
	const char *more[] = { "n@x", NULL };
	g_autoptr(GError) err = NULL;
	g_autofree char *id = NULL;

	(void)data;
	g_assert_cmpint(add_thread(f, ids, "first one", "acme.example", true, &err), ==, 0);
	g_assert_true(g_file_test(f->idx, G_FILE_TEST_EXISTS));
	g_assert_cmpint(store_begin(f->st, &err), ==, 0);
	g_assert_cmpint(store_thread_create(f->st, "n@x", "second", "second", "acme.example",
					    2000, &id, &err), ==, 0);
	/* Inside the transaction, before the commit: gone. */
	g_assert_false(g_file_test(f->idx, G_FILE_TEST_EXISTS));
	g_assert_cmpint(store_link_ids(f->st, id, (char **)more, &err), ==, 0);
	g_assert_cmpint(store_commit(f->st, &err), ==, 0);
	g_assert_cmpint(lookup_id(f, "n@x"), ==, -1);
	/* Written again, it knows the new thread. */
	g_assert_cmpint(store_begin(f->st, &err), ==, 0);
	g_assert_cmpint(threadidx_refresh(f->st, &err), ==, 0);
	g_assert_cmpint(store_commit(f->st, &err), ==, 0);
	g_assert_cmpint(lookup_id(f, "n@x"), ==, 1);
	g_assert_cmpint(lookup_id(f, "a@x"), ==, 1);
}

static void test_refused_commit(struct fixture *f, gconstpointer data)
{
	const char *ids[] = { "a@x", NULL };
	g_autofree char *inside = g_build_filename(f->idx, "keep", NULL);
	g_autofree char *found = NULL;
	g_autoptr(GError) err = NULL;

	(void)data;
	/* An index that cannot be removed: a folder that is not empty. */
	g_assert_cmpint(g_mkdir(f->idx, 0700), ==, 0);
	g_assert_true(g_file_set_contents(inside, "x", 1, NULL));
	g_assert_cmpint(add_thread(f, ids, "first one", "acme.example", false, &err),
			==, NUDGE_E_IO);
	g_assert_nonnull(strstr(err->message, "cannot remove the thread index"));
	g_clear_error(&err);
	g_assert_cmpint(store_thread_by_ids(f->st, (char **)ids, &found, &err), ==, 0);
	g_assert_null(found);
	/* Once it can be removed, the same change commits. */
	g_assert_cmpint(unlink(inside), ==, 0);
	g_assert_cmpint(g_rmdir(f->idx), ==, 0);
	g_assert_cmpint(add_thread(f, ids, "first one", "acme.example", false, &err), ==, 0);
	g_assert_cmpint(store_thread_by_ids(f->st, (char **)ids, &found, &err), ==, 0);
	g_assert_nonnull(found);
}

static void test_damaged(struct fixture *f, gconstpointer data)
{
	const char *ids[] = { "a@x", NULL };
	g_autoptr(GError) err = NULL;
	g_autofree char *good = NULL;
	gsize len;

	(void)data;
	g_assert_cmpint(add_thread(f, ids, "first one", "acme.example", true, &err), ==, 0);
	g_assert_true(g_file_get_contents(f->idx, &good, &len, NULL));
	/* Cut short, or another magic: not trusted. */
	g_assert_true(g_file_set_contents(f->idx, good, (gssize)len - 3, NULL));
	g_assert_cmpint(lookup_id(f, "zz@x"), ==, -1);
	good[0] = 'N';
	g_assert_true(g_file_set_contents(f->idx, good, (gssize)len, NULL));
	g_assert_cmpint(lookup_id(f, "zz@x"), ==, -1);
	/* The refresh replaces what it cannot trust. */
	g_assert_cmpint(store_begin(f->st, &err), ==, 0);
	g_assert_cmpint(threadidx_refresh(f->st, &err), ==, 0);
	g_assert_cmpint(store_commit(f->st, &err), ==, 0);
	g_assert_cmpint(lookup_id(f, "a@x"), ==, 1);
}

static void test_other_file(struct fixture *f, gconstpointer data)
{
	const char *ids[] = { "a@x", NULL };
	g_autoptr(GError) err = NULL;
	g_autofree char *bytes = NULL;
	gsize len;

	(void)data;
	g_assert_cmpint(add_thread(f, ids, "first one", "acme.example", true, &err), ==, 0);
	g_assert_cmpint(lookup_id(f, "a@x"), ==, 1);
	/* Other contents written in place, as a restored copy would be. */
	g_assert_true(g_file_get_contents(f->db, &bytes, &len, NULL));
	g_usleep(20000);
	g_assert_true(g_file_set_contents(f->db, bytes, (gssize)len, NULL));
	g_assert_cmpint(lookup_id(f, "a@x"), ==, -1);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/threadidx/finds", struct fixture, NULL, setup, test_finds, teardown);
	g_test_add("/threadidx/removed-before-commit", struct fixture, NULL, setup,
		   test_removed_before_commit, teardown);
	g_test_add("/threadidx/refused-commit", struct fixture, NULL, setup,
		   test_refused_commit, teardown);
	g_test_add("/threadidx/damaged", struct fixture, NULL, setup, test_damaged, teardown);
	g_test_add("/threadidx/other-file", struct fixture, NULL, setup, test_other_file,
		   teardown);
	return g_test_run();
}
