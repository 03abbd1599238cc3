/* Plain-text helpers for message bodies: HTML to text, quoted history. */
#ifndef NUDGE_TEXT_H
#define NUDGE_TEXT_H

#include "nudge.h"

/* Whether s is valid UTF-8 (g_utf8_validate(s, -1, NULL)), faster on ASCII. */
bool text_is_utf8(const char *s);

/* Text of an HTML document: tags stripped, entities decoded, style and
 * script dropped, block elements as line breaks. The caller frees with g_free. */
char *html_to_text(const char *html, size_t len);

/*
 * Splits a UTF-8 body into what the sender wrote now (*fresh) and the quoted
 * history ('>' lines, "On ... wrote:", forwarded or "Original Message" blocks,
 * Outlook "From: ... Sent: ..." blocks) in *quoted. Both are newly allocated;
 * the caller frees them with g_free.
 */
void quote_split(const char *text, char **fresh, char **quoted);

#endif
