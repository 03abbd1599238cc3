/*
 * Unit tests of template_render(): placeholders, the subject line, the
 * rewrapping of prose, and input that is not UTF-8 (a template is refused
 * with its line; a value has its bad bytes replaced), which once made the
 * rewrapping read past the end of the text (found by fuzz-template).
 */
#include <string.h>

#include "template.h"

static GHashTable *vars(const char *company)
{
	GHashTable *v = g_hash_table_new(g_str_hash, g_str_equal);

	g_hash_table_insert(v, (gpointer)"company", (gpointer)company);
	g_hash_table_insert(v, (gpointer)"contact_name", (gpointer)"Dana");
	return v;
}

static void test_placeholders(void)
{
	g_autoptr(GHashTable) v = vars("Northwind");
	g_autofree char *body = NULL, *subject = NULL;
	g_autoptr(GError) err = NULL;

	g_assert_cmpint(template_render("t", "Subject: Thanks, {{company}}\n\nHi {{contact_name}}!\n",
					v, &body, &subject, &err), ==, 0);
	g_assert_cmpstr(subject, ==, "Thanks, Northwind");
	g_assert_cmpstr(body, ==, "Hi Dana!\n");
	g_clear_pointer(&body, g_free);
	g_clear_pointer(&subject, g_free);
	g_assert_cmpint(template_render("t", "a\nHi {{contact_nmae}}\n", v, &body, &subject,
					&err), ==, NUDGE_E_DATA);
	g_assert_cmpstr(err->message, ==, "t:2: unknown placeholder '{{contact_nmae}}'");
}

static void test_reflow(void)
{
	g_autoptr(GHashTable) v = vars("A company with a rather long name indeed");
	g_autofree char *body = NULL, *subject = NULL;
	g_autoptr(GError) err = NULL;
	g_auto(GStrv) lines = NULL;

	g_assert_cmpint(template_render("t",
		"Thank you for the conversation about the role at {{company}} today,\n"
		"I enjoyed hearing how the team works and what comes next for it.\n"
		"\nAlex\n", v, &body, &subject, &err), ==, 0);
	lines = g_strsplit(body, "\n", -1);
	for (size_t i = 0; lines[i]; i++)
		g_assert_cmpint(g_utf8_strlen(lines[i], -1), <=, 72);
	g_assert_nonnull(strstr(body, "\n\nAlex\n"));
}

static void test_not_utf8(void)
{
	g_autoptr(GHashTable) v = vars("Bad \xff\xfe name");
	g_autofree char *body = NULL, *subject = NULL;
	g_autoptr(GError) err = NULL;

	g_assert_cmpint(template_render("t", "Hello,\n\nthank you \xc3 for the long talk and "
					"the coffee and the tour of the office today.\nBye\n",
					v, &body, &subject, &err), ==, NUDGE_E_DATA);
	g_assert_cmpstr(err->message, ==, "t:3: not valid UTF-8");
	g_assert_null(body);
	g_clear_error(&err);
	g_assert_cmpint(template_render("t", "Dear {{company}} team,\n", v, &body, &subject,
					&err), ==, 0);
	g_assert_true(g_utf8_validate(body, -1, NULL));
	g_assert_cmpstr(body, ==, "Dear Bad \xef\xbf\xbd\xef\xbf\xbd name team,\n");
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/template/placeholders", test_placeholders);
	g_test_add_func("/template/reflow", test_reflow);
	g_test_add_func("/template/not-utf8", test_not_utf8);
	return g_test_run();
}
