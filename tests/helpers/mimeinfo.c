/*
 * mimeinfo FILE: parses a message with GMime and prints its main headers,
 * decoded, one per line ("Subject: ..."), then "Body:" and the text. The
 * shell tests use it to check drafts as a mail client would read them.
 */
#include <stdio.h>

#include <gmime/gmime.h>

static void print_list(const char *name, InternetAddressList *l)
{
	for (int i = 0; l && i < internet_address_list_length(l); i++) {
		InternetAddress *a = internet_address_list_get_address(l, i);

		if (INTERNET_ADDRESS_IS_MAILBOX(a))
			printf("%s: %s <%s>\n", name, internet_address_get_name(a) ?
			       internet_address_get_name(a) : "",
			       internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
	}
}

int main(int argc, char **argv)
{
	static const char *const hdrs[] = { "In-Reply-To", "References", "X-Nudge-Draft",
					    "Content-Type", "Content-Transfer-Encoding" };
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *msg;
	GMimeObject *body;
	int ret = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mimeinfo FILE\n");
		return 64;
	}
	g_mime_init();
	stream = g_mime_stream_file_open(argv[1], "r", NULL);
	if (!stream) {
		fprintf(stderr, "mimeinfo: cannot open '%s'\n", argv[1]);
		return 66;
	}
	parser = g_mime_parser_new_with_stream(stream);
	msg = g_mime_parser_construct_message(parser, NULL);
	if (!msg) {
		fprintf(stderr, "mimeinfo: '%s' is not a message\n", argv[1]);
		ret = 65;
		goto out;
	}
	print_list("From", g_mime_message_get_from(msg));
	print_list("To", g_mime_message_get_to(msg));
	printf("Subject: %s\n", g_mime_message_get_subject(msg) ?
	       g_mime_message_get_subject(msg) : "");
	printf("Message-ID: %s\n", g_mime_message_get_message_id(msg) ?
	       g_mime_message_get_message_id(msg) : "");
	if (g_mime_message_get_date(msg)) {
		char *d = g_date_time_format_iso8601(g_mime_message_get_date(msg));

		printf("Date: %s\n", d);
		g_free(d);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(hdrs); i++) {
		const char *v = g_mime_object_get_header(GMIME_OBJECT(msg), hdrs[i]);

		if (v)
			printf("%s: %s\n", hdrs[i], v);
	}
	body = g_mime_message_get_body(msg);
	if (body && GMIME_IS_TEXT_PART(body)) {
		char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(body));

		printf("Body:\n%s", text ? text : "");
		g_free(text);
	}
	g_object_unref(msg);
out:
	g_object_unref(parser);
	g_object_unref(stream);
	g_mime_shutdown();
	return ret;
}
