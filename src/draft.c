/* A draft as a complete RFC 5322 message, built with GMime. */
#include <string.h>

#include <gmime/gmime.h>

#include "draft.h"

char *draft_clean(const char *s)
{
	char *out;

	if (!s)
		return NULL;
	out = g_utf8_make_valid(s, -1);
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return g_strstrip(out);
}

/* Adds "name <addr>" with a name encoded as UTF-8 when it needs encoding. */
static void add_mailbox(InternetAddressList *list, const char *name,
			const char *addr)
{
	InternetAddress *ia = internet_address_mailbox_new(name ? name : "", addr);

	internet_address_set_charset(ia, "utf-8");
	internet_address_list_add(list, ia);
	g_object_unref(ia);
}

/* The body as UTF-8 (us-ascii when it is), not GMime's guess of a charset. */
static void set_utf8_text(GMimeTextPart *part, const char *text)
{
	GMimeStream *ms = g_mime_stream_mem_new_with_buffer(text, strlen(text));
	GMimeDataWrapper *dw = g_mime_data_wrapper_new_with_stream(
		ms, GMIME_CONTENT_ENCODING_DEFAULT);
	bool ascii = true;

	for (const char *p = text; *p; p++)
		if ((unsigned char)*p >= 0x80)
			ascii = false;
	g_mime_part_set_content(GMIME_PART(part), dw);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset",
						 ascii ? "us-ascii" : "utf-8");
	g_object_unref(dw);
	g_object_unref(ms);
}

int draft_build(const struct draft_spec *d, char **data, size_t *len,
		GError **err)
{
	GMimeMessage *msg;
	GMimeObject *obj;
	GMimeTextPart *part;
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(d->date);
	g_autoptr(GDateTime) local = NULL;
	g_autofree char *subject = draft_clean(d->subject);
	g_autofree char *from_name = draft_clean(d->from_name);
	g_autofree char *to_name = draft_clean(d->to_name);
	GMimeFormatOptions *fmt;
	char *text;
	int ret = 0;

	msg = g_mime_message_new(TRUE);
	obj = GMIME_OBJECT(msg);
	part = g_mime_text_part_new_with_subtype("plain");

	if (!d->from_addr || !d->to_addr || strpbrk(d->to_addr, "\r\n<>,;\"") ||
	    strpbrk(d->from_addr, "\r\n<>,;\"")) {
		ret = nudge_fail(err, NUDGE_E_DATA, "no valid address to write the draft %s",
				 d->to_addr ? "from" : "to");
		goto out;
	}
	add_mailbox(g_mime_message_get_from(msg), from_name, d->from_addr);
	add_mailbox(g_mime_message_get_to(msg), to_name, d->to_addr);
	g_mime_message_set_subject(msg, subject ? subject : "", "utf-8");
	local = utc ? g_date_time_to_timezone(utc, d->tz) : NULL;
	if (local)
		g_mime_message_set_date(msg, local);
	g_mime_message_set_message_id(msg, d->message_id);
	if (d->in_reply_to) {
		g_autofree char *irt = g_strdup_printf("<%s>", d->in_reply_to);

		g_mime_object_set_header(obj, "In-Reply-To", irt, NULL);
	}
	if (d->references && *d->references)
		g_mime_object_set_header(obj, "References", d->references, NULL);
	g_mime_object_set_header(obj, "X-Nudge-Draft", d->draft_id, NULL);

	set_utf8_text(part, d->body);
	g_mime_part_set_content_encoding(GMIME_PART(part),
		g_mime_part_get_best_content_encoding(GMIME_PART(part),
						      GMIME_ENCODING_CONSTRAINT_7BIT));
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));

	fmt = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fmt, GMIME_NEWLINE_FORMAT_UNIX);
	text = g_mime_object_to_string(obj, fmt);
	g_mime_format_options_free(fmt);
	*len = strlen(text);
	*data = text;
out:
	g_object_unref(part);
	g_object_unref(msg);
	return ret;
}
