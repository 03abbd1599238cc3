/* Where drafts go: the Maildir driver, and the choice of driver. */
#include "maildir.h"
#include "target.h"

static int md_find(struct target *t, const struct composed *c, char **location,
		   GError **err)
{
	return maildir_find(t->cfg->maildir, c->draft_id, location, err);
}

static int md_put(struct target *t, const struct composed *c, char **location,
		  GError **err)
{
	return maildir_put(t->cfg->maildir, c->draft_id, c->data, c->len, location,
			   err);
}

static void md_close(struct target *t)
{
	(void)t;
}

static const struct target_ops maildir_ops = {
	.name = "maildir",
	.find = md_find,
	.put = md_put,
	.close = md_close,
};

int target_open(const struct config *cfg, struct target **out, GError **err)
{
	struct target *t;

	switch (cfg->target) {
	case DRAFTS_MAILDIR:
		if (!cfg->maildir)
			return nudge_fail(err, NUDGE_E_CONFIG,
					  "%s: '[drafts] target = maildir' needs '[drafts] maildir'",
					  cfg->path ? cfg->path : "config");
		t = g_new0(struct target, 1);
		t->ops = &maildir_ops;
		t->cfg = cfg;
		*out = t;
		return 0;
	case DRAFTS_IMAP:
		return nudge_fail(err, NUDGE_E_CONFIG,
				  "%s: IMAP drafts are not available in this build yet",
				  cfg->path ? cfg->path : "config");
	case DRAFTS_NONE:
		break;
	}
	return nudge_fail(err, NUDGE_E_CONFIG,
			  "%s: no drafts folder configured: set '[drafts] maildir' or '[imap] host'",
			  cfg->path ? cfg->path : "config");
}

void target_close(struct target *t)
{
	if (!t)
		return;
	t->ops->close(t);
	g_free(t);
}
