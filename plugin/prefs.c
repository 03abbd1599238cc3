/*
 * Configuration > Preferences > Plugins > nudge: the settings users change
 * most (their addresses, time zone, draft hour, where drafts go), read from
 * and written to nudge's own config file. Saving keeps the file's comments
 * and every other key, checks the result as the command line would read it,
 * and only then replaces the file (mode 0600) and reloads the plugin's
 * configuration.
 */
#include "claws-features.h"

#include <errno.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "alertpanel.h"
#include "prefs_gtk.h"

#include "plugin.h"

struct nudge_page {
	PrefsPage page;
	GtkWidget *addresses, *timezone, *hour, *target, *maildir;
};

static struct nudge_page page;
static gchar *page_path[3];

/* The config file as GKeyFile reads it, comments kept; empty when missing. */
static GKeyFile *read_file(GError **err)
{
	GKeyFile *kf = g_key_file_new();
	g_autoptr(GError) e = NULL;

	if (!g_key_file_load_from_file(kf, nudge.config_path,
				       G_KEY_FILE_KEEP_COMMENTS, &e) &&
	    !g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
		g_propagate_prefixed_error(err, g_steal_pointer(&e), "cannot read '%s': ",
					   nudge.config_path);
		g_key_file_free(kf);
		return NULL;
	}
	return kf;
}

static char *get_string(GKeyFile *kf, const char *group, const char *key)
{
	char *s = g_key_file_get_string(kf, group, key, NULL);

	return s ? g_strstrip(s) : g_strdup("");
}

static void set_or_remove(GKeyFile *kf, const char *group, const char *key,
			  const char *value)
{
	if (value && *value)
		g_key_file_set_string(kf, group, key, value);
	else
		g_key_file_remove_key(kf, group, key, NULL);
}

static GtkWidget *add_row(GtkGrid *grid, int row, const char *label,
			  GtkWidget *w, const char *hint)
{
	GtkWidget *l = gtk_label_new_with_mnemonic(label);

	gtk_label_set_mnemonic_widget(GTK_LABEL(l), w);
	gtk_label_set_xalign(GTK_LABEL(l), 0);
	gtk_grid_attach(grid, l, 0, row, 1, 1);
	gtk_widget_set_hexpand(w, TRUE);
	gtk_grid_attach(grid, w, 1, row, 1, 1);
	if (hint) {
		GtkWidget *h = gtk_label_new(hint);

		gtk_label_set_xalign(GTK_LABEL(h), 0);
		gtk_label_set_line_wrap(GTK_LABEL(h), TRUE);
		gtk_style_context_add_class(gtk_widget_get_style_context(h), "dim-label");
		gtk_grid_attach(grid, h, 1, row + 1, 1, 1);
	}
	return w;
}

static void create_widget(PrefsPage *p, GtkWindow *window, gpointer data)
{
	struct nudge_page *np = (struct nudge_page *)p;
	g_autoptr(GError) e = NULL;
	g_autofree char *tz = NULL, *target = NULL, *maildir = NULL;
	g_auto(GStrv) addrs = NULL;
	g_autofree char *joined = NULL;
	GtkWidget *grid = gtk_grid_new();
	GKeyFile *kf;
	int hour = 9;

	(void)window;
	(void)data;
	gtk_container_set_border_width(GTK_CONTAINER(grid), 8);
	gtk_grid_set_row_spacing(GTK_GRID(grid), 6);
	gtk_grid_set_column_spacing(GTK_GRID(grid), 8);

	np->addresses = add_row(GTK_GRID(grid), 0, "Your a_ddresses", gtk_entry_new(),
				"separated by commas; the first is the From of drafts");
	np->timezone = add_row(GTK_GRID(grid), 2, "Time _zone", gtk_entry_new(),
			       "such as Europe/Berlin; empty for the system's");
	np->hour = add_row(GTK_GRID(grid), 4, "Draft _hour",
			   gtk_spin_button_new_with_range(0, 23, 1),
			   "follow-up drafts appear at this hour");
	np->target = gtk_combo_box_text_new();
	gtk_combo_box_text_append(GTK_COMBO_BOX_TEXT(np->target), "maildir",
				  "a Maildir folder");
	gtk_combo_box_text_append(GTK_COMBO_BOX_TEXT(np->target), "imap",
				  "the IMAP Drafts folder ([imap] in the config file)");
	add_row(GTK_GRID(grid), 6, "Drafts _go to", np->target, NULL);
	np->maildir = add_row(GTK_GRID(grid), 7, "_Maildir folder", gtk_entry_new(),
			      "used when drafts go to a Maildir folder");

	kf = read_file(&e);
	if (kf) {
		addrs = g_key_file_get_string_list(kf, "user", "addresses", NULL, NULL);
		tz = get_string(kf, "user", "timezone");
		target = get_string(kf, "drafts", "target");
		maildir = get_string(kf, "drafts", "maildir");
		if (g_key_file_has_key(kf, "etiquette", "draft_hour", NULL))
			hour = g_key_file_get_integer(kf, "etiquette", "draft_hour", NULL);
		g_key_file_free(kf);
	} else {
		nudge_log("%s", e->message);
	}
	if (addrs) {
		for (char **a = addrs; *a; a++)
			g_strstrip(*a);
		joined = g_strjoinv(", ", addrs);
	}
	gtk_entry_set_text(GTK_ENTRY(np->addresses), joined ? joined : "");
	gtk_entry_set_text(GTK_ENTRY(np->timezone), tz ? tz : "");
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(np->hour), hour);
	gtk_entry_set_text(GTK_ENTRY(np->maildir), maildir ? maildir : "");
	if (!target || !*target)
		target = g_strdup(nudge.cfg && nudge.cfg->target == DRAFTS_IMAP ? "imap"
									: "maildir");
	if (!gtk_combo_box_set_active_id(GTK_COMBO_BOX(np->target), target))
		gtk_combo_box_set_active(GTK_COMBO_BOX(np->target), 0);

	gtk_widget_show_all(grid);
	np->page.widget = grid;
}

static void destroy_widget(PrefsPage *p)
{
	(void)p;
}

/* "a@x, b@y; c@z" -> "a@x;b@y;c@z" as GKeyFile lists are written. */
static char *address_list(const char *text)
{
	g_auto(GStrv) parts = g_regex_split_simple("[,;\\s]+", text, 0, 0);
	g_autoptr(GPtrArray) out = g_ptr_array_new();

	for (char **p = parts; *p; p++)
		if (**p)
			g_ptr_array_add(out, *p);
	g_ptr_array_add(out, NULL);
	return g_strjoinv(";", (char **)out->pdata);
}

/*
 * Writes the page's values into the file: first beside it, read back with
 * the same checks as the command line, then renamed over it.
 */
static int save(struct nudge_page *np, GError **err)
{
	g_autofree char *addrs = NULL, *tz = NULL, *data = NULL, *tmp = NULL,
			*dir = NULL;
	struct config *cfg = NULL;
	GKeyFile *kf;
	gsize len;
	int ret = 0;

	if (!(kf = read_file(err)))
		return NUDGE_E_CONFIG;
	addrs = address_list(gtk_entry_get_text(GTK_ENTRY(np->addresses)));
	set_or_remove(kf, "user", "addresses", addrs);
	tz = g_strstrip(g_strdup(gtk_entry_get_text(GTK_ENTRY(np->timezone))));
	set_or_remove(kf, "user", "timezone", tz);
	gtk_spin_button_update(GTK_SPIN_BUTTON(np->hour));
	g_key_file_set_integer(kf, "etiquette", "draft_hour",
			       gtk_spin_button_get_value_as_int(GTK_SPIN_BUTTON(np->hour)));
	set_or_remove(kf, "drafts", "target",
		      gtk_combo_box_get_active_id(GTK_COMBO_BOX(np->target)));
	set_or_remove(kf, "drafts", "maildir",
		      gtk_entry_get_text(GTK_ENTRY(np->maildir)));
	data = g_key_file_to_data(kf, &len, NULL);

	dir = g_path_get_dirname(nudge.config_path);
	tmp = g_strconcat(nudge.config_path, ".new", NULL);
	if (g_mkdir_with_parents(dir, 0700) < 0) {
		ret = nudge_fail(err, NUDGE_E_IO, "cannot create '%s': %s", dir,
				 g_strerror(errno));
		goto out;
	}
	if (!g_file_set_contents_full(tmp, data, len, G_FILE_SET_CONTENTS_CONSISTENT,
				      0600, err)) {
		ret = NUDGE_E_IO;
		goto out;
	}
	if ((ret = config_load(tmp, true, &cfg, err)) < 0) {
		g_unlink(tmp);
		goto out;
	}
	if (g_rename(tmp, nudge.config_path) < 0) {
		ret = nudge_fail(err, NUDGE_E_IO, "cannot rename '%s': %s", tmp,
				 g_strerror(errno));
		g_unlink(tmp);
		goto out;
	}
	ret = nudge_reload_config(err);
out:
	config_free(cfg);
	g_key_file_free(kf);
	return ret;
}

static void save_page(PrefsPage *p)
{
	g_autoptr(GError) e = NULL;

	if (!p->widget)
		return;
	if (save((struct nudge_page *)p, &e) < 0) {
		nudge_log("settings not saved: %s", e ? e->message : "unknown error");
		alertpanel_error("nudge: settings not saved: %s",
				 e ? e->message : "unknown error");
		return;
	}
	nudge_log("settings saved to %s", nudge.config_path);
}

void nudge_prefs_init(void)
{
	page_path[0] = (gchar *)"Plugins";
	page_path[1] = (gchar *)"nudge";
	page_path[2] = NULL;
	page.page.path = page_path;
	page.page.weight = 40.0;
	page.page.create_widget = create_widget;
	page.page.destroy_widget = destroy_widget;
	page.page.save_page = save_page;
	prefs_gtk_register_page((PrefsPage *)&page);
}

void nudge_prefs_done(void)
{
	prefs_gtk_unregister_page((PrefsPage *)&page);
}
