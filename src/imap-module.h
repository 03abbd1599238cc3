/* The table of the IMAP module (imap.c), read by imap-load.c. */
#ifndef NUDGE_IMAP_MODULE_H
#define NUDGE_IMAP_MODULE_H

#include "imap.h"
#include "module.h"

struct imap_module {
	struct module_head head;
	__typeof__(imap_open) *open;
	__typeof__(imap_close) *close;
	__typeof__(imap_drafts_mailbox) *drafts_mailbox;
	__typeof__(imap_find_message_id) *find_message_id;
	__typeof__(imap_append_draft) *append_draft;
	__typeof__(imap_fetch_uid) *fetch_uid;
	__typeof__(imap_delete_uid) *delete_uid;
	__typeof__(imap_special_mailbox) *special_mailbox;
	__typeof__(imap_list_uids) *list_uids;
	__typeof__(imap_search_keyword) *search_keyword;
	__typeof__(imap_idle) *idle;
	__typeof__(imap_add_keyword) *add_keyword;
};

#endif
