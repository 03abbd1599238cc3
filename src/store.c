/* The state database: SQLite in WAL mode, one schema with migrations. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	char *path;
	char *index_path;	/* the thread index beside it (threadidx.h) */
	bool index_dropped;	/* removed in this transaction */
	int index_errno;	/* could not be removed: the commit must not be */
	int refused_errno;	/* why the last commit was refused */
};

/* Each step brings the schema from version i to i + 1. */
static const char *const migrations[] = {
	"CREATE TABLE threads ("
	"  id TEXT PRIMARY KEY, created INTEGER NOT NULL, subject TEXT,"
	"  norm_subject TEXT, domain TEXT);"
	"CREATE INDEX threads_subject ON threads(norm_subject, domain);"
	"CREATE TABLE msgids ("
	"  message_id TEXT PRIMARY KEY, thread_id TEXT NOT NULL REFERENCES threads(id));"
	"CREATE TABLE messages ("
	"  message_id TEXT PRIMARY KEY, thread_id TEXT NOT NULL REFERENCES threads(id),"
	"  date INTEGER, outgoing INTEGER NOT NULL, stage TEXT NOT NULL,"
	"  from_addr TEXT, from_name TEXT, to_addr TEXT, reply_to TEXT, subject TEXT,"
	"  refs TEXT, company TEXT, position TEXT, contact_addr TEXT, contact_name TEXT,"
	"  interviewer TEXT, interview INTEGER, interview_end INTEGER,"
	"  decision INTEGER, decision_is_time INTEGER, offer_deadline INTEGER);"
	"CREATE INDEX messages_thread ON messages(thread_id, date);"
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY, thread_id TEXT NOT NULL REFERENCES threads(id),"
	"  time INTEGER NOT NULL, kind TEXT NOT NULL, value INTEGER);"
	"CREATE TABLE drafts ("
	"  key TEXT PRIMARY KEY, thread_id TEXT NOT NULL, kind TEXT NOT NULL,"
	"  due INTEGER, state TEXT NOT NULL, location TEXT, message_id TEXT,"
	"  hash TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);",
	/* One migration of two statements (parenthesised: one element). */
	("ALTER TABLE drafts ADD COLUMN written INTEGER;"
	 "ALTER TABLE drafts ADD COLUMN retry_at INTEGER;"),
	/* Threads in the order they are listed, without a sort (covering). */
	"CREATE INDEX threads_order ON threads(created, id, subject);",
};

static int db_fail(struct store *st, GError **err, const char *what)
{
	return nudge_fail(err, NUDGE_E_DB, "%s '%s': %s", what, st->path,
			  sqlite3_errmsg(st->db));
}

static int exec(struct store *st, const char *sql, GError **err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int ret = nudge_fail(err, NUDGE_E_DB, "database '%s': %s", st->path,
				     msg ? msg : "unknown error");
		sqlite3_free(msg);
		return ret;
	}
	return 0;
}

static int prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
		   GError **err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return db_fail(st, err, "cannot query");
	return 0;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? g_strdup((const char *)v) : NULL;
}

static int migrate(struct store *st, GError **err)
{
	sqlite3_stmt *s = NULL;
	int version, ret;

	if ((ret = prepare(st, "PRAGMA user_version", &s, err)) < 0)
		return ret;
	version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (version > (int)G_N_ELEMENTS(migrations))
		return nudge_fail(err, NUDGE_E_DB,
				  "database '%s' is of schema %d, newer than this nudge knows (%d)",
				  st->path, version, (int)G_N_ELEMENTS(migrations));
	if (version == (int)G_N_ELEMENTS(migrations))
		return 0;
	if ((ret = store_begin(st, err)) < 0)
		return ret;
	/* Another process may have migrated while we waited for the lock. */
	if ((ret = prepare(st, "PRAGMA user_version", &s, err)) < 0)
		goto fail;
	version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	for (; version < (int)G_N_ELEMENTS(migrations); version++) {
		g_autofree char *bump = g_strdup_printf("PRAGMA user_version = %d",
							version + 1);
		if ((ret = exec(st, migrations[version], err)) < 0 ||
		    (ret = exec(st, bump, err)) < 0)
			goto fail;
	}
	return store_commit(st, err);
fail:
	store_rollback(st);
	return ret;
}

/*
 * A row of threads or msgids changes: the thread index may now lack a key,
 * so it goes, before the transaction commits (threadidx.h). A reader that
 * still finds it read it before this commit.
 */
static void row_changed(void *data, int op, const char *db, const char *table,
			sqlite3_int64 rowid)
{
	struct store *st = data;

	(void)op;
	(void)rowid;
	if (st->index_dropped || strcmp(db, "main") != 0 ||
	    (strcmp(table, "threads") != 0 && strcmp(table, "msgids") != 0))
		return;
	if (unlink(st->index_path) == 0 || errno == ENOENT)
		st->index_dropped = true;
	else if (!st->index_errno)
		st->index_errno = errno;
}

/* A commit with an index that could not be removed becomes a rollback. */
static int before_commit(void *data)
{
	struct store *st = data;

	st->refused_errno = st->index_errno;
	st->index_errno = 0;
	st->index_dropped = false;
	return st->refused_errno != 0;
}

static void after_rollback(void *data)
{
	struct store *st = data;

	st->index_errno = 0;
	st->index_dropped = false;
}

int store_open(const char *path, struct store **out, GError **err)
{
	struct store *st = g_new0(struct store, 1);
	g_autofree char *dir = g_path_get_dirname(path);
	mode_t old;
	int rc, ret, persist = 1;

	st->path = g_strdup(path);
	if (g_mkdir_with_parents(dir, 0700) < 0) {
		ret = nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", dir,
				 g_strerror(errno));
		goto out;
	}
	old = umask(077);
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		ret = st->db ? db_fail(st, err, "cannot open database") :
			       nudge_fail(err, NUDGE_E_DB, "cannot open database '%s'", path);
		goto out;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	st->index_path = store_index_path(path);
	sqlite3_update_hook(st->db, row_changed, st);
	sqlite3_commit_hook(st->db, before_commit, st);
	sqlite3_rollback_hook(st->db, after_rollback, st);
	/* Keep the -wal and -shm files between runs: creating and removing
	 * them cost a filter run more than its own queries. */
	sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	/* journal_size_limit: the kept -wal file never stays above 4 MB. */
	if ((ret = exec(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
			"PRAGMA journal_size_limit = 4194304;"
			"PRAGMA foreign_keys = ON;", err)) < 0 ||
	    (ret = migrate(st, err)) < 0)
		goto out;
	*out = st;
	return 0;
out:
	store_close(st);
	return ret;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db);
	g_free(st->path);
	g_free(st->index_path);
	g_free(st);
}

char *store_index_path(const char *db_path)
{
	return g_strconcat(db_path, "-threads", NULL);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

int store_thread_keys(struct store *st, store_key_fn fn, void *data, GError **err)
{
	sqlite3_stmt *s = NULL;
	int rc, ret;

	if ((ret = prepare(st, "SELECT message_id FROM msgids", &s, err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(data, (const char *)sqlite3_column_text(s, 0), NULL, NULL);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "cannot read the message ids");
	if ((ret = prepare(st, "SELECT norm_subject, domain FROM threads "
			   "WHERE norm_subject IS NOT NULL AND domain IS NOT NULL",
			   &s, err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(data, NULL, (const char *)sqlite3_column_text(s, 0),
		   (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "cannot read the threads");
	return 0;
}

int store_begin(struct store *st, GError **err)
{
	return exec(st, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *st, GError **err)
{
	int ret;

	st->refused_errno = 0;
	if ((ret = exec(st, "COMMIT", err)) < 0 && st->refused_errno) {
		g_clear_error(err);
		ret = nudge_fail(err, NUDGE_E_IO, "cannot remove the thread index '%s': %s",
				 st->index_path, g_strerror(st->refused_errno));
	}
	return ret;
}

void store_checkpoint(struct store *st)
{
	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void store_rollback(struct store *st)
{
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a query whose first column is one optional text value. */
static int query_text(struct store *st, sqlite3_stmt *s, char **out, GError **err)
{
	int rc = sqlite3_step(s);

	*out = NULL;
	if (rc == SQLITE_ROW)
		*out = col_text(s, 0);
	else if (rc != SQLITE_DONE)
		return db_fail(st, err, "cannot read");
	return 0;
}

int store_thread_by_ids(struct store *st, char **ids, char **thread_id,
			GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	*thread_id = NULL;
	if ((ret = prepare(st, "SELECT thread_id FROM msgids WHERE message_id = ?",
			   &s, err)) < 0)
		return ret;
	for (size_t i = 0; ids[i] && !*thread_id; i++) {
		sqlite3_reset(s);
		bind_text(s, 1, ids[i]);
		if ((ret = query_text(st, s, thread_id, err)) < 0)
			break;
	}
	sqlite3_finalize(s);
	return ret;
}

int store_thread_by_subject(struct store *st, const char *norm_subject,
			    const char *domain, char **thread_id, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	*thread_id = NULL;
	if ((ret = prepare(st, "SELECT id FROM threads WHERE norm_subject = ? "
			   "AND domain = ? ORDER BY created DESC LIMIT 1", &s, err)) < 0)
		return ret;
	bind_text(s, 1, norm_subject);
	bind_text(s, 2, domain);
	ret = query_text(st, s, thread_id, err);
	sqlite3_finalize(s);
	return ret;
}

int store_thread_create(struct store *st, const char *seed, const char *subject,
			const char *norm_subject, const char *domain,
			gint64 created, char **thread_id, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	*thread_id = NULL;
	if ((ret = prepare(st, "INSERT INTO threads(id, created, subject, "
			   "norm_subject, domain) VALUES (?, ?, ?, ?, ?)", &s, err)) < 0)
		return ret;
	/* Ids are short to type; on the rare clash, hash again. */
	for (int salt = 0; salt < 100; salt++) {
		g_autofree char *input = g_strdup_printf("%s/%d", seed, salt);
		g_autofree char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256,
								       input, -1);
		int rc;

		sum[8] = '\0';
		sqlite3_reset(s);
		bind_text(s, 1, sum);
		sqlite3_bind_int64(s, 2, created);
		bind_text(s, 3, subject);
		bind_text(s, 4, norm_subject);
		bind_text(s, 5, domain);
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE) {
			*thread_id = g_strdup(sum);
			break;
		}
		if (rc != SQLITE_CONSTRAINT_PRIMARYKEY) {
			ret = db_fail(st, err, "cannot write to");
			break;
		}
	}
	sqlite3_finalize(s);
	if (ret == 0 && !*thread_id)
		ret = nudge_fail(err, NUDGE_E_INTERNAL, "no free thread id for '%s'", seed);
	return ret;
}

int store_link_ids(struct store *st, const char *thread_id, char **ids,
		   GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	if ((ret = prepare(st, "INSERT OR IGNORE INTO msgids(message_id, thread_id) "
			   "VALUES (?, ?)", &s, err)) < 0)
		return ret;
	for (size_t i = 0; ids[i]; i++) {
		sqlite3_reset(s);
		bind_text(s, 1, ids[i]);
		bind_text(s, 2, thread_id);
		if (sqlite3_step(s) != SQLITE_DONE) {
			ret = db_fail(st, err, "cannot write to");
			break;
		}
	}
	sqlite3_finalize(s);
	return ret;
}

int store_add_message(struct store *st, const struct stored_msg *m,
		      bool *added, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret, i = 1;

	if ((ret = prepare(st, "INSERT OR IGNORE INTO messages(message_id, thread_id,"
			   " date, outgoing, stage, from_addr, from_name, to_addr, reply_to,"
			   " subject, refs, company, position, contact_addr, contact_name,"
			   " interviewer, interview, interview_end, decision,"
			   " decision_is_time, offer_deadline) VALUES (?,?,?,?,?,?,?,?,?,?,"
			   "?,?,?,?,?,?,?,?,?,?,?)", &s, err)) < 0)
		return ret;
	bind_text(s, i++, m->message_id);
	bind_text(s, i++, m->thread_id);
	sqlite3_bind_int64(s, i++, m->date);
	sqlite3_bind_int(s, i++, m->outgoing);
	bind_text(s, i++, stage_name(m->stage));
	bind_text(s, i++, m->from_addr);
	bind_text(s, i++, m->from_name);
	bind_text(s, i++, m->to_addr);
	bind_text(s, i++, m->reply_to);
	bind_text(s, i++, m->subject);
	bind_text(s, i++, m->references);
	bind_text(s, i++, m->company);
	bind_text(s, i++, m->position);
	bind_text(s, i++, m->contact_addr);
	bind_text(s, i++, m->contact_name);
	bind_text(s, i++, m->interviewer);
	sqlite3_bind_int64(s, i++, m->interview);
	sqlite3_bind_int64(s, i++, m->interview_end);
	sqlite3_bind_int64(s, i++, m->decision);
	sqlite3_bind_int(s, i++, m->decision_is_time);
	sqlite3_bind_int64(s, i++, m->offer_deadline);
	if (sqlite3_step(s) != SQLITE_DONE)
		ret = db_fail(st, err, "cannot write to");
	else if (added)
		*added = sqlite3_changes(st->db) > 0;
	sqlite3_finalize(s);
	return ret;
}

int store_thread_stage(struct store *st, const char *thread_id,
		       enum nudge_stage *stage, GError **err)
{
	sqlite3_stmt *s = NULL;
	g_autofree char *name = NULL;
	int ret;

	*stage = STAGE_NONE;
	if ((ret = prepare(st, "SELECT stage FROM messages WHERE thread_id = ? AND "
			   "outgoing = 0 AND stage != 'none' ORDER BY date DESC, "
			   "rowid DESC LIMIT 1", &s, err)) < 0)
		return ret;
	bind_text(s, 1, thread_id);
	ret = query_text(st, s, &name, err);
	sqlite3_finalize(s);
	if (ret == 0 && name && stage_parse(name, stage) < 0)
		*stage = STAGE_NONE;
	return ret;
}

int store_add_event(struct store *st, const char *thread_id, gint64 time,
		    const char *kind, gint64 value, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	if ((ret = prepare(st, "INSERT INTO events(thread_id, time, kind, value) "
			   "VALUES (?, ?, ?, ?)", &s, err)) < 0)
		return ret;
	bind_text(s, 1, thread_id);
	sqlite3_bind_int64(s, 2, time);
	bind_text(s, 3, kind);
	sqlite3_bind_int64(s, 4, value);
	if (sqlite3_step(s) != SQLITE_DONE)
		ret = db_fail(st, err, "cannot write to");
	sqlite3_finalize(s);
	return ret;
}

void stored_msg_free(struct stored_msg *m)
{
	if (!m)
		return;
	g_free(m->message_id);
	g_free(m->thread_id);
	g_free(m->from_addr);
	g_free(m->from_name);
	g_free(m->to_addr);
	g_free(m->reply_to);
	g_free(m->subject);
	g_free(m->references);
	g_free(m->company);
	g_free(m->position);
	g_free(m->contact_addr);
	g_free(m->contact_name);
	g_free(m->interviewer);
	g_free(m);
}

static void stored_event_free(struct stored_event *e)
{
	g_free(e->kind);
	g_free(e);
}

/*
 * The memory of one load: threads and messages with their strings, one
 * after the other in large chunks, so that 100,000 threads are neither
 * two million small blocks to allocate nor as many to free.
 */
#define ARENA_CHUNK ((size_t)1 << 20)

struct store_arena {
	guint refs;		/* the loader's and one per thread */
	GPtrArray *chunks;
	char *next;
	size_t left;
};

static struct store_arena *arena_new(void)
{
	struct store_arena *a = g_new0(struct store_arena, 1);

	a->refs = 1;
	a->chunks = g_ptr_array_new_with_free_func(g_free);
	return a;
}

static void arena_unref(struct store_arena *a)
{
	if (--a->refs)
		return;
	g_ptr_array_unref(a->chunks);
	g_free(a);
}

/* n bytes, aligned for any field of a thread or a message, not zeroed. */
static void *arena_alloc(struct store_arena *a, size_t n)
{
	char *p;

	n = (n + 15) & ~(size_t)15;
	if (n > a->left) {
		a->left = MAX(ARENA_CHUNK, n);
		a->next = g_malloc(a->left);
		g_ptr_array_add(a->chunks, a->next);
	}
	p = a->next;
	a->next += n;
	a->left -= n;
	return p;
}

void stored_thread_free(struct stored_thread *t)
{
	if (!t)
		return;
	g_ptr_array_unref(t->msgs);
	g_ptr_array_unref(t->events);
	/* The thread, its messages and strings are in the load's memory. */
	arena_unref(t->arena);
}

/* A loaded thread or message: the struct, then its strings. */
#define PACK_MAX 16

struct pack {
	const char *text[PACK_MAX];
	size_t len[PACK_MAX];
	size_t size;		/* of the strings copied, with their NULs */
};

/* Collects text columns first to last; a NULL dst[i] reads but keeps none. */
static void *pack_row(struct store_arena *a, sqlite3_stmt *s, size_t n,
		      size_t head, char **const dst[], struct pack *p)
{
	char *block, *at;

	p->size = 0;
	for (size_t i = 0; i < n; i++) {
		p->text[i] = (const char *)sqlite3_column_text(s, (int)i);
		p->len[i] = p->text[i] ? strlen(p->text[i]) : 0;
		if (p->text[i] && dst[i])
			p->size += p->len[i] + 1;
	}
	block = arena_alloc(a, head + p->size);
	at = block + head;
	for (size_t i = 0; i < n; i++) {
		if (!dst[i])
			continue;
		if (!p->text[i]) {
			*dst[i] = NULL;
			continue;
		}
		memcpy(at, p->text[i], p->len[i]);
		at[p->len[i]] = '\0';
		*dst[i] = at;
		at += p->len[i] + 1;
	}
	return block;
}

static struct stored_thread *read_thread(struct store_arena *a, sqlite3_stmt *s,
				       GPtrArray *no_events)
{
	struct stored_thread t = { 0 }, *out;
	char **const dst[] = { &t.id, &t.subject };
	struct pack p;

	/* The strings go behind the struct; t, pointing at them, is copied in. */
	out = pack_row(a, s, G_N_ELEMENTS(dst), sizeof(*out), dst, &p);
	t.created = sqlite3_column_int64(s, 2);
	t.msgs = g_ptr_array_new();
	t.events = g_ptr_array_ref(no_events);
	t.arena = a;
	a->refs++;
	*out = t;
	return out;
}

#define MSG_COLS "message_id, thread_id, stage, from_addr, from_name, to_addr," \
		 " reply_to, subject, refs, company, position, contact_addr," \
		 " contact_name, interviewer, date, outgoing, interview, interview_end," \
		 " decision, decision_is_time, offer_deadline"

static struct stored_msg *read_msg(struct store_arena *a, sqlite3_stmt *s)
{
	struct stored_msg m = { 0 }, *out;
	char **const dst[] = {
		&m.message_id, &m.thread_id, NULL, &m.from_addr, &m.from_name,
		&m.to_addr, &m.reply_to, &m.subject, &m.references, &m.company,
		&m.position, &m.contact_addr, &m.contact_name, &m.interviewer,
	};
	struct pack p;
	int i = G_N_ELEMENTS(dst);

	out = pack_row(a, s, G_N_ELEMENTS(dst), sizeof(*out), dst, &p);
	if (!p.text[2] || stage_parse(p.text[2], &m.stage) < 0)
		m.stage = STAGE_NONE;
	m.date = sqlite3_column_int64(s, i++);
	m.outgoing = sqlite3_column_int(s, i++);
	m.interview = sqlite3_column_int64(s, i++);
	m.interview_end = sqlite3_column_int64(s, i++);
	m.decision = sqlite3_column_int64(s, i++);
	m.decision_is_time = sqlite3_column_int(s, i++);
	m.offer_deadline = sqlite3_column_int64(s, i++);
	*out = m;
	return out;
}

/*
 * Threads by id during a load: open addressing with each id's hash beside
 * its thread, so that finding the thread of a message reads one slot and
 * the id it compares, not a hash table's three arrays.
 */
struct id_map {
	struct id_slot {
		guint hash;
		struct stored_thread *t;
	} *slots;
	size_t mask;
};

static void id_map_init(struct id_map *m, const GPtrArray *threads)
{
	size_t size = 16;

	while (size < 2 * (size_t)threads->len)
		size *= 2;
	m->slots = g_new0(struct id_slot, size);
	m->mask = size - 1;
	for (guint k = 0; k < threads->len; k++) {
		struct stored_thread *t = threads->pdata[k];
		guint h = g_str_hash(t->id);
		size_t i = h & m->mask;

		while (m->slots[i].t)
			i = (i + 1) & m->mask;
		m->slots[i].hash = h;
		m->slots[i].t = t;
	}
}

static struct stored_thread *id_map_get(const struct id_map *m, const char *id)
{
	guint h;

	if (!id)
		return NULL;
	h = g_str_hash(id);
	for (size_t i = h & m->mask; m->slots[i].t; i = (i + 1) & m->mask)
		if (m->slots[i].hash == h && strcmp(m->slots[i].t->id, id) == 0)
			return m->slots[i].t;
	return NULL;
}

/* Stable: messages come in rowid order, so this orders by date, rowid. */
static void sort_msgs(GPtrArray *msgs)
{
	for (guint i = 1; i < msgs->len; i++) {
		struct stored_msg *m = msgs->pdata[i];
		guint k = i;

		for (; k > 0 && ((struct stored_msg *)msgs->pdata[k - 1])->date > m->date; k--)
			msgs->pdata[k] = msgs->pdata[k - 1];
		msgs->pdata[k] = m;
	}
}

/*
 * Threads come in order from their index; messages in the table's own
 * order (no sort in SQLite), each thread's then sorted here.
 */
int store_load_threads(struct store *st, GPtrArray **threads, GError **err)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)stored_thread_free);
	struct id_map by_id = { 0 };
	/* Most threads have no events: they share one empty array. */
	g_autoptr(GPtrArray) no_events = g_ptr_array_new();
	struct store_arena *arena = arena_new();
	struct stored_thread *t = NULL;
	sqlite3_stmt *s = NULL;
	int ret, rc;

	if ((ret = prepare(st, "SELECT id, subject, created FROM threads "
			   "ORDER BY created, id", &s, err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t = read_thread(arena, s, no_events);
		g_ptr_array_add(out, t);
	}
	sqlite3_finalize(s);
	s = NULL;
	if (rc != SQLITE_DONE) {
		ret = db_fail(st, err, "cannot read");
		goto out;
	}
	id_map_init(&by_id, out);

	if ((ret = prepare(st, "SELECT " MSG_COLS " FROM messages ORDER BY rowid",
			   &s, err)) < 0)
		goto out;
	t = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *tid = (const char *)sqlite3_column_text(s, 1);

		/* A thread's messages mostly come together. */
		if (!t || !tid || strcmp(t->id, tid) != 0)
			t = id_map_get(&by_id, tid);
		if (t)
			g_ptr_array_add(t->msgs, read_msg(arena, s));
	}
	sqlite3_finalize(s);
	s = NULL;
	if (rc != SQLITE_DONE) {
		ret = db_fail(st, err, "cannot read");
		goto out;
	}
	for (guint i = 0; i < out->len; i++)
		sort_msgs(((struct stored_thread *)out->pdata[i])->msgs);

	if ((ret = prepare(st, "SELECT id, thread_id, time, kind, value FROM events "
			   "ORDER BY time, id", &s, err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct stored_event *e = g_new0(struct stored_event, 1);

		t = id_map_get(&by_id, (const char *)sqlite3_column_text(s, 1));
		e->id = sqlite3_column_int64(s, 0);
		e->time = sqlite3_column_int64(s, 2);
		e->kind = col_text(s, 3);
		e->value = sqlite3_column_int64(s, 4);
		if (t && t->events == no_events) {
			g_ptr_array_unref(t->events);
			t->events = g_ptr_array_new_with_free_func((GDestroyNotify)stored_event_free);
		}
		if (t)
			g_ptr_array_add(t->events, e);
		else
			stored_event_free(e);
	}
	if (rc != SQLITE_DONE)
		ret = db_fail(st, err, "cannot read");
out:
	sqlite3_finalize(s);
	g_free(by_id.slots);
	arena_unref(arena);	/* the threads hold it now */
	if (ret < 0) {
		g_ptr_array_unref(out);
		return ret;
	}
	*threads = out;
	return 0;
}

int store_find_thread(struct store *st, const char *prefix, char **thread_id,
		      GError **err)
{
	sqlite3_stmt *s = NULL;
	g_autofree char *pattern = NULL;
	int ret, rc, n = 0;

	*thread_id = NULL;
	if (!*prefix || strpbrk(prefix, "%_"))
		return nudge_fail(err, NUDGE_E_USAGE, "invalid thread id '%s'", prefix);
	if ((ret = prepare(st, "SELECT id FROM threads WHERE id LIKE ? ORDER BY id",
			   &s, err)) < 0)
		return ret;
	pattern = g_strconcat(prefix, "%", NULL);
	bind_text(s, 1, pattern);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n++ == 0)
			*thread_id = col_text(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		ret = db_fail(st, err, "cannot read");
	else if (n == 0)
		ret = nudge_fail(err, NUDGE_E_NOTFOUND, "no thread '%s'", prefix);
	else if (n > 1)
		ret = nudge_fail(err, NUDGE_E_USAGE,
				 "thread id '%s' is ambiguous: %d threads start with it",
				 prefix, n);
	if (ret < 0)
		g_clear_pointer(thread_id, g_free);
	return ret;
}

static void read_draft(sqlite3_stmt *s, struct draft_rec *d)
{
	int i = 0;

	d->key = col_text(s, i++);
	d->thread_id = col_text(s, i++);
	d->kind = col_text(s, i++);
	d->due = sqlite3_column_int64(s, i++);
	d->state = col_text(s, i++);
	d->location = col_text(s, i++);
	d->message_id = col_text(s, i++);
	d->hash = col_text(s, i++);
	d->attempts = sqlite3_column_int(s, i++);
	d->last_error = col_text(s, i++);
	d->written = sqlite3_column_int64(s, i++);
	d->retry_at = sqlite3_column_int64(s, i++);
}

#define DRAFT_COLS "key, thread_id, kind, due, state, location, message_id, " \
		   "hash, attempts, last_error, written, retry_at"

int store_draft_get(struct store *st, const char *key, struct draft_rec *out,
		    bool *found, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	memset(out, 0, sizeof(*out));
	*found = false;
	if ((ret = prepare(st, "SELECT " DRAFT_COLS " FROM drafts WHERE key = ?",
			   &s, err)) < 0)
		return ret;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_draft(s, out);
		*found = true;
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(st, err, "cannot read");
	}
	sqlite3_finalize(s);
	return ret;
}

int store_draft_put(struct store *st, const struct draft_rec *d, GError **err)
{
	sqlite3_stmt *s = NULL;
	int ret, i = 1;

	if ((ret = prepare(st, "INSERT OR REPLACE INTO drafts(" DRAFT_COLS ") "
			   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &s, err)) < 0)
		return ret;
	bind_text(s, i++, d->key);
	bind_text(s, i++, d->thread_id);
	bind_text(s, i++, d->kind);
	sqlite3_bind_int64(s, i++, d->due);
	bind_text(s, i++, d->state);
	bind_text(s, i++, d->location);
	bind_text(s, i++, d->message_id);
	bind_text(s, i++, d->hash);
	sqlite3_bind_int(s, i++, d->attempts);
	bind_text(s, i++, d->last_error);
	if (d->written)
		sqlite3_bind_int64(s, i++, d->written);
	else
		sqlite3_bind_null(s, i++);
	if (d->retry_at)
		sqlite3_bind_int64(s, i++, d->retry_at);
	else
		sqlite3_bind_null(s, i++);
	if (sqlite3_step(s) != SQLITE_DONE)
		ret = db_fail(st, err, "cannot write to");
	sqlite3_finalize(s);
	return ret;
}

int store_draft_list(struct store *st, GPtrArray **out, GError **err)
{
	GPtrArray *a = g_ptr_array_new_with_free_func((GDestroyNotify)draft_rec_free);
	sqlite3_stmt *s = NULL;
	int ret, rc;

	if ((ret = prepare(st, "SELECT " DRAFT_COLS " FROM drafts ORDER BY due, key",
			   &s, err)) < 0) {
		g_ptr_array_unref(a);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct draft_rec *d = g_new0(struct draft_rec, 1);

		read_draft(s, d);
		g_ptr_array_add(a, d);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		g_ptr_array_unref(a);
		return db_fail(st, err, "cannot read");
	}
	*out = a;
	return 0;
}

void draft_rec_clear(struct draft_rec *d)
{
	g_free(d->key);
	g_free(d->thread_id);
	g_free(d->kind);
	g_free(d->state);
	g_free(d->location);
	g_free(d->message_id);
	g_free(d->hash);
	g_free(d->last_error);
	memset(d, 0, sizeof(*d));
}

void draft_rec_free(struct draft_rec *d)
{
	if (!d)
		return;
	draft_rec_clear(d);
	g_free(d);
}
