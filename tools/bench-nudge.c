/*
 * The benchmark's helper (make bench; never part of make check).
 *
 *   bench-nudge spawn CORPUS N -- NAME CMD... [-- NAME CMD...]...
 *	generates N messages from the files under CORPUS and runs every
 *	command once per message (stdin the message, stdout /dev/null),
 *	rotating their order; prints medians per size class.
 *   bench-nudge classify CORPUS N DATADIR
 *	the same N messages, msg_parse + record_analyse in this process:
 *	throughput over three passes and the median time of one message per
 *	size class, and how many are automatic or list mail and how many of
 *	those the filter's first look reads from the header block alone
 *	(front.h). With BENCH_DUMP=FILE, each message's index, size, stage,
 *	score and rule go to FILE (to check that a change keeps the results);
 *	BENCH_SIZES=LOW-HIGH keeps only the messages of LOW to HIGH bytes.
 *   bench-nudge make CORPUS SIZE FILE
 *	writes one generated message of about SIZE bytes.
 *   bench-nudge time RUNS -- CMD...
 *	runs CMD RUNS times: median wall time and the largest peak RSS.
 *
 * Messages are real corpus mail with a fresh Message-ID and Received line,
 * some subjects made replies, and bodies padded with other corpus text to
 * sizes from 2 KB to 2 MB (most small, as real mail is).
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "config.h"
#include "front.h"
#include "record.h"

extern char **environ;

struct corpus {
	GPtrArray *files;	/* of GBytes */
	GString *filler;	/* body text to pad with */
};

static guint64 rng_state = 0x9e3779b97f4a7c15u;

static guint64 rng(void)
{
	guint64 x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static double rng_unit(void)
{
	return (double)(rng() >> 11) / (double)(1ull << 53);
}

static void walk(const char *dir, GPtrArray *out)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;

	if (!d)
		return;
	while ((n = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(dir, n, NULL);
		char *data;
		gsize len;

		if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
			walk(p, out);
			continue;
		}
		if (strstr(n, "LICENSE") || strstr(n, "COPYING") || strstr(n, "README") ||
		    strstr(n, "NOTICE") || g_str_has_suffix(n, ".tsv"))
			continue;
		if (g_file_get_contents(p, &data, &len, NULL) && len > 200 && len < 1500000)
			g_ptr_array_add(out, g_bytes_new_take(data, len));
		else if (data)
			g_free(data);
	}
	g_dir_close(d);
}

static int cmp_bytes(gconstpointer a, gconstpointer b)
{
	GBytes *x = *(GBytes *const *)a, *y = *(GBytes *const *)b;

	return g_bytes_compare(x, y);
}

static void corpus_load(const char *dir, struct corpus *c)
{
	c->files = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	walk(dir, c->files);
	/* Directory order varies: sort so that every run sees the same mail. */
	g_ptr_array_sort(c->files, cmp_bytes);
	c->filler = g_string_new(NULL);
	for (guint i = 0; i < c->files->len && c->filler->len < (4u << 20); i += 3) {
		gsize len;
		const char *s = g_bytes_get_data(c->files->pdata[i], &len);
		const char *body = g_strstr_len(s, (gssize)len, "\n\n");

		if (body && !g_strstr_len(s, body - s, "multipart") &&
		    !g_strstr_len(s, body - s, "base64"))
			g_string_append_len(c->filler, body + 2, (gssize)(len - (size_t)(body + 2 - s)));
	}
	if (c->filler->len == 0)
		g_string_append(c->filler, "Nothing to pad with.\n");
}

/* Message i: a corpus file with a few headers changed, padded to size. */
static GString *make_message(const struct corpus *c, guint i, size_t size)
{
	gsize len;
	const char *s = g_bytes_get_data(c->files->pdata[(guint)(rng() % c->files->len)], &len);
	const char *end = s + len, *p = s;
	GString *m = g_string_sized_new(size + 1024);
	bool in_headers = true;

	g_string_append_printf(m, "Received: from bench%u.example (bench%u.example "
			       "[192.0.2.%u]) by mx.example; Mon, 13 Apr 2026 10:%02u:00 -0400\n",
			       i, i, i % 250 + 1, i % 60);
	/* An mbox "From " line is not a header. */
	if (len > 5 && strncmp(s, "From ", 5) == 0) {
		const char *nl = memchr(s, '\n', len);

		p = nl ? nl + 1 : end;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl + 1 : end;

		if (in_headers && (*p == '\n' || (*p == '\r' && p[1] == '\n'))) {
			in_headers = false;
			g_string_append_printf(m, "Message-ID: <bench.%u.%" G_GUINT64_FORMAT
					       "@bench.example>\n", i, rng() % 1000000);
		} else if (in_headers && g_ascii_strncasecmp(p, "Message-ID:", 11) == 0) {
			g_string_append(m, "X-Original-");
		} else if (in_headers && g_ascii_strncasecmp(p, "Subject:", 8) == 0 &&
			   i % 10 == 3) {
			g_string_append(m, "Subject: Re:");
			p += 8;
		}
		g_string_append_len(m, p, e - p);
		p = e;
	}
	if (in_headers)
		return m;	/* broken mail stays as it is */
	while (m->len < size) {
		size_t off = (size_t)(rng() % c->filler->len), n = size - m->len;
		const char *f = c->filler->str + off;
		const char *nl = memchr(f, '\n', c->filler->len - off);

		if (nl)
			f = nl + 1;
		if (n > (size_t)(c->filler->str + c->filler->len - f))
			n = (size_t)(c->filler->str + c->filler->len - f);
		if (n == 0)
			continue;
		g_string_append_len(m, f, (gssize)n);
	}
	return m;
}

/* From 2 KB to 2 MB, skewed to small mail: median about 11 KB. */
static size_t pick_size(void)
{
	double u = rng_unit();

	return (size_t)(2048.0 * exp(u * u * log(1000.0)));
}

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Runs argv with stdin from fd (rewound); wall seconds, peak RSS in KB. */
static int run(char **argv, int in_fd, double *secs, long *rss_kb)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	double t0;
	pid_t pid;
	int st, ret;

	if (in_fd >= 0)
		lseek(in_fd, 0, SEEK_SET);
	posix_spawn_file_actions_init(&fa);
	if (in_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	/* Broken corpus mail makes nudge say so; the benchmark does not care. */
	if (getenv("BENCH_QUIET"))
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = now_s();
	ret = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (ret) {
		fprintf(stderr, "bench-nudge: cannot run '%s': %s\n", argv[0], strerror(ret));
		return -1;
	}
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	*secs = now_s() - t0;
	*rss_kb = ru.ru_maxrss;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "bench-nudge: '%s' failed (status %d)\n", argv[0], st);
		return -1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(GArray *a)
{
	if (!a->len)
		return 0;
	g_array_sort(a, cmp_double);
	if (a->len % 2)
		return g_array_index(a, double, a->len / 2);
	return (g_array_index(a, double, a->len / 2 - 1) +
		g_array_index(a, double, a->len / 2)) / 2;
}

#define MAX_CMDS 4
static const struct {
	const char *name;
	size_t lo, hi;
} classes[] = {
	{ "all sizes", 0, SIZE_MAX },
	{ "2-8 KB", 0, 8192 },
	{ "8-12 KB", 8192, 12288 },
	{ "12-100 KB", 12288, 102400 },
	{ "100 KB-2 MB", 102400, SIZE_MAX },
};
#define N_CLASSES (sizeof(classes) / sizeof(classes[0]))

static int cmd_spawn(int argc, char **argv)
{
	struct corpus c;
	char **cmds[MAX_CMDS];
	const char *names[MAX_CMDS];
	GArray *times[MAX_CMDS][N_CLASSES];
	int n_cmds = 0, count = atoi(argv[3]);
	char tmpl[] = "/tmp/bench-nudge-XXXXXX";
	int fd = mkstemp(tmpl);

	if (fd < 0)
		return 1;
	unlink(tmpl);
	for (int i = 4; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0 && i + 2 < argc && n_cmds < MAX_CMDS) {
			names[n_cmds] = argv[i + 1];
			cmds[n_cmds++] = &argv[i + 2];
			argv[i] = NULL;
			i++;
		}
	}
	for (int k = 0; k < n_cmds; k++)
		for (size_t j = 0; j < N_CLASSES; j++)
			times[k][j] = g_array_new(FALSE, FALSE, sizeof(double));
	corpus_load(argv[2], &c);
	for (int i = 0; i < count; i++) {
		size_t size = pick_size();
		GString *m = make_message(&c, (guint)i, size);

		if (ftruncate(fd, 0) < 0 || pwrite(fd, m->str, m->len, 0) != (ssize_t)m->len)
			return 1;
		for (int r = 0; r < n_cmds; r++) {
			int k = (i + r) % n_cmds;
			double t;
			long kb;

			if (run(cmds[k], fd, &t, &kb) < 0)
				return 1;
			for (size_t j = 0; j < N_CLASSES; j++)
				if (m->len >= classes[j].lo && m->len < classes[j].hi)
					g_array_append_val(times[k][j], t);
		}
		g_string_free(m, TRUE);
	}
	printf("| size | messages |");
	for (int k = 0; k < n_cmds; k++)
		printf(" %s (ms) |", names[k]);
	printf(" %s/%s | %s/%s |\n|---|---|", names[n_cmds - 1], names[0],
	       names[n_cmds - 1], names[n_cmds > 2 ? 1 : 0]);
	for (int k = 0; k < n_cmds + 2; k++)
		printf("---|");
	printf("\n");
	for (size_t j = 0; j < N_CLASSES; j++) {
		double med[MAX_CMDS];
		guint n = times[0][j]->len;

		for (int k = 0; k < n_cmds; k++)
			med[k] = median(times[k][j]) * 1000;
		printf("| %s | %u |", classes[j].name, n);
		for (int k = 0; k < n_cmds; k++)
			printf(" %.2f |", med[k]);
		printf(" %.2f | %.2f |\n", med[n_cmds - 1] / med[0],
		       med[n_cmds - 1] / med[n_cmds > 2 ? 1 : 0]);
	}
	close(fd);
	return 0;
}

static int cmd_classify(int argc, char **argv)
{
	struct corpus c;
	struct config *cfg = NULL;
	struct rules *rules = NULL;
	g_autoptr(GError) e = NULL;
	GPtrArray *msgs = g_ptr_array_new();
	GArray *rate = g_array_new(FALSE, FALSE, sizeof(double));
	GArray *each[N_CLASSES];
	int count = atoi(argv[3]);
	double bytes = 0, secs_best = 0;
	int staged = 0, automatic = 0, unparsed = 0;
	const char *dump_path = getenv("BENCH_DUMP");
	const char *range = getenv("BENCH_SIZES");
	size_t lo = 0, hi = SIZE_MAX;
	FILE *dump = NULL;

	(void)argc;
	g_mime_init();
	corpus_load(argv[2], &c);
	if (config_load("/dev/null", false, &cfg, &e) < 0 ||
	    rules_load(argv[4], NULL, &rules, NULL, &e) < 0) {
		fprintf(stderr, "bench-nudge: %s\n", e->message);
		return 1;
	}
	if (dump_path && !(dump = fopen(dump_path, "w"))) {
		fprintf(stderr, "bench-nudge: cannot open '%s': %s\n", dump_path,
			strerror(errno));
		return 1;
	}
	for (size_t j = 0; j < N_CLASSES; j++)
		each[j] = g_array_new(FALSE, FALSE, sizeof(double));
	if (range && sscanf(range, "%zu-%zu", &lo, &hi) != 2) {
		fprintf(stderr, "bench-nudge: BENCH_SIZES is LOW-HIGH in bytes\n");
		return 1;
	}
	for (int i = 0; i < count; i++) {
		GString *m = make_message(&c, (guint)i, pick_size());

		if (m->len < lo || m->len >= hi) {
			g_string_free(m, TRUE);
			continue;
		}
		bytes += (double)m->len;
		g_ptr_array_add(msgs, m);
	}
	for (int pass = 0; pass < 3; pass++) {
		double t0 = now_s(), t;

		staged = 0;
		for (guint i = 0; i < msgs->len; i++) {
			GString *m = msgs->pdata[i];
			struct nudge_msg *nm = NULL;
			struct analysis a;
			double m0 = now_s();

			if (msg_parse(m->str, m->len, &nm, NULL) < 0)
				continue;
			record_analyse(cfg, rules, nm, false, &a, NULL);
			staged += a.cls.stage != STAGE_NONE;
			if (pass == 0) {
				GArray *keys = g_array_new(FALSE, FALSE, sizeof(guint64));

				automatic += nm->auto_submitted;
				unparsed += front_keys(m->str, m->len, NULL, keys);
				g_array_unref(keys);
			}
			/* The time of one message, from the last pass. */
			if (pass == 2) {
				double one = now_s() - m0;

				for (size_t j = 0; j < N_CLASSES; j++)
					if (m->len >= classes[j].lo && m->len < classes[j].hi)
						g_array_append_val(each[j], one);
			}
			if (dump && pass == 0)
				fprintf(dump, "%u\t%zu\t%s\t%d\t%s\n", i, m->len,
					stage_name(a.cls.stage), a.cls.score,
					a.cls.rule ? a.cls.rule : "-");
			analysis_clear(&a);
			msg_free(nm);
		}
		t = now_s() - t0;
		g_array_append_val(rate, t);
		if (!pass || t < secs_best)
			secs_best = t;
	}
	if (dump)
		fclose(dump);
	{
		double med = median(rate);

		printf("| messages | MB | interview mail found | median of 3 passes (s) | "
		       "messages/s | MB/s |\n|---|---|---|---|---|---|\n");
		printf("| %u | %.1f | %d | %.3f | %.0f | %.1f |\n", msgs->len, bytes / 1e6,
		       staged, med, msgs->len / med, bytes / 1e6 / med);
		printf("\nAutomatic or list mail (no rule runs on it): %d; of which read from the "
		       "header block alone (src/front.h), unparsed when no thread knows it: %d.\n",
		       automatic, unparsed);
	}
	printf("\nMedian time of one message (ms):\n\n| size | messages | ms |\n"
	       "|---|---|---|\n");
	for (size_t j = 0; j < N_CLASSES; j++)
		printf("| %s | %u | %.3f |\n", classes[j].name, each[j]->len,
		       median(each[j]) * 1000);
	rules_free(rules);
	config_free(cfg);
	return 0;
}

static int cmd_make(char **argv)
{
	struct corpus c;
	GString *m;
	size_t size = strtoul(argv[3], NULL, 10);
	bool ok;

	corpus_load(argv[2], &c);
	/* A message that is not broken (the first mail with a body). */
	do {
		m = make_message(&c, 7, size);
		ok = m->len >= size;
		if (!ok)
			g_string_free(m, TRUE);
	} while (!ok);
	return g_file_set_contents(argv[4], m->str, (gssize)m->len, NULL) ? 0 : 1;
}

static int cmd_time(int argc, char **argv)
{
	int runs = atoi(argv[2]);
	GArray *t = g_array_new(FALSE, FALSE, sizeof(double));
	long rss = 0;
	int in = -1;
	const char *in_path = getenv("BENCH_STDIN");

	if (argc < 5 || strcmp(argv[3], "--") != 0)
		return 64;
	if (in_path && (in = open(in_path, O_RDONLY)) < 0)
		return 1;
	for (int i = 0; i < runs; i++) {
		double s;
		long kb;

		if (run(&argv[4], in < 0 ? -1 : in, &s, &kb) < 0)
			return 1;
		g_array_append_val(t, s);
		if (kb > rss)
			rss = kb;
	}
	printf("%.1f ms %ld KB\n", median(t) * 1000, rss);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "spawn") == 0)
		return cmd_spawn(argc, argv);
	if (argc == 5 && strcmp(argv[1], "classify") == 0)
		return cmd_classify(argc, argv);
	if (argc == 5 && strcmp(argv[1], "make") == 0)
		return cmd_make(argv);
	if (argc >= 5 && strcmp(argv[1], "time") == 0)
		return cmd_time(argc, argv);
	fprintf(stderr, "usage: bench-nudge spawn|classify|make|time ... "
		"(see tools/bench-nudge.c)\n");
	return 64;
}
