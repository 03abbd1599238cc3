/* Unit tests of subject lines: normalising, reply subjects, reply detection. */
#include "subject.h"

static void check_norm(const char *in, const char *want)
{
	g_autofree char *got = subject_normalize(in);

	g_assert_cmpstr(got, ==, want);
}

static void check_reply(const char *in, const char *want)
{
	g_autofree char *got = subject_reply(in);

	g_assert_cmpstr(got, ==, want);
}

static void test_normalize(void)
{
	check_norm("Interview for Senior Data Engineer", "interview for senior data engineer");
	check_norm("RE: Interview  for Senior\tData Engineer", "interview for senior data engineer");
	check_norm("Re: Re: AW: Fwd: Interview", "interview");
	check_norm("RE[2]: Interview", "interview");
	check_norm("Fwd : Interview", "interview");
	check_norm("WG: Vorstellungsgespräch", "vorstellungsgespräch");
	check_norm("TR: Entretien", "entretien");
	check_norm("RV: Entrevista", "entrevista");
	check_norm("Antw: Sollicitatie", "sollicitatie");
	check_norm("Ref: 12345 Interview", "ref: 12345 interview");
	check_norm("Reply needed: your schedule", "reply needed: your schedule");
	check_norm("", "");
	check_norm(NULL, "");
}

static void test_reply(void)
{
	check_reply("Interview", "Re: Interview");
	check_reply("Re: Interview", "Re: Interview");
	check_reply("RE: re: Interview", "Re: Interview");
	check_reply("AW: Vorstellungsgespräch", "Re: Vorstellungsgespräch");
	check_reply(NULL, "Re: ");
}

static void test_is_reply(void)
{
	g_assert_true(subject_is_reply("Re: Interview"));
	g_assert_true(subject_is_reply("  AW: Interview"));
	g_assert_true(subject_is_reply("Fwd: Interview"));
	g_assert_false(subject_is_reply("Interview"));
	g_assert_false(subject_is_reply("Regarding your interview"));
	g_assert_false(subject_is_reply("Reply needed"));
	g_assert_false(subject_is_reply(""));
	g_assert_false(subject_is_reply(NULL));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/subject/normalize", test_normalize);
	g_test_add_func("/subject/reply", test_reply);
	g_test_add_func("/subject/is-reply", test_is_reply);
	return g_test_run();
}
