/* Loading nudge-NAME.so once per process (module.h). */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "module.h"

#ifndef NUDGE_MODULEDIR
#error "NUDGE_MODULEDIR must name the folder of the modules"
#endif

struct loaded {
	char *name;
	const void *table;
};

static GMutex lock;
static GPtrArray *loaded;	/* of struct loaded; never unloaded */

static const void *find(const char *name)
{
	for (guint i = 0; loaded && i < loaded->len; i++) {
		const struct loaded *l = g_ptr_array_index(loaded, i);

		if (strcmp(l->name, name) == 0)
			return l->table;
	}
	return NULL;
}

const char *module_dir(void)
{
	const char *dir = getenv("NUDGE_MODULEDIR");

	return dir && *dir ? dir : NUDGE_MODULEDIR;
}

const void *module_load(const char *name, GError **err)
{
	const char *dir = module_dir();
	const struct module_head *head;
	struct loaded *l;
	char *file = NULL, *sym = NULL;
	void *h;

	g_mutex_lock(&lock);
	head = find(name);
	if (head)
		goto out;
	file = g_strdup_printf("%s/nudge-%s.so", dir, name);
	sym = g_strdup_printf("nudge_%s_module", name);
	/* RTLD_LOCAL: the libraries a module brings stay its own. */
	h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		nudge_fail(err, NUDGE_E_INTERNAL, "cannot load the %s module: %s", name,
			   dlerror());
		goto out;
	}
	head = dlsym(h, sym);
	if (!head || head->abi != NUDGE_MODULE_ABI || strcmp(head->name, name) != 0 ||
	    strcmp(head->version, NUDGE_VERSION) != 0) {
		nudge_fail(err, NUDGE_E_INTERNAL,
			   "'%s' was built for another version of nudge", file);
		dlclose(h);
		head = NULL;
		goto out;
	}
	if (!loaded)
		loaded = g_ptr_array_new();
	l = g_new(struct loaded, 1);
	l->name = g_strdup(name);
	l->table = head;
	g_ptr_array_add(loaded, l);
out:
	g_mutex_unlock(&lock);
	g_free(file);
	g_free(sym);
	return head;
}
