/* Config parsing: the input is written to a file that config_load reads. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

static char *path;

static void remove_file(void)
{
	unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	path = g_build_filename(g_get_tmp_dir(), "nudge-fuzz-config.XXXXXX", NULL);
	if ((fd = g_mkstemp(path)) < 0)
		abort();
	close(fd);
	atexit(remove_file);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = NULL;
	GError *err = NULL;
	FILE *fp = fopen(path, "w");

	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	if (config_load(path, true, &cfg, &err) == 0) {
		if (!cfg || err)
			abort();
		config_free(cfg);
	} else if (!err || cfg) {
		abort();
	}
	g_clear_error(&err);
	return 0;
}
