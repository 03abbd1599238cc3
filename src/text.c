/* HTML to plain text, and new text apart from quoted history. */
#include <string.h>

#include "text.h"

struct entity {
	const char *name;
	gunichar c;
};

/* The named entities mail uses in practice (HTML 4 Latin-1 and symbols). */
static const struct entity entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "iexcl", 0xa1 }, { "cent", 0xa2 },
	{ "pound", 0xa3 }, { "curren", 0xa4 }, { "yen", 0xa5 }, { "brvbar", 0xa6 },
	{ "sect", 0xa7 }, { "uml", 0xa8 }, { "copy", 0xa9 }, { "ordf", 0xaa },
	{ "laquo", 0xab }, { "not", 0xac }, { "shy", 0xad }, { "reg", 0xae },
	{ "macr", 0xaf }, { "deg", 0xb0 }, { "plusmn", 0xb1 }, { "sup2", 0xb2 },
	{ "sup3", 0xb3 }, { "acute", 0xb4 }, { "micro", 0xb5 }, { "para", 0xb6 },
	{ "middot", 0xb7 }, { "cedil", 0xb8 }, { "sup1", 0xb9 }, { "ordm", 0xba },
	{ "raquo", 0xbb }, { "frac14", 0xbc }, { "frac12", 0xbd }, { "frac34", 0xbe },
	{ "iquest", 0xbf }, { "Agrave", 0xc0 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 },
	{ "Atilde", 0xc3 }, { "Auml", 0xc4 }, { "Aring", 0xc5 }, { "AElig", 0xc6 },
	{ "Ccedil", 0xc7 }, { "Egrave", 0xc8 }, { "Eacute", 0xc9 }, { "Ecirc", 0xca },
	{ "Euml", 0xcb }, { "Igrave", 0xcc }, { "Iacute", 0xcd }, { "Icirc", 0xce },
	{ "Iuml", 0xcf }, { "ETH", 0xd0 }, { "Ntilde", 0xd1 }, { "Ograve", 0xd2 },
	{ "Oacute", 0xd3 }, { "Ocirc", 0xd4 }, { "Otilde", 0xd5 }, { "Ouml", 0xd6 },
	{ "times", 0xd7 }, { "Oslash", 0xd8 }, { "Ugrave", 0xd9 }, { "Uacute", 0xda },
	{ "Ucirc", 0xdb }, { "Uuml", 0xdc }, { "Yacute", 0xdd }, { "THORN", 0xde },
	{ "szlig", 0xdf }, { "agrave", 0xe0 }, { "aacute", 0xe1 }, { "acirc", 0xe2 },
	{ "atilde", 0xe3 }, { "auml", 0xe4 }, { "aring", 0xe5 }, { "aelig", 0xe6 },
	{ "ccedil", 0xe7 }, { "egrave", 0xe8 }, { "eacute", 0xe9 }, { "ecirc", 0xea },
	{ "euml", 0xeb }, { "igrave", 0xec }, { "iacute", 0xed }, { "icirc", 0xee },
	{ "iuml", 0xef }, { "eth", 0xf0 }, { "ntilde", 0xf1 }, { "ograve", 0xf2 },
	{ "oacute", 0xf3 }, { "ocirc", 0xf4 }, { "otilde", 0xf5 }, { "ouml", 0xf6 },
	{ "divide", 0xf7 }, { "oslash", 0xf8 }, { "ugrave", 0xf9 }, { "uacute", 0xfa },
	{ "ucirc", 0xfb }, { "uuml", 0xfc }, { "yacute", 0xfd }, { "thorn", 0xfe },
	{ "yuml", 0xff }, { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 },
	{ "scaron", 0x161 }, { "Yuml", 0x178 }, { "fnof", 0x192 }, { "circ", 0x2c6 },
	{ "tilde", 0x2dc }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
	{ "zwnj", 0x200c }, { "zwj", 0x200d }, { "lrm", 0x200e }, { "rlm", 0x200f },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "sbquo", 0x201a }, { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bdquo", 0x201e },
	{ "dagger", 0x2020 }, { "Dagger", 0x2021 }, { "bull", 0x2022 }, { "hellip", 0x2026 },
	{ "permil", 0x2030 }, { "prime", 0x2032 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203a },
	{ "euro", 0x20ac }, { "trade", 0x2122 }, { "larr", 0x2190 }, { "rarr", 0x2192 },
};

bool text_is_utf8(const char *s)
{
	size_t len = strlen(s), i = 0;

	/* ASCII eight bytes at a time, then GLib from the first other byte. */
	for (; i + 8 <= len; i += 8) {
		guint64 v;

		memcpy(&v, s + i, 8);
		if (v & 0x8080808080808080u)
			break;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return g_utf8_validate(s + i, (gssize)(len - i), NULL);
	return true;
}

/* Elements after which the text continues on a new line. */
static const char *const blocks[] = {
	"br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3",
	"h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt", "dl", "section",
	"article", "header", "footer", "address", "center", "form", "title",
};

static bool is_block(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(blocks); i++)
		if (g_ascii_strcasecmp(name, blocks[i]) == 0)
			return true;
	return false;
}

/*
 * Decodes the entity at s (just after '&'); returns the bytes consumed
 * including a ';' or 0 when it is not an entity.
 */
static size_t decode_entity(const char *s, const char *end, gunichar *out)
{
	const char *p = s;
	char name[16];
	size_t n = 0;

	if (p < end && *p == '#') {
		gunichar v = 0;
		int base = 10, digits = 0;

		p++;
		if (p < end && (*p == 'x' || *p == 'X')) {
			base = 16;
			p++;
		}
		for (; p < end && g_ascii_isxdigit(*p) && digits < 8; p++, digits++) {
			int d = g_ascii_xdigit_value(*p);

			if (base == 10 && !g_ascii_isdigit(*p))
				break;
			v = v * base + d;
		}
		if (!digits)
			return 0;
		if (p < end && *p == ';')
			p++;
		if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
			v = 0xfffd;
		/* Windows-1252 code points that pages send as numeric references. */
		if (v == 0x92)
			v = 0x2019;
		*out = v;
		return (size_t)(p - s);
	}
	while (p < end && g_ascii_isalnum(*p) && n < sizeof(name) - 1)
		name[n++] = *p++;
	name[n] = '\0';
	if (!n)
		return 0;
	for (size_t i = 0; i < G_N_ELEMENTS(entities); i++) {
		if (strcmp(name, entities[i].name) == 0) {
			*out = entities[i].c;
			if (p < end && *p == ';')
				p++;
			return (size_t)(p - s);
		}
	}
	return 0;
}

/* Appends a newline unless the text already ends in one (or is empty). */
static void newline(GString *o)
{
	while (o->len && o->str[o->len - 1] == ' ')
		g_string_truncate(o, o->len - 1);
	if (o->len && o->str[o->len - 1] != '\n')
		g_string_append_c(o, '\n');
}

char *html_to_text(const char *html, size_t len)
{
	const char *p = html, *end = html + len;
	GString *o = g_string_sized_new(len / 2 + 1);
	const char *skip_until = NULL;	/* "style" or "script" while inside */
	int pre = 0;
	bool space = false;

	while (p < end) {
		if (*p == '<') {
			const char *q = p + 1;
			char name[16];
			size_t n = 0;
			bool closing = false;

			if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				const char *c = g_strstr_len(p + 4, end - p - 4, "-->");

				p = c ? c + 3 : end;
				continue;
			}
			if (q < end && *q == '/') {
				closing = true;
				q++;
			}
			while (q < end && (g_ascii_isalnum(*q)) && n < sizeof(name) - 1)
				name[n++] = *q++;
			name[n] = '\0';
			/* Find the end of the tag, minding quoted attribute values. */
			for (char quote = 0; q < end; q++) {
				if (quote) {
					if (*q == quote)
						quote = 0;
				} else if (*q == '"' || *q == '\'') {
					quote = *q;
				} else if (*q == '>') {
					break;
				}
			}
			p = q < end ? q + 1 : end;
			if (!n && !closing && !skip_until)
				continue;
			if (skip_until) {
				if (closing && g_ascii_strcasecmp(name, skip_until) == 0)
					skip_until = NULL;
				continue;
			}
			if (!closing && (g_ascii_strcasecmp(name, "style") == 0 ||
					 g_ascii_strcasecmp(name, "script") == 0)) {
				skip_until = g_ascii_strcasecmp(name, "style") == 0 ?
					"style" : "script";
				continue;
			}
			if (g_ascii_strcasecmp(name, "pre") == 0)
				pre += closing ? (pre > 0 ? -1 : 0) : 1;
			if (g_ascii_strcasecmp(name, "br") == 0) {
				while (o->len && o->str[o->len - 1] == ' ')
					g_string_truncate(o, o->len - 1);
				g_string_append_c(o, '\n');
				space = false;
			} else if (is_block(name)) {
				newline(o);
				if (g_ascii_strcasecmp(name, "p") == 0 && closing)
					g_string_append_c(o, '\n');
				space = false;
			} else if (g_ascii_strcasecmp(name, "td") == 0 ||
				   g_ascii_strcasecmp(name, "th") == 0) {
				space = true;
			}
			continue;
		}
		if (skip_until) {
			p++;
			continue;
		}
		if (*p == '&') {
			gunichar c;
			size_t n = decode_entity(p + 1, end, &c);

			if (n) {
				if (space && o->len && o->str[o->len - 1] != '\n')
					g_string_append_c(o, ' ');
				space = false;
				if (c == 0xa0)
					g_string_append_c(o, ' ');
				else
					g_string_append_unichar(o, c);
				p += n + 1;
				continue;
			}
		}
		if (!pre && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
			     *p == '\f')) {
			space = true;
			p++;
			continue;
		}
		if (space && o->len && o->str[o->len - 1] != '\n')
			g_string_append_c(o, ' ');
		space = false;
		g_string_append_c(o, *p++);
	}
	while (o->len && (o->str[o->len - 1] == '\n' || o->str[o->len - 1] == ' '))
		g_string_truncate(o, o->len - 1);
	if (o->len)
		g_string_append_c(o, '\n');
	{
		/* Collapse runs of blank lines left by nested blocks. */
		GString *c = g_string_sized_new(o->len + 1);
		int nl = 0;
		size_t i = 0;

		while (i < o->len && o->str[i] == '\n')
			i++;
		for (; i < o->len; i++) {
			if (o->str[i] == '\n') {
				if (++nl > 2)
					continue;
			} else {
				nl = 0;
			}
			g_string_append_c(c, o->str[i]);
		}
		g_string_free(o, TRUE);
		o = c;
	}
	return g_string_free(o, FALSE);
}

/*
 * How a quoted block starts: an attribution line ("On ... wrote:"), a
 * separator ("-----Original Message-----") or an Outlook header block.
 */
static bool is_separator(const char *l)
{
	static const char *const marks[] = {
		"original message", "ursprüngliche nachricht", "message d'origine",
		"message d’origine", "mensaje original", "forwarded message",
		"weitergeleitete nachricht", "message transféré", "mensaje reenviado",
		"begin forwarded message", "message transmis", "nachricht weitergeleitet",
	};
	g_autofree char *low = NULL;
	const char *s = l;
	bool maybe = false;

	/*
	 * Most lines differ from every mark in their first ASCII letters: no
	 * need to fold them. (Only a character beyond ASCII can fold to other
	 * ASCII than its own lower case.)
	 */
	while (*s == ' ' || *s == '\t' || *s == '-' || *s == '_' || *s == '=')
		s++;
	for (size_t i = 0; i < G_N_ELEMENTS(marks) && !maybe; i++) {
		const char *m = marks[i];
		size_t k = 0;

		while (m[k] && (unsigned char)m[k] < 0x80 && (unsigned char)s[k] < 0x80 &&
		       s[k] && g_ascii_tolower(s[k]) == m[k])
			k++;
		maybe = !m[k] || (unsigned char)m[k] >= 0x80 || (unsigned char)s[k] >= 0x80;
	}
	if (!maybe)
		return false;
	low = g_utf8_strdown(l, -1);
	s = low;
	while (*s == ' ' || *s == '\t' || *s == '-' || *s == '_' || *s == '=')
		s++;
	for (size_t i = 0; i < G_N_ELEMENTS(marks); i++)
		if (g_str_has_prefix(s, marks[i]))
			return true;
	return false;
}

static bool has_prefix_ci(const char *l, const char *const *words, size_t n)
{
	while (*l == ' ' || *l == '\t' || *l == '*')
		l++;
	for (size_t i = 0; i < n; i++)
		if (g_ascii_strncasecmp(l, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

static bool is_from_line(const char *l)
{
	static const char *const w[] = { "From:", "Von:", "De :", "De:", "Da:" };

	return has_prefix_ci(l, w, G_N_ELEMENTS(w));
}

static bool is_sent_line(const char *l)
{
	static const char *const w[] = {
		"Sent:", "Date:", "Gesendet:", "Datum:", "Envoyé :", "Envoyé:",
		"Date :", "Enviado:", "Fecha:", "Enviado el:", "To:", "An:", "À :",
		"Para:", "Subject:", "Betreff:", "Objet :", "Asunto:",
	};

	return has_prefix_ci(l, w, G_N_ELEMENTS(w));
}

/*
 * Whether an attribution can be in l: an ASCII line must hold "wrote" or
 * "schrieb" (the French and Spanish verbs are not ASCII), in any case.
 */
static bool may_attribute(const char *l)
{
	for (const char *p = l; *p; p++) {
		char c = g_ascii_tolower(*p);

		if ((unsigned char)*p >= 0x80 ||
		    (c == 'w' && g_ascii_strncasecmp(p, "wrote", 5) == 0) ||
		    (c == 's' && g_ascii_strncasecmp(p, "schrieb", 7) == 0))
			return true;
	}
	return false;
}

/* "On Mon, 2 Mar 2026, Jane <j@x> wrote:" and its DE, FR and ES forms. */
static bool is_attribution(const char *l)
{
	static GRegex *re;

	if (!may_attribute(l))
		return false;
	/* Compiled when first needed, without JIT: most runs match it on a
	 * line or two. */
	if (g_once_init_enter(&re)) {
		GRegex *r = g_regex_new(
			"^\\s*(?:"
			"(?:on|am|le|el)\\b.{0,200}\\b(?:wrote|schrieb|a écrit|escribió)"
			"(?:\\s.{0,150})?\\s*:"
			"|.{0,200}\\b(?:wrote|schrieb|geschrieben|a écrit|escribió)\\s*:"
			")\\s*$",
			G_REGEX_CASELESS, 0, NULL);
		g_once_init_leave(&re, r);
	}
	return g_regex_match(re, l, 0, NULL);
}

/* Whether a line starts like an attribution: "On", "Am", "Le", "El". */
static bool starts_attribution(const char *s)
{
	static const char *const w[] = { "on ", "am ", "le ", "el " };

	for (size_t i = 0; i < G_N_ELEMENTS(w); i++)
		if (g_ascii_strncasecmp(s, w[i], 3) == 0)
			return true;
	return false;
}

/* Whether the first non-blank line after line i starts with ">". */
static bool prefixed_below(char **lines, int i)
{
	for (int j = i + 1; lines[j]; j++) {
		const char *s = lines[j];

		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (*s)
			return *s == '>';
	}
	return false;
}

void quote_split(const char *text, char **fresh, char **quoted)
{
	g_autofree char *valid = NULL;
	g_autoptr(GPtrArray) split = g_ptr_array_new();
	GString *f = g_string_new(NULL), *q = g_string_new(NULL);
	char **lines;
	bool rest = false;

	if (!text)
		text = "";
	valid = text_is_utf8(text) ? g_strdup(text) : g_utf8_make_valid(text, -1);
	/* The lines, cut in place (as g_strsplit() would, without the copies). */
	for (char *p = valid; *p;) {
		char *nl = strchr(p, '\n');

		g_ptr_array_add(split, p);
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
		if (!*p)
			g_ptr_array_add(split, p);
	}
	g_ptr_array_add(split, NULL);
	lines = (char **)split->pdata;

	for (int i = 0; lines[i]; i++) {
		char *l = lines[i];
		size_t n = strlen(l);
		const char *s = l;
		bool attribution = false;

		if (n && l[n - 1] == '\r')
			l[--n] = '\0';
		/* The empty piece after a final newline is no line. */
		if (!lines[i + 1] && !n)
			break;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!rest) {
			if (is_separator(l))
				rest = true;
			else if (is_attribution(l))
				/* "On ... wrote:" over "> " lines: only those are
				 * quoted, and what is written below them is new
				 * (a reply under the quote). */
				rest = !(attribution = prefixed_below(lines, i));
			/* An attribution wrapped over two lines. */
			else if (lines[i + 1] && n < 200 && starts_attribution(s) &&
				 (may_attribute(l) || may_attribute(lines[i + 1]))) {
				g_autofree char *two = g_strconcat(l, " ", lines[i + 1], NULL);

				if (is_attribution(two))
					rest = true;
			}
			if (!rest && is_from_line(l)) {
				int hits = 0;

				for (int j = 1; j <= 4 && lines[i + j]; j++)
					if (is_sent_line(lines[i + j]))
						hits++;
				if (hits >= 2)
					rest = true;
			}
		}
		if (rest || attribution || *s == '>') {
			g_string_append(q, l);
			g_string_append_c(q, '\n');
		} else {
			g_string_append(f, l);
			g_string_append_c(f, '\n');
		}
	}
	/* Drop the blank lines at the end of the new text. */
	while (f->len && (f->str[f->len - 1] == '\n' || f->str[f->len - 1] == ' '))
		g_string_truncate(f, f->len - 1);
	if (f->len)
		g_string_append_c(f, '\n');
	*fresh = g_string_free(f, FALSE);
	*quoted = g_string_free(q, FALSE);
}
