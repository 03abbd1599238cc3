/*
 * nudge inside Claws Mail: incoming mail is classified and recorded on the
 * filtering hook and tagged `interview` and `interview:<stage>`; mail that
 * lands in an outbox (Sent) folder is recorded as the user's; Tools offers the
 * follow-ups window. Everything goes through the same core as `nudge filter`.
 */
#include "claws-features.h"

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <gmime/gmime.h>
#include <gtk/gtk.h>

#include "common/claws.h"
#include "common/hooks.h"
#include "common/log.h"
#include "common/plugin.h"
#include "common/tags.h"
#include "common/version.h"
#include "folder.h"
#include "gtk/menu.h"
#include "main.h"
#include "mainwindow.h"
#include "procmsg.h"
#include "summaryview.h"

#include "clock.h"
#include "message.h"
#include "plugin.h"
#include "record.h"

#define PLUGIN_NAME "nudge"

struct nudge_plugin nudge;

static gulong filtering_hook_id, manual_hook_id, item_update_hook_id;
static guint menu_id;
static GHashTable *sent_seen;	/* outbox identifier -> highest msgnum read */

void nudge_log(const char *fmt, ...)
{
	g_autofree char *s = NULL;
	va_list ap;

	va_start(ap, fmt);
	s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	log_message(LOG_PROTOCOL, "nudge: %s\n", s);
}

static const char *datadir(void)
{
	const char *d = g_getenv("NUDGE_DATADIR");

	return d && *d ? d : NUDGE_DATADIR;
}

gint64 nudge_now(void)
{
	const char *s = g_getenv("NUDGE_NOW");
	gint64 t;

	if (s && *s && clock_parse(s, nudge.cfg ? config_tz(nudge.cfg) : NULL, &t) == 0)
		return t;
	return g_get_real_time() / G_USEC_PER_SEC;
}

int nudge_reload_config(GError **err)
{
	struct config *cfg = NULL;
	int ret;

	if ((ret = config_load(nudge.config_path, false, &cfg, err)) < 0)
		return ret;
	config_free(nudge.cfg);
	nudge.cfg = cfg;
	return 0;
}

/*
 * Reads the message's file and records it. *res says what nudge made of it.
 * Returns 0, or a negative status with *err set.
 */
static int record_msginfo(MsgInfo *msginfo, bool outgoing,
			  struct record_result *res, GError **err)
{
	g_autofree char *file = NULL, *buf = NULL, *sum = NULL, *fallback = NULL;
	struct record_ctx ctx = { 0 };
	struct nudge_msg *m = NULL;
	gsize len = 0;
	int ret;

	memset(res, 0, sizeof(*res));
	if (!nudge.st || !nudge.rules)
		return nudge_fail(err, NUDGE_E_INTERNAL, "%s",
				  nudge.error ? nudge.error : "nudge is not started");
	file = procmsg_get_message_file(msginfo);
	if (!file)
		return nudge_fail(err, NUDGE_E_IO, "cannot find the file of message %u",
				  msginfo->msgnum);
	if (!g_file_get_contents(file, &buf, &len, err))
		return NUDGE_E_IO;
	if (len == 0 || len > nudge.cfg->max_size)
		return 0;
	if ((ret = msg_parse(buf, len, &m, err)) < 0)
		goto out;
	sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)buf, len);
	fallback = g_strconcat(sum, "@nudge.invalid", NULL);
	ctx.cfg = nudge.cfg;
	ctx.st = nudge.st;
	ctx.rules = nudge.rules;
	ctx.now = nudge_now();
	ret = record_message(&ctx, m, outgoing, fallback, res, err);
out:
	msg_free(m);
	return ret;
}

static gint tag_id(const char *name)
{
	gint id = tags_get_id_for_str(name);

	if (id == -1) {
		id = tags_add_tag(name);
		tags_write_tags();
	}
	return id;
}

/*
 * Tags the message `interview` and `interview:<stage>`, and takes off any
 * other `interview:` tag an earlier filtering left: one stage tag a message.
 */
static void set_tags(MsgInfo *msginfo, enum nudge_stage stage)
{
	g_autofree char *staged = g_strdup_printf("interview:%s", stage_name(stage));
	gint keep = stage != STAGE_NONE ? tag_id(staged) : -1;
	GSList *stale = NULL;

	for (GSList *l = msginfo->tags; l; l = l->next) {
		gint id = GPOINTER_TO_INT(l->data);
		const char *name = tags_get_tag(id);

		if (id != keep && name && g_str_has_prefix(name, "interview:"))
			stale = g_slist_prepend(stale, l->data);
	}
	for (GSList *l = stale; l; l = l->next)
		procmsg_msginfo_update_tags(msginfo, FALSE, GPOINTER_TO_INT(l->data));
	g_slist_free(stale);
	procmsg_msginfo_update_tags(msginfo, TRUE, tag_id("interview"));
	if (keep != -1)
		procmsg_msginfo_update_tags(msginfo, TRUE, keep);
}

/*
 * Incoming mail, and mail filtered again by hand (Tools > Filter...). Never
 * claims the message: Claws' own rules still run after us.
 */
static gboolean filtering_hook(gpointer source, gpointer data)
{
	MailFilteringData *fd = source;
	g_autoptr(GError) e = NULL;
	struct record_result res;

	(void)data;
	if (!fd || !fd->msginfo)
		return FALSE;
	if (record_msginfo(fd->msginfo, false, &res, &e) < 0) {
		nudge_log("message %u not recorded: %s", fd->msginfo->msgnum,
			  e ? e->message : "unknown error");
		return FALSE;
	}
	if (res.tracked && !res.outgoing) {
		set_tags(fd->msginfo, res.msg_stage != STAGE_NONE ? res.msg_stage : res.stage);
		nudge_log("thread %s: %s", res.thread_id, stage_name(res.stage));
	}
	return FALSE;
}

static void record_sent(MsgInfo *mi)
{
	g_autoptr(GError) e = NULL;
	struct record_result res;

	if (record_msginfo(mi, true, &res, &e) < 0)
		nudge_log("sent message %u not recorded: %s", mi->msgnum,
			  e ? e->message : "unknown error");
	else if (res.added)
		nudge_log("thread %s: sent message recorded", res.thread_id);
}

/*
 * A message added to an outbox (Sent) folder is one the user sent. Claws
 * does not always say which message was added, so the folder's messages
 * above the highest number seen are read (recording is idempotent).
 */
static gboolean item_update_hook(gpointer source, gpointer data)
{
	FolderItemUpdateData *ud = source;
	g_autofree char *id = NULL;
	gpointer seen;
	guint max;
	GSList *list;

	(void)data;
	if (!ud || !ud->item || !folder_has_parent_of_type(ud->item, F_OUTBOX))
		return FALSE;
	if (ud->msg) {
		record_sent(ud->msg);
		return FALSE;
	}
	if (!(ud->update_flags & (F_ITEM_UPDATE_MSGCNT | F_ITEM_UPDATE_CONTENT)))
		return FALSE;
	id = folder_item_get_identifier(ud->item);
	if (!id)
		return FALSE;
	seen = g_hash_table_lookup(sent_seen, id);
	max = GPOINTER_TO_UINT(seen);
	list = folder_item_get_msg_list(ud->item);
	for (GSList *l = list; l; l = l->next) {
		MsgInfo *mi = l->data;

		if (mi->msgnum > GPOINTER_TO_UINT(seen)) {
			record_sent(mi);
			if (mi->msgnum > max)
				max = mi->msgnum;
		}
	}
	procmsg_msg_list_free(list);
	g_hash_table_insert(sent_seen, g_steal_pointer(&id), GUINT_TO_POINTER(max));
	return FALSE;
}

/* What the outboxes hold at start was sent before: only newer mail is read. */
static void sent_seen_init(void)
{
	sent_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (GList *l = folder_get_list(); l; l = l->next) {
		Folder *folder = l->data;
		char *id;

		if (!folder->outbox || !(id = folder_item_get_identifier(folder->outbox)))
			continue;
		g_hash_table_insert(sent_seen, id,
				    GUINT_TO_POINTER((guint)MAX(folder->outbox->last_num, 0)));
	}
}

static void followups_cb(GtkAction *action, gpointer data)
{
	(void)action;
	(void)data;
	followups_open();
}

static GtkActionEntry tools_entries[] = {
	{ "Tools/NudgeFollowups", NULL, "Interview follow-ups\xe2\x80\xa6", NULL,
	  NULL, G_CALLBACK(followups_cb) },
};

/* Opens the config, the rules and the database once, for every message. */
static int core_open(GError **err)
{
	g_autoptr(GPtrArray) warnings = NULL;
	g_autofree char *db = NULL;
	const char *home = g_getenv("NUDGE_HOME");
	int ret;

	/* As the command line: $NUDGE_HOME, else the XDG folders. */
	if (home && !*home)
		home = NULL;
	nudge.config_path = config_file_path(home);
	nudge.state_dir = config_state_dir(home);
	nudge.user_dir = config_user_dir(home);
	if ((ret = config_load(nudge.config_path, false, &nudge.cfg, err)) < 0)
		return ret;
	if ((ret = rules_load(datadir(), nudge.user_dir, &nudge.rules, &warnings, err)) < 0)
		return ret;
	for (guint i = 0; warnings && i < warnings->len; i++)
		nudge_log("%s (using the built-in rules)", (char *)warnings->pdata[i]);
	db = g_build_filename(nudge.state_dir, "state.db", NULL);
	return store_open(db, &nudge.st, err);
}

gint plugin_init(gchar **error)
{
	g_autoptr(GError) e = NULL;
	MainWindow *mainwin;

	if (!check_plugin_version(MAKE_NUMERIC_VERSION(4, 0, 0, 0), VERSION_NUMERIC,
				  PLUGIN_NAME, error))
		return -1;
	g_mime_init();
	if (core_open(&e) < 0) {
		/* A broken config must not stop Claws: say why and carry on. */
		nudge.error = g_strdup(e ? e->message : "cannot start");
		nudge_log("%s", nudge.error);
		if (!nudge.cfg)
			config_load("/dev/null", false, &nudge.cfg, NULL);
	}
	sent_seen_init();
	filtering_hook_id = hooks_register_hook(MAIL_FILTERING_HOOKLIST,
						filtering_hook, NULL);
	manual_hook_id = hooks_register_hook(MAIL_MANUAL_FILTERING_HOOKLIST,
					     filtering_hook, NULL);
	item_update_hook_id = hooks_register_hook(FOLDER_ITEM_UPDATE_HOOKLIST,
						  item_update_hook, NULL);
	mainwin = mainwindow_get_mainwindow();
	if (mainwin) {
		gtk_action_group_add_actions(mainwin->action_group, tools_entries,
					     G_N_ELEMENTS(tools_entries), mainwin);
		MENUITEM_ADDUI_ID_MANAGER(mainwin->ui_manager, "/Menu/Tools",
					  "NudgeFollowups", "Tools/NudgeFollowups",
					  GTK_UI_MANAGER_MENUITEM, menu_id)
	}
	nudge_prefs_init();
	nudge_log("started%s%s", nudge.error ? " without a database: " : "",
		  nudge.error ? nudge.error : "");
	return 0;
}

gboolean plugin_done(void)
{
	MainWindow *mainwin = mainwindow_get_mainwindow();

	hooks_unregister_hook(MAIL_FILTERING_HOOKLIST, filtering_hook_id);
	hooks_unregister_hook(MAIL_MANUAL_FILTERING_HOOKLIST, manual_hook_id);
	hooks_unregister_hook(FOLDER_ITEM_UPDATE_HOOKLIST, item_update_hook_id);
	followups_close();
	nudge_prefs_done();
	if (mainwin && !claws_is_exiting())
		MENUITEM_REMUI_MANAGER(mainwin->ui_manager, mainwin->action_group,
				       "Tools/NudgeFollowups", menu_id);
	g_clear_pointer(&sent_seen, g_hash_table_unref);
	store_close(nudge.st);
	rules_free(nudge.rules);
	config_free(nudge.cfg);
	g_free(nudge.config_path);
	g_free(nudge.state_dir);
	g_free(nudge.user_dir);
	g_free(nudge.error);
	memset(&nudge, 0, sizeof(nudge));
	g_mime_shutdown();
	return TRUE;
}

const gchar *plugin_name(void)
{
	return PLUGIN_NAME;
}

const gchar *plugin_desc(void)
{
	return "Tracks job interview mail: tags interview messages with their "
	       "stage, records what you send, and lists the follow-ups due "
	       "(Tools > Interview follow-ups).";
}

const gchar *plugin_type(void)
{
	return "GTK3";
}

const gchar *plugin_licence(void)
{
	return "GPL3+";
}

const gchar *plugin_version(void)
{
	return NUDGE_VERSION;
}

struct PluginFeature *plugin_provides(void)
{
	static struct PluginFeature features[] = {
		{ PLUGIN_FILTERING, "Interview tracking" },
		{ PLUGIN_UTILITY, "Interview follow-ups" },
		{ PLUGIN_NOTHING, NULL },
	};

	return features;
}
