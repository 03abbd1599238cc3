/* A mail message parsed with GMime into the plain fields nudge uses. */
#include <string.h>

#include <gmime/gmime.h>

#include "message.h"
#include "text.h"

/* Enough text to classify any real letter; the rest of a huge body is noise. */
#define TEXT_MAX (256 * 1024)

struct walk {
	GString *plain;
	GString *html;
	char *ics;
	int parts;
};

static char *strip_angles(const char *id)
{
	size_t n;

	if (!id)
		return NULL;
	while (*id == ' ' || *id == '<')
		id++;
	n = strlen(id);
	while (n > 0 && (id[n - 1] == '>' || id[n - 1] == ' '))
		n--;
	return n ? g_strndup(id, n) : NULL;
}

/* The first mailbox of an address list, looking into groups. */
static InternetAddressMailbox *first_mailbox(InternetAddressList *list)
{
	int n = list ? internet_address_list_length(list) : 0;

	for (int i = 0; i < n; i++) {
		InternetAddress *a = internet_address_list_get_address(list, i);

		if (INTERNET_ADDRESS_IS_MAILBOX(a))
			return INTERNET_ADDRESS_MAILBOX(a);
		if (INTERNET_ADDRESS_IS_GROUP(a)) {
			InternetAddressMailbox *m = first_mailbox(
				internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)));
			if (m)
				return m;
		}
	}
	return NULL;
}

static void take_mailbox(InternetAddressList *list, char **name, char **addr)
{
	InternetAddressMailbox *m = first_mailbox(list);
	const char *n;

	if (!m)
		return;
	n = internet_address_get_name(INTERNET_ADDRESS(m));
	if (n && *n)
		*name = g_utf8_make_valid(n, -1);
	if (internet_address_mailbox_get_addr(m))
		*addr = g_ascii_strdown(internet_address_mailbox_get_addr(m), -1);
}

static void append_bounded(GString *s, const char *text)
{
	size_t room = TEXT_MAX > s->len ? TEXT_MAX - s->len : 0;
	size_t n = strlen(text);

	if (n > room) {
		/* Cut on a character boundary. */
		const char *end = g_utf8_find_prev_char(text, text + room + 1);

		n = end ? (size_t)(end - text) : 0;
	}
	g_string_append_len(s, text, (gssize)n);
	if (n && text[n - 1] != '\n')
		g_string_append_c(s, '\n');
}

/*
 * The decoded text of a part in UTF-8, as g_mime_text_part_get_text() gives
 * it, but decoded only until it holds more than max bytes (0: all of it): a
 * part's text beyond what append_bounded() keeps is never decoded. NULL
 * without content. The caller frees with g_free.
 */
static char *part_text(GMimePart *part, size_t max)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GMimeContentType *ct = g_mime_object_get_content_type(GMIME_OBJECT(part));
	const char *charset = ct ? g_mime_content_type_get_parameter(ct, "charset") : NULL;
	GMimeStream *raw, *in;
	GByteArray *out;
	char buf[4096];

	if (!content || !(raw = g_mime_data_wrapper_get_stream(content)))
		return NULL;
	g_mime_stream_reset(raw);
	in = g_mime_stream_filter_new(raw);
	switch (g_mime_data_wrapper_get_encoding(content)) {
	case GMIME_CONTENT_ENCODING_BASE64:
	case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
	case GMIME_CONTENT_ENCODING_UUENCODE: {
		GMimeFilter *f = g_mime_filter_basic_new(
			g_mime_data_wrapper_get_encoding(content), FALSE);

		g_mime_stream_filter_add(GMIME_STREAM_FILTER(in), f);
		g_object_unref(f);
		break;
	}
	default:
		break;
	}
	/* Any named charset, UTF-8 too (GMime drops its invalid bytes); an
	 * unknown one stays as it is. */
	if (charset) {
		GMimeFilter *f = g_mime_filter_charset_new(charset, "utf-8");

		if (f) {
			g_mime_stream_filter_add(GMIME_STREAM_FILTER(in), f);
			g_object_unref(f);
		}
	}
	out = g_byte_array_new();
	while (!g_mime_stream_eos(in) && (!max || out->len <= max)) {
		ssize_t n = g_mime_stream_read(in, buf, sizeof(buf));

		if (n < 0)
			break;
		g_byte_array_append(out, (const guint8 *)buf, (guint)n);
	}
	g_object_unref(in);
	g_mime_stream_reset(raw);
	g_byte_array_append(out, (const guint8 *)"", 1);
	return (char *)g_byte_array_free(out, FALSE);
}

static void walk_part(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct walk *w = data;
	GMimeContentType *ct;
	size_t max;
	char *text;

	(void)parent;
	if (++w->parts > 1000 || !GMIME_IS_TEXT_PART(part))
		return;
	if (g_mime_part_is_attachment(GMIME_PART(part)))
		return;
	ct = g_mime_object_get_content_type(part);
	if (!ct)
		return;
	/*
	 * Enough of the part to fill what is left of TEXT_MAX (the few bytes
	 * more let a cut character be made whole, as it is in the full text);
	 * a calendar whole; other text parts are not read.
	 */
	if (g_mime_content_type_is_type(ct, "text", "plain"))
		max = w->plain->len < TEXT_MAX ? TEXT_MAX - w->plain->len + 8 : 0;
	else if (g_mime_content_type_is_type(ct, "text", "html"))
		max = w->html->len < TEXT_MAX ? TEXT_MAX - w->html->len + 8 : 0;
	else if (g_mime_content_type_is_type(ct, "text", "calendar") && !w->ics)
		max = G_MAXSIZE;
	else
		return;
	if (!max)
		return;
	text = part_text(GMIME_PART(part), max == G_MAXSIZE ? 0 : max);
	if (!text)
		return;
	if (!text_is_utf8(text)) {
		char *valid = g_utf8_make_valid(text, -1);

		g_free(text);
		text = valid;
	}
	if (g_mime_content_type_is_type(ct, "text", "plain"))
		append_bounded(w->plain, text);
	else if (g_mime_content_type_is_type(ct, "text", "html"))
		append_bounded(w->html, text);
	else if (g_mime_content_type_is_type(ct, "text", "calendar") && !w->ics)
		w->ics = g_strdup(text);
	g_free(text);
}

static char *header_dup(GMimeObject *o, const char *name)
{
	const char *v = g_mime_object_get_header(o, name);

	return v ? g_utf8_make_valid(v, -1) : NULL;
}

static char **parse_refs(const char *value)
{
	GPtrArray *out = g_ptr_array_new();
	GMimeReferences *refs = value ? g_mime_references_parse(NULL, value) : NULL;

	for (int i = 0; refs && i < g_mime_references_length(refs); i++) {
		char *id = strip_angles(g_mime_references_get_message_id(refs, i));

		if (id)
			g_ptr_array_add(out, id);
	}
	if (refs)
		g_mime_references_free(refs);
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

int msg_parse(const char *buf, size_t len, struct nudge_msg **out, GError **err)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(buf, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg;
	GMimeObject *obj;
	GDateTime *date;
	struct nudge_msg *m;
	struct walk w = { 0 };
	const char *v;
	char **irt;

	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	g_object_unref(stream);
	if (!msg)
		return nudge_fail(err, NUDGE_E_DATA, "no message found in the input");

	obj = GMIME_OBJECT(msg);
	m = g_new0(struct nudge_msg, 1);
	m->message_id = strip_angles(g_mime_message_get_message_id(msg));
	irt = parse_refs(g_mime_object_get_header(obj, "In-Reply-To"));
	m->in_reply_to = irt[0] ? g_strdup(irt[g_strv_length(irt) - 1]) : NULL;
	g_strfreev(irt);
	m->references = parse_refs(g_mime_object_get_header(obj, "References"));
	if ((v = g_mime_message_get_subject(msg)))
		m->subject = g_utf8_make_valid(v, -1);
	take_mailbox(g_mime_message_get_from(msg), &m->from_name, &m->from_addr);
	take_mailbox(g_mime_message_get_reply_to(msg), &m->reply_to_name, &m->reply_to_addr);
	take_mailbox(g_mime_message_get_to(msg), &m->to_name, &m->to_addr);
	m->organization = header_dup(obj, "Organization");
	if ((date = g_mime_message_get_date(msg)))
		m->date = g_date_time_to_unix(date);

	v = g_mime_object_get_header(obj, "Auto-Submitted");
	while (v && (*v == ' ' || *v == '\t'))
		v++;
	if (v && g_ascii_strncasecmp(v, "no", 2) != 0)
		m->auto_submitted = true;
	v = g_mime_object_get_header(obj, "Precedence");
	if (v && (strstr(v, "bulk") || strstr(v, "list") || strstr(v, "junk")))
		m->auto_submitted = true;

	w.plain = g_string_new(NULL);
	w.html = g_string_new(NULL);
	g_mime_message_foreach(msg, walk_part, &w);
	if (w.plain->len == 0 && w.html->len > 0) {
		m->text = html_to_text(w.html->str, w.html->len);
		g_string_free(w.plain, TRUE);
	} else {
		m->text = g_string_free(w.plain, FALSE);
	}
	g_string_free(w.html, TRUE);
	m->ics = w.ics;
	g_object_unref(msg);
	*out = m;
	return 0;
}

void msg_free(struct nudge_msg *m)
{
	if (!m)
		return;
	g_free(m->message_id);
	g_free(m->in_reply_to);
	g_strfreev(m->references);
	g_free(m->subject);
	g_free(m->from_name);
	g_free(m->from_addr);
	g_free(m->reply_to_name);
	g_free(m->reply_to_addr);
	g_free(m->to_name);
	g_free(m->to_addr);
	g_free(m->organization);
	g_free(m->text);
	g_free(m->ics);
	g_free(m);
}

char *addr_domain(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;

	return at && at[1] ? g_ascii_strdown(at + 1, -1) : NULL;
}
