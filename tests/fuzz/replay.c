/*
 * Replays inputs through a fuzzing harness without libFuzzer, so make check
 * runs the regression cases with gcc and the sanitizers. Usage: replay FILE...
 * (a folder is read file by file).
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
	g_autofree char *data = NULL;
	g_autoptr(GError) err = NULL;
	gsize len;

	if (!g_file_get_contents(path, &data, &len, &err)) {
		fprintf(stderr, "replay: cannot read '%s': %s\n", path, err->message);
		return -1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	printf("replayed %s\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	int bad = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
			g_autoptr(GDir) d = g_dir_open(argv[i], 0, NULL);
			const char *name;

			while (d && (name = g_dir_read_name(d))) {
				g_autofree char *p = g_build_filename(argv[i], name, NULL);

				bad |= replay_file(p) < 0;
			}
		} else {
			bad |= replay_file(argv[i]) < 0;
		}
	}
	return bad ? 1 : 0;
}
