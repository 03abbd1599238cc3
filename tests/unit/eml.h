/*
 * A small GMime reader for the unit tests: the decoded subject, sender and
 * text of a message file, until src/message.c does this for the core.
 */
#ifndef NUDGE_TEST_EML_H
#define NUDGE_TEST_EML_H

#include <fcntl.h>
#include <gmime/gmime.h>
#include <string.h>

#include "text.h"

struct eml {
	char *subject;
	char *from_name, *from_addr;
	char *reply_to_name, *reply_to_addr;
	char *body;		/* text/plain parts, else text/html as text */
	char *ics;		/* the first text/calendar part */
	gint64 date;
};

struct eml_walk {
	GString *plain, *html;
	char **ics;
};

static void eml_part(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct eml_walk *w = data;
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	GMimeContentDisposition *cd;
	char *text;

	(void)parent;
	if (!GMIME_IS_TEXT_PART(part))
		return;
	cd = g_mime_object_get_content_disposition(part);
	if (cd && g_mime_content_disposition_is_attachment(cd) &&
	    !g_mime_content_type_is_type(ct, "text", "calendar"))
		return;
	text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
	if (!text)
		return;
	if (g_mime_content_type_is_type(ct, "text", "plain"))
		g_string_append(w->plain, text);
	else if (g_mime_content_type_is_type(ct, "text", "html"))
		g_string_append(w->html, text);
	else if (g_mime_content_type_is_type(ct, "text", "calendar") && !*w->ics)
		*w->ics = g_strdup(text);
	g_free(text);
}

static void eml_mailbox(InternetAddressList *l, char **name, char **addr)
{
	InternetAddress *a;

	if (!l || internet_address_list_length(l) < 1)
		return;
	a = internet_address_list_get_address(l, 0);
	if (!INTERNET_ADDRESS_IS_MAILBOX(a))
		return;
	if (internet_address_get_name(a))
		*name = g_strdup(internet_address_get_name(a));
	*addr = g_strdup(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
}

/* Reads path into e; false when it is not a message. */
static bool eml_load(const char *path, struct eml *e)
{
	GMimeStream *s;
	GMimeParser *p;
	GMimeMessage *m;
	GDateTime *dt;
	struct eml_walk w;

	memset(e, 0, sizeof(*e));
	s = g_mime_stream_fs_open(path, O_RDONLY, 0, NULL);
	if (!s)
		return false;
	p = g_mime_parser_new_with_stream(s);
	m = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	g_object_unref(s);
	if (!m)
		return false;
	e->subject = g_strdup(g_mime_message_get_subject(m));
	eml_mailbox(g_mime_message_get_from(m), &e->from_name, &e->from_addr);
	eml_mailbox(g_mime_message_get_reply_to(m), &e->reply_to_name, &e->reply_to_addr);
	dt = g_mime_message_get_date(m);
	e->date = dt ? g_date_time_to_unix(dt) : NUDGE_NOTIME;
	w.plain = g_string_new(NULL);
	w.html = g_string_new(NULL);
	w.ics = &e->ics;
	g_mime_message_foreach(m, eml_part, &w);
	if (w.plain->len)
		e->body = g_strdup(w.plain->str);
	else
		e->body = html_to_text(w.html->str, w.html->len);
	g_string_free(w.plain, TRUE);
	g_string_free(w.html, TRUE);
	g_object_unref(m);
	return true;
}

static void eml_clear(struct eml *e)
{
	g_free(e->subject);
	g_free(e->from_name);
	g_free(e->from_addr);
	g_free(e->reply_to_name);
	g_free(e->reply_to_addr);
	g_free(e->body);
	g_free(e->ics);
	memset(e, 0, sizeof(*e));
}

/* One row of a labels.tsv: file, direction, stage, interview, decision,
 * company, note. */
struct label {
	char *file;
	bool outgoing;
	char *stage;
	char *interview, *decision, *company, *note;
};

static void label_free(gpointer p)
{
	struct label *l = p;

	g_free(l->file);
	g_free(l->stage);
	g_free(l->interview);
	g_free(l->decision);
	g_free(l->company);
	g_free(l->note);
	g_free(l);
}

/* The rows of dir/labels.tsv (header skipped), or NULL if there is none. */
static GPtrArray *labels_load(const char *dir)
{
	g_autofree char *path = g_build_filename(dir, "labels.tsv", NULL);
	g_autofree char *data = NULL;
	g_auto(GStrv) lines = NULL;
	GPtrArray *out;

	if (!g_file_get_contents(path, &data, NULL, NULL))
		return NULL;
	out = g_ptr_array_new_with_free_func(label_free);
	lines = g_strsplit(data, "\n", -1);
	for (int i = 1; lines[i]; i++) {
		g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
		struct label *l;

		if (g_strv_length(f) < 3 || f[0][0] == '#')
			continue;
		l = g_new0(struct label, 1);
		l->file = g_strdup(f[0]);
		l->outgoing = strcmp(f[1], "out") == 0;
		l->stage = g_strdup(f[2]);
		l->interview = g_strdup(f[3] ? f[3] : "-");
		l->decision = g_strdup(f[3] && f[4] ? f[4] : "-");
		l->company = g_strdup(f[3] && f[4] && f[5] ? f[5] : "-");
		l->note = g_strdup(f[3] && f[4] && f[5] && f[6] ? f[6] : "");
		g_ptr_array_add(out, l);
	}
	return out;
}

#endif
