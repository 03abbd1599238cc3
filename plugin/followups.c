/*
 * Tools > Interview follow-ups: the open threads with their next draft, why
 * it is planned, and two actions: write the drafts due now (nudge's due
 * path, into the configured drafts target) and show a thread's newest
 * message in the main window.
 */
#include "claws-features.h"

#include <string.h>

#include <glib.h>
#include <gtk/gtk.h>

#include "folder.h"
#include "folderview.h"
#include "mainwindow.h"
#include "procmsg.h"
#include "summaryview.h"

#include "clock.h"
#include "due.h"
#include "plugin.h"
#include "schedule.h"

enum { COL_COMPANY, COL_POSITION, COL_STAGE, COL_NEXT, COL_WHEN, COL_REASON,
       COL_THREAD, N_COLS };

static GtkWidget *window;
static GtkListStore *store;
static GtkWidget *view, *status;

static void set_status(const char *text)
{
	gtk_label_set_text(GTK_LABEL(status), text);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void refresh(void)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) recs = NULL;
	g_autofree char *msg = NULL;
	g_autofree const struct et_draft **next_of = NULL;
	struct schedule *s = NULL;
	gint64 now = nudge_now();
	GtkTreeIter first;
	int n = 0;

	gtk_list_store_clear(store);
	if (!nudge.st) {
		set_status(nudge.error ? nudge.error : "nudge is not started");
		return;
	}
	if (store_draft_list(nudge.st, &recs, &e) < 0 ||
	    schedule_compute(nudge.st, nudge.cfg, now, &s, &e) < 0) {
		set_status(e->message);
		goto out;
	}
	next_of = schedule_next_drafts(s, recs, now);
	for (guint i = 0; i < s->threads->len; i++) {
		const struct stored_thread *t = s->threads->pdata[i];
		const struct et_thread_state *ts = &s->res.states[i];
		const struct et_draft *d = next_of[i];
		g_autofree char *when = NULL;
		struct thread_facts f;
		GtkTreeIter it;

		if (ts->state != ET_OPEN)
			continue;
		thread_facts_get(t, &f);
		if (d)
			when = clock_format(d->due, config_tz(nudge.cfg), "%a %d %b %Y %H:%M");
		gtk_list_store_append(store, &it);
		gtk_list_store_set(store, &it,
				   COL_COMPANY, or_dash(f.company),
				   COL_POSITION, or_dash(f.position),
				   COL_STAGE, stage_name(ts->stage),
				   COL_NEXT, d ? draft_kind_name(d->kind) : "-",
				   COL_WHEN, or_dash(when),
				   COL_REASON, or_dash(d ? (d->reason ? d->reason : d->rule)
							 : ts->reason),
				   COL_THREAD, t->id, -1);
		n++;
	}
	if (n > 0 && gtk_tree_model_get_iter_first(GTK_TREE_MODEL(store), &first))
		gtk_tree_selection_select_iter(
			gtk_tree_view_get_selection(GTK_TREE_VIEW(view)), &first);
	msg = g_strdup_printf(n == 1 ? "%d open thread" : "%d open threads", n);
	set_status(msg);
out:
	schedule_free(s);
}

struct due_count {
	int written, failed;
};

static void count_item(const struct due_item *it, void *data)
{
	struct due_count *c = data;

	if (it->error) {
		c->failed++;
		nudge_log("%s for thread '%s' not written: %s",
			  draft_kind_name(it->draft->kind), it->draft->thread_id, it->error);
	} else if (it->written) {
		c->written++;
	}
}

static void due_clicked(GtkButton *b, gpointer data)
{
	g_autoptr(GError) e = NULL;
	g_autofree char *lock = NULL, *msg = NULL;
	struct due_opts o = { 0 };
	struct due_count c = { 0 };
	const char *d = g_getenv("NUDGE_DATADIR");
	int ret;

	(void)b;
	(void)data;
	if (!nudge.st) {
		set_status(nudge.error ? nudge.error : "nudge is not started");
		return;
	}
	lock = g_build_filename(nudge.state_dir, "due.lock", NULL);
	o.cfg = nudge.cfg;
	o.user_dir = nudge.user_dir;
	o.data_dir = d && *d ? d : NUDGE_DATADIR;
	o.lock_path = lock;
	o.now = nudge_now();
	o.until = o.now;
	ret = due_run(nudge.st, &o, count_item, &c, &e);
	refresh();
	if (ret < 0 && c.failed == 0)
		msg = g_strdup_printf("no drafts written: %s",
				      e ? e->message : nudge_status_str(ret));
	else if (c.failed)
		msg = g_strdup_printf("%d drafts written, %d failed (see Tools > Network log)",
				      c.written, c.failed);
	else
		msg = g_strdup_printf(c.written == 1 ? "%d draft written" :
				      "%d drafts written", c.written);
	set_status(msg);
	nudge_log("%s", msg);
}

/* The message with this Message-ID in an inbox or outbox, or NULL. */
static MsgInfo *find_message(const char *msgid)
{
	for (GList *l = folder_get_list(); l; l = l->next) {
		Folder *folder = l->data;
		FolderItem *items[] = { folder->inbox, folder->outbox };

		for (size_t i = 0; i < G_N_ELEMENTS(items); i++) {
			MsgInfo *found = NULL;
			GSList *list;

			if (!items[i])
				continue;
			list = folder_item_get_msg_list(items[i]);
			for (GSList *m = list; m; m = m->next) {
				MsgInfo *mi = m->data;

				if (!found && mi->msgid && strcmp(mi->msgid, msgid) == 0)
					found = procmsg_msginfo_new_ref(mi);
			}
			procmsg_msg_list_free(list);
			if (found)
				return found;
		}
	}
	return NULL;
}

static void open_clicked(GtkButton *b, gpointer data)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(GPtrArray) threads = NULL;
	g_autofree char *id = NULL, *fid = NULL;
	GtkTreeSelection *sel = gtk_tree_view_get_selection(GTK_TREE_VIEW(view));
	MainWindow *mainwin = mainwindow_get_mainwindow();
	MsgInfo *mi = NULL;
	GtkTreeModel *model;
	GtkTreeIter it;

	(void)b;
	(void)data;
	if (!gtk_tree_selection_get_selected(sel, &model, &it)) {
		set_status("select a thread first");
		return;
	}
	gtk_tree_model_get(model, &it, COL_THREAD, &id, -1);
	if (store_load_threads(nudge.st, &threads, &e) < 0) {
		set_status(e->message);
		return;
	}
	for (guint i = 0; i < threads->len && !mi; i++) {
		const struct stored_thread *t = threads->pdata[i];

		if (strcmp(t->id, id) != 0)
			continue;
		for (guint k = t->msgs->len; k > 0 && !mi; k--) {
			const struct stored_msg *m = t->msgs->pdata[k - 1];

			mi = find_message(m->message_id);
		}
	}
	if (!mi || !mainwin) {
		set_status("none of the thread's messages is in an inbox or sent folder");
		return;
	}
	fid = folder_item_get_identifier(mi->folder);
	nudge_log("showing message %u of %s", mi->msgnum, fid ? fid : "?");
	folderview_select(mainwin->folderview, mi->folder);
	summary_select_by_msgnum(mainwin->summaryview, mi->msgnum, TRUE);
	gtk_window_present(GTK_WINDOW(mainwin->window));
	procmsg_msginfo_free(&mi);
}

static void add_column(const char *title, int col, bool wrap)
{
	GtkCellRenderer *r = gtk_cell_renderer_text_new();
	GtkTreeViewColumn *c = gtk_tree_view_column_new_with_attributes(title, r, "text",
									 col, NULL);

	gtk_tree_view_column_set_resizable(c, TRUE);
	if (wrap) {
		g_object_set(r, "wrap-mode", PANGO_WRAP_WORD, "wrap-width", 320, NULL);
		gtk_tree_view_column_set_expand(c, TRUE);
	}
	gtk_tree_view_append_column(GTK_TREE_VIEW(view), c);
}

static void destroyed(GtkWidget *w, gpointer data)
{
	(void)w;
	(void)data;
	window = NULL;
	g_clear_object(&store);
}

void followups_open(void)
{
	GtkWidget *box, *scroll, *buttons, *due, *open, *close;

	if (window) {
		refresh();
		gtk_window_present(GTK_WINDOW(window));
		return;
	}
	window = gtk_window_new(GTK_WINDOW_TOPLEVEL);
	gtk_window_set_title(GTK_WINDOW(window), "Interview follow-ups");
	gtk_window_set_default_size(GTK_WINDOW(window), 900, 360);
	g_signal_connect(window, "destroy", G_CALLBACK(destroyed), NULL);

	box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
	gtk_container_set_border_width(GTK_CONTAINER(box), 8);
	gtk_container_add(GTK_CONTAINER(window), box);

	store = gtk_list_store_new(N_COLS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
				   G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
				   G_TYPE_STRING);
	view = gtk_tree_view_new_with_model(GTK_TREE_MODEL(store));
	add_column("Company", COL_COMPANY, false);
	add_column("Position", COL_POSITION, false);
	add_column("Stage", COL_STAGE, false);
	add_column("Next draft", COL_NEXT, false);
	add_column("When", COL_WHEN, false);
	add_column("Why", COL_REASON, true);
	scroll = gtk_scrolled_window_new(NULL, NULL);
	gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(scroll), GTK_POLICY_AUTOMATIC,
				       GTK_POLICY_AUTOMATIC);
	gtk_container_add(GTK_CONTAINER(scroll), view);
	gtk_box_pack_start(GTK_BOX(box), scroll, TRUE, TRUE, 0);

	status = gtk_label_new(NULL);
	gtk_label_set_xalign(GTK_LABEL(status), 0);
	gtk_box_pack_start(GTK_BOX(box), status, FALSE, FALSE, 0);

	buttons = gtk_button_box_new(GTK_ORIENTATION_HORIZONTAL);
	gtk_button_box_set_layout(GTK_BUTTON_BOX(buttons), GTK_BUTTONBOX_END);
	gtk_box_set_spacing(GTK_BOX(buttons), 6);
	due = gtk_button_new_with_mnemonic("Create _due drafts now");
	open = gtk_button_new_with_mnemonic("_Open thread");
	close = gtk_button_new_with_mnemonic("_Close");
	g_signal_connect(due, "clicked", G_CALLBACK(due_clicked), NULL);
	g_signal_connect(open, "clicked", G_CALLBACK(open_clicked), NULL);
	g_signal_connect_swapped(close, "clicked", G_CALLBACK(gtk_widget_destroy), window);
	gtk_container_add(GTK_CONTAINER(buttons), due);
	gtk_container_add(GTK_CONTAINER(buttons), open);
	gtk_container_add(GTK_CONTAINER(buttons), close);
	gtk_box_pack_start(GTK_BOX(box), buttons, FALSE, FALSE, 0);

	refresh();
	gtk_widget_show_all(window);
}

void followups_close(void)
{
	if (window)
		gtk_widget_destroy(window);
}
