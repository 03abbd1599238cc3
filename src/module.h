/*
 * Parts of nudge that need large libraries (IMAP: libetpan and GnuTLS; the
 * calendar: libical and ICU) live in modules, nudge-NAME.so, loaded on first
 * use. Most runs of `nudge filter` need neither, and loading those libraries
 * at start-up cost several times more than the filter's own work.
 */
#ifndef NUDGE_MODULE_H
#define NUDGE_MODULE_H

#include "nudge.h"

/* Bumped whenever a module's table changes, so a stale module is refused. */
#define NUDGE_MODULE_ABI 1

/* What every module table starts with. */
struct module_head {
	int abi;		/* NUDGE_MODULE_ABI */
	const char *name;
	const char *version;	/* NUDGE_VERSION */
};

/*
 * The table (the symbol nudge_NAME_module) of nudge-NAME.so in the module
 * folder: $NUDGE_MODULEDIR when set, else the folder nudge was built for.
 * Loaded once per process; NULL with NUDGE_E_INTERNAL when the module is
 * missing, does not load or was built for another nudge.
 */
const void *module_load(const char *name, GError **err);

/* The folder module_load() reads. */
const char *module_dir(void);

#endif
