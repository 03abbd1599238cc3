/* HTML to text and the split of new text from quoted history. */
#include <string.h>

#include "text.h"

static void check_html(const char *html, const char *want)
{
	char *got = html_to_text(html, strlen(html));

	g_assert_cmpstr(got, ==, want);
	g_free(got);
}

static void test_html(void)
{
	check_html("<p>Hello&nbsp;<b>Alex</b>,</p><p>We&rsquo;d like to meet.</p>",
		   "Hello Alex,\n\nWe\u2019d like to meet.\n");
	check_html("<html><head><style>p { color: red }</style><title>T</title></head>"
		   "<body><script>var a = '<p>';</script>A &amp; B &lt;3 &#233;&#xE9; &euro;<br>x</body></html>",
		   "T\nA & B <3 \u00e9\u00e9 \u20ac\nx\n");
	check_html("<div>one</div><div>two<br/>three</div><ul><li>a</li><li>b</li></ul>",
		   "one\ntwo\nthree\na\nb\n");
	check_html("<table><tr><td>Date:</td><td>Tuesday</td></tr></table>", "Date: Tuesday\n");
	check_html("<!-- hidden <p>x</p> -->visible &bogus; &amp", "visible &bogus; &\n");
	check_html("<a href=\"x>y\">link</a> text", "link text\n");
	check_html("", "");
}

static void check_split(const char *text, const char *want_fresh, const char *want_quoted)
{
	char *fresh, *quoted;

	quote_split(text, &fresh, &quoted);
	g_assert_cmpstr(fresh, ==, want_fresh);
	g_assert_cmpstr(quoted, ==, want_quoted);
	g_free(fresh);
	g_free(quoted);
}

static void test_quotes(void)
{
	check_split("Thanks!\n> old line\n> more\n", "Thanks!\n", "> old line\n> more\n");
	check_split("New text.\n\nOn Mon, 2 Mar 2026 at 10:00, Jane Doe <jane@acme.example> wrote:\n"
		    "Old text.\n", "New text.\n",
		    "On Mon, 2 Mar 2026 at 10:00, Jane Doe <jane@acme.example> wrote:\nOld text.\n");
	check_split("Hi.\nOn Mon, Mar 2, 2026 at 10:00 AM Jane Doe\n<jane@acme.example> wrote:\nOld\n",
		    "Hi.\n", "On Mon, Mar 2, 2026 at 10:00 AM Jane Doe\n<jane@acme.example> wrote:\nOld\n");
	check_split("Neu.\nAm 02.03.2026 um 10:00 schrieb Jane Doe <jane@acme.example>:\nAlt\n",
		    "Neu.\n", "Am 02.03.2026 um 10:00 schrieb Jane Doe <jane@acme.example>:\nAlt\n");
	check_split("Nouveau.\nLe lun. 2 mars 2026 à 10:00, Jane <jane@acme.example> a écrit :\nAncien\n",
		    "Nouveau.\n", "Le lun. 2 mars 2026 à 10:00, Jane <jane@acme.example> a écrit :\nAncien\n");
	check_split("Nuevo.\nEl lun, 2 mar 2026 a las 10:00, Jane (<jane@acme.example>) escribió:\nViejo\n",
		    "Nuevo.\n", "El lun, 2 mar 2026 a las 10:00, Jane (<jane@acme.example>) escribió:\nViejo\n");
	check_split("Top.\n-----Original Message-----\nFrom: x\nold\n", "Top.\n",
		    "-----Original Message-----\nFrom: x\nold\n");
	check_split("FYI\n---------- Forwarded message ---------\nFrom: a\nbody\n", "FYI\n",
		    "---------- Forwarded message ---------\nFrom: a\nbody\n");
	check_split("Reply.\n\nFrom: Jane Doe <jane@acme.example>\nSent: Monday, March 2, 2026 10:00 AM\n"
		    "To: Alex\nSubject: Interview\n\nOld\n", "Reply.\n",
		    "From: Jane Doe <jane@acme.example>\nSent: Monday, March 2, 2026 10:00 AM\n"
		    "To: Alex\nSubject: Interview\n\nOld\n");
	check_split("Antwort.\nVon: Jane\nGesendet: Montag, 2. März 2026\nAn: Alex\nBetreff: x\nalt\n",
		    "Antwort.\n", "Von: Jane\nGesendet: Montag, 2. März 2026\nAn: Alex\nBetreff: x\nalt\n");
	/* "On ... wrote:" over "> " lines: a reply written below the quote
	 * (or between its parts) is new text, the attribution is not. */
	check_split("On Mon, 2 Mar 2026 at 10:00, Jane Doe <jane@acme.example> wrote:\n"
		    "> We are pleased to offer you the role.\n>\n> Jane\n\n"
		    "Thank you, I accept.\n\nAlex\n",
		    "\nThank you, I accept.\n\nAlex\n",
		    "On Mon, 2 Mar 2026 at 10:00, Jane Doe <jane@acme.example> wrote:\n"
		    "> We are pleased to offer you the role.\n>\n> Jane\n");
	check_split("Hi.\nOn Mon, 2 Mar 2026, Jane <jane@acme.example> wrote:\n\n> Tuesday?\nYes.\n"
		    "> And Wednesday?\nNo.\n",
		    "Hi.\n\nYes.\nNo.\n",
		    "On Mon, 2 Mar 2026, Jane <jane@acme.example> wrote:\n> Tuesday?\n> And Wednesday?\n");
	/* Without "> " the quote runs to the end, as before. */
	check_split("Reply.\nOn Mon, 2 Mar 2026, Jane <jane@acme.example> wrote:\nOld\n\nMore old\n",
		    "Reply.\n", "On Mon, 2 Mar 2026, Jane <jane@acme.example> wrote:\nOld\n\nMore old\n");
	/* A lone "From:" line in the text is not a quoted block. */
	check_split("From: the team at Acme\nWelcome!\n", "From: the team at Acme\nWelcome!\n", "");
	check_split("", "", "");
	check_split(NULL, "", "");
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/text/html", test_html);
	g_test_add_func("/text/quotes", test_quotes);
	return g_test_run();
}
