/*
 * Shared by the fuzzing harnesses: the libFuzzer entry points and a helper
 * that splits one input into NUL-separated fields.
 */
#ifndef NUDGE_FUZZ_H
#define NUDGE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Splits data at NUL bytes into at most n fields, each a new NUL-terminated
 * string (missing fields are NULL). The caller frees with g_strfreev-like
 * fuzz_fields_free().
 */
static inline void fuzz_fields(const uint8_t *data, size_t size, char **f,
			       size_t n)
{
	size_t i = 0, start = 0;

	for (size_t k = 0; k < n; k++)
		f[k] = NULL;
	for (size_t pos = 0; pos <= size && i < n; pos++) {
		if (pos == size || (data[pos] == 0 && i + 1 < n)) {
			f[i++] = g_strndup((const char *)data + start, pos - start);
			start = pos + 1;
		}
	}
}

static inline void fuzz_fields_free(char **f, size_t n)
{
	for (size_t k = 0; k < n; k++)
		g_free(f[k]);
}

#endif
