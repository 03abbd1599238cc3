/*
 * Linked into the static build in place of libidn2: GMime calls these three
 * only for an address whose domain is written in punycode ("xn--"), so the
 * library (and libunistring, 0.2 ms to load at every start) is loaded on
 * that first call. Without libidn2 on the system the domain stays as
 * written, as in a GMime built without it.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#include <idn2.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int (*to_ascii)(const char *, char **, int);
static int (*to_unicode)(const char *, char **, int);
static void (*lib_free)(void *);

static void load(void)
{
	void *h = dlopen("libidn2.so.0", RTLD_NOW | RTLD_LOCAL);

	if (!h)
		return;
	*(void **)&to_ascii = dlsym(h, "idn2_to_ascii_8z");
	*(void **)&to_unicode = dlsym(h, "idn2_to_unicode_8z8z");
	*(void **)&lib_free = dlsym(h, "idn2_free");
	if (!to_ascii || !to_unicode || !lib_free)
		to_ascii = NULL, to_unicode = NULL, lib_free = NULL;
}

int idn2_to_ascii_8z(const char *input, char **output, int flags)
{
	pthread_once(&once, load);
	return to_ascii ? to_ascii(input, output, flags) : IDN2_ENCODING_ERROR;
}

int idn2_to_unicode_8z8z(const char *input, char **output, int flags)
{
	pthread_once(&once, load);
	return to_unicode ? to_unicode(input, output, flags) : IDN2_ENCODING_ERROR;
}

void idn2_free(void *ptr)
{
	if (lib_free)
		lib_free(ptr);
	else
		free(ptr);
}
