/* Facts: company, contact, position, interview time, decision date, offer
 * deadline; relative dates resolved in the user's zone. */
#include <string.h>

#include "dates.h"
#include "corpus.h"
#include "facts.h"
#include "text.h"

static GTimeZone *berlin;

/* Local time in Europe/Berlin as seconds since the epoch. */
static gint64 at(int y, int mo, int d, int h, int mi)
{
	GDateTime *dt = g_date_time_new(berlin, y, mo, d, h, mi, 0);
	gint64 t = g_date_time_to_unix(dt);

	g_date_time_unref(dt);
	return t;
}

static char *day_str(gint64 t)
{
	GDateTime *u, *l;
	char *s;

	if (t == NUDGE_NOTIME)
		return g_strdup("-");
	u = g_date_time_new_from_unix_utc(t);
	l = g_date_time_to_timezone(u, berlin);
	s = g_date_time_format(l, "%Y-%m-%d %H:%M");
	g_date_time_unref(l);
	g_date_time_unref(u);
	return s;
}

static void extract(const char *body, gint64 date, enum nudge_stage stage, struct facts *f)
{
	struct fact_input in = { 0 };

	in.subject = "Your application";
	in.fresh = body;
	in.from_name = "Jane Doe";
	in.from_addr = "jane.doe@acme-corp.com";
	in.date = date;
	in.tz = berlin;
	facts_extract(&in, stage, f);
}

/* The decision day of body in a message dated date, as "YYYY-MM-DD HH:MM". */
static void check_decision(const char *body, gint64 date, const char *want)
{
	struct facts f;
	g_autofree char *got = NULL;

	extract(body, date, STAGE_PENDING, &f);
	got = day_str(f.decision);
	if (strcmp(got, want) != 0)
		g_test_message("'%s': got %s, want %s", body, got, want);
	g_assert_cmpstr(got, ==, want);
	facts_clear(&f);
}

static void test_worked_examples(void)
{
	struct facts f;
	g_autofree char *s = NULL;

	/* ETIQUETTE.md, worked examples. */
	check_decision("Thanks for coming in. You will hear from us within three days.",
		       at(2026, 3, 2, 15, 0), "2026-03-05 00:00");
	check_decision("Great talking today; we will decide by Friday.",
		       at(2026, 3, 4, 15, 0), "2026-03-06 00:00");
	check_decision("We are still interviewing, we hope to decide by the 20th.",
		       at(2026, 3, 11, 9, 0), "2026-03-20 00:00");
	extract("We are delighted to offer you the position. Please let us know by 23 Mar.",
		at(2026, 3, 16, 9, 0), STAGE_OFFER, &f);
	s = day_str(f.offer_deadline);
	g_assert_cmpstr(s, ==, "2026-03-23 00:00");
	g_assert_cmpint(f.decision, ==, NUDGE_NOTIME);
	facts_clear(&f);
}

static void test_decision_phrases(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	check_decision("We will get back to you within two weeks.", wed, "2026-03-18 00:00");
	check_decision("We expect to make a decision by the end of next week.", wed,
		       "2026-03-13 00:00");
	check_decision("You should hear from us early next week.", wed, "2026-03-10 00:00");
	check_decision("We will let you know by the 15th.", wed, "2026-03-15 00:00");
	check_decision("We will be in touch in 3-5 business days.", wed, "2026-03-11 00:00");
	check_decision("We will get back to you soon.", wed, "-");
	check_decision("We will get back to you in a few days.", wed, "-");
	check_decision("We'll let you know next Tuesday.", wed, "2026-03-10 00:00");
	check_decision("We will get back to you by March 12.", wed, "2026-03-12 00:00");
	check_decision("We will get back to you within 48 hours.", wed, "2026-03-06 00:00");
	check_decision("Wir melden uns bis Freitag bei Ihnen.", wed, "2026-03-06 00:00");
	check_decision("Wir melden uns innerhalb von zwei Wochen.", wed, "2026-03-18 00:00");
	check_decision("Sie erhalten bis zum 20. März eine Rückmeldung.", wed, "2026-03-20 00:00");
	check_decision("Nous reviendrons vers vous d'ici vendredi.", wed, "2026-03-06 00:00");
	check_decision("Nous vous donnerons une réponse dans les deux semaines.", wed,
		       "2026-03-18 00:00");
	check_decision("Te daremos una respuesta antes del viernes.", wed, "2026-03-06 00:00");
	check_decision("Te daremos una respuesta en 3-5 días hábiles.", wed, "2026-03-11 00:00");
	/* No decision word in the sentence: no decision date. */
	check_decision("The office is closed on Friday.", wed, "-");
}

/* Relative and absolute decision dates recruiters write, in four languages. */
static void test_decision_relative(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	check_decision("We will let you know by the end of the week.", wed, "2026-03-06 00:00");
	check_decision("We will get back to you by this Friday.", wed, "2026-03-06 00:00");
	check_decision("We will make a decision in two weeks.", wed, "2026-03-18 00:00");
	check_decision("We will let you know by the end of the month.", wed, "2026-03-31 00:00");
	check_decision("You will hear from us mid next week.", wed, "2026-03-11 00:00");
	check_decision("You will hear from us late next week.", wed, "2026-03-13 00:00");
	check_decision("We will respond within 5 business days.", wed, "2026-03-11 00:00");
	check_decision("We will update you over the next few days.", wed, "-");
	check_decision("We hope to reach a decision later this week.", wed, "2026-03-06 00:00");
	check_decision("We will inform all candidates by the end of March.", wed,
		       "2026-03-31 00:00");
	check_decision("You can expect an answer from us by mid-March.", wed, "2026-03-15 00:00");
	check_decision("We will get back to you in a week or two.", wed, "2026-03-18 00:00");
	check_decision("We hope to be in a position to inform candidates early next week.", wed,
		       "2026-03-10 00:00");
	check_decision("We will let you know by March 3rd.", at(2026, 2, 20, 9, 0),
		       "2026-03-03 00:00");
	check_decision("We will let you know by the 3rd of March.", at(2026, 2, 20, 9, 0),
		       "2026-03-03 00:00");
	check_decision("We will let you know by 2026-03-20.", wed, "2026-03-20 00:00");
	check_decision("Wir melden uns bis zum 03.04.2026.", wed, "2026-04-03 00:00");
	check_decision("We will get back to you within the next week.", wed, "2026-03-11 00:00");
	check_decision("Wir melden uns innerhalb der nächsten Woche.", wed, "2026-03-11 00:00");
	check_decision("We will let you know by the end of the day.", wed, "2026-03-04 00:00");
	check_decision("At the end of the day, we will decide soon.", wed, "-");
	check_decision("We will let you know by end of day Friday.", wed, "2026-03-06 00:00");
	check_decision("Die Entscheidung fällt Mitte April, Sie hören dann von uns.", wed,
		       "2026-04-15 00:00");
	check_decision("Sie hören bis Ende März von uns.", wed, "2026-03-31 00:00");
	check_decision("Nous reviendrons vers vous d'ici deux semaines.", wed, "2026-03-18 00:00");
	check_decision("Nous vous donnerons une réponse le 3 avril.", wed, "2026-04-03 00:00");
	check_decision("Te daremos una respuesta a finales de la semana que viene.", wed,
		       "2026-03-13 00:00");
	check_decision("Te daremos una respuesta el 3 de abril.", wed, "2026-04-03 00:00");
}

/* The date grammar composes: abbreviations, compounds, "the week after
 * next", numbers in words, units that need no number, "un délai de". */
static void test_decision_grammar(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	check_decision("You can expect an update from us by EOW.", wed, "2026-03-06 00:00");
	check_decision("We will let you know by COB today.", wed, "2026-03-04 00:00");
	check_decision("We will let you know by EOD Friday.", wed, "2026-03-06 00:00");
	check_decision("I'll update you before the weekend.", wed, "2026-03-06 00:00");
	check_decision("We'll get back to you after the weekend.", wed, "2026-03-09 00:00");
	check_decision("We should be able to share an outcome in the coming week.", wed,
		       "2026-03-13 00:00");
	check_decision("We will get back to you within the coming week.", wed, "2026-03-11 00:00");
	check_decision("We'll get back to you in the week after next.", wed, "2026-03-20 00:00");
	check_decision("You'll hear from us next week Wednesday.", wed, "2026-03-11 00:00");
	check_decision("You can expect to hear from us by Friday of next week.", wed,
		       "2026-03-13 00:00");
	check_decision("We hope to reach a decision within twelve days.", wed, "2026-03-16 00:00");
	check_decision("We will have news for you the day after tomorrow.", wed, "2026-03-06 00:00");
	check_decision("Sie hören noch diese Woche von uns.", wed, "2026-03-06 00:00");
	check_decision("Wir geben Ihnen in der kommenden Woche Bescheid.", wed, "2026-03-13 00:00");
	check_decision("Wir kommen in den nächsten zwei Wochen auf Sie zu.", wed, "2026-03-18 00:00");
	check_decision("Wir informieren Sie bis Monatsende über das Ergebnis.", wed, "2026-03-31 00:00");
	check_decision("Wir melden uns bis übermorgen.", wed, "2026-03-06 00:00");
	check_decision("Wir melden uns in der übernächsten Woche.", wed, "2026-03-20 00:00");
	check_decision("Wir teilen Ihnen unsere Entscheidung in zwei Wochen mit.", wed,
		       "2026-03-18 00:00");
	check_decision("Nous vous communiquerons notre réponse sous quinzaine.", wed,
		       "2026-03-18 00:00");
	check_decision("Nous vous recontacterons dans une quinzaine de jours.", wed,
		       "2026-03-18 00:00");
	check_decision("Nous vous ferons un retour d'ici une dizaine de jours.", wed,
		       "2026-03-14 00:00");
	check_decision("Te daremos una respuesta en una decena de días.", wed, "2026-03-14 00:00");
	check_decision("Give us until the 14th and you'll have an answer.", wed,
		       "2026-03-14 00:00");
	check_decision("Nous vous répondrons au plus tard le 15 mars.", wed, "2026-03-15 00:00");
	check_decision("Nous vous ferons un retour dans un délai de deux semaines.", wed,
		       "2026-03-18 00:00");
	check_decision("Nous reviendrons vers vous vendredi de la semaine prochaine.", wed,
		       "2026-03-13 00:00");
	check_decision("Tendrás noticias nuestras la semana entrante.", wed, "2026-03-13 00:00");
	check_decision("Te daremos una respuesta en un plazo de dos semanas.", wed,
		       "2026-03-18 00:00");
	check_decision("Te daremos respuesta en la próxima quincena.", wed, "2026-03-18 00:00");
	check_decision("Sabrás de nosotros el 16 de marzo.", wed, "2026-03-16 00:00");
	check_decision("Te daremos una respuesta pasado mañana.", wed, "2026-03-06 00:00");
	/* The date in the sentence after the decision, pointed to. */
	check_decision("We'll be in touch with the outcome. This should be by the end of next "
		       "week.", wed, "2026-03-13 00:00");
	check_decision("You will hear from us. By Friday at the latest.", wed, "2026-03-06 00:00");
	check_decision("Wir melden uns mit einer Entscheidung. Das sollte bis Ende nächster Woche "
		       "sein.", wed, "2026-03-13 00:00");
	check_decision("Te daremos una respuesta. Esto debería ser a finales de la próxima semana.",
		       wed, "2026-03-13 00:00");
	check_decision("We'll be in touch. Our office is closed on Friday.", wed, "-");
	check_decision("Los resultados se comunicarán el viernes de la semana que viene.", wed,
		       "2026-03-13 00:00");
	check_decision("We aim to wrap things up by 20 March.", wed, "2026-03-20 00:00");
	check_decision("Nous vous donnerons une réponse sous quinze jours.", wed, "2026-03-18 00:00");
	check_decision("We're seeing a couple more candidates, so it'll be a week or two before "
		       "we're in touch with next steps.", wed, "2026-03-18 00:00");
	check_decision("They've got two more people to see next week before they make a call. "
		       "They'd have a decision within the next two weeks.", wed, "2026-03-18 00:00");
	check_decision("We won't have everything together until early next week. Feel free to "
		       "nudge me if you haven't heard by then.", wed, "2026-03-10 00:00");
	/* German calendar weeks, hours written 48h, the course of this week. */
	check_decision("Eine Rückmeldung erhalten Sie voraussichtlich in KW 12.", wed,
		       "2026-03-20 00:00");
	check_decision("Wir entscheiden in der 13. KW.", wed, "2026-03-27 00:00");
	check_decision("Nous vous répondrons sous 48h.", wed, "2026-03-06 00:00");
	check_decision("Nous reviendrons vers vous dans le courant de la semaine.", wed,
		       "2026-03-06 00:00");
	check_decision("Te daremos una respuesta a lo largo de esta semana.", wed,
		       "2026-03-06 00:00");
	check_decision("We'll get back to you sometime this week.", wed, "2026-03-06 00:00");
	check_decision("Our budget approval is still pending, so it may be a couple more weeks "
		       "before we can share an outcome.", wed, "2026-03-18 00:00");
	check_decision("Wir brauchen noch zwei weitere Wochen, bevor wir entscheiden.", wed,
		       "2026-03-18 00:00");
	check_decision("We're not quite there yet. I should know more by Thursday.", wed,
		       "2026-03-05 00:00");
	check_decision("Le jury se réunira le 20 mars prochain. Les résultats vous seront notifiés "
		       "par courrier.", wed, "2026-03-20 00:00");
	/* A choice of days: the later one. */
	check_decision("We'll give you an answer on Monday or Tuesday.", wed, "2026-03-10 00:00");
	check_decision("Nous reviendrons vers vous mardi ou mercredi prochain.", wed,
		       "2026-03-11 00:00");
	check_decision("Te daremos una respuesta entre jueves y viernes.", wed, "2026-03-06 00:00");
	/* The user's own deadlines are not the decision. */
	check_decision("Please confirm your attendance by replying before Monday 9 March.", wed, "-");
	check_decision("If you would like written feedback, reply to this email within 14 days.",
		       wed, "-");
	/* Still vague. */
	check_decision("We'll be in touch in the coming weeks once we've met everyone.", wed, "-");
	check_decision("We will get back to you in the coming days.", wed, "-");
	check_decision("Wir melden uns in den kommenden Tagen.", wed, "-");
	check_decision("We are interviewing this week and will decide soon.", wed, "-");
}

/* Dates that are in a decision sentence but are not the decision. */
static void test_decision_not_dates(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);

	/* A day gone by. */
	check_decision("Thank you for interviewing last Tuesday; no decision has been made yet.",
		       wed, "-");
	check_decision("We met the last candidates on 2 March and will decide soon.", wed, "-");
	check_decision("We spoke to the last candidates on 2 March and hope to reach a "
		       "decision later this week.", wed, "2026-03-06 00:00");
	/* An availability window, unless nothing happens until then. */
	check_decision("Nothing decided yet: the owner is away until next week.", wed, "-");
	check_decision("Our hiring manager is on vacation this week, so we will let you know by "
		       "next Friday.", wed, "2026-03-13 00:00");
	check_decision("We are interviewing until Friday, March 6, and will let you know by "
		       "the end of March.", wed, "2026-03-31 00:00");
	check_decision("We won't have a decision until Friday.", wed, "2026-03-06 00:00");
	/* Application deadlines and start dates. */
	check_decision("The application deadline is 20 March; we will get back to every "
		       "applicant in due course.", wed, "-");
	check_decision("We will get back to you next Wednesday with a decision. If successful, "
		       "the role would start on 1 April.", wed, "2026-03-11 00:00");
	check_decision("If successful, you would start on 1 April; we will let you know soon.",
		       wed, "-");
	/* The date of the sentence before, pointed back to. */
	check_decision("The hiring committee meets next Thursday. You should hear from me "
		       "shortly after that.", at(2026, 3, 2, 9, 0), "2026-03-12 00:00");
}

/* A rejection is the decision; an invitation's decision follows the interview. */
static void test_decision_by_stage(void)
{
	struct facts f;

	extract("Unfortunately we won't be taking things further. I'll be in touch next month "
		"about other roles.", at(2026, 3, 4, 10, 0), STAGE_REJECTION, &f);
	g_assert_cmpint(f.decision, ==, NUDGE_NOTIME);
	facts_clear(&f);
	extract("Your interview is confirmed for Tuesday 10 March at 10:00. If you need to "
		"reschedule, please contact your recruiter by Monday 9 March.",
		at(2026, 3, 4, 10, 0), STAGE_INVITATION, &f);
	g_assert_cmpint(f.decision, ==, NUDGE_NOTIME);
	g_assert_cmpint(f.interview, ==, at(2026, 3, 10, 10, 0));
	facts_clear(&f);
}

static void test_checkin(void)
{
	struct facts f;
	g_autofree char *s = NULL;

	extract("We are still meeting candidates. Feel free to check in next Wednesday.",
		at(2026, 3, 4, 10, 0), STAGE_PENDING, &f);
	s = day_str(f.decision);
	g_assert_cmpstr(s, ==, "2026-03-11 00:00");
	g_assert_true(f.decision_is_time);
	facts_clear(&f);

	extract("If you haven't heard from us by Friday, please feel free to reach out.",
		at(2026, 3, 4, 10, 0), STAGE_PENDING, &f);
	g_free(s);
	s = day_str(f.decision);
	g_assert_cmpstr(s, ==, "2026-03-06 00:00");
	g_assert_false(f.decision_is_time);
	facts_clear(&f);
}

static void check_interview(const char *body, gint64 date, const char *want)
{
	struct facts f;
	g_autofree char *got = NULL;

	extract(body, date, STAGE_INVITATION, &f);
	got = day_str(f.interview);
	if (strcmp(got, want) != 0)
		g_test_message("'%s': got %s, want %s", body, got, want);
	g_assert_cmpstr(got, ==, want);
	facts_clear(&f);
}

static void test_interview_text(void)
{
	gint64 mon = at(2026, 3, 2, 9, 0);

	/* An offset after UTC; a weekday picks the reading of 10/03; mail in
	 * French, German or Spanish writes the day first. */
	check_interview("When: Tuesday, March 10, 2026 2:00 PM-3:00 PM (UTC+01:00) Amsterdam, "
			"Berlin. Where: Microsoft Teams. Interview with Alex.", mon,
			"2026-03-10 14:00");
	check_interview("Interview details - Date: Tuesday 10/03/2026 - Time: 14:00 CET.", mon,
			"2026-03-10 14:00");
	check_interview("Your interview: 10 March at 9:00 GMT-5.", mon, "2026-03-10 15:00");
	check_interview("Nous vous confirmons votre entretien le 10/03 à 14h00.", mon,
			"2026-03-10 14:00");
	check_interview("Tu entrevista queda confirmada para el 10/03 a las 14 h.", mon,
			"2026-03-10 14:00");
	check_interview("Your interview is confirmed for 3/10 at 14:00.", mon, "2026-03-10 14:00");
	/* Zones named in words. */
	check_interview("Let's go with Thursday at 14:00 UK time then; we'll meet you at the "
			"interview.", mon, "2026-03-05 15:00");
	check_interview("¿Tienes un rato mañana a las 11 (hora de Ciudad de México) para una "
			"llamada?", mon, "2026-03-03 18:00");
	check_interview("Entretien jeudi à 11h (heure de Paris).", mon, "2026-03-05 11:00");
	/* Days offered to choose from, a span of days, the afternoon. */
	check_interview("Mögliche Termine für den Videocall: Montag, 9. März, 10:00 oder 14:00 Uhr - "
			"Dienstag, 10. März, ganztägig - Mittwoch, 11. März, bis 12 Uhr.", mon, "-");
	check_interview("Please grab a slot for the call; slots open this week (Tue-Thu, 9:00-16:00 "
			"CET).", mon, "-");
	check_interview("On pourrait se faire un appel ? Je suis dispo jeudi ou vendredi "
			"après-midi.", mon, "-");

	/* 10:00 EST is 16:00 in Berlin. */
	check_interview("We would like to invite you to an interview on Tuesday, March 3 at "
			"10:00 AM EST.", mon, "2026-03-03 16:00");
	check_interview("Can we schedule the call for 3/3 at 2pm?", mon, "2026-03-03 14:00");
	check_interview("Let's meet next Tuesday at 10.", mon, "2026-03-10 10:00");
	check_interview("Wir laden Sie zum Vorstellungsgespräch am 5. März um 14:30 Uhr ein.", mon,
			"2026-03-05 14:30");
	check_interview("Nous vous invitons à un entretien le 5 mars à 10h30.", mon,
			"2026-03-05 10:30");
	check_interview("Te invitamos a una entrevista el 5 de marzo a las 11:00.", mon,
			"2026-03-05 11:00");
	check_interview("We'd like to schedule an interview. Please send your availability.",
			mon, "-");
	/* Times said in words, a range whose start has no am/pm. */
	check_interview("Would Thursday the 5th at half past two work for a call with our "
			"hiring manager?", mon, "2026-03-05 14:30");
	check_interview("Das Vorstellungsgespräch findet am Donnerstag um halb drei statt.", mon,
			"2026-03-05 14:30");
	check_interview("Te proponemos una entrevista el jueves a las dos y media.", mon,
			"2026-03-05 14:30");
	check_interview("Your interview will take place on Thursday, 10-10:45am.", mon,
			"2026-03-05 10:00");
	check_interview("The interview takes about two hours; we will send the day later.", mon,
			"-");
}

/* An interview stated across clauses, and times in their many forms. */
static void test_interview_across(void)
{
	gint64 mon = at(2026, 3, 2, 9, 0);

	check_interview("We'd like to invite you to an interview on Tuesday, March 3. "
			"The call will start at 10:00.", mon, "2026-03-03 10:00");
	check_interview("Interviews will take place on Thursday 12 March; we have allocated you "
			"the 14:30 slot.", mon, "2026-03-12 14:30");
	check_interview("Your interview is confirmed for Tuesday the 10th at 9:30am.", mon,
			"2026-03-10 09:30");
	check_interview("Your interview: 10.03.2026, 14h", mon, "2026-03-10 14:00");
	check_interview("Wir laden Sie zum Vorstellungsgespräch am Dienstag, 17. März 2026 ein. "
			"Beginn ist um 14 Uhr.", mon, "2026-03-17 14:00");
	check_interview("Nous vous convions à un entretien le jeudi 19 mars. Le rendez-vous est "
			"fixé à 14h.", mon, "2026-03-19 14:00");
	check_interview("Nos gustaría invitarte a una entrevista el 18 de marzo. La reunión "
			"comenzará a las 16:00.", mon, "2026-03-18 16:00");
	check_interview("Phone interview on 2026-03-05 at 10:30 a.m.", mon, "2026-03-05 10:30");
	check_interview("Phone interview on March 5th at 2pm EST.", mon, "2026-03-05 20:00");
	check_interview("Interview on the 3rd of March at 10am.", mon, "2026-03-03 10:00");
	check_interview("We would like to interview you on 5 March at 10:00 or 14:00. Which "
			"suits you?", mon, "-");
	check_interview("Here are the details:\n\nDate: Thursday, 5 March 2026\nTime: 11:00 CET\n"
			"Location: Berlin office\n", mon, "2026-03-05 11:00");
	/* Zones whose offset depends on the day: 14:00 EDT is 19:00 in Berlin on
	 * 10 March (New York changed to summer time on 8 March, Berlin did not). */
	check_interview("Phone interview on March 10 at 2pm ET.", mon, "2026-03-10 19:00");
	check_interview("Phone interview on March 3 at 2pm ET.", mon, "2026-03-03 20:00");
	check_interview("Video call on March 10 at 11am Pacific Time.", mon, "2026-03-10 19:00");
	check_interview("Interview on 5 March, 10:00 - 11:00 CET.", mon, "2026-03-05 10:00");
	check_interview("Interview on March 5 from 2 to 3pm EST.", mon, "2026-03-05 20:00");
	check_interview("Entretien le 5 mars à 10h et 11h.", mon, "2026-03-05 10:00");
	check_interview("Te invitamos a una entrevista el 5 de marzo a las 10 de la mañana.", mon,
			"2026-03-05 10:00");
	check_interview("Einladung zum Gespräch am 5. März, 14.30 Uhr.", mon, "2026-03-05 14:30");
	check_interview("Interview tomorrow at noon.", mon, "2026-03-03 12:00");
	check_interview("Interview on Tuesday (March 10) at 10am.", mon, "2026-03-10 10:00");
	check_interview("We have scheduled your interview for 10:00 on Thursday, March 12.", mon,
			"2026-03-12 10:00");
	check_interview("Wir erwarten Sie zum Gespräch um 14 Uhr am Dienstag, 17. März.", mon,
			"2026-03-17 14:00");
	check_interview("Entretien à 14h le 19 mars.", mon, "2026-03-19 14:00");
	/* An interview that already took place is not the next one. */
	check_interview("Thanks for the interview on Monday, March 2 at 8:00. Could you send "
			"us your references?", at(2026, 3, 2, 12, 0), "-");
}

static void test_interview_ics(void)
{
	const char *ics =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//test//EN\r\n"
		"BEGIN:VEVENT\r\nUID:1@acme\r\nDTSTART:20260303T090000Z\r\n"
		"DTEND:20260303T100000Z\r\nSUMMARY:Interview\r\n"
		"ORGANIZER;CN=Jane Doe:mailto:jane@acme.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	struct fact_input in = { 0 };
	struct facts f;
	g_autofree char *s = NULL, *e = NULL;

	in.fresh = "See you then. The interview is on Friday at 4pm.";
	in.ics = ics;
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	s = day_str(f.interview);
	e = day_str(f.interview_end);
	g_assert_cmpstr(s, ==, "2026-03-03 10:00");
	g_assert_cmpstr(e, ==, "2026-03-03 11:00");
	g_assert_cmpstr(f.interviewer, ==, "Jane Doe");
	facts_clear(&f);
}

/* DTSTART with a TZID: from the calendar's VTIMEZONE, else libical's own. */
static void check_ics_tzid(const char *vtimezone)
{
	g_autofree char *ics = g_strdup_printf(
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n%s"
		"BEGIN:VEVENT\r\nUID:2@acme\r\n"
		"DTSTART;TZID=America/New_York:20260310T100000\r\n"
		"DURATION:PT45M\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		vtimezone);
	struct fact_input in = { 0 };
	struct facts f;
	g_autofree char *s = NULL, *e = NULL;

	in.ics = ics;
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	s = day_str(f.interview);
	e = day_str(f.interview_end);
	/* 10:00 in New York (EDT from 8 March) is 15:00 in Berlin (CET). */
	g_assert_cmpstr(s, ==, "2026-03-10 15:00");
	g_assert_cmpstr(e, ==, "2026-03-10 15:45");
	facts_clear(&f);
}

static void test_interview_ics_tzid(void)
{
	check_ics_tzid("");
	check_ics_tzid("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"
		       "BEGIN:DAYLIGHT\r\nDTSTART:20070311T020000\r\n"
		       "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\n"
		       "TZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT\r\n"
		       "BEGIN:STANDARD\r\nDTSTART:20071104T020000\r\n"
		       "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\n"
		       "TZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
}

/* An all-day event is the day itself. */
static void test_interview_ics_all_day(void)
{
	const char *ics =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
		"BEGIN:VEVENT\r\nUID:3@acme\r\nDTSTART;VALUE=DATE:20260305\r\n"
		"SUMMARY:Assessment day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	struct fact_input in = { 0 };
	struct facts f;
	g_autofree char *s = NULL;

	in.ics = ics;
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	s = day_str(f.interview);
	g_assert_cmpstr(s, ==, "2026-03-05 00:00");
	facts_clear(&f);
}

static void test_day_first(void)
{
	struct fact_input in = { 0 };
	struct facts f;
	g_autofree char *s = NULL;

	in.fresh = "We would like to confirm your interview on 4/3 at 10:00.";
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	in.day_first = true;
	facts_extract(&in, STAGE_INVITATION, &f);
	s = day_str(f.interview);
	g_assert_cmpstr(s, ==, "2026-03-04 10:00");
	facts_clear(&f);
}

static void check_company(const char *from_name, const char *from_addr, const char *body,
			  const char *want)
{
	struct fact_input in = { 0 };
	struct facts f;

	in.from_name = from_name;
	in.from_addr = from_addr;
	in.fresh = body;
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_NONE, &f);
	g_assert_cmpstr(f.company, ==, want);
	facts_clear(&f);
}

static void test_company(void)
{
	check_company("Acme Recruiting", "recruiting@acme.example", "Hi", "Acme");
	check_company("Jane Doe", "jane@globex.com", "Hi,\nthanks.\n", "Globex");
	check_company("Initech Hiring Team", "no-reply@greenhouse.io", "Hi", "Initech");
	check_company("Jane Doe", "no-reply@hire.lever.co",
		      "Thank you for your interest in Umbrella Labs.\n", "Umbrella Labs");
	check_company("Workday", "hooli@myworkday.com", "Hi", "Hooli");
	check_company("Jane Doe", "jane@gmail.com", "Regards,\nJane\nVandelay Industries GmbH\n",
		      "Vandelay Industries");
	check_company("Jane Doe", "jane@gmail.com", "Hi", NULL);
}

static void test_contact_position(void)
{
	struct fact_input in = { 0 };
	struct facts f;

	in.subject = "Re: Interview for Senior Data Analyst - Acme";
	in.from_name = "Acme Careers";
	in.from_addr = "no-reply@acme.example";
	in.reply_to_name = "Jane Doe";
	in.reply_to_addr = "jane.doe@acme.example";
	in.fresh = "You will be meeting with John Smith, our head of data.";
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	g_assert_cmpstr(f.contact_addr, ==, "jane.doe@acme.example");
	g_assert_cmpstr(f.contact_name, ==, "Jane Doe");
	g_assert_cmpstr(f.position, ==, "Senior Data Analyst");
	g_assert_cmpstr(f.interviewer, ==, "John Smith");
	g_assert_cmpstr(f.company, ==, "Acme");
	facts_clear(&f);

	memset(&in, 0, sizeof(in));
	in.subject = "Your application";
	in.from_name = "Acme";
	in.from_addr = "noreply@acme.example";
	in.fresh = "Thank you for applying for the Backend Engineer position at Acme.";
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_NONE, &f);
	g_assert_cmpstr(f.contact_addr, ==, "noreply@acme.example");
	g_assert_cmpstr(f.position, ==, "Backend Engineer");
	facts_clear(&f);
}

/* Letters and digits, lower case, accents dropped. */
static char *squash(const char *s)
{
	g_autofree char *ascii = s ? g_str_to_ascii(s, "C") : NULL;
	GString *o = g_string_new(NULL);

	for (s = ascii; s && *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (g_unichar_isalnum(c))
			g_string_append_unichar(o, g_unichar_tolower(c));
	}
	return g_string_free(o, FALSE);
}

/* The same company when one name starts the other ("T-Mobile USA"). */
static bool same_company(const char *a, const char *b)
{
	g_autofree char *x = squash(a);
	g_autofree char *y = squash(b);

	return *x && *y && (g_str_has_prefix(x, y) || g_str_has_prefix(y, x));
}

static char *ymd(gint64 t)
{
	g_autofree char *s = day_str(t);

	return t == NUDGE_NOTIME ? g_strdup("-") : g_strndup(s, 10);
}

struct score {
	int n, company, interview, decision, dates;
};

/* Facts of the labelled messages of dir against their labels. */
static bool measure(const char *dir, struct score *sc)
{
	g_autoptr(GPtrArray) labels = labels_load(dir);
	bool verbose = g_getenv("NUDGE_TEST_VERBOSE") != NULL;

	if (!labels)
		return false;
	for (guint i = 0; i < labels->len; i++) {
		struct label *l = labels->pdata[i];
		g_autofree char *path = g_build_filename(dir, l->file, NULL);
		g_autofree char *iv = NULL, *dd = NULL, *want_dd = NULL;
		struct fact_input in = { 0 };
		enum nudge_stage stage;
		struct facts f;
		struct nudge_msg *m;
		char *fresh, *quoted;
		const char *dl;

		if (l->outgoing || stage_parse(l->stage, &stage) < 0)
			continue;
		if (!(m = corpus_load(path)))
			continue;
		quote_split(m->text ? m->text : "", &fresh, &quoted);
		in.subject = m->subject;
		in.fresh = fresh;
		in.quoted = quoted;
		in.from_name = m->from_name;
		in.from_addr = m->from_addr;
		in.reply_to_name = m->reply_to_name;
		in.reply_to_addr = m->reply_to_addr;
		in.organization = m->organization;
		in.ics = m->ics;
		in.date = m->date;
		in.tz = berlin;
		facts_extract(&in, stage, &f);
		iv = ymd(f.interview);
		dd = ymd(stage == STAGE_OFFER ? f.offer_deadline : f.decision);
		/* An offer's answer deadline is in the note, written "offer
		 * deadline YYYY-MM-DD" by the first batches, "deadline
		 * YYYY-MM-DD" from batch 9 on, and after the language and a
		 * description ("[en] formal offer; deadline 2026-08-14 (Friday
		 * week)") from batch 14 on. */
		if (g_str_has_prefix(l->note, "offer deadline "))
			want_dd = g_strdup(l->note + 15);
		else if (g_str_has_prefix(l->note, "deadline "))
			want_dd = g_strdup(l->note + 9);
		else if ((dl = strstr(l->note, "; deadline ")) && strlen(dl) >= 21)
			want_dd = g_strndup(dl + 11, 10);
		else
			want_dd = g_strdup(l->decision);
		sc->n++;
		/* Only interview-related mail names the company in its labels. */
		if (strcmp(l->company, "-") == 0 || stage == STAGE_NONE ||
		    same_company(f.company, l->company))
			sc->company++;
		else if (verbose)
			g_print("# company %s: got '%s' want '%s'\n", l->file,
				f.company ? f.company : "-", l->company);
		if (strcmp(iv, l->interview) == 0)
			sc->interview++;
		else if (verbose)
			g_print("# interview %s: got %s want %s\n", l->file, iv, l->interview);
		if (strcmp(dd, want_dd) == 0)
			sc->decision++;
		else if (verbose)
			g_print("# decision %s: got %s want %s\n", l->file, dd, want_dd);
		facts_clear(&f);
		g_free(fresh);
		g_free(quoted);
		msg_free(m);
	}
	return true;
}

static void report(const char *name, const struct score *sc)
{
	g_print("# %s facts over %d messages: company %.3f, interview date %.3f, "
		"decision date %.3f\n", name, sc->n, (double)sc->company / sc->n,
		(double)sc->interview / sc->n, (double)sc->decision / sc->n);
}

static void test_corpus_real_dev(void)
{
	const char *d = g_getenv("NUDGE_DATADIR");
	g_autofree char *dir = g_build_filename(d ? d : NUDGE_DATADIR, "..", "shared", "corpus",
					       "real-dev", NULL);
	struct score sc = { 0 };

	if (!measure(dir, &sc) || !sc.n) {
		g_test_skip("no ../shared/corpus/real-dev");
		return;
	}
	report("real-dev", &sc);
	g_assert_cmpfloat((double)sc.company / sc.n, >=, 0.95);
	g_assert_cmpfloat((double)sc.interview / sc.n, >=, 0.95);
	g_assert_cmpfloat((double)sc.decision / sc.n, >=, 0.95);
}

static void test_corpus_labelled(void)
{
	const char *d = g_getenv("NUDGE_DATADIR");
	g_autofree char *dir = g_build_filename(d ? d : NUDGE_DATADIR, "tests", "corpus",
					       "labelled", NULL);
	struct score sc = { 0 };

	if (!measure(dir, &sc) || !sc.n) {
		g_test_skip("no tests/corpus/labelled");
		return;
	}
	report("labelled", &sc);
	/* Lowered from 0.95 when batch 9 came in (0.916 then, 0.934 after the
	 * client of an agency and leftovers such as "People Team" were
	 * handled): agencies that name their client only in passing, councils
	 * and universities known by a longer name than their mail domain.
	 * Lowered again to 0.90 when batch 10 came in (0.934 -> 0.905, no
	 * change to the company code): its labels often name the company with
	 * a word the mail domain lacks ("Groupe Valmont", "Banque Oriel",
	 * "Stiftung Lesewelt", "Hotel Mirador del Sur") and two agencies name
	 * their client only in the body.
	 * Lowered to 0.88 when batch 12 came in (0.865; 0.886 after a mail
	 * domain's reserved "example" label was skipped and a small firm's
	 * name on the last line of a webmail signature was read): agencies
	 * naming their client only in the subject or in passing (seven of
	 * its messages) and official names longer than any line of the mail
	 * ("Mairie de Vauclerc", "Centre Hospitalier de Montreval").
	 * Lowered to 0.86 when batch 13 came in unseen (0.870, and decision
	 * dates 0.947), until the next round has looked at it.
	 * Raised after the fifth round: company 0.870 -> 0.954 (a signature
	 * line that writes out the mail domain's name, an agency's client
	 * named in its subject, more legal forms), interview dates 0.994 ->
	 * 0.998, decision dates and offer deadlines 0.947 -> 0.992 (0.972 of
	 * it from reading an offer's deadline in a note written "deadline
	 * DATE", the rest from the date grammar and offers' answer phrasing).
	 * Batch 14 in unseen: company 0.933, interview dates 0.996, decision
	 * dates 0.979, until the next round has looked at it.
	 * Raised after the sixth round: company 0.933 -> 0.947 (the employer
	 * behind a booking tool, an agency's client named in a note without
	 * greeting or in the quoted question), interview dates 0.996 -> 0.998
	 * (a moved interview's new time, a clock time after " - "), decision
	 * dates and offer deadlines 0.979 -> 0.991 (11 of the 13 are batch
	 * 14's offer deadlines, which this measure missed in a note starting
	 * with its language; "tell you by Friday", "the day after" the 20th).
	 * Batch 15 in unseen: company 0.930, interview dates 0.997, decision
	 * dates 0.981, until the next round has looked at it. Batch 16 in
	 * unseen: company 0.925, interview dates 0.995 (0.9946), decision
	 * dates 0.973.
	 * Raised after the seventh round (worked from batch 15): company
	 * 0.930 -> 0.955 before batch 16 came in (a display name or signature
	 * of the firm and its team's words in four languages, a display name
	 * that spells a shortened mail domain, "uni-"/"hs-" written out in the
	 * mail's language, an agency's client named by its last word),
	 * interview dates 0.997 -> 0.998 (two days of one month, "10 till 1"),
	 * decision dates and offer deadlines 0.981 -> 0.985 ("the end of that
	 * week", "am Tag danach melde ich mich", a rough "not before
	 * mid-March" that borrows no date, "dinos algo antes del"); most
	 * decision misses left are everyday mail labelled none whose
	 * insurance, admission or club "decision by Friday" the stage, not
	 * this measure, sets aside. Merged with batch 16 in (which the round
	 * never read, and which alone did not move): company 0.925 -> 0.948,
	 * interview dates 0.995 -> 0.996, decision dates 0.973 -> 0.977.
	 * Raised after the eighth round (worked from batch 16): company 0.948
	 * -> 0.960 (a mail provider named by a word for mail, the phone's
	 * "Sent from" line, the boss an assistant signs for, "on behalf of" a
	 * person, "Ihr Team von", "Role, Firm, Town", asbl and Ltda., a client
	 * in a subject without case, a Reply-To's team, "at Harbour House",
	 * "RR. HH."),
	 * interview dates 0.996 -> 0.998 ("tmrw 8am", "in der Früh um
	 * sieben", a programme's times after "It has two parts:"), decision
	 * dates and offer deadlines 0.977 -> 0.981 ("be back in touch", "we
	 * should know by wed", "on revient vers toi", "a fines de mes",
	 * someone away "jusqu'à jeudi"). Batch 16 alone: company misses 15 ->
	 * 1, interview 3 -> 0, decision 14 -> 8 (the 8 left are everyday mail
	 * labelled none). */
	g_assert_cmpfloat((double)sc.company / sc.n, >=, 0.958);
	g_assert_cmpfloat((double)sc.interview / sc.n, >=, 0.997);
	g_assert_cmpfloat((double)sc.decision / sc.n, >=, 0.980);
}

/* Batch 11's families: one time chosen out of several offered, a time in
 * the next sentence with dots, a promise of "something concrete", praise of
 * "your answer" (no decision word), a date of its own over one borrowed from
 * the sentence before, and no decision date after a do-not-contact note. */
static void test_third_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */
	struct facts f;

	check_interview("Of the three slots you sent (Mon 9 March 4pm, Tue 10 March 11am, "
			"Thu 12 March 9am), Tuesday works best for Dana, so let's lock in "
			"Tuesday the 10th at 11:00 GMT.", wed, "2026-03-10 12:00");
	check_interview("Parmi vos disponibilités (mardi 10 mars à 14h, jeudi 12 mars à 9h30), "
			"on retient jeudi 12 mars à 9h30.", wed, "2026-03-12 09:30");
	check_interview("Dann halten wir Montag, 9.3., 10:00 fest; Dienstag und Mittwoch "
			"sind wieder frei.", wed, "2026-03-09 10:00");
	check_interview("The panel will sit on Monday 9 March 2026 at the Town Hall. Your "
			"allocated time is 11.40 to 12.25.", wed, "2026-03-09 11:40");
	check_decision("I'd expect us to have something concrete for you by the end of next "
		       "week.", wed, "2026-03-13 00:00");
	check_decision("Ich rechne damit, dass wir dir innerhalb der nächsten zehn Tage etwas "
		       "Verbindliches sagen können.", wed, "2026-03-14 00:00");
	check_decision("Sarah said your answer on pricing was great - but they have one more "
		       "person to see on Friday. They said they'd come back to me on Monday at "
		       "the latest.", wed, "2026-03-09 00:00");
	check_decision("Gracias por la entrevista del viernes. Nos quedan dos conversaciones y "
		       "después el equipo tomará una decisión. Te diremos algo antes del día 20.",
		       wed, "2026-03-20 00:00");
	check_decision("Sarah said your answer on pricing was great. They see one more person "
		       "on Friday.", wed, "-");
	extract("Please don't chase us for updates. If you haven't heard anything in four weeks, "
		"you can take it that we won't be progressing.", wed, STAGE_DO_NOT_CONTACT, &f);
	g_assert_cmpint(f.decision, ==, NUDGE_NOTIME);
	facts_clear(&f);
}

/* Batch 12's families: a promise "at the latest" over a committee's
 * meeting day, a decision sentence of its own over the panel's meeting, a
 * yes or no promised by a day, a call promised by a day. */
static void test_fourth_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	check_decision("Über Einstellungen entscheidet bei uns die Geschäftsführung, und die "
		       "trifft sich erst am kommenden Montag. Spätestens am Freitag, 13.03., "
		       "hören Sie von mir.", wed, "2026-03-13 00:00");
	check_decision("The board decides on new hires and only meets again next Monday. You'll "
		       "hear from me by Friday at the latest.", wed, "2026-03-06 00:00");
	check_decision("The interviewers are writing up feedback and the panel meets next week. "
		       "We expect to get back to you with a decision within two weeks.", wed,
		       "2026-03-18 00:00");
	check_decision("The panel meets on Thursday to compare notes, and I'll call you by Friday "
		       "either way.", wed, "2026-03-06 00:00");
	check_decision("HR told me they'll have a yes or no for both of you by Tuesday.", wed,
		       "2026-03-10 00:00");
	check_decision("The panel meets on Thursday and will decide then.", wed, "2026-03-05 00:00");
	/* A day kept in a reply takes its time from the mail it quotes; a
	 * time on another day is not it. */
	{
		static const char *const quoted[] = {
			"Monday the 9th at 9:30 is perfect, thank you.\n\nWould Monday 9 March "
			"at 9:30 suit?\n",
			"Tuesday 10 March at 14:00 would suit me.\n",
		};
		static const char *const want[] = { "2026-03-09 09:30", "-" };

		for (size_t i = 0; i < G_N_ELEMENTS(quoted); i++) {
			struct fact_input in = { 0 };
			struct facts f;
			g_autofree char *got = NULL;

			in.subject = "RE: Final interview";
			in.fresh = "Yes, that's fine - we'll keep Monday then. Parking is on site.";
			in.quoted = quoted[i];
			in.from_name = "Jane Doe";
			in.from_addr = "jane.doe@acme-corp.com";
			in.date = wed;
			in.tz = berlin;
			facts_extract(&in, STAGE_INVITATION, &f);
			got = day_str(f.interview);
			g_assert_cmpstr(got, ==, want[i]);
			facts_clear(&f);
		}
	}
	/* A small firm's name on the last line of a webmail signature, not a
	 * person's name under a closing; "example" in a domain is no firm. */
	check_company("Sam Adeyemi", "sam.adeyemi@gmail.com",
		      "Alex, I need two people who've seen you work.\n\nSam\nFeed Forward "
		      "Community Kitchen\n", "Feed Forward Community Kitchen");
	check_company("Begoña L.", "begona@gmail.com",
		      "Siento no traerte mejores noticias.\n\nBegoña\nHogar Soria - tienda "
		      "Plaza Aragón\n", "Hogar Soria");
	check_company("Maya Chen", "maya.chen@gmail.com",
		      "Thanks for your application.\n\nBest wishes\nMaya Chen\n", NULL);
	check_company("Nils Brockmann", "nils@elbkai-logistik.example.de",
		      "Kurze Rückmeldung zur Stelle.\n\nGruß\nNils\n", "Elbkai Logistik");
	check_decision("The panel meets on Thursday evening, and I will write to everyone with the "
		       "outcome by the end of next week at the latest.", wed, "2026-03-13 00:00");
}

/* An offer's answer deadline of body in a message dated date. */
static void check_deadline(const char *body, gint64 date, const char *want)
{
	struct facts f;
	g_autofree char *got = NULL;

	extract(body, date, STAGE_OFFER, &f);
	got = day_str(f.offer_deadline);
	if (strcmp(got, want) != 0)
		g_test_message("'%s': got %s, want %s", body, got, want);
	g_assert_cmpstr(got, ==, want);
	g_assert_cmpint(f.decision, ==, NUDGE_NOTIME);
	facts_clear(&f);
}

/* The interview of a reply fresh above the mail quoted, on Wednesday 4
 * March 2026. */
static void check_reply(const char *fresh, const char *quoted, const char *want)
{
	struct fact_input in = { 0 };
	struct facts f;
	g_autofree char *got = NULL;

	in.subject = "Re: Interview";
	in.fresh = fresh;
	in.quoted = quoted;
	in.from_name = "Jane Doe";
	in.from_addr = "jane.doe@acme-corp.com";
	in.date = at(2026, 3, 4, 10, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	got = day_str(f.interview);
	if (strcmp(got, want) != 0)
		g_test_message("'%s': got %s, want %s", fresh, got, want);
	g_assert_cmpstr(got, ==, want);
	facts_clear(&f);
}

/* A reschedule in a reply: "same time" in four languages takes the hour
 * of the quoted invitation; without those words no hour is made up. */
static void test_same_time(void)
{
	static const char *const quoted = "Your interview is on Monday 9 March at 14:30.\n";

	check_reply("No problem - let's move it to Thursday 12 March, same time.", quoted,
			"2026-03-12 14:30");
	check_reply("Kein Problem, dann Donnerstag, 12. März, zur gleichen Uhrzeit.", quoted,
			"2026-03-12 14:30");
	check_reply("Pas de souci : jeudi 12 mars, à la même heure.", quoted,
			"2026-03-12 14:30");
	check_reply("Sin problema: el jueves 12 de marzo a la misma hora.", quoted,
			"2026-03-12 14:30");
	check_reply("No problem - let's move it to Thursday 12 March.", quoted, "-");
}

/* Batch 13's families: a time with a dot before its day or in brackets
 * after it, "around 4", a time limit nearest the promise in a German
 * sentence that names other weeks first, "du hörst von mir", "expect
 * something from me", a weekday with a bare day number; and offers whose
 * answer is asked for in many ways, with start dates and a signing bonus
 * kept apart from the deadline. */
static void test_fifth_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	check_interview("Alex - could you manage 10.45 tomorrow? Zoom, link to follow.", wed,
			"2026-03-05 10:45");
	check_interview("Of course - we can move you to Tuesday 10th instead, same time (14.30).",
			wed, "2026-03-10 14:30");
	check_interview("Pop in Saturday around 3 and do a trial shift with us.", wed,
			"2026-03-07 15:00");
	check_interview("¿Te viene bien el jueves a las cinco de la tarde para la entrevista?", wed,
			"2026-03-05 17:00");
	/* Coffee for 3.50 on Friday is no time of a call. */
	check_interview("The call is on Friday; coffee there costs 3.50.", wed, "-");
	check_decision("Wir sprechen in dieser und der nächsten Woche noch mit zwei Personen und "
		       "wollen Ihnen bis Ende der KW 12 Bescheid geben.", wed, "2026-03-20 00:00");
	check_decision("Die Chefin ist bis Dienstag weg; du hörst spätestens am Donnerstag, 12.3., "
		       "von mir.", wed, "2026-03-12 00:00");
	check_decision("We owe one more person a chat next week. Expect something from me the "
		       "Monday after, the 16th.", wed, "2026-03-16 00:00");
	check_decision("La dirección lo ve el lunes; te diremos algo como muy tarde el miércoles 18.",
		       wed, "2026-03-18 00:00");
	check_decision("Nous rencontrons encore deux personnes et vous donnerons une réponse "
		       "vendredi 13.", wed, "2026-03-13 00:00");
	check_deadline("Start date: April 1, 2026. This offer is open through 3/13/2026.", wed,
		       "2026-03-13 00:00");
	check_deadline("I am delighted to confirm that we would like to appoint you from 1 May "
		       "2026. Please reply within 7 days of this email.", wed, "2026-03-11 00:00");
	check_deadline("Wir freuen uns auf Ihre Entscheidung bis zum 16. März.", wed,
		       "2026-03-16 00:00");
	check_deadline("Te incorporarías el 1 de abril. ¿Me dices algo antes del viernes?", wed,
		       "2026-03-06 00:00");
	check_deadline("Si te encaja, fírmala y devuélvemela antes del lunes 9 de marzo.", wed,
		       "2026-03-09 00:00");
	check_deadline("Ils aimeraient avoir votre retour d'ici le 12 mars.", wed,
		       "2026-03-12 00:00");
	check_deadline("They want you. I need a yes or no from you by Thursday.", wed,
		       "2026-03-05 00:00");
	check_deadline("We have added a signing bonus, paid on your first day, 1 April. We'd like "
		       "to hear from you within a week.", wed, "2026-03-11 00:00");
	check_deadline("Nous attendons votre réponse ; la prise de poste est prévue le 2 avril.",
		       wed, "-");
	/* A meeting gone by, named by its weekday, and the job's first day are
	 * not the interview; the interview starting is. */
	check_interview("Thanks for your call on Monday at 3pm. We'd like to invite you to an "
			"interview - could you send us some times?", wed, "-");
	check_interview("Nach unserem Telefonat am Montag möchten wir Sie am Donnerstag um 10 Uhr "
			"zum Gespräch einladen.", wed, "2026-03-05 10:00");
	check_interview("Gracias por la llamada del lunes. ¿Te va bien el 12 a las 10:30 para la "
			"entrevista?", wed, "2026-03-12 10:30");
	check_interview("Est-ce que le 12 à 10h30 vous conviendrait pour l'entretien ?", wed,
			"2026-03-12 10:30");
	check_interview("We'd love you to interview with us. The role itself starts on Monday 6 "
			"April at 9:00.", wed, "-");
	check_interview("The interview starts on Monday at 10:00 sharp.", wed, "2026-03-09 10:00");
	check_interview("We have you down for 10.30 on the 12th.", wed, "2026-03-12 10:30");
	/* Two hours offered before the day: none chosen yet. */
	check_interview("For the interview, could you do either 10am or 2pm on Tuesday?", wed, "-");
	check_interview("For the interview, how about 10am on Tuesday?", wed, "2026-03-10 10:00");
	check_deadline("Following our chat on Friday, we've improved the package. We'd like to hear "
		       "from you within a week.", wed, "2026-03-11 00:00");
	/* When to give up hope is no decision date, whatever the stage (a
	 * do-not-contact note's words); an invitation to check in is one. */
	check_decision("If you haven't heard from us within three weeks, please take it that we "
		       "won't be going further.", wed, "-");
	check_decision("Sollten Sie binnen drei Wochen nichts von uns hören, gehen Sie bitte davon "
		       "aus, dass wir uns anders entschieden haben.", wed, "-");
	check_decision("Sans nouvelles de notre part d'ici trois semaines, vous pourrez considérer "
		       "que votre candidature n'est pas retenue.", wed, "-");
	check_decision("Si no tienes noticias nuestras en tres semanas, entiende que no seguimos "
		       "adelante.", wed, "-");
	check_decision("If you haven't heard from us by Friday, feel free to check in.", wed,
		       "2026-03-06 00:00");
	/* The candidate's own deadline is no decision date. */
	check_decision("Kindly return the completed form by Friday so that the panel can decide.",
		       wed, "-");
	check_decision("Bitte senden Sie uns die Unterlagen bis Montag; danach entscheiden wir.", wed,
		       "-");
	check_decision("Merci de nous retourner le questionnaire avant lundi, nous déciderons "
		       "ensuite.", wed, "-");
	check_decision("Por favor, envía el caso práctico antes del lunes y luego decidimos.", wed,
		       "-");
	check_decision("Please bear with us; we will decide by Friday.", wed, "2026-03-06 00:00");
	check_decision("Te contestaremos antes de fin de mes.", wed, "2026-03-31 00:00");
	check_decision("All applicants will be notified by the 20th.", wed, "2026-03-20 00:00");
	check_decision("We hope to make an offer by the 20th.", wed, "2026-03-20 00:00");
	check_decision("Je te redis ça vendredi, promis.", wed, "2026-03-06 00:00");
	check_decision("Te escribimos el viernes como muy tarde.", wed, "2026-03-06 00:00");
	check_decision("Te cuento el lunes cómo ha ido.", wed, "2026-03-09 00:00");
	/* A confirmation of a booking and "te cuento" that only opens the
	 * news are no promise. */
	check_decision("Te confirmamos tu cita el lunes a las 19:30.", wed, "-");
	check_decision("Te cuento: nos vemos el jueves.", wed, "-");
	check_decision("We expect to make our decision in the week of 16 March.", wed,
		       "2026-03-20 00:00");
	check_decision("Die Entscheidung fällt in der Woche vom 16. März.", wed, "2026-03-20 00:00");
}

/* The employer's name as its signature writes it when the mail domain
 * shortens it, joins its words or spells its umlauts out; a job title
 * before it; a team's name before it; the writer's own name is not it. */
static void test_company_in_signature(void)
{
	check_company("Priya Nair", "p.nair@hallam.ac.uk",
		      "We would like to see you on Monday.\n\nKind regards,\nPriya Nair\n"
		      "HR Officer\nUniversity of Hallam\n", "University of Hallam");
	check_company("Personal", "personal@hs-birkenau.example.de",
		      "Wir laden Sie ein.\n\nMit freundlichen Grüßen\nSachgebiet Personal\n"
		      "Hochschule Birkenau\n", "Hochschule Birkenau");
	check_company("Marta Gil", "marta@casadelrio.example.es",
		      "Te esperamos.\n\nMarta\nHotel Casa del Río\n", "Hotel Casa del Río");
	check_company("Tom Field", "tom@fieldandfern.co.uk",
		      "Could you come in on Friday?\n\nTom Field\nField & Fern Landscapes\n",
		      "Field & Fern Landscapes");
	check_company("Ben", "ben@werkstatt-roessler.example.de",
		      "Wir haben uns anders entschieden.\n\nBen\nWerkstatt Rössler\n",
		      "Werkstatt Rössler");
	check_company("Bäcker & Söhne", "jobs@baecker-soehne.example.de",
		      "Danke für Ihre Bewerbung.\n\nFreundliche Grüße\nBäcker & Söhne\n",
		      "Bäcker & Söhne");
	check_company("Sam Okoro", "sam.okoro@mail.dunmore.gov.uk",
		      "Your offer letter is attached.\n\nKind regards,\nSam Okoro\n"
		      "HR Adviser, Dunmore District Council\n", "Dunmore District Council");
	check_company("Lucía Pardo", "lucia@frutasribera.example.es",
		      "Te esperamos el jueves.\n\nUn saludo,\nLucía Pardo\n"
		      "Equipo de Selección de Frutas Ribera\n", "Frutas Ribera");
	check_company("Inés Roca", "ines.roca@pinar.example.es",
		      "Gracias.\n\nUn saludo,\nInés Roca\nRecursos Humanos · Grupo Pinar\n",
		      "Grupo Pinar");
	check_company("Stadtwerke Rheinau", "personal@sw-rheinau.example.de",
		      "Vielen Dank.\n\nFreundliche Grüße\nStadtwerke Rheinau – Personalservice\n",
		      "Stadtwerke Rheinau");
	check_company("Dana Cole", "dana.cole@nta.example.org",
		      "Your interview is confirmed.\n\nKind regards\nDana\nNorthgate Transit "
		      "Authority\n", "Northgate Transit Authority");
	/* A team's display name gives way to the signature's fuller name of
	 * the same firm, but not to the team's own line. */
	check_company("Tarnby Council Recruitment", "recruitment@tarnby.gov.example.uk",
		      "Please bring photo ID.\n\nRecruitment Team\nTarnby Borough Council\n",
		      "Tarnby Borough Council");
	check_company("The Quill Recruiting Team", "jobs@quill.example",
		      "Thanks for applying.\n\nThe Quill Recruiting Team\n", "Quill");
	/* More legal forms; a job title before a university's name; a team
	 * called "Recruitment" is nobody's name. */
	check_company("Joost Bakker", "j.bakker@veldhuis-bloemen.nl",
		      "Kind regards\nJoost Bakker\nHR Advisor\nVeldhuis Bloemen B.V.\n",
		      "Veldhuis Bloemen");
	check_company("Pflegedienstleitung", "pdl@stift-am-see.example.de",
		      "Mit freundlichen Grüßen\nPflegedienstleitung\nStift am See gGmbH\n",
		      "Stift am See");
	check_company("Carla Moss", "c.moss@thornley.example",
		      "Regards,\nCarla Moss\nRecruitment Officer, Thornley University\n",
		      "Thornley University");
	check_company("Recruitment Team", "recruitment@eastfold.gov.uk",
		      "Yours sincerely,\nRecruitment Team\nEastfold Borough Council\n",
		      "Eastfold Borough Council");
	/* Without a team's words or an article before it. */
	check_company("Ada Cole", "ada@mirrowbank.example",
		      "See you then.\n\nAda\nMirrow Bank Early Careers Team\n", "Mirrow Bank");
	check_company("Quillon Jobs", "jobs@quillon.example",
		      "Vielen Dank!\n\nIhr Quillon Recruiting Team\n", "Quillon");
	/* A person signing from her own address is not the firm; a sentence
	 * naming the place is no signature line. */
	check_company("Marta Ferrand", "marta@ferrand.example",
		      "Thanks for the reminder.\n\nBest,\nMarta Ferrand\n", "Ferrand");
	check_company("Jo Reyes", "jo.reyes@hallam.ac.uk",
		      "Thanks for applying to the University of Hallam.\n\nBest,\nJo\n", "Hallam");
}

/* The company of a message from an agency, named in its subject. */
static void check_agency(const char *subject, const char *from_name, const char *from_addr,
			 const char *body, const char *want)
{
	struct fact_input in = { 0 };
	struct facts f;

	in.subject = subject;
	in.from_name = from_name;
	in.from_addr = from_addr;
	in.fresh = body;
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_PENDING, &f);
	g_assert_cmpstr(f.company, ==, want);
	facts_clear(&f);
}

/* An agency's mail is about its client, whom its subject names and its
 * text mentions; a job title, a greeting's name or an employer whose
 * domain says "research" are not that. */
static void test_company_agency(void)
{
	check_agency("Update on Harbourline Freight", "Kim Ode", "kim@ridgeway-recruitment.example",
		     "Hi Alex,\nHarbourline loved the case study.\n\nKim\n", "Harbourline Freight");
	check_agency("Zwischenstand Kranwerk Rostock", "Jens Ohm", "jens@elbe-personal.example.de",
		     "Hallo Alex,\nKranwerk ist angetan, will aber noch warten.\n\nJens\n",
		     "Kranwerk Rostock");
	check_agency("Mission Banque Sorel", "Léa Roux", "lea@atlas-freelance.example.fr",
		     "Bonjour Alex,\nBanque Sorel vous retient pour la mission.\n\nLéa\n",
		     "Banque Sorel");
	check_agency("Novedades de Cerámicas Duna", "Ana Gil", "ana@talento-sur.example.es",
		     "Hola Alex:\nCerámicas Duna me confirma que sigues en el proceso.\n\nAna\n",
		     "Cerámicas Duna");
	check_agency("Action needed: your screening", "ScreenFast on behalf of Orla Wind",
		     "noreply@screenfast.example.com", "Hello Alex,\nPlease complete the form.\n",
		     "Orla Wind");
	check_agency("Update - Cloud Engineer role", "Kim Ode", "kim@ridgeway-recruitment.example",
		     "Hi Alex,\nMy client gave feedback on the Cloud Engineer role.\n\nKim\n",
		     "Ridgeway Recruitment");
	check_agency("Alex - quick one", "Kim Ode", "kim@ridgeway-recruitment.example",
		     "Alex,\nstill waiting to hear.\n\nKim\n", "Ridgeway Recruitment");
	check_agency("Falcon team interview", "Acme Research Recruiting",
		     "jobs@acmeresearch.com", "Hi Alex,\nFalcon is our new team.\n", "Acme Research");
}

/* The company of a message a tool sends for a person (From the tool,
 * Reply-To the person). */
static char *tool_company(const char *from_name, const char *from_addr, const char *reply_name,
			  const char *reply_addr, const char *subject, const char *body)
{
	struct fact_input in = { 0 };
	struct facts f;
	char *c;

	in.subject = subject;
	in.from_name = from_name;
	in.from_addr = from_addr;
	in.reply_to_name = reply_name;
	in.reply_to_addr = reply_addr;
	in.fresh = body;
	in.date = at(2026, 3, 4, 10, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_INVITATION, &f);
	c = g_strdup(f.company ? f.company : "-");
	facts_clear(&f);
	return c;
}

static void check_tool_company(const char *from_name, const char *from_addr,
			       const char *reply_name, const char *reply_addr, const char *subject,
			       const char *body, const char *want)
{
	g_autofree char *got = tool_company(from_name, from_addr, reply_name, reply_addr, subject,
					    body);

	g_assert_cmpstr(got, ==, want);
}

/* Batch 14's families, each said the way other writers would say it: a
 * moved interview's new time, a clock time after a separator, a decision
 * "the day after" a date, "tell you by", and the employer behind a
 * booking or calendar tool; with look-alikes that must keep their old
 * reading. */
static void test_sixth_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);	/* Wednesday 4 March 2026 */

	/* A moved interview: the new time, in four languages. */
	check_interview("Previous time: Tue 10 Mar 2026, 10:00 CET\nNew time: Thu 12 Mar 2026, "
			"14:00 CET", wed, "2026-03-12 14:00");
	check_interview("Your interview has been moved from Tuesday 10 March at 10:00 to "
			"Thursday 12 March at 14:00.", wed, "2026-03-12 14:00");
	check_interview("Rescheduled: your interview on Tue 10 March 10:00 is now on Thu 12 March "
			"14:00.", wed, "2026-03-12 14:00");
	check_interview("Ihr Gespräch wurde auf Donnerstag, 12. März, 14:00 Uhr verschoben "
			"(bisher Dienstag, 10. März, 10:00 Uhr).", wed, "2026-03-12 14:00");
	check_interview("Votre entretien du mardi 10 mars à 10h est déplacé au jeudi 12 mars à "
			"14h.", wed, "2026-03-12 14:00");
	check_interview("Tu entrevista del martes 10 de marzo a las 10:00 se ha cambiado al "
			"jueves 12 de marzo a las 14:00.", wed, "2026-03-12 14:00");
	check_interview("Nueva fecha: jueves 12 de marzo, 14:00. Fecha anterior: martes 10 de "
			"marzo, 10:00.", wed, "2026-03-12 14:00");
	/* "a new time" offered, not given: the interview's own time. */
	check_interview("If you need a new time, just reply. Your interview: Tue 10 March 10:00.",
			wed, "2026-03-10 10:00");
	check_interview("Should you need to change it, pick a new slot in the portal. We look "
			"forward to meeting you on Tuesday 10 March at 10:00.", wed,
			"2026-03-10 10:00");

	/* A clock time after " - " and its zone in words. */
	check_interview("When: Tue, Mar 10, 2026 - 14:00 - 14:45 (Central European Time - "
			"Berlin)", wed, "2026-03-10 14:00");
	check_interview("Interview: Thursday 12 March | 9:30 | video call", wed,
			"2026-03-12 09:30");

	/* A decision the day after a date written before it. */
	check_decision("They're seeing one more person on the 20th and said they'll make the "
		       "call the day after.", wed, "2026-03-21 00:00");
	check_decision("Last interview is on the 20th, decision the following day.", wed,
		       "2026-03-21 00:00");
	check_decision("Am 20. März führen wir das letzte Gespräch, die Entscheidung fällt am "
		       "Tag danach.", wed, "2026-03-21 00:00");
	check_decision("Le dernier entretien a lieu le 20 mars, nous vous donnerons notre "
		       "décision le lendemain.", wed, "2026-03-21 00:00");
	check_decision("Queda una entrevista el día 20 y te daremos una respuesta al día "
		       "siguiente.", wed, "2026-03-21 00:00");
	/* With no date before it, "the day after" is none. */
	check_decision("We'll decide the day after.", wed, "-");

	/* "tell you by": the writer's promise; "tell us by" asks the reader. */
	check_decision("Still with the panel, sorry! Should be able to tell you by Friday.", wed,
		       "2026-03-06 00:00");
	check_decision("Can you tell us by Friday whether Tuesday works?", wed, "-");

	/* "give us till", "allow us until": a promise, not a window. */
	check_decision("Allow us until next Wednesday to come back to you.", wed,
		       "2026-03-11 00:00");
	check_decision("We're interviewing until next Wednesday.", wed, "-");
	/* A later limit in the decision sentence wins over a first date that
	 * is none. */
	check_decision("We'll decide after the last interviews on 12 March, so by the 13th.",
		       wed, "2026-03-13 00:00");
	check_decision("Wir entscheiden nach den letzten Gesprächen am 12. März, also bis zum "
		       "13. März.", wed, "2026-03-13 00:00");
	check_decision("We'll decide by the 13th, after the interviews on the 16th for the "
		       "other team.", wed, "2026-03-13 00:00");
	/* An offer that stands until a day. */
	check_deadline("The offer stands until 20 March.", wed, "2026-03-20 00:00");
	check_deadline("Das Angebot gilt bis 20. März.", wed, "2026-03-20 00:00");
	check_deadline("La oferta se mantiene hasta el 20 de marzo.", wed, "2026-03-20 00:00");
	check_deadline("Our office stands on 20 Market Street.", wed, "-");

	/* The employer behind a booking or calendar tool. */
	check_tool_company("Slotwise", "bookings@slotwise.example", "Hannah Roe",
			   "hannah.roe@brightmoor.example", "Booked: Alex and Hannah",
			   "What: Intro conversation - Analytics Lead (Brightmoor Analytics)\n",
			   "Brightmoor Analytics");
	check_tool_company("Interviewly", "no-reply@interviewly.example", "Anneke Visser",
			   "anneke.visser@sorrelrobotics.example",
			   "Rescheduled: Technical interview with Sorrel Robotics",
			   "Your interview has been rescheduled.\n", "Sorrel Robotics");
	check_tool_company("Ravi Chandran (via Calendar)", "calendar-notification@meetly.example",
			   "Ravi Chandran", "ravi.chandran@lumenpay.example", "Invitation: chat",
			   "Ravi Chandran has invited you.\n", "Lumenpay");
	/* The firm's own no-reply address, its recruiter beside it: the firm. */
	check_tool_company("Acme Careers", "no-reply@acme.example", "Jane Doe",
			   "jane.doe@acme.example", "Interview", "See you then.\n", "Acme");
	/* A recruiter's answers going to a mail provider: still the firm. */
	check_tool_company("Acme Careers", "no-reply@acme.example", "Jane Doe",
			   "jane.doe@gmail.com", "Interview", "See you then.\n", "Acme");
}

/* A short yes above the proposal: the day it names, or the only time
 * proposed, takes its time from the quote; a no, or a yes to one of two
 * times without naming it, takes none. */
static void test_quoted_yes(void)
{
	const char *two = "On Tue, Jane wrote:\n> Could you do Thursday 5 March at 14:00 or "
		"Friday 6 March at 10:00?\n";
	const char *one = "> We'd like to invite you to an interview on Thursday 5 March at "
		"14:00.\n";

	check_reply("Thursday works perfectly, thanks!", two, "2026-03-05 14:00");
	check_reply("Friday suits me best.", two, "2026-03-06 10:00");
	check_reply("Great, see you Thursday then.", two, "2026-03-05 14:00");
	check_reply("Donnerstag passt mir gut.", two, "2026-03-05 14:00");
	check_reply("Jeudi me convient parfaitement.", two, "2026-03-05 14:00");
	check_reply("El jueves me va perfecto.", two, "2026-03-05 14:00");
	check_reply("Te esperamos el jueves 12.",
		    "> Te proponemos el jueves 12 de marzo a las 11:00.\n", "2026-03-12 11:00");
	check_reply("See you then!", one, "2026-03-05 14:00");
	check_reply("Thanks, that works.", one, "2026-03-05 14:00");
	check_reply("Ça marche, merci.", one, "2026-03-05 14:00");
	/* No, or which of two is not said. */
	check_reply("Thanks, I'm not available on Thursday.", two, "-");
	check_reply("Thursday doesn't work for me, sorry.", two, "-");
	check_reply("Leider passt mir Donnerstag nicht.", two, "-");
	check_reply("Thanks, that works.", two, "-");
	/* A time gone by in the quote is no interview to come. */
	check_reply("See you then!", "> The call is on Monday 2 March at 9:00.\n", "-");
}

/* The company of an agency's mail. */
static void check_agency_client(const char *from_addr, const char *subject, const char *fresh,
			 const char *quoted, const char *want)
{
	struct fact_input in = { 0 };
	struct facts f;

	in.subject = subject;
	in.from_name = "Sam Lee";
	in.from_addr = from_addr;
	in.fresh = fresh;
	in.quoted = quoted;
	in.date = at(2026, 3, 4, 10, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_PENDING, &f);
	g_assert_cmpstr(f.company ? f.company : "-", ==, want);
	facts_clear(&f);
}

/* An agency's client named in the subject: confirmed by a note without
 * a greeting, or by the mail quoted below a reply; an agency called
 * "... People"; a subject line copied into the quote confirms nothing. */
static void test_agency_client(void)
{
	check_agency_client("leon@grafttalent.example", "Re: Maplethorpe",
		     "Spoke to Maplethorpe this morning. They'll decide by Friday.\n\nL\n", NULL,
		     "Maplethorpe");
	check_agency_client("sunita@brindleypeople.example", "Re: Vantor update?",
		     "Hi Alex,\nI've chased Vantor twice now.\nSunita\n", NULL, "Vantor");
	check_agency_client("declan@kestrelsearch.example", "Re: Castellan Foods - any news?",
		     "Nothing yet, sorry - chasing today.\n",
		     "> Hi Declan, any word from Castellan Foods since Tuesday?\n", "Castellan Foods");
	check_agency_client("s.carstens@nordpersonal.example", "AW: Stand Brauerei Holsten",
		     "Noch nichts Neues, ich melde mich.\n",
		     "> Hallo Herr Carstens, gibt es Neuigkeiten von der Brauerei Holsten?\n",
		     "Brauerei Holsten");
	/* Only the copied subject line names it: the agency's own name. */
	check_agency_client("antoine@talentsouest.example", "RE: Point Biscuiterie Lemarie",
		     "Pas encore de retour, je relance.\n",
		     "> Objet : Point Biscuiterie Lemarie\n> Bonjour, des nouvelles ?\n",
		     "Talentsouest");
	/* Not a reply: the quote is no confirmation. */
	check_agency_client("declan@kestrelsearch.example", "Castellan Foods - any news?",
		     "Nothing yet, sorry.\n", "> Castellan Foods said Friday.\n", "Kestrelsearch");
}

/* The text's spelling of the mail domain's name, only when it is exactly
 * that name; a subject's reference number is no client. */
static void test_company_spelling(void)
{
	check_company("Jobs", "jobs@wideworldimporters.example",
		      "Thank you for applying to Wide World Importers.\n", "Wide World Importers");
	check_company("Recrutement", "recrutement@mairie-valcourt.example",
		      "La Mairie de Valcourt vous remercie de votre candidature.\n",
		      "Mairie de Valcourt");
	check_company("Team", "team@pelhamrowe.example", "Best wishes from all at Pelham & Rowe\n",
		      "Pelham & Rowe");
	/* A word more than the domain's name: the domain's. */
	check_company("Jobs", "jobs@lindqvist.example", "Elin Lindqvist will call you.\n",
		      "Lindqvist");
	check_company("Jobs", "jobs@helvetra.example", "Re: Vertragsangebot Helvetra\n", "Helvetra");
	check_agency_client("no-reply@talentgrid.example", "Application status update - REQ-4471",
			    "Position: Data Engineer II (REQ-4471)\n", NULL, "Talentgrid");
}

/* Batch 15's families in four languages, on Wednesday 4 March 2026: the
 * interview day in one sentence and the arrival time in the next, a visit
 * over two days, two bare hours of a working day; a committee's meeting and
 * "the end of that week"; "the day after" just before the promise; a rough
 * lower bound ("not before mid-March", "nicht vor Juli") that is no date and
 * borrows none; an offer's answer asked for as "dinos algo", "sag mir",
 * "dis-moi", "tell us"; beside everyday sentences with the same words. */
static void test_seventh_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);

	check_interview("Join us for the assessment day on Thursday 12 March 2026. Please "
			"arrive by 08:45; we finish at about 16:30.", wed, "2026-03-12 08:45");
	check_interview("Wir erwarten Sie am Donnerstag, 12. März 2026, im Haus B. Bitte seien "
			"Sie um 8:45 Uhr am Empfang.", wed, "2026-03-12 08:45");
	check_interview("Nous vous attendons le jeudi 12 mars au siège. Merci d'arriver pour "
			"8h45.", wed, "2026-03-12 08:45");
	check_interview("Te esperamos el jueves 12 de marzo en la oficina. Por favor, llega a "
			"las 8:45.", wed, "2026-03-12 08:45");
	check_interview("Could you come in on Friday, 10 till 1? Lunch is on us.", wed,
			"2026-03-06 10:00");
	check_interview("Kannst du am Freitag von 10 bis 13 Uhr zum Probearbeiten kommen?", wed,
			"2026-03-06 10:00");
	check_interview("Pourriez-vous venir vendredi de 10 à 13 h pour une matinée d'essai ?",
			wed, "2026-03-06 10:00");
	check_interview("¿Puedes venir el viernes de 10 a 13 h a una jornada de prueba?", wed,
			"2026-03-06 10:00");
	check_interview("Please keep 16 and 17 March free for the visit; the panel interview is "
			"on the second morning at 10.", wed, "2026-03-16 10:00");
	check_interview("Bitte halten Sie sich den 16. und 17. März frei; das Gespräch ist am "
			"zweiten Tag um 10 Uhr.", wed, "2026-03-16 10:00");
	check_interview("Merci de réserver les 16 et 17 mars ; l'entretien avec le jury a lieu "
			"le second jour à 10 h.", wed, "2026-03-16 10:00");
	check_interview("Reserva los días 16 y 17 de marzo; la entrevista con el tribunal es el "
			"segundo día a las 10:00.", wed, "2026-03-16 10:00");
	check_interview("Der Termin ist am 12. März ab 13:00 Uhr im Senatssaal.", wed,
			"2026-03-12 13:00");
	check_interview("L'audition aura lieu le jeudi 12 mars à partir de 14h.", wed,
			"2026-03-12 14:00");
	check_interview("La prueba será el jueves 12 de marzo a partir de las 10:00.", wed,
			"2026-03-12 10:00");
	/* A count is no time. */
	check_interview("On Friday 10 to 12 people join the call.", wed, "-");

	check_decision("The search committee meets on Tuesday 10 March to draw up the shortlist, "
		       "and we expect to write to all applicants by the end of that week.", wed,
		       "2026-03-13 00:00");
	check_decision("Die Kommission tagt am 10. März; Ende jener Woche melden wir uns bei "
		       "allen.", wed, "2026-03-13 00:00");
	check_decision("Le comité se réunit le 10 mars et vous aurez notre réponse à la fin de "
		       "cette semaine-là.", wed, "2026-03-13 00:00");
	check_decision("El comité se reúne el 10 de marzo y te daremos una respuesta a finales "
		       "de esa semana.", wed, "2026-03-13 00:00");
	check_decision("We will let you know by the end of that week.", wed, "-");
	check_decision("Die nächste Sitzung ist am 19.3., am Tag danach melde ich mich bei dir.",
		       wed, "2026-03-20 00:00");
	check_decision("La commission se réunit le 19 mars, le lendemain je vous recontacte.",
		       wed, "2026-03-20 00:00");
	check_decision("El comité se reúne el 19 de marzo y al día siguiente te escribimos.",
		       wed, "2026-03-20 00:00");
	check_decision("The board meets on 19 March, the day after I'll be in touch.", wed,
		       "2026-03-20 00:00");
	check_decision("We have interviews on 19 March and on the 25th the panel sits, then we "
		       "decide.", wed, "2026-03-19 00:00");

	check_decision("We are still interviewing and won't be able to make a recommendation "
		       "before mid-March.", wed, "-");
	check_decision("Die Kommission tagt am 12. März erneut. Danach holen wir Gutachten ein, "
		       "mit einer Entscheidung ist nicht vor Mai zu rechnen.", wed, "-");
	check_decision("Le jury se réunit le 12 mars. Nous ne prendrons pas de décision avant "
		       "la mi-avril.", wed, "-");
	check_decision("El tribunal se reúne el 12 de marzo. No habrá una decisión antes de "
		       "mediados de abril.", wed, "-");
	check_decision("Don't worry, we'll decide before the 20th.", wed, "2026-03-20 00:00");
	check_decision("We don't expect to make a decision before the end of the month.", wed,
		       "2026-03-31 00:00");
	check_decision("It was not easy. We will decide before mid-March.", wed,
		       "2026-03-15 00:00");

	check_deadline("Nos encantaría contar contigo. Dinos algo antes del 9 de marzo, por "
		       "favor.", wed, "2026-03-09 00:00");
	check_deadline("Wir würden dich gern an Bord holen. Sag mir bis Freitag, ob du dabei "
		       "bist.", wed, "2026-03-06 00:00");
	check_deadline("On serait ravis de t'accueillir. Dis-moi d'ici vendredi si ça te va.",
		       wed, "2026-03-06 00:00");
	check_deadline("We'd love to have you on the team. Just tell us by Monday.", wed,
		       "2026-03-09 00:00");
	check_deadline("We'd love to have you. Tell us about your notice period; the team meets "
		       "on Monday.", wed, "-");
	check_deadline("Wir möchten dir die Stelle anbieten. Bitte melde dich innerhalb einer "
		       "Woche, ob du annimmst.", wed, "2026-03-11 00:00");
	check_deadline("Nous souhaitons vous proposer le poste. Merci de revenir vers nous d'ici "
		       "vendredi.", wed, "2026-03-06 00:00");
	check_deadline("Queremos ofrecerte el puesto. Confírmanos antes del viernes si aceptas.",
		       wed, "2026-03-06 00:00");
	check_deadline("Du kannst am 1. April anfangen, melde dich gern bei Fragen.", wed, "-");
}

/* Batch 15's company families: a display name of the firm and its team's
 * words in any of the four languages ("Personalamt", "Berufungen",
 * "Referat Personal", "Talents", "RH", "RRHH"), a signature's firm after
 * its team's words ("Personalabteilung der ...", "L'équipe Recrutement
 * du ..."), a display name that spells a shortened mail domain ("Caisse
 * Fluviale Orme" for cf-orme, "Hospital San Telmo" for hsantelmo) when it
 * is nobody's own name, "for" inside a name; beside persons and job titles. */
/* The company of a mail sent by a tool for an employer in its Reply-To. */
static void check_reply_to_company(const char *from_name, const char *from_addr,
				   const char *rt_name, const char *rt_addr, const char *want)
{
	struct fact_input in = { 0 };
	struct facts f;

	in.from_name = from_name;
	in.from_addr = from_addr;
	in.reply_to_name = rt_name;
	in.reply_to_addr = rt_addr;
	in.fresh = "Please enter two referees in the portal.";
	in.date = at(2026, 3, 2, 9, 0);
	in.tz = berlin;
	facts_extract(&in, STAGE_REFERENCES, &f);
	g_assert_cmpstr(f.company, ==, want);
	facts_clear(&f);
}

/* The eighth round, from batch 16's chatty recruiters, short notes and
 * programmes of a selection day (Wednesday 4 March 2026). */
static void test_eighth_round(void)
{
	gint64 wed = at(2026, 3, 4, 10, 0);

	/* "be back in touch" and "ping you" promise news like "be in touch". */
	check_decision("The debrief moved to Monday, so I'll be back in touch early next week.",
		       wed, "2026-03-10 00:00");
	check_decision("two more chats on monday, then i'll ping you by thu", wed,
		       "2026-03-05 00:00");
	/* "we should know by", "wir wissen ... bis", "on saura", "sabremos". */
	check_decision("the panel sits on monday and we should know by wed", wed,
		       "2026-03-11 00:00");
	check_decision("Nach dem letzten Gespräch wissen wir bis Freitag mehr.", wed,
		       "2026-03-06 00:00");
	check_decision("On saura d'ici vendredi, je te tiens au courant.", wed, "2026-03-06 00:00");
	check_decision("Sabremos algo el viernes, te aviso apenas pueda.", wed, "2026-03-06 00:00");
	check_decision("I would know the office anywhere; it was lovely to meet you.", wed, "-");
	/* The present tense of "revenir vers", the first person of "avisar". */
	check_decision("On revient vers toi d'ici lundi, promis.", wed, "2026-03-09 00:00");
	check_decision("Le comento a Laura y te aviso el viernes.", wed, "2026-03-06 00:00");
	/* Someone away until a day is a window, not the promise; an answer
	 * not before a day still is one. */
	check_decision("La décision revient à notre directrice, en mission jusqu'à jeudi. Je "
		       "pense pouvoir vous donner une réponse en fin de semaine prochaine.", wed,
		       "2026-03-13 00:00");
	check_decision("Die Leiterin ist im Urlaub bis zum 13. März, eine Rückmeldung bekommen "
		       "Sie danach.", wed, "-");
	check_decision("La directora está de vacaciones hasta el lunes; la decisión la "
		       "tomaremos después.", wed, "-");
	check_decision("No tendremos una respuesta hasta el viernes.", wed, "2026-03-06 00:00");
	check_decision("Nous n'aurons pas de réponse jusqu'à vendredi.", wed, "2026-03-06 00:00");
	/* A day, then a sentence that announces its programme, then the times. */
	check_interview("The selection morning is on Wednesday 11 March. It has two parts:\n\n"
			"Part one (9.30 - 10.30): a written exercise.", wed, "2026-03-11 09:30");
	check_interview("Der Auswahltag ist am Mittwoch, 11. März. Der Ablauf:\n"
			"Teil 1 (9.30 - 10.30 Uhr): schriftliche Aufgabe.", wed,
			"2026-03-11 09:30");
	check_interview("La matinée de sélection aura lieu le mercredi 11 mars. Le programme :\n"
			"Première partie (9 h 30 - 10 h 30) : exercice écrit.", wed,
			"2026-03-11 09:30");
	check_interview("La jornada será el miércoles 11 de marzo. El programa:\n"
			"Primera parte (9:30 - 10:30): ejercicio escrito.", wed,
			"2026-03-11 09:30");
	check_interview("The selection morning is on Wednesday 11 March. Please note:\n\n"
			"Bring your passport.\n\nParking opens at 8.", wed, "-");
	/* Short notes from the trades. */
	check_interview("can u do tmrw 8am? site office at the yard", wed, "2026-03-05 08:00");
	check_interview("Schau doch am Donnerstag in der Früh um sieben bei uns vorbei.", wed,
			"2026-03-05 07:00");
	check_interview("Pásate por la obra el jueves en la mañana a las 8.", wed,
			"2026-03-05 08:00");

	/* A mail provider named by a word for mail is nobody's firm; the
	 * signature above the phone's line is. */
	check_company("Dan Pruett", "danpruett77@mailbox.example",
		      "Can you come by Friday?\n\nDan\nPruett Roofing\n\nSent from my iPhone",
		      "Pruett Roofing");
	check_company("Lena Hofer", "lena.hofer@email.example",
		      "Komm am Montag vorbei.\n\nLena\nTischlerei Hofer\n\nVon meinem iPhone gesendet",
		      "Tischlerei Hofer");
	check_company("Marc Dufour", "mdufour@courriel.example",
		      "Passe lundi au dépôt.\n\nMarc\nTransports Dufour\n\nEnvoyé de mon iPhone",
		      "Transports Dufour");
	check_company("Pilar Vidal", "pilarvidal@correo.example",
		      "Pásate el lunes.\n\nPilar\nPinturas Vidal\n\nEnviado desde mi móvil",
		      "Pinturas Vidal");
	check_company("Ana Mail", "ana@mailchimp-rivals.example", "Thanks!", "Mailchimp Rivals");
	/* The boss an assistant writes for is no company, nor is the person
	 * "on behalf of" whom they write. */
	check_company("Theo Marsh", "theo.marsh@brackenfold.example",
		      "Does that time work?\n\nBest wishes,\nTheo Marsh\n"
		      "Executive Assistant to Ruth Kell, Chief Executive\nBrackenfold",
		      "Brackenfold");
	check_company("Iris Lund", "iris.lund@orvane-tx.example",
		      "Thanks,\nIris Lund\nExecutive Assistant to Dr Omar Said, CSO\n"
		      "Orvane Therapeutics", "Orvane Therapeutics");
	check_company("Iris Lund", "iris.lund@orvane-tx.example",
		      "I am writing on behalf of Dr Omar Said, our Chief Scientific Officer.\n\n"
		      "Kind regards,\nIris Lund\nPA to the CSO, Orvane Therapeutics",
		      "Orvane Therapeutics");
	check_company("Nora Gut", "nora.gut@alpwerk.example",
		      "Im Auftrag von Dr. Urs Frei, Leiter Produktion, melde ich mich bei Ihnen."
		      "\n\nFreundliche Grüsse\nNora Gut\nAssistentin Leitung Produktion\n"
		      "Alpwerk Pharma AG, Basel", "Alpwerk Pharma");
	check_company("Jo Reed", "jo.reed@talentbridge-recruitment.example",
		      "I am writing on behalf of Halden Energy, my client, about the role.",
		      "Halden Energy");
	/* A team "von", "from" its firm, as "de" and "of" already were. */
	check_company("Lindwurm e.V. Bewerbungen", "bewerbung@lindwurm-ev.example",
		      "Wir melden uns.\n\nMit freundlichen Grüßen\nIhr Team von Lindwurm e.V.",
		      "Lindwurm");
	check_company("Alderway Careers", "jobs@alderway.example",
		      "Thanks,\n\nYour team from Alderway Ltd", "Alderway");
	/* "Role, Firm, Town", with the legal forms of Belgian and Latin
	 * American firms and associations. */
	check_company("Claire Dumont", "c.dumont@pontlevis-sf.example",
		      "Bien à vous,\nClaire Dumont\n"
		      "Responsable RH, Pont-Levis Sans Frontières asbl, Namur",
		      "Pont-Levis Sans Frontières");
	check_company("Juan Pérez", "jperez@tandinos.example",
		      "Saludos,\nJuan Pérez\nJefe de Selección, Transportes Andinos Ltda., Bogotá",
		      "Transportes Andinos");
	check_company("Ann Lee", "ann.lee@westbury.example",
		      "Best,\nAnn Lee\nHR Adviser, Faculty of Law, Westbury", "Westbury");
	/* An agency's client in a subject written without case, named so in
	 * the text too; short everyday words in such a subject are none. */
	check_agency_client("becca@thorne-search.example", "copperleaf",
			    "copperleaf are taking their time, will let you know\n", NULL,
			    "Copperleaf");
	check_agency_client("leo@levelup-recruit.example", "BRAMBLEWICK OFFER!!!",
			    "bramblewick want you :) formal offer just came thru\n", NULL,
			    "Bramblewick");
	check_agency_client("jonas@nordpersonal.example", "neuigkeiten hafenwerke",
			    "hi Alex\ndie hafenwerke melden sich nächste woche\n", NULL, "Hafenwerke");
	check_agency_client("kevin@morel-conseil.example", "nouvelles lumineaux",
			    "salut Alex\nlumineaux hésite encore, je te tiens au jus\n", NULL, "Lumineaux");
	check_agency_client("pablo@talento-sur.example", "novedades ferrandina",
			    "hola Alex\nferrandina decide el viernes, te aviso\n", NULL, "Ferrandina");
	check_agency_client("danny@ironbark-consulting.example", "THEY WANT YOU",
			    "They want you. Day rate agreed.\n", NULL, "Ironbark Consulting");
	check_agency_client("greta@nordwise-recruit.example", "any news?",
			    "No news yet, still waiting on any word.\n", NULL, "Nordwise Recruit");
	check_agency_client("greta@nordwise-recruit.example", "sorry!!",
			    "sorry for the silence, no news\n", NULL, "Nordwise Recruit");
	/* "RR. HH.", Spain's written-out "RRHH", is a team's word too. */
	check_company("Fundación Olmo Verde - RR. HH.", "rrhh@olmoverde.example",
		      "Gracias por participar.\n\nDepartamento de Recursos Humanos\n"
		      "Fundación Olmo Verde, Madrid", "Fundación Olmo Verde");
	check_company("Fundación Olmo Verde - RR.HH.", "rrhh@olmoverde.example",
		      "Gracias.", "Fundación Olmo Verde");
	/* A building the interview was at is no firm; a firm is. */
	check_company("People & Culture", "people@fenmouth-port.example",
		      "Thank you for attending the second interview at Harbour House on 8 "
		      "October.\n\nYours sincerely,\n\nEileen Crowe\nPeople & Culture Manager\n"
		      "Port of Fenmouth Authority", "Port of Fenmouth Authority");
	check_company("Eileen Crowe", "eileen@gmail.com",
		      "Thank you for your interest in the role at Harbour Holdings.",
		      "Harbour Holdings");
	/* A vendor writing from a no-reply address for an employer whose team
	 * is the Reply-To's display name, its domain shortened; a person's
	 * name there, or a team's words before the firm's, leave the
	 * domain's name. */
	check_reply_to_company("RefPoint", "donotreply@refpoint.example", "Beacon International HR",
			       "hr@beacon-intl.example", "Beacon International");
	check_reply_to_company("RefPoint", "donotreply@refpoint.example",
			       "Recursos Humanos Grupo Almadén", "rrhh@almaden-grupo.example",
			       "Almaden Grupo");
	check_reply_to_company("RefPoint", "donotreply@refpoint.example", "Mara Quint",
			       "mara@beacon-intl.example", "Beacon Intl");
}

static void test_company_seventh(void)
{
	check_company("Stadt Weidenau Personalamt", "personalamt@weidenau.example", "Hallo",
		      "Stadt Weidenau");
	check_company("Hochschule Lerchental Berufungen", "berufungen@hs-lerchental.example",
		      "Hallo", "Hochschule Lerchental");
	check_company("Landesamt für Karten Referat Personal", "personal@lfk.example", "Hallo",
		      "Landesamt für Karten");
	check_company("Banque Ormeau Talents", "talents@ormeau.example", "Bonjour",
		      "Banque Ormeau");
	check_company("Atelier Ribaud RH", "rh@atelier-ribaud.example", "Bonjour",
		      "Atelier Ribaud");
	check_company("Tornillos Ebro RRHH", "rrhh@tornillos-ebro.example", "Hola",
		      "Tornillos Ebro");
	check_company("Jana Berg", "jana.berg@gmail.com",
		      "Viele Grüße\nJana Berg\nPersonalabteilung der Kranich Werke AG\n",
		      "Kranich Werke");
	check_company("Groupe Ravel Recrutement", "recrutement@ravel.example",
		      "Cordialement,\nL'équipe Recrutement du Groupe Ravel\n", "Groupe Ravel");
	check_company("Caisse Fluviale Orme", "ne-pas-repondre@cf-orme.example", "Bonjour",
		      "Caisse Fluviale Orme");
	check_company("Unidad de Selección - Hospital San Telmo", "seleccion@hsantelmo.example",
		      "Hola", "Hospital San Telmo");
	check_company("Lars Morrow", "lars@morrow-design.example", "Hi", "Morrow Design");
	check_company("Tamara Kessel", "t.kessel@kessel-bau.example", "Hallo", "Kessel Bau");
	check_company("Ines Haro", "ines@haro.example", "Hola", "Haro");
	check_company("Dr Ann Vale", "a.vale@coastal-inst.example",
		      "Best,\nAnn\n--\nDr Ann Vale\nInstitute for Coastal Studies\n",
		      "Institute for Coastal Studies");
	check_company("Corin Amos", "c.amos@gmail.com",
		      "Best regards,\nCorin Amos\nResponsable RH\n", NULL);
	check_company("Brackwell Internships", "internships@brackwell.example", "Hi", "Brackwell");
	/* A university's or college's short form in its mail domain, in the
	 * mail's language; other short first parts stay as they are. */
	check_company("Prof. Anna Roth", "roth@uni-lindholm.example",
		      "Sehr geehrte Frau Example,\nwir danken Ihnen für die Bewerbung und melden uns "
		      "mit einer Entscheidung.\n", "Universität Lindholm");
	check_company("Dr Mark Hale", "m.hale@uni-lindholm.example",
		      "Dear Alex,\nthank you for your visit and for the talk you gave to the panel.\n",
		      "University of Lindholm");
	check_company("Departamento de Física", "fisica@uni-lindholm.example",
		      "Estimada Alex:\nle informamos de que la comisión ha propuesto a otra persona "
		      "para la plaza y le agradecemos su participación en el concurso.\n",
		      "Universidad de Lindholm");
	check_company("Pr Anne Morel", "a.morel@univ-lindholm.example",
		      "Madame,\nnous vous remercions pour votre audition et nous vous écrirons avec "
		      "la décision du comité.\n", "Université de Lindholm");
	check_company("Prof. Jan Ott", "ott@fh-lindholm.example", "Hallo", "Fachhochschule Lindholm");
	check_company("Kim Lee", "kim@ab-lindholm.example", "Hi", "Ab Lindholm");
	/* A domain of the name and a team word ("ravel-recrutement"), the
	 * name's words in another order ("cityofkelby"). */
	check_company("Recrutement Groupe Ravel", "ne-pas-repondre@ravel-recrutement.example",
		      "Bonjour", "Groupe Ravel");
	check_company("Empleo Grupo Tajo", "no-responder@tajo-empleo.example", "Hola", "Grupo Tajo");
	check_company("Kelby City Council", "recruitment@cityofkelby.example", "Hello",
		      "Kelby City Council");
	check_company("Wren Learning Trust", "hr@wrentrust.example", "Hello", "Wren Learning Trust");
	check_company("Oscar Wren", "oscar@wrentrust.example", "Hello", "Wrentrust");

	/* An agency's client named in its subject with a word before its
	 * name, the text naming it by its last word alone; a French
	 * "cabinet" is an agency; a subject of a pronoun and nouns is none. */
	check_agency("Farmacias Lucero - cómo va", "Rocío Gil", "rocio@talentia-rrhh.example",
		     "Hola Alex:\nLucero sigue entrevistando esta semana.\n\nRocío\n",
		     "Farmacias Lucero");
	check_agency("Hotel Brisamar - feedback", "Tom Ash", "tom@ash-recruitment.example",
		     "Hi Alex,\nBrisamar liked you a lot.\n\nTom\n", "Hotel Brisamar");
	check_agency("Stadtwerke Auental - Zwischenstand", "Jens Ohm", "jens@elbe-personal.example",
		     "Hallo Alex,\nAuental braucht noch eine Woche.\n\nJens\n", "Stadtwerke Auental");
	check_agency("Orvane - références", "Margaux Roy", "m.roy@cabinet-roy.example",
		     "Bonjour Alex,\nOrvane souhaite aller plus loin.\n\nMargaux\n", "Orvane");
	check_agency("Eingangsbestätigung Ihrer Unterlagen", "Assistenz Lohm",
		     "bewerbung@lohm-personal.example",
		     "Guten Tag,\nwir haben Ihre Unterlagen erhalten.\n", "Lohm Personal");
}

int main(int argc, char **argv)
{
	int rc;

	g_test_init(&argc, &argv, NULL);
	g_mime_init();
	berlin = g_time_zone_new_identifier("Europe/Berlin");
	g_assert_nonnull(berlin);
	g_test_add_func("/facts/worked-examples", test_worked_examples);
	g_test_add_func("/facts/decision", test_decision_phrases);
	g_test_add_func("/facts/decision-relative", test_decision_relative);
	g_test_add_func("/facts/decision-grammar", test_decision_grammar);
	g_test_add_func("/facts/decision-not-dates", test_decision_not_dates);
	g_test_add_func("/facts/decision-by-stage", test_decision_by_stage);
	g_test_add_func("/facts/third-round", test_third_round);
	g_test_add_func("/facts/fourth-round", test_fourth_round);
	g_test_add_func("/facts/fifth-round", test_fifth_round);
	g_test_add_func("/facts/same-time", test_same_time);
	g_test_add_func("/facts/company-in-signature", test_company_in_signature);
	g_test_add_func("/facts/company-agency", test_company_agency);
	g_test_add_func("/facts/checkin", test_checkin);
	g_test_add_func("/facts/interview-text", test_interview_text);
	g_test_add_func("/facts/interview-across", test_interview_across);
	g_test_add_func("/facts/interview-ics", test_interview_ics);
	g_test_add_func("/facts/interview-ics-all-day", test_interview_ics_all_day);
	g_test_add_func("/facts/interview-ics-tzid", test_interview_ics_tzid);
	g_test_add_func("/facts/day-first", test_day_first);
	g_test_add_func("/facts/company", test_company);
	g_test_add_func("/facts/contact-position", test_contact_position);
	g_test_add_func("/facts/corpus-real-dev", test_corpus_real_dev);
	g_test_add_func("/facts/sixth-round", test_sixth_round);
	g_test_add_func("/facts/seventh-round", test_seventh_round);
	g_test_add_func("/facts/company-seventh", test_company_seventh);
	g_test_add_func("/facts/eighth-round", test_eighth_round);
	g_test_add_func("/facts/quoted-yes", test_quoted_yes);
	g_test_add_func("/facts/agency-client", test_agency_client);
	g_test_add_func("/facts/company-spelling", test_company_spelling);
	g_test_add_func("/facts/corpus-labelled", test_corpus_labelled);
	rc = g_test_run();
	g_time_zone_unref(berlin);
	g_mime_shutdown();
	return rc;
}
