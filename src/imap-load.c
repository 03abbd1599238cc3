/*
 * imap.h through the IMAP module, loaded when the first session opens: only
 * the commands that talk to a server pay for libetpan and GnuTLS.
 */
#include "imap-module.h"

static const struct imap_module *mod;	/* set by imap_open() */

int imap_open(const struct imap_config *cfg, struct imap **out, GError **err)
{
	*out = NULL;
	if (!mod && !(mod = module_load("imap", err)))
		return NUDGE_E_INTERNAL;
	return mod->open(cfg, out, err);
}

/* Every other call takes a session, so imap_open() loaded the module. */
void imap_close(struct imap *im)
{
	if (im)
		mod->close(im);
}

int imap_drafts_mailbox(struct imap *im, const char **name, GError **err)
{
	return mod->drafts_mailbox(im, name, err);
}

int imap_find_message_id(struct imap *im, const char *mailbox,
			 const char *message_id, guint32 *uid, GError **err)
{
	return mod->find_message_id(im, mailbox, message_id, uid, err);
}

int imap_append_draft(struct imap *im, const char *mailbox, const char *data,
		      size_t len, guint32 *uid, GError **err)
{
	return mod->append_draft(im, mailbox, data, len, uid, err);
}

int imap_fetch_uid(struct imap *im, const char *mailbox, guint32 uid,
		   char **data, size_t *len, GError **err)
{
	return mod->fetch_uid(im, mailbox, uid, data, len, err);
}

int imap_delete_uid(struct imap *im, const char *mailbox, guint32 uid,
		    GError **err)
{
	return mod->delete_uid(im, mailbox, uid, err);
}

int imap_special_mailbox(struct imap *im, const char *use, char **name,
			 GError **err)
{
	return mod->special_mailbox(im, use, name, err);
}

int imap_list_uids(struct imap *im, const char *mailbox, guint32 after,
		   const char *since, guint32 smaller, guint32 *uidvalidity,
		   GArray **uids, GError **err)
{
	return mod->list_uids(im, mailbox, after, since, smaller, uidvalidity, uids, err);
}

int imap_search_keyword(struct imap *im, const char *mailbox,
			const char *keyword, GArray **uids, GError **err)
{
	return mod->search_keyword(im, mailbox, keyword, uids, err);
}

int imap_idle(struct imap *im, const char *mailbox, int seconds,
	      const volatile sig_atomic_t *stop, bool *changed, GError **err)
{
	return mod->idle(im, mailbox, seconds, stop, changed, err);
}

int imap_add_keyword(struct imap *im, const char *mailbox, guint32 uid,
		     const char *keyword, GError **err)
{
	return mod->add_keyword(im, mailbox, uid, keyword, err);
}
