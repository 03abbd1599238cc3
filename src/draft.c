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

int draft_build(const struct draft_spec *d, char **data, size_t *len,
		GError **err)
{
	GMimeMessage *msg = g_mime_message_new(TRUE);
	GMimeObject *obj = GMIME_OBJECT(msg);
	GMimeTextPart *part = g_mime_text_part_new_with_subtype("plain");
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(d->date);
	g_autoptr(GDateTime) local = NULL;
	g_autofree char *subject = draft_clean(d->subject);
	g_autofree char *from_name = draft_clean(d->from_name);
	g_autofree char *to_name = draft_clean(d->to_name);
	GMimeFormatOptions *fmt;
	char *text;
	int ret = 0;

	if (!d->from_addr || !d->to_addr || strpbrk(d->to_addr, "\r\n<>,;\"") ||
	    strpbrk(d->from_addr, "\r\n<>,;\"")) {
		ret = nudge_fail(err, NUDGE_E_DATA, "no valid address to write the draft %s",
				 d->to_addr ? "from" : "to");
		goto out;
	}
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, from_name ? from_name : "",
				   d->from_addr);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, to_name ? to_name : "",
				   d->to_addr);
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

	g_mime_text_part_set_text(part, d->body);
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
