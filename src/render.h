/* One planned draft as the message to put in Drafts: template + thread. */
#ifndef NUDGE_RENDER_H
#define NUDGE_RENDER_H

#include "config.h"
#include "etiquette.h"
#include "store.h"

struct rendered {
	char *data;		/* the message, LF line endings */
	size_t len;
	char *subject;
	char *message_id;	/* without <>; stable for the draft's key (N2) */
	char *draft_id;		/* X-Nudge-Draft value; also the Maildir tag */
	char *hash;		/* SHA-256 of data */
};

/* The stable id of a draft key: the same key gives the same id. Caller g_frees. */
char *render_draft_id(const char *key);

struct templates;

/*
 * Renders d for thread t with templates from tpl. With subject_only, only
 * out->subject is filled (for listings). Fails with NUDGE_E_DATA when
 * nothing says whom to write to, or the template is broken.
 */
int render_draft(const struct config *cfg, struct templates *tpl,
		 const struct stored_thread *t, const struct et_draft *d,
		 gint64 now, bool subject_only, struct rendered *out, GError **err);
void rendered_clear(struct rendered *c);

#endif
