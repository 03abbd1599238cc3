/* The classifier's model, from filters/model/stages.tsv or its cache (model.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checksum.h"
#include "fileid.h"
#include "model.h"

/* A feature: its name at off in the names, len bytes long. */
struct feat {
	guint32 off, len;
};

/*
 * The features as an open-addressing hash table (linear probing, at least
 * half of the slots empty). Parsed from the text, the arrays are the
 * model's own; read from a cache, they point into its mapping.
 */
struct model_index {
	guint32 nfeat, mask;		/* mask + 1 slots, a power of two */
	const guint32 *slots;		/* 0: empty, else feature number + 1 */
	const struct feat *feats;
	const float *weights;		/* nclass per feature */
	const char *names;
	guint32 names_len;
	void *map;			/* the cache's mapping, or NULL */
	size_t map_len;
	guint32 *own_slots;		/* what was allocated, or NULL */
	GArray *own_feats, *own_weights;
	GString *own_names;
};

/* The cache: this head, then slots (padded to 8 bytes), feats, weights, names. */
#define CACHE_MAGIC "nudge-model-cache 5\n"
struct cache_head {
	char magic[24];
	guint64 key[FILE_ID_LEN];	/* the model file's file_id() */
	gint32 nclass, veto;
	gint32 stage[STAGE__COUNT];
	double prior[STAGE__COUNT];
	double lift, bare, choose, override;
	guint32 nfeat, mask, names_len, pad;
	guint64 sum;		/* sum_of() the file, this field as 0 */
};
G_STATIC_ASSERT(sizeof(struct cache_head) % 8 == 0);

static guint32 hash(const char *s, size_t len)
{
	guint32 h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (guint8)s[i]) * 16777619u;
	return h;
}

const float *model_weights(const struct model *m, const char *feature)
{
	const struct model_index *ix = m->index;
	size_t len = strlen(feature);

	for (guint32 i = hash(feature, len) & ix->mask;; i = (i + 1) & ix->mask) {
		guint32 s = ix->slots[i];
		const struct feat *f;

		if (!s)
			return NULL;
		f = &ix->feats[s - 1];
		if (f->len == len && memcmp(ix->names + f->off, feature, len) == 0)
			return ix->weights + (size_t)(s - 1) * (size_t)m->nclass;
	}
}

static void index_free(struct model_index *ix)
{
	if (!ix)
		return;
	if (ix->map)
		munmap(ix->map, ix->map_len);
	g_free(ix->own_slots);
	if (ix->own_feats)
		g_array_unref(ix->own_feats);
	if (ix->own_weights)
		g_array_unref(ix->own_weights);
	if (ix->own_names)
		g_string_free(ix->own_names, TRUE);
	g_free(ix);
}

void model_free(struct model *m)
{
	if (!m)
		return;
	index_free(m->index);
	g_free(m);
}

/*
 * The number in s as g_ascii_strtod() reads it, *end after it. A plain
 * decimal of at most 15 digits ("-0.012", as the model is written) is an
 * integer over a power of ten, both exact in a double, and one division
 * rounds correctly: the same double as strtod's, at a fraction of its cost.
 */
static double parse_double(const char *s, char **end)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
		1e13, 1e14, 1e15,
	};
	const char *p = s + (*s == '-');
	guint64 n = 0;
	int digits = 0, frac = -1;

	for (;; p++) {
		if (g_ascii_isdigit(*p) && digits < 16) {
			n = n * 10 + (guint64)(*p - '0');
			digits++;
			if (frac >= 0)
				frac++;
		} else if (*p == '.' && frac < 0) {
			frac = 0;
		} else {
			break;
		}
	}
	if (*p || !digits || digits > 15 || !frac)
		return g_ascii_strtod(s, end);
	*end = (char *)p;
	return (*s == '-' ? -1.0 : 1.0) * ((double)n / pow10[frac < 0 ? 0 : frac]);
}

/* Reads nclass numbers separated by tabs into v; false when malformed. */
static bool parse_numbers(char **cells, int nclass, double *v)
{
	for (int i = 0; i < nclass; i++) {
		char *end;

		if (!cells[i] || !*cells[i])
			return false;
		v[i] = parse_double(cells[i], &end);
		if (*end)
			return false;
	}
	return cells[nclass] == NULL;
}

/* Adds a feature to the index being built; a name seen before gets the
 * new weights, as a later line of the file wins. */
static void index_add(struct model_index *ix, int nclass, const char *name, const double *d)
{
	size_t len = strlen(name);
	float v[STAGE__COUNT];
	guint32 i;

	for (int c = 0; c < nclass; c++)
		v[c] = (float)d[c];

	for (i = hash(name, len) & ix->mask; ix->own_slots[i]; i = (i + 1) & ix->mask) {
		const struct feat *f = &g_array_index(ix->own_feats, struct feat,
						      ix->own_slots[i] - 1);

		if (f->len == len && memcmp(ix->own_names->str + f->off, name, len) == 0) {
			memcpy(&g_array_index(ix->own_weights, float,
					      (ix->own_slots[i] - 1) * (guint)nclass),
			       v, sizeof(float) * (size_t)nclass);
			return;
		}
	}
	{
		struct feat f = { (guint32)ix->own_names->len, (guint32)len };

		g_string_append_len(ix->own_names, name, (gssize)len);
		g_array_append_val(ix->own_feats, f);
		g_array_append_vals(ix->own_weights, v, (guint)nclass);
		ix->own_slots[i] = ++ix->nfeat;
	}
}

/* Parses the model's text (cut in place) into m. */
static int parse(const char *path, char *data, struct model *m, GError **err)
{
	g_autoptr(GPtrArray) split = g_ptr_array_new();
	struct model_index *ix = g_new0(struct model_index, 1);
	guint32 lines = 1, slots = 2;
	char *next = data;

	for (const char *p = data; (p = strchr(p, '\n')); p++)
		lines++;
	while (slots < 2 * lines)
		slots *= 2;
	ix->mask = slots - 1;
	ix->own_slots = g_new0(guint32, slots);
	ix->own_feats = g_array_new(FALSE, FALSE, sizeof(struct feat));
	ix->own_weights = g_array_new(FALSE, FALSE, sizeof(float));
	ix->own_names = g_string_new(NULL);
	m->index = ix;
	m->lift = 1e9;
	m->bare = 1e9;
	m->choose = 1e9;
	m->override = 1e9;
	/* Lines and cells cut in place, as g_strsplit() would cut them. */
	for (int i = 0; next; i++) {
		char *line = next, *nl = strchr(line, '\n');
		char **cells;
		double v[STAGE__COUNT];

		if (nl)
			*nl = '\0';
		next = nl ? nl + 1 : NULL;
		g_strchomp(line);
		if (!*line || *line == '#')
			continue;
		g_ptr_array_set_size(split, 0);
		for (char *c = line;;) {
			char *tab = strchr(c, '\t');

			g_ptr_array_add(split, c);
			if (!tab)
				break;
			*tab = '\0';
			c = tab + 1;
		}
		g_ptr_array_add(split, NULL);
		cells = (char **)split->pdata;
		if (strcmp(cells[0], "@classes") == 0) {
			for (int c = 1; cells[c]; c++) {
				enum nudge_stage st;

				if (c > STAGE__COUNT || stage_parse(cells[c], &st) < 0)
					goto bad;
				m->stage[m->nclass++] = st;
			}
			if (!m->nclass || m->stage[0] != STAGE_NONE)
				goto bad;
			continue;
		}
		if (!m->nclass)
			goto bad;
		if (strcmp(cells[0], "@prior") == 0) {
			if (!parse_numbers(cells + 1, m->nclass, m->prior))
				goto bad;
		} else if (strcmp(cells[0], "@lift") == 0 || strcmp(cells[0], "@choose") == 0 ||
			   strcmp(cells[0], "@override") == 0 || strcmp(cells[0], "@bare") == 0 ||
			   strcmp(cells[0], "@veto") == 0) {
			if (!parse_numbers(cells + 1, 1, v))
				goto bad;
			if (cells[0][1] == 'l')
				m->lift = v[0];
			else if (cells[0][1] == 'c')
				m->choose = v[0];
			else if (cells[0][1] == 'o')
				m->override = v[0];
			else if (cells[0][1] == 'b')
				m->bare = v[0];
			else
				m->veto = (int)v[0];
		} else if (cells[0][0] == '@' || !parse_numbers(cells + 1, m->nclass, v)) {
			goto bad;
		} else {
			index_add(ix, m->nclass, cells[0], v);
		}
		continue;
bad:
		return nudge_fail(err, NUDGE_E_CONFIG, "%s:%d: malformed model line", path, i + 1);
	}
	if (!m->nclass)
		return nudge_fail(err, NUDGE_E_CONFIG, "%s: no @classes line", path);
	ix->slots = ix->own_slots;
	ix->feats = (const struct feat *)(void *)ix->own_feats->data;
	ix->weights = (const float *)(void *)ix->own_weights->data;
	ix->names = ix->own_names->str;
	ix->names_len = (guint32)ix->own_names->len;
	return 0;
}

/* A checksum of the head (its sum as 0) and the n bytes after it, cheap
 * enough to run on every read: a damaged cache is not used. */
static guint64 sum_of(const struct cache_head *head, const guint8 *p, size_t n)
{
	struct cache_head zeroed = *head;

	zeroed.sum = 0;
	return checksum64(checksum64(0x9e3779b97f4a7c15u, &zeroed, sizeof(zeroed)), p, n);
}

static size_t slots_bytes(guint32 mask)
{
	return ((size_t)(mask + 1) * sizeof(guint32) + 7) & ~(size_t)7;
}

/* The model from the cache when it was written for the file with key; a
 * cache that is missing, stale or does not hold together is not used. */
static struct model *cache_read(const char *cache, const guint64 key[FILE_ID_LEN])
{
	struct cache_head h;
	struct model_index *ix;
	struct model *m;
	struct stat st;
	size_t need, empty = 0;
	bool broken = false;
	void *map;
	int fd = open(cache, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof(h)) {
		close(fd);
		return NULL;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	memcpy(&h, map, sizeof(h));
	if (memcmp(h.magic, CACHE_MAGIC, sizeof(CACHE_MAGIC)) != 0 ||
	    memcmp(h.key, key, sizeof(h.key)) != 0 ||
	    h.nclass < 1 || h.nclass > STAGE__COUNT || h.mask > (1u << 28) ||
	    (h.mask & (h.mask + 1)) != 0 || h.nfeat > h.mask)
		goto bad;
	need = sizeof(h) + slots_bytes(h.mask) + (size_t)h.nfeat * sizeof(struct feat) +
	       (size_t)h.nfeat * (size_t)h.nclass * sizeof(float) + h.names_len;
	if (need != (size_t)st.st_size ||
	    sum_of(&h, (const guint8 *)map + sizeof(h), need - sizeof(h)) != h.sum)
		goto bad;
	ix = g_new0(struct model_index, 1);
	ix->map = map;
	ix->map_len = (size_t)st.st_size;
	ix->nfeat = h.nfeat;
	ix->mask = h.mask;
	ix->slots = (const guint32 *)(const void *)((const char *)map + sizeof(h));
	ix->feats = (const struct feat *)(const void *)((const char *)ix->slots +
							 slots_bytes(h.mask));
	ix->weights = (const float *)(const void *)(ix->feats + h.nfeat);
	ix->names = (const char *)(ix->weights + (size_t)h.nfeat * (size_t)h.nclass);
	ix->names_len = h.names_len;
	/* Every slot names a feature that exists, every name is inside the
	 * names, and one slot at least is empty, so a lookup always ends. */
	for (guint32 i = 0; i <= h.mask; i++) {
		if (!ix->slots[i])
			empty++;
		else if (ix->slots[i] > h.nfeat)
			broken = true;
	}
	for (guint32 i = 0; i < h.nfeat; i++)
		if ((guint64)ix->feats[i].off + ix->feats[i].len > h.names_len)
			broken = true;
	if (broken || !empty) {
		ix->map = NULL;
		g_free(ix);
		goto bad;
	}
	m = g_new0(struct model, 1);
	m->nclass = h.nclass;
	for (int c = 0; c < h.nclass; c++) {
		if (h.stage[c] < 0 || h.stage[c] >= STAGE__COUNT) {
			m->index = ix;
			model_free(m);
			return NULL;
		}
		m->stage[c] = (enum nudge_stage)h.stage[c];
		m->prior[c] = h.prior[c];
	}
	m->lift = h.lift;
	m->bare = h.bare;
	m->choose = h.choose;
	m->override = h.override;
	m->veto = h.veto;
	m->index = ix;
	return m;
bad:
	munmap(map, (size_t)st.st_size);
	return NULL;
}

/* Writes the cache, best effort: without it the text is parsed. */
static void cache_write(const char *cache, const guint64 key[FILE_ID_LEN], const struct model *m)
{
	const struct model_index *ix = m->index;
	g_autofree char *tmp = g_strconcat(cache, ".XXXXXX", NULL);
	g_autoptr(GByteArray) body = g_byte_array_new();
	static const guint8 zero[8];
	struct cache_head h;
	size_t slots = (size_t)(ix->mask + 1) * sizeof(guint32);
	int fd;
	bool ok;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, CACHE_MAGIC, sizeof(CACHE_MAGIC));
	memcpy(h.key, key, sizeof(h.key));
	h.nclass = m->nclass;
	h.veto = m->veto;
	for (int c = 0; c < m->nclass; c++) {
		h.stage[c] = (gint32)m->stage[c];
		h.prior[c] = m->prior[c];
	}
	h.lift = m->lift;
	h.bare = m->bare;
	h.choose = m->choose;
	h.override = m->override;
	h.nfeat = ix->nfeat;
	h.mask = ix->mask;
	h.names_len = ix->names_len;
	g_byte_array_append(body, (const guint8 *)ix->slots, (guint)slots);
	g_byte_array_append(body, zero, (guint)(slots_bytes(ix->mask) - slots));
	g_byte_array_append(body, (const guint8 *)ix->feats,
			    (guint)(ix->nfeat * sizeof(struct feat)));
	g_byte_array_append(body, (const guint8 *)ix->weights,
			    (guint)(ix->nfeat * sizeof(float) * (size_t)m->nclass));
	g_byte_array_append(body, (const guint8 *)ix->names, ix->names_len);
	h.sum = sum_of(&h, body->data, body->len);
	fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	ok = write(fd, &h, sizeof(h)) == (ssize_t)sizeof(h) &&
	     write(fd, body->data, body->len) == (ssize_t)body->len;
	if (close(fd) != 0 || !ok || rename(tmp, cache) < 0)
		unlink(tmp);
}

int model_load(const char *path, const char *cache, struct model **out, GError **err)
{
	g_autofree char *data = NULL;
	g_autoptr(GError) e = NULL;
	struct model *m;
	struct stat st;
	guint64 key[FILE_ID_LEN];
	int rc;

	*out = NULL;
	if (stat(path, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s", path,
				  g_strerror(errno));
	}
	file_id(&st, key);
	if (cache && (*out = cache_read(cache, key)))
		return 0;
	if (!g_file_get_contents(path, &data, NULL, &e)) {
		if (g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT))
			return 0;
		return nudge_fail(err, NUDGE_E_CONFIG, "cannot read '%s': %s",
				  path, e->message);
	}
	m = g_new0(struct model, 1);
	if ((rc = parse(path, data, m, err)) < 0) {
		model_free(m);
		return rc;
	}
	if (cache)
		cache_write(cache, key, m);
	*out = m;
	return 0;
}
