/*
 * Template rendering: the first NUL-separated field is the template, the
 * next ones are the values of the placeholders drafts use.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "template.h"

static const char *const keys[] = {
	"my_name", "my_first_name", "greeting", "contact_name", "company",
	"position", "interviewer", "interview_date", "interview_when",
	"decision_date", "decision_phrase", "deadline", "reference_name",
	"reference_first_name", "subject",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *f[1 + G_N_ELEMENTS(keys)];
	GHashTable *vars = g_hash_table_new(g_str_hash, g_str_equal);
	char *body = NULL, *subject = NULL;
	GError *err = NULL;

	fuzz_fields(data, size, f, G_N_ELEMENTS(f));
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
		g_hash_table_insert(vars, (gpointer)keys[i], f[i + 1]);
	if (template_render("fuzz", f[0], vars, &body, &subject, &err) == 0) {
		if (!body)
			abort();
	} else if (!err) {
		abort();
	}
	g_free(body);
	g_free(subject);
	g_clear_error(&err);
	g_hash_table_unref(vars);
	fuzz_fields_free(f, G_N_ELEMENTS(f));
	return 0;
}
