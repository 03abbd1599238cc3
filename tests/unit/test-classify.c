/* The classifier: rule loading, every stage in four languages, hard
 * negatives, and precision/recall on the labelled corpora. */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "classify.h"
#include "corpus.h"
#include "rules.h"
#include "text.h"

static struct rules *rules;

static const char *datadir(void)
{
	const char *d = g_getenv("NUDGE_DATADIR");

	return d ? d : NUDGE_DATADIR;
}

static enum nudge_stage stage_of(const char *subject, const char *body, bool outgoing)
{
	struct classify_input in = { subject, NULL, NULL, outgoing };
	struct classify_result r;
	char *fresh, *quoted;

	quote_split(body, &fresh, &quoted);
	in.fresh = fresh;
	in.quoted = quoted;
	classify(rules, &in, &r);
	g_free(fresh);
	g_free(quoted);
	return r.stage;
}

struct example {
	const char *stage;
	const char *subject;
	const char *body;
};

/* Each stage as employers write it, in English, German, French, Spanish. */
static const struct example examples[] = {
	{ "invitation", "Interview invitation - Data Analyst",
	  "Dear Alex,\n\nThank you for your application. We would like to invite you to an interview "
	  "for the Data Analyst position. Would Tuesday, March 3 at 10:00 AM EST work for you?\n\nBest,\nJane" },
	{ "invitation", "Next steps",
	  "Hi Alex, the team enjoyed your application and we'd love to set up a 30 minute phone "
	  "screen. What is your availability next week?\nThanks, Sam" },
	{ "invitation", "Einladung zum Vorstellungsgespräch",
	  "Sehr geehrte Frau Example,\n\nvielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu "
	  "einem Vorstellungsgespräch am 3. März um 10 Uhr in unser Büro einladen.\n\nMit freundlichen Grüßen" },
	{ "invitation", "Invitation à un entretien",
	  "Bonjour Alex,\n\nNous avons le plaisir de vous inviter à un entretien pour le poste de "
	  "développeur. Seriez-vous disponible mardi prochain à 10h ?\n\nCordialement" },
	{ "invitation", "Invitación a entrevista",
	  "Hola Alex,\n\nNos gustaría invitarte a una entrevista para el puesto de analista. "
	  "¿Tienes disponibilidad el próximo martes a las 10:00?\n\nSaludos" },
	{ "pending", "Update on your application",
	  "Hi Alex,\n\nThank you for your patience. We are still interviewing other candidates and "
	  "have not yet made a final decision. We hope to decide by the 20th.\n\nBest, Jane" },
	{ "pending", "Ihre Bewerbung",
	  "Hallo Alex,\n\nwir führen derzeit noch Gespräche mit weiteren Kandidaten und haben noch "
	  "keine Entscheidung getroffen. Wir melden uns bis Ende nächster Woche bei Ihnen.\n\nGrüße" },
	{ "pending", "Votre candidature",
	  "Bonjour,\n\nNous n'avons pas encore pris de décision et nous rencontrons encore d'autres "
	  "candidats. Nous reviendrons vers vous d'ici vendredi.\n\nCordialement" },
	{ "pending", "Tu candidatura",
	  "Hola,\n\nTodavía estamos entrevistando a otros candidatos y aún no hemos tomado una "
	  "decisión. Te daremos una respuesta antes del viernes.\n\nSaludos" },
	{ "references", "References",
	  "Hi Alex,\n\nWe enjoyed meeting you. Could you please send us the names and contact "
	  "details of two professional references?\n\nThanks, Jane" },
	{ "references", "Referenzen",
	  "Hallo Alex,\n\nkönnten Sie uns bitte zwei Referenzen mit Kontaktdaten nennen?\n\nGrüße" },
	{ "references", "Références",
	  "Bonjour,\n\npourriez-vous nous transmettre les coordonnées de deux références "
	  "professionnelles ?\n\nCordialement" },
	{ "references", "Referencias",
	  "Hola,\n\n¿podrías enviarnos los datos de contacto de dos referencias profesionales?\n\nSaludos" },
	{ "rejection", "Your application",
	  "Dear Alex,\n\nThank you for your interest. After careful consideration, we have decided to "
	  "move forward with other candidates whose experience more closely matches our needs.\n\n"
	  "We wish you the best in your job search." },
	{ "rejection", "Ihre Bewerbung",
	  "Sehr geehrter Herr Example,\n\nleider müssen wir Ihnen mitteilen, dass wir uns für einen "
	  "anderen Kandidaten entschieden haben.\n\nWir wünschen Ihnen alles Gute." },
	{ "rejection", "Votre candidature",
	  "Bonjour,\n\nNous sommes au regret de vous informer que votre candidature n'a pas été "
	  "retenue.\n\nNous vous souhaitons une bonne continuation." },
	{ "rejection", "Tu candidatura",
	  "Hola,\n\nLamentamos informarte que hemos decidido continuar con otros candidatos cuyo "
	  "perfil se ajusta mejor.\n\nTe deseamos mucho éxito." },
	{ "offer", "Offer",
	  "Hi Alex,\n\nWe are delighted to offer you the position of Data Analyst. Your offer letter "
	  "is attached; please let us know by 23 Mar.\n\nCongratulations!" },
	{ "offer", "Vertragsangebot",
	  "Hallo Alex,\n\nwir freuen uns, Ihnen die Stelle als Data Analyst anbieten zu können. "
	  "Anbei finden Sie Ihr Vertragsangebot.\n\nGrüße" },
	{ "offer", "Proposition d'embauche",
	  "Bonjour,\n\nNous avons le plaisir de vous proposer le poste d'analyste. Vous trouverez "
	  "ci-joint votre promesse d'embauche.\n\nCordialement" },
	{ "offer", "Oferta de empleo",
	  "Hola,\n\nNos complace ofrecerte el puesto de analista. Adjuntamos la oferta de trabajo.\n\nSaludos" },
	{ "do-not-contact", "Your application",
	  "Thank you for applying. Due to the volume of applications, we will only contact "
	  "shortlisted candidates. Please do not call or email the office.\n" },
	{ "do-not-contact", "Ihre Bewerbung",
	  "Vielen Dank. Bitte sehen Sie von telefonischen Nachfragen ab. Wir melden uns nur bei "
	  "Kandidaten, die in die engere Auswahl kommen.\n" },
	{ "do-not-contact", "Votre candidature",
	  "Merci. Seuls les candidats retenus seront contactés. Merci de ne pas nous appeler.\n" },
	{ "do-not-contact", "Tu candidatura",
	  "Gracias. Solo nos pondremos en contacto con los candidatos seleccionados. Por favor, no "
	  "llames a la oficina.\n" },
	/* Hard negatives. */
	{ "none", "10 new jobs for you",
	  "Job alert: Data Analyst at Acme. Apply now! Interview tips inside. Unsubscribe.\n" },
	{ "none", "Acing your next interview",
	  "Our weekly digest: 10 common interview questions and how to answer them. We are "
	  "delighted to offer you 20% off our course. Unsubscribe\n" },
	{ "none", "Podcast interview request",
	  "Hi! We would like to invite you to an interview for our podcast episode on data.\n" },
	{ "none", "Paper 123 decision",
	  "Dear author, we regret to inform you that your paper was not accepted to the "
	  "conference. The reviewers' comments are below.\n" },
	{ "none", "Exclusive offer for you",
	  "We are happy to offer you a pre-approved credit card with 0% APR. Limited time offer!\n" },
	{ "none", "Application received",
	  "Thank you for applying. We have received your application and our team will review it. "
	  "If your qualifications match our needs, we will contact you to schedule an interview.\n" },
	{ "none", "Automatic reply: Interview",
	  "I am out of the office until Monday with limited access to email.\n" },
	{ "none", "Lunch?",
	  "Hey, want to grab lunch on Friday at noon? Let me know.\n" },
	{ "none", "User research study",
	  "We'd love to schedule a 30 minute user interview to hear about your experience. "
	  "Participants receive a $50 gift card.\n" },
};

/* Each incoming example gets its stage; the failures are listed first. */
static void check_examples(const struct example *ex, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		enum nudge_stage got = stage_of(ex[i].subject, ex[i].body, false);

		if (strcmp(stage_name(got), ex[i].stage) != 0) {
			g_test_message("example %zu (%s): got %s", i, ex[i].subject,
				       stage_name(got));
			bad++;
		}
	}
	g_assert_cmpint(bad, ==, 0);
}

static void test_examples(void)
{
	check_examples(examples, G_N_ELEMENTS(examples));
}

/* The third round's phrase families (written from batch 11's misses, in
 * words of our own): each stage in four languages, and everyday mail that
 * says the same words and must stay none. */
static const struct example third_round[] = {
	{ "invitation", "Re: our chat",
	  "Hi Alex,\n\nGreat talking yesterday. Are you free to grab lunch with the two of "
	  "us on Friday the 14th at 12:30?\n\nMaya\nco-founder, Tallow Labs\n" },
	{ "invitation", "Pairing",
	  "Hi Alex,\n\nThe next step from here is a half-day pairing session with two of "
	  "our developers at our Bristol office. Bring a laptop.\n\nTom\n" },
	{ "invitation", "Invitation: Technical conversation with Alex @ Wed 3 Jun 2026 2pm",
	  "You have been invited to the following event.\n\nSystem design interview - Alex "
	  "Example\nWhen: Wednesday 3 Jun 2026 2pm - 3pm\n\nGoing? Yes - Maybe - No\n" },
	{ "invitation", "AW: Termin",
	  "Hallo Alex,\n\nsuper, dann halten wir Donnerstag, 11.06., 14:00 fest. Melden "
	  "Sie sich bitte am Empfang und fragen Sie nach mir.\n\nGrüße\nJana Wolf\n" },
	{ "invitation", "Einladung: Fachgespräch Data Engineering",
	  "Sie wurden zu folgendem Termin eingeladen.\n\nFachgespräch Data "
	  "Engineering\nWann: Dienstag, 9. Juni 2026 10:00 - 11:00\n\nAnnehmen - "
	  "Vielleicht - Ablehnen\n" },
	{ "invitation", "Ton dossier",
	  "Salut Alex,\n\nOn a adoré ton portfolio. Ça te dirait de venir passer une "
	  "matinée avec l'équipe produit jeudi prochain ?\n\nClaire\n" },
	{ "invitation", "RE: Poste de comptable",
	  "Bonjour,\n\nC'est noté pour mardi 12 mai à 14h. Vous serez accueillie par Mme "
	  "Perrin. Merci de vous présenter à l'accueil muni d'une pièce "
	  "d'identité.\n\nCordialement,\nService RH\n" },
	{ "invitation", "RE: Entrevista",
	  "Hola Alex:\n\nPerfecto, quedamos entonces el jueves a las 10:00. Te recibirá "
	  "Marta, nuestra responsable de selección. Pregunta por mí en recepción.\n\nUn "
	  "saludo\n" },
	{ "pending", "Re: checking in",
	  "Hi Alex,\n\nHaven't forgotten you! Our CEO needs to sign off on this and she's "
	  "travelling until Thursday. We'll be in touch as soon as we can.\n\nPriya\n" },
	{ "pending", "Data Engineer - update",
	  "Dear Alex,\n\nJust to let you know we won't be making a final decision on the "
	  "Data Engineer role until after Easter. Thank you for bearing with us.\n\nHR "
	  "team\n" },
	{ "pending", "Votre candidature",
	  "Bonjour,\n\nVotre candidature est actuellement à l'étude. Le comité de "
	  "recrutement se réunira la semaine prochaine et une réponse vous sera "
	  "communiquée ensuite.\n\nLe service RH\n" },
	{ "pending", "Re: Merci",
	  "Coucou Alex,\n\nMerci à toi ! On débriefe vendredi avec toute l'équipe et je te "
	  "fais un retour lundi.\n\nSarah\n" },
	{ "pending", "RE: ¿Alguna novedad?",
	  "Hola Alex:\n\nTodavía no podemos confirmarte nada sobre el puesto, estamos "
	  "cerrando el presupuesto. Te decimos algo la semana que viene.\n\nUn abrazo\n" },
	{ "pending", "Re: Stand der Dinge",
	  "Hallo Alex,\n\nvor Weihnachten wird es leider keine Entscheidung mehr geben, "
	  "das Budget ist noch nicht freigegeben. Ich melde mich im Januar.\n\nGrüße, Tim\n" },
	{ "references", "Re: Thursday",
	  "Hey Alex,\n\nGreat chat. Would you mind if I talked to someone from your days "
	  "at Brightwave? One of your former leads would be perfect.\n\nSam\n" },
	{ "references", "Letzter Schritt",
	  "Hallo Alex,\n\nkönnten Sie uns drei Ansprechpartner*innen aus früheren "
	  "Positionen nennen, die wir kurz anrufen dürfen?\n\nViele "
	  "Grüße\nPersonalabteilung\n" },
	{ "references", "Dernière étape",
	  "Bonjour,\n\nPourriez-vous nous envoyer les noms de deux anciens managers que "
	  "l'on pourrait contacter ?\n\nBien à vous\n" },
	{ "references", "Último paso",
	  "Hola Alex:\n\n¿Nos podrías pasar los datos de dos antiguos jefes? Nos gustaría "
	  "hablar con ellos sobre el puesto.\n\nSaludos\n" },
	{ "rejection", "re: the analyst role",
	  "Alex,\n\nIt was close, but we've gone another way - we needed someone with more "
	  "SQL. Nothing to do with you personally.\n\nDan\n" },
	{ "rejection", "Client update",
	  "Hi Alex,\n\nThe client came back. They're not taking it any further - the gap "
	  "on stakeholder management was a bit too big for them.\n\nMia\nHarbour Staffing\n" },
	{ "rejection", "Unsere Gespräche",
	  "Hallo Alex,\n\nwir haben es uns nicht leicht gemacht, aber wir machen mit einer "
	  "anderen Kandidatin weiter.\n\nViele Grüße\nSven\n" },
	{ "rejection", "Ihre Bewerbung als Controller",
	  "Sehr geehrte Damen und Herren,\n\ndie Stelle wird nach einer Neuorganisation "
	  "nicht neu besetzt. Das Bewerbungsverfahren ist damit beendet.\n\nMit "
	  "freundlichen Grüßen\n" },
	{ "rejection", "Votre candidature",
	  "Bonjour,\n\nLe poste a malheureusement été pourvu en interne. Je suis désolé de "
	  "ne pas avoir de meilleures nouvelles.\n\nCordialement\n" },
	{ "rejection", "Tu candidatura",
	  "Hola Alex:\n\nTe escribo para contarte que el puesto se ha cubierto "
	  "internamente y el proceso queda cerrado.\n\nSaludos\n" },
	{ "offer", "Following up",
	  "Hi Alex,\n\nWe'd love to have you on board as our first designer: 70k base, and "
	  "we'd need a yes or no by Friday.\n\nJo\n" },
	{ "offer", "Good news",
	  "Alex!\n\nThe client wants you. Day rate agreed at 600, start 1 June. I'll get "
	  "the contract drawn up once you say yes.\n\nRob\n" },
	{ "offer", "Revised offer",
	  "Hi Alex,\n\nWe have improved the package: base goes up to 85,000 EUR. The "
	  "updated letter is attached; we'd like to hear back from you within a "
	  "week.\n\nHead of Talent\n" },
	{ "offer", "Willkommen?",
	  "Hallo Alex,\n\nwir möchten Sie unbedingt an Bord holen! Gehalt wie besprochen, "
	  "der Arbeitsvertrag kommt Ihnen morgen per Post.\n\nGrüße\n" },
	{ "offer", "Bonne nouvelle",
	  "Salut Alex,\n\nOn aimerait vraiment t'avoir dans l'équipe ! Notre offre révisée "
	  "est en pièce jointe.\n\nPaul\n" },
	{ "offer", "¡Buenas noticias!",
	  "Hola Alex:\n\n¡Te queremos a bordo! La oferta mejorada va en el adjunto: 48.000 "
	  "euros brutos anuales.\n\nLucía\n" },
	{ "invitation", "Shortlist",
	  "Dear Alex,\n\nThe board has placed you on the shortlist for the final stage. "
	  "Your allocated time is 14.10 to 14.55 on Tuesday 10 March, and you will be "
	  "asked to give a short presentation. Please confirm that you will attend.\n\nHR\n" },
	{ "invitation", "Dein Profil",
	  "Hey Alex,\n\ndanke für deine Bewerbung! Hättest du Lust, am Donnerstag mal bei "
	  "uns im Büro vorbeizuschauen? Du lernst dabei Ana (Design) kennen.\n\nTim\n" },
	{ "invitation", "Suite à notre appel",
	  "Bonjour Alex,\n\nJe vous propose de rencontrer notre directeur technique mardi "
	  "10 mars à 11h. Pouvez-vous me confirmer votre présence "
	  "?\n\nCordialement,\nChargée de recrutement\n" },
	{ "invitation", "Siguiente fase",
	  "Hola Alex:\n\nLa siguiente fase es una entrevista técnica con el equipo. Ya "
	  "puedes reservar tu hueco desde el portal.\n\nEquipo de Selección\n" },
	{ "pending", "Update",
	  "Hi Alex,\n\nThe client has two more candidates to see on Friday. They'll come "
	  "back to me early next week and I'll call you the moment I hear.\n\nRob\nHarbour "
	  "Staffing\n" },
	{ "rejection", "Your application",
	  "Dear Alex,\n\nThank you for attending the interview. We regret that the post "
	  "has now been filled by an internal candidate.\n\nHuman Resources\n" },
	{ "rejection", "Your application",
	  "Hi Alex,\n\nWe've looked at your application for the Analyst role and it won't "
	  "be going any further on this occasion.\n\nThe hiring team\n" },
	{ "rejection", "Tu candidatura",
	  "Hola Alex:\n\nFinalmente no vamos a poder continuar con tu candidatura: la "
	  "vacante (ref. 12/2026) ya está cubierta.\n\nUn saludo\n" },
	{ "invitation", "Deine Bewerbung",
	  "Hallo Alex,\n\ndanke für deine Bewerbung! Lust auf einen Kaffee mit uns beiden? "
	  "Passt es dir am Donnerstag um 15 Uhr?\n\nLea, Gründerin\n" },
	{ "invitation", "Ta candidature",
	  "Bonjour Alex,\n\nMerci pour ta candidature. Un café avec nous deux, jeudi vers "
	  "15h ?\n\nLéa\n" },
	{ "invitation", "Tu candidatura",
	  "Hola Alex:\n\nGracias por tu candidatura. ¿Un café con los dos fundadores el "
	  "jueves a las 10?\n\nLucía\n" },
	{ "pending", "Deine Bewerbung",
	  "Hallo Alex,\n\nwir haben dich nicht vergessen! Wir sammeln gerade noch das "
	  "Feedback aus dem Team zu deiner Bewerbung.\n\nTim\n" },
	{ "pending", "Ta candidature",
	  "Bonjour Alex,\n\nOn ne t'a pas oublié ! Nous recueillons encore les retours de "
	  "l'équipe sur ta candidature.\n\nLéa\n" },
	{ "pending", "Tu candidatura",
	  "Hola Alex:\n\nNo nos hemos olvidado de ti. Estamos recopilando los comentarios "
	  "del equipo y falta la aprobación de dirección para el puesto.\n\nLucía\n" },
	{ "references", "Re: unser Gespräch",
	  "Hallo Alex,\n\ndürfen wir mit jemandem aus deiner Zeit bei Flinkbau sprechen? "
	  "Kannst du mir den Kontakt deiner früheren Teamleiterin geben?\n\nTim\n" },
	{ "references", "Re: notre échange",
	  "Bonjour Alex,\n\nPourrions-nous parler à quelqu'un de votre passage chez "
	  "Mistral ? Les coordonnées d'un ancien manager suffiraient.\n\nLéa\n" },
	{ "references", "Re: nuestra charla",
	  "Hola Alex:\n\n¿Podríamos hablar con alguien de tu época en Arenal? Con los "
	  "datos de dos antiguos jefes nos basta.\n\nLucía\n" },
	{ "rejection", "Re: unser Gespräch",
	  "Hallo Alex,\n\nwir sind am Ende in eine andere Richtung gegangen und haben die "
	  "Stelle intern besetzt.\n\nTim\n" },
	{ "rejection", "Re: le poste",
	  "Bonjour Alex,\n\nNous sommes partis sur un autre profil pour ce poste.\n\nLéa\n" },
	{ "offer", "Gute Nachrichten",
	  "Alex,\n\nder Kunde will dich! Tagessatz von 750 Euro ist vereinbart, Start am "
	  "1. Juni.\n\nTim\n" },
	{ "offer", "Bonne nouvelle",
	  "Alex,\n\nLe client veut te recruter ! TJM validé à 600 euros. Prends le "
	  "week-end pour y réfléchir.\n\nLéa\n" },
	{ "offer", "¡Buenas noticias!",
	  "Alex:\n\n¡El cliente quiere contratarte! Tarifa diaria acordada de 500 euros. "
	  "Tómate el fin de semana para pensarlo.\n\nLucía\n" },
	{ "none", "Entrevista para nuestro pódcast",
	  "¡Hola, Alex!\n\nNos encantaría hacerte una entrevista para el pódcast. ¿Te "
	  "vendría bien el jueves 10 a las 17:00?\n\nUn saludo\n" },
	{ "none", "Your grant application",
	  "Dear Alex,\n\nThank you for applying to the Community Grants Programme. I "
	  "regret to inform you that your application has not been successful this time. "
	  "We encourage you to apply again.\n\nGrants team\n" },
	{ "none", "Upgrade time",
	  "Hi Alex,\n\nYou're eligible for an upgrade! Our team can call you back at a "
	  "time that suits you - just pick a slot. This offer ends soon.\n" },
	{ "none", "Offer letter template",
	  "Hi Alex,\n\nAs you're on the hiring panel for the data roles, could you review "
	  "the offer letter template before the hiring sync on Thursday?\n\nThanks, "
	  "Rosa\nPeople team\n" },
	{ "none", "Invitation : Point mensuel @ mar. 9 juin 2026 10:00",
	  "Vous avez été invité à l'événement suivant.\n\nPoint mensuel équipe\nQuand : "
	  "mardi 9 juin 2026 10:00 - 11:00\n\nOui - Peut-être - Non\n" },
	{ "none", "Re: Projekt",
	  "Hallo Alex, dann halten wir Montag, 20.07., 10:00 fest. Treffpunkt ist das Café "
	  "am Markt.\n\nGrüße\n" },
	{ "none", "Re: déménagement",
	  "Salut, ça te dirait de passer une heure avec nous samedi pour porter les "
	  "cartons ?\n\nBises\n" },
	{ "none", "Re: reforma",
	  "Hola, todavía estamos cerrando el presupuesto de la reforma. Te contamos algo "
	  "en breve.\n\nUn abrazo\n" },
	{ "none", "Re: the kitchen quote",
	  "Hi Alex, we've gone the other way with the kitchen in the end. It was "
	  "close!\n\nBen\n" },
	{ "none", "Einladung zum Fachgespräch: Digitalisierung in der Pflege",
	  "Sehr geehrte Damen und Herren,\n\nwir laden Sie herzlich zu unserem "
	  "Fachgespräch am Mittwoch, 10. Juni 2026 um 18:00 Uhr in der Landesvertretung "
	  "ein. Anmeldung bis 5. Juni.\n\nIhre Stiftung\n" },
	{ "none", "Re: Code review",
	  "Hi, thanks for the technical discussion yesterday. Next steps: I'll send over "
	  "the patch on Monday at 10:00?\n" },
	{ "none", "Re: Tennis",
	  "They want you! Saturday at 10am at the club - I need a yes or no by Thursday.\n" },
	{ "none", "Re: Chorprobe",
	  "Hallo Alex, hast du Lust, am Donnerstag mal bei uns im Chor vorbeizuschauen? Du "
	  "lernst dann auch Mira kennen.\n" },
	{ "none", "Re: conseil syndical",
	  "Bonjour, je vous propose de rencontrer le syndic mardi à 18h. Merci de "
	  "confirmer votre présence.\n" },
	{ "none", "Re: dinner",
	  "Free to grab a coffee with the two of us on Friday at 6pm? Anna\n" },
	{ "none", "Re: cena",
	  "¿Un café con nosotros dos el viernes a las 18? Besos\n" },
	{ "none", "Re: Wochenende",
	  "Lust auf einen Kaffee mit uns beiden am Freitag um 15 Uhr? Lea\n" },
	{ "none", "Re: vacances",
	  "Coucou ! Un café avec nous deux vendredi vers 18h ? Bises\n" },
	{ "none", "Re: vacances",
	  "On ne t'a pas oublié ! On t'envoie les photos demain.\n" },
	{ "none", "Re: Tennis",
	  "Der Kunde will dich! Tagessatz von 20 Euro für die Halle.\n" },
	{ "none", "Re: weekend",
	  "Are you free to grab a coffee with us on Friday at 3pm?\n\nAnna\n" },
	{ "none", "Re: weekend",
	  "Free to grab a coffee with the two of us on Friday at 3pm? Anna\n" },
	{ "none", "Lunch?",
	  "Hey Alex,\n\nFree to grab lunch with the two of us on Friday at 1pm?\n\nTina\n" },
	{ "none", "Re: budget",
	  "Hi,\n\nWe're still finalising the budget. I'll be in touch as soon as we "
	  "can.\n\nMark\n" },
	{ "none", "Demande de subvention",
	  "Bonjour,\n\nVotre demande de subvention n'a malheureusement pas été retenue par "
	  "le comité.\n\nCordialement\n" },
};

/* The fourth round's phrase families (written from batch 12's misses, in
 * words of our own): small employers' notes and ATS bookings, pending notes
 * that promise a yes or no, references without the word, rejections where
 * someone else keeps or takes the post, withdrawn offers, do-not-contact
 * notes that only write back to some; and everyday mail saying the same. */
static const struct example fourth_round[] = {
	{ "invitation", "Re: Warehouse lead",
	  "Hi Alex,\n\nGot your CV from Priya. Can you swing by the yard on Friday at 3pm? "
	  "I'll show you round.\n\nGreg\nSite Manager\n" },
	{ "invitation", "bakery",
	  "hi alex, thanks for the CV. are you around tuesday 10ish? want to show you the "
	  "kitchen and talk about the job properly.\n\nmarta\n" },
	{ "invitation", "Re: Staff nurse post",
	  "Hi Alex,\n\nLovely. Let's make it next Wednesday at 2 on Teams, about half an "
	  "hour. I'll send the link the day before.\n\nJo\n" },
	{ "invitation", "Confirmed: Phone call with Brindle Foods",
	  "You're booked in.\n\nKim from Brindle Foods will call you on the number in your "
	  "profile.\n\nRole: Shift Supervisor\n" },
	{ "invitation", "Nightingale - second stage",
	  "Hi Alex,\n\nNightingale want to see you again. The second stage is with their CTO. "
	  "They've offered Tuesday 10 March at 11:00 at their office.\n\nSam\nconsultant\n" },
	{ "invitation", "Einladung zum Assessment-Center",
	  "Sehr geehrte Frau Example,\n\nhiermit laden wir Sie zu unserem Assessment-Center "
	  "am Montag, 9. März 2026, 9:00 Uhr ein.\n\nIhre Personalabteilung\n" },
	{ "invitation", "Kasse Weststadt",
	  "Hallo Alex,\n\ndanke für deine Bewerbung. Hast du Zeit, am Freitag um 8 zum "
	  "Probetag in die Filiale zu kommen?\n\nGrüße\nAnke\n" },
	{ "invitation", "Re: Poste de serveur",
	  "Parfait, on part donc sur mardi 10 mars à 15h au restaurant.\n\nLéa\n" },
	{ "invitation", "Re: Puesto de cocinero",
	  "Genial, vamos con el jueves a las 11 en el restaurante.\n\nPablo\n" },
	{ "pending", "Calder - where we are",
	  "Hi Alex,\n\nThe other finalist only had his second meeting today. HR say they'll "
	  "have a yes or no for both of you by Monday. I'll ring you as soon as I hear.\n\n"
	  "Dev\nrecruitment consultant\n" },
	{ "pending", "Your interview - Radiographer",
	  "Dear Alex,\n\nThank you for attending for interview. The panel's recommendation has "
	  "gone to the manager for approval. Once this has been signed off, you will be "
	  "contacted with the outcome.\n" },
	{ "pending", "AW: Ihr Gespräch",
	  "Guten Tag,\n\nbis zur Sitzung der Geschäftsführung kann ich Ihnen leider nichts "
	  "Verbindliches sagen; spätestens am Freitag hören Sie von mir.\n\nM. Berg\n" },
	{ "pending", "Point sur votre candidature",
	  "Bonjour Alex,\n\nLe directeur a vu les finalistes et doit en parler à son associé. "
	  "Il me fera un retour d'ici vendredi. Je vous appelle dès que j'ai du nouveau, dans "
	  "un sens ou dans l'autre.\n\nPaul, cabinet de recrutement\n" },
	{ "references", "one more thing",
	  "Alex - before I take your application to the board I need a couple of people who've "
	  "seen you work. Name, number and how they know you is fine.\n\nSue\n" },
	{ "references", "Stelle Servicekraft",
	  "Hallo Alex,\n\nbevor ich den Arbeitsvertrag aufsetze, würde ich gern mit zwei "
	  "Leuten sprechen, die Sie aus der Zusammenarbeit kennen. Schicken Sie mir Namen und "
	  "Telefonnummern.\n\nGruß\nK. Lenz\n" },
	{ "references", "lo último",
	  "Hola Alex:\n\nAntes de cerrar el puesto, ¿me pasas el contacto de alguien con quien "
	  "hayas trabajado? Nombre, teléfono y qué relación teníais.\n\nAna\n" },
	{ "rejection", "Re: Contract - 3 months",
	  "Alex, bad news. The client decided to keep the work in-house, so the contract won't "
	  "go ahead. Nothing to do with you.\n\nRaj\n" },
	{ "rejection", "Re: Team lead role",
	  "Hi Alex,\n\nThe board has asked Tom, who has been acting in the role, to stay on "
	  "permanently. I'm sorry, it was close.\n\nAmy\n" },
	{ "rejection", "Schichtleitung",
	  "Hi Alex,\n\nwir haben die Stelle jetzt doch intern mit Jana besetzt. Du warst "
	  "wirklich knapp dran.\n\nGruß\nOle\n" },
	{ "rejection", "Poste de vendeur",
	  "Bonjour Alex,\n\nOn a finalement pris quelqu'un qui parle italien pour le poste. "
	  "Bonne continuation !\n\nMarie\n" },
	{ "rejection", "Lo de la plaza",
	  "Hola Alex:\n\nAl final el puesto lo va a ocupar una compañera de otra tienda. Siento "
	  "no traerte mejores noticias.\n\nCarmen\n" },
	{ "rejection", "RE: Offer - Analyst",
	  "Dear Alex,\n\nFollowing a restructure the Analyst role no longer exists, and we have "
	  "to withdraw the offer we made you last week. I am very sorry.\n\nHead of Talent\n" },
	{ "rejection", "Graduate programme - video interview",
	  "Hi Alex,\n\nThanks for your video interview. The assessment centre places have now "
	  "all been allocated and yours wasn't among them this time.\n\nGraduate Recruitment\n" },
	{ "do-not-contact", "Your application - Receptionist",
	  "Dear Alex,\n\nThank you for your CV. We only write back to those we would like to "
	  "meet. If you haven't heard from us by the end of the month, it will be because we "
	  "have decided to go with other applicants.\n" },
	{ "offer", "the shop",
	  "Alex,\n\nWe'd like you to take on the Leeds shop from May, with the job as you "
	  "described it. Money is 38k to start. Let me know by Friday if you're in.\n\nDan\n" },
	{ "invitation", "Ihre Bewerbung als Lagerist",
	  "Hallo Herr Example,\n\nkommen Sie doch am Dienstag, 10.03., um 10 Uhr bei uns im "
	  "Lager vorbei.\n\nGrüße\nM. Stein\n" },
	{ "invitation", "Puesto de camarero",
	  "Hola Alex:\n\nVimos tu candidatura. ¿Puedes pasarte por el bar el jueves a las "
	  "17:00?\n\nMarta\n" },
	{ "rejection", "Ihre Bewerbung",
	  "Sehr geehrte Frau Example,\n\nnach sorgfältiger Abwägung haben wir uns für eine "
	  "interne Kandidatin entschieden.\n\nPersonalabteilung\n" },
	{ "rejection", "RE: Candidature",
	  "Bonjour,\n\nnotre client a finalement retenu un candidat qui connaît déjà leur "
	  "logiciel. Vous étiez tout près.\n\nClaire\n" },
	{ "rejection", "Proceso de selección",
	  "Hola Alex:\n\nHemos decidido no seguir adelante con tu candidatura y continuar con "
	  "otra persona.\n\nSelección\n" },
	{ "rejection", "Re: Analyst role",
	  "Hi Alex,\n\nThey've decided to offer the role to the other finalist. Can we have a "
	  "call on Thursday about two other roles?\n\nFiona\n" },
	{ "pending", "Re: Jefe de almacén",
	  "Hola Alex,\n\nFalta que lo vea el director. Antes del viernes te damos una "
	  "respuesta, sea la que sea.\n\nÓscar\n" },
	{ "offer", "Oferta - Ondalia",
	  "Hola Alex:\n\nNos encantaría que te incorporaras al equipo el 1 de junio como jefe "
	  "de turno. Condiciones: 30.000 € brutos anuales.\n\nRamón\n" },
	{ "offer", "Your offer: Supervisor",
	  "Dear Alex,\n\nIt is my pleasure to extend to you the position of Supervisor, "
	  "starting April 6. Base salary: $58,000.\n\nHR\n" },
	{ "do-not-contact", "Eingangsbestätigung",
	  "Vielen Dank für Ihre Bewerbung. Bitte sehen Sie von telefonischen oder "
	  "schriftlichen Nachfragen ab; wir kommen ausschließlich auf Kandidat:innen zu, "
	  "deren Profil passt.\n" },
	{ "do-not-contact", "Hemos recibido tu candidatura",
	  "Gracias por tu candidatura. Solo nos pondremos en contacto con las personas "
	  "preseleccionadas. Te rogamos que no respondas a este correo ni llames para "
	  "preguntar por el estado del proceso.\n" },
	{ "none", "Re: cena",
	  "¿Puedes pasarte por casa el jueves? Te damos una respuesta sobre el coche, sea la "
	  "que sea.\n" },
	{ "none", "Grillen",
	  "Kommen Sie doch am Samstag bei uns im Garten vorbei, wir grillen.\n" },
	{ "none", "Saturday",
	  "Can you swing by mine on Saturday at 2pm? Bring the drill.\n\nTim\n" },
	{ "none", "Re: our call",
	  "Sorry Priya, something has come up for tomorrow's call on the job board "
	  "project. Could we move it?\n\nTom\n" },
	{ "none", "Re: budget review",
	  "Fine by me - let's make it next Tuesday at 10 on Teams.\n\nNina\n" },
	{ "none", "Your haircut",
	  "You're booked in for Thursday at 4:30 PM. We will call you on the number you gave "
	  "us if we run late.\n" },
	{ "none", "Your pre-approved loan",
	  "Good news! Your loan offer is reserved until Friday. Schedule a call with one of our "
	  "advisers at a time that suits you.\n" },
	{ "none", "pint",
	  "are you around thursday? fancy a pint after work?\n\nrob\n" },
	{ "none", "Re: Sunday league",
	  "We'd like you to take on the captain's armband this season. Let me know by Friday "
	  "if you're in.\n\nCoach\n" },
	{ "none", "Pottery course",
	  "Dear Alex,\n\nThe places on the spring pottery course have all been allocated. We "
	  "will let you know about the summer course.\n" },
	{ "none", "Besprechungsraum",
	  "Hallo,\n\nder Raum ist am Dienstag leider schon besetzt, wir können nicht dort "
	  "tagen.\n\nTom\n" },
	{ "none", "Entrevista para mi TFG",
	  "Hola Alex:\n\nEstoy haciendo mi TFG sobre logística. ¿Te podría entrevistar el martes "
	  "a las 18:00 por videollamada?\n\nCarla\n" },
	{ "none", "Re: Küche",
	  "Hallo,\n\nwir müssen das Angebot für die Küche leider zurückziehen, der Preis für die "
	  "Arbeitsplatte hat sich geändert.\n\nKüchenstudio Merz\n" },
	{ "none", "This week: the second-round interview",
	  "In this issue: what changes after the phone screen, assessment centres "
	  "demystified, and a reader question.\n\nYou're getting this because you subscribed.\n" },
};

/* The fifth round's phrase families (written from batch 13's misses and
 * the messages the old model carried, in words of our own), and everyday
 * mail that says the same words and must stay none. */
static const struct example fifth_round[] = {
	{ "invitation", "Re: Warehouse planner",
	  "Hi Alex - can you do Thursday at 2.30 on Teams? Link to follow.\n\nMo\n" },
	{ "invitation", "Re: Line cook",
	  "Come by Friday at 5 and do a trial shift with us on the pass. Bring your "
	  "knives.\n\nRico\n" },
	{ "invitation", "RE: Interview Thursday",
	  "Of course, Alex - let's move you to Monday the 9th, same time. Hope the move "
	  "goes well.\n\nPriti\n" },
	{ "invitation", "hello",
	  "Hi Alex,\n\nLiked your write-up on caching a lot. Come and spend an afternoon "
	  "with the team - we'll look at some real code together and then grab a coffee. "
	  "Would Tuesday 12th work, say from 2?\n\nOla Brandt, co-founder\n" },
	{ "invitation", "Position Backend Developer",
	  "Dear Alex,\n\nIs it possible for you on Monday 14/04 at 10:00 for a meeting by "
	  "video? If not, please propose another day.\n\nNikos\nHR Manager\n" },
	{ "invitation", "Next round",
	  "Hi Alex,\n\nThanks for Tuesday. We'd like to get you back in to meet our finance "
	  "director - we've held Friday 20th for it, 2 till 3.\n\nDana\nHargreaves & Co\n" },
	{ "invitation", "Meet Priya",
	  "Alex, great chatting today. I'd love for you to meet Priya, who would be your "
	  "lead. She has Thursday from 1 to 1:30 free; I'll send over a Zoom link if that "
	  "suits. It's the second of three steps.\n\nJo\nTalent, Quillworks\n" },
	{ "invitation", "AW: Disponent",
	  "Hallo Alex,\n\nkönnen Sie am Donnerstag um 9:30 per Teams? Link "
	  "folgt.\n\nGrüße\nTina\n" },
	{ "invitation", "AW: Vorstellungsgespräch",
	  "Kein Problem - wir verschieben das Gespräch auf Mittwoch, gleiche "
	  "Uhrzeit.\n\nJonas\n" },
	{ "invitation", "RE: Poste de commis",
	  "Tu peux jeudi vers 15h ? On ferait un service d'essai en cuisine.\n\nMarc\n" },
	{ "invitation", "Convocation",
	  "Madame,\n\nl'entretien se déroulera devant un jury de trois personnes. Nous vous "
	  "attendons le mardi 6 octobre à 10h, à l'accueil de la mairie.\n\nService des "
	  "ressources humaines\n" },
	{ "invitation", "RE: Puesto de camarero",
	  "¿Puedes el viernes a las 18:00? Haríamos un turno de prueba en la "
	  "terraza.\n\nLuis\n" },
	{ "invitation", "RE: Puesto de dependienta",
	  "¿Puedes el sabado a las 9? Haríamos un día de prueba en la tienda.\n\nMaite\n" },
	{ "invitation", "RE: Entrevista",
	  "Sin problema, pasamos la entrevista al jueves a la misma hora.\n\nAna\n" },
	{ "invitation", "Hello from Northfold",
	  "Dear Alex,\n\nafter meeting you at the data engineering meetup last week, I "
	  "wondered whether you would be up for a proper conversation with me and our CTO "
	  "about a role here. Thursday the 9th at 4pm is free on both our "
	  "calendars.\n\nMaria Lind\nManaging Director, Northfold\n" },
	{ "pending", "re: last week",
	  "Alex - we promised two more people a call before we decide, so I can't say "
	  "anything concrete yet. Expect something from me by Wednesday.\n\nRob\n" },
	{ "pending", "Update - Northgate",
	  "Hi Alex,\n\nthe client wants to sleep on it and has promised me an answer by "
	  "Friday. I'll ring you the minute I hear.\n\nTom\nrecruitment consultant\n" },
	{ "pending", "Thanks for today",
	  "Hi Alex,\n\nthanks for coming in. I've shared my notes with the hiring committee "
	  "and you'll hear back shortly.\n\nBea\n" },
	{ "pending", "Ihr Gespräch",
	  "Liebe Frau Example,\n\ndanke für das Gespräch. Wir führen noch weitere Gespräche "
	  "und möchten Ihnen bis Ende Juli eine Rückmeldung geben.\n\nPersonalabteilung\n" },
	{ "pending", "Stand",
	  "Hallo Alex,\n\nes fehlt nur noch die Freigabe der Geschäftsführung; du hörst "
	  "spätestens am Montag von mir.\n\nKai\n" },
	{ "pending", "Votre entretien",
	  "Bonjour,\n\nmerci pour votre venue. Nous rencontrons encore deux candidats et "
	  "nous vous ferons part de notre décision sous quinze jours.\n\nRH\n" },
	{ "pending", "Novedades",
	  "Hola Alex:\n\nestás entre los tres finalistas y el cliente te dará una respuesta "
	  "a lo largo de la semana.\n\nMarta\nconsultora de selección\n" },
	{ "pending", "Segunda entrevista",
	  "Hola Alex:\n\ngracias por la entrevista de ayer. Calculamos tener una decisión "
	  "antes del día 20.\n\nPedro\n" },
	{ "pending", "Zwischenstand",
	  "Hallo Alex,\n\nich habe meine Eindrücke an die Fachabteilung weitergegeben. "
	  "Rechnen Sie bis Mittwoch mit einer Nachricht von "
	  "mir.\n\nSabine\nPersonalreferentin\n" },
	{ "invitation", "Zweite Runde",
	  "Hallo Alex,\n\nwir haben den Donnerstag für Sie reserviert: Sie treffen Jana, "
	  "die Ihre künftige Teamleiterin wäre. Es ist die zweite von drei Runden.\n\nIhre "
	  "Personalabteilung\n" },
	{ "rejection", "Ihre Bewerbung",
	  "Hallo Alex,\n\nwir haben die Stelle einer anderen Person angeboten, die bereits "
	  "zugesagt hat.\n\nIhre Personalabteilung\n" },
	{ "pending", "Point d'étape",
	  "Bonjour Alex,\n\nj'ai transmis mes notes au comité de recrutement. Attendez-vous "
	  "à une réponse de ma part vendredi ; je ne peux pas encore vous dire quoi que ce "
	  "soit de définitif.\n\nClaire\nchargée de recrutement\n" },
	{ "invitation", "Deuxième étape",
	  "Bonjour Alex,\n\nnous avons réservé le jeudi 12 pour vous présenter Paul, qui "
	  "serait votre responsable. C'est la deuxième des trois étapes.\n\nService RH\n" },
	{ "rejection", "Votre candidature",
	  "Bonjour,\n\nnous avons proposé le poste à une autre candidate, qui l'a "
	  "accepté.\n\nService RH\n" },
	{ "pending", "Novedades",
	  "Hola Alex:\n\nhe compartido mis notas con el comité de selección. Espera "
	  "noticias mías el viernes; todavía no puedo decirte nada en "
	  "firme.\n\nLaura\nRRHH\n" },
	{ "invitation", "Siguiente fase",
	  "Hola Alex:\n\nhemos reservado el jueves 12 para que conozcas a Marta, que sería "
	  "tu jefa. Es la segunda de tres fases.\n\nRRHH\n" },
	{ "rejection", "Tu candidatura",
	  "Hola Alex:\n\nhemos ofrecido el puesto a otra persona y ya lo ha "
	  "aceptado.\n\nRRHH\n" },
	{ "references", "Almost done",
	  "Hi Alex,\n\nwe're nearly there. Could you send me names and emails for two "
	  "people who can vouch for you, ideally your line manager at Brindle?\n\nKate\n" },
	{ "references", "After your final interview",
	  "Dear Alex,\n\nthank you for Thursday. Our next step is to speak to the people "
	  "you named on your application; I'll contact them this week.\n\nHR team\n" },
	{ "references", "Referenzen",
	  "Guten Tag,\n\nwir würden gern die von Ihnen genannten Personen "
	  "kontaktieren.\n\nPersonalabteilung\n" },
	{ "references", "Références",
	  "Bonjour,\n\nnous allons contacter les personnes que vous avez indiquées.\n\nRH\n" },
	{ "references", "Referencias",
	  "Hola:\n\nvamos a llamar a las personas que nos indicaste.\n\nRRHH\n" },
	{ "rejection", "Bad news, I'm afraid",
	  "Alex,\n\nthe owners have put a freeze on all new hires, so I have to take the "
	  "offer back for the shift lead role. I'm so sorry.\n\nMeg\n" },
	{ "rejection", "Your application - Project Coordinator",
	  "Dear Alex,\n\nthank you for your patience. We have offered the position to "
	  "another candidate, who has accepted.\n\nHR team\n" },
	{ "rejection", "Re: barista",
	  "Sorry Alex, we found someone internally for the role. Don't take it "
	  "personally!\n\nJo\n" },
	{ "rejection", "Probeschicht",
	  "Hallo Alex,\n\nwir haben uns für jemanden entschieden, der schon länger dabei "
	  "ist. Nimm's nicht persönlich.\n\nUli\n" },
	{ "rejection", "Notre proposition",
	  "Bonjour Alex,\n\nle client pour lequel nous recrutions a arrêté le projet ; nous "
	  "devons retirer notre proposition. Sincèrement désolé.\n\nPaul\n" },
	{ "rejection", "Re: puesto de cocinero",
	  "Alex, al final nos quedamos con otro candidato. Gracias por venir.\n\nPepe\n" },
	{ "offer", "job",
	  "Alex - the job's yours if you want it, 14.20 an hour, start Monday. Let me know "
	  "by Thursday.\n\nDan\n" },
	{ "offer", "Good news",
	  "Alex - Veritas wants you. 68k plus bonus, and they'd like an answer by "
	  "Friday.\n\nNina\nconsultant\n" },
	{ "offer", "Zusage",
	  "Hallo Alex,\n\ndie Stelle gehört dir! 3.100 € brutto im Monat, Start am 1. "
	  "März.\n\nSven\n" },
	{ "offer", "Mission Lyon",
	  "Bonjour Alex,\n\nle client vous retient pour la mission, TJM 550 €. Je vous "
	  "envoie le contrat ; ils aimeraient une réponse avant jeudi.\n\nClaire\n" },
	{ "offer", "¿Te animas?",
	  "Hola Alex:\n\nqueremos que te quedes con el puesto. Serían 1.700 netos al mes. "
	  "Piénsatelo y me dices.\n\nRosa\n" },
	{ "none", "Re: sprint review",
	  "can you do Thursday at 2.30 on Teams? Link to follow.\n" },
	{ "none", "Re: Elternabend",
	  "Können Sie am Donnerstag um 19:30 per Zoom? Link folgt.\n" },
	{ "none", "Re: dinner plans",
	  "Mum wants you. And she'd like an answer by Friday.\n" },
	{ "none", "Re: Flohmarkt",
	  "Der Stand gehört dir, wenn du willst!\n" },
	{ "none", "Saturday",
	  "Come and spend an afternoon with us at the allotment - would Sunday 14th work, "
	  "say from 2?\n" },
	{ "none", "Re: our tutoring",
	  "No problem, let's move you to Thursday, same time.\n" },
	{ "none", "Re: parents' evening",
	  "Is it possible for you on Monday at 5? If not, please propose another day.\n" },
	{ "none", "Re: Saturday",
	  "I'd love for you to meet my parents - they have Friday from 6 to 8 free.\n" },
	{ "none", "Re: haircut",
	  "We can get you back in on Thursday at 3.\n" },
	{ "none", "Entretien annuel",
	  "Bonjour Alex,\n\nje te propose de caler ton entretien annuel mardi à 10h. Pense "
	  "à remplir ton auto-évaluation.\n\nSophie\n" },
	{ "none", "Annual review",
	  "Hi Alex, can we schedule your annual review for Thursday at 10? Please fill in "
	  "the self-assessment form first.\n\nMaria\n" },
	{ "none", "Mitarbeitergespräch",
	  "Hallo Alex, können Sie am Donnerstag um 10 Uhr zum Mitarbeitergespräch "
	  "kommen?\n\nPetra\n" },
	{ "none", "You appeared in 8 searches",
	  "Upgrade to Premium to see who viewed your profile and get invited to interviews "
	  "sooner.\n" },
	{ "none", "Your loan offer",
	  "Congratulations, you've been selected for a personal loan. Our team is available "
	  "for a call Monday to Friday, 9am to 6pm.\n" },
	{ "none", "Marathon marshals",
	  "Thank you for applying to marshal at the marathon. We had more volunteers than "
	  "spots, so unfortunately we can't offer you a place this time.\n" },
	{ "none", "Re: painting the shed",
	  "Ha, the job's yours if you want it - I'll pay in pizza.\n" },
	{ "none", "Re: Kuchenbasar",
	  "Nimm's nicht persönlich, aber wir haben jemand anderen für den Kuchen "
	  "genommen.\n" },
	{ "none", "Re: intercambio de idiomas",
	  "Lo siento, al final nos quedamos con otra persona para el intercambio.\n" },
	{ "none", "Re: book club",
	  "Sorry, Maya is hosting this month instead. Don't take it personally!\n" },
	{ "none", "Re: the vet",
	  "I'll call you the minute I hear from the vet.\n" },
	{ "none", "Re: board meeting",
	  "I've shared my notes with the committee; you'll hear back shortly about the "
	  "budget.\n" },
	{ "none", "Re: kitchen",
	  "We expect to wrap up by Friday and I'll email you either way.\n" },
	{ "none", "Re: cita",
	  "Sin problema, pasamos la cita al jueves a la misma hora.\n" },
	{ "none", "Fête des voisins",
	  "Nous vous attendons le samedi 5 juin à 18h dans la cour !\n" },
	{ "none", "Re: Chorprobe",
	  "Kein Problem, wir verschieben die Probe auf Mittwoch.\n" },
	{ "none", "Re: quiz night",
	  "We've held Thursday 12th for the quiz - can you do 7pm?\n" },
	{ "none", "Data meetup - June",
	  "Hi all,\n\nour June meetup is on Thursday at 19:00. Talks, pizza, and a few "
	  "companies that are hiring. RSVP on the meetup page.\n\nThe organisers\n" },
	{ "none", "Running club",
	  "Hi Alex,\n\nthe committee would love to offer you the position of club secretary "
	  "- unpaid, of course, mostly minutes and the AGM in March. Happy to have a call "
	  "about it.\n\nRita\n" },
	{ "none", "Kassenwart",
	  "Hallo Alex,\n\nder Vorstand möchte dir die Stelle als Kassenwart anbieten, "
	  "ehrenamtlich natürlich. Die Mitgliederversammlung ist im März.\n\nUte\n" },
	{ "none", "Gym membership offer",
	  "Congratulations! You've been selected for our summer offer: 3 months for the "
	  "price of 2. Accept your offer by Friday.\n" },
	{ "none", "Re: la chorale",
	  "Désolé, on a finalement pris quelqu'un d'autre pour le solo. Ne le prends pas "
	  "mal !\n" },
	{ "none", "Re: Kita",
	  "Es fehlt nur noch die Unterschrift der Leitung, du hörst spätestens am Freitag "
	  "von mir.\n" },
	{ "none", "Re: Handwerker",
	  "Wir führen noch einige Gespräche mit anderen Anbietern und geben Ihnen bis Ende "
	  "der Woche Bescheid.\n" },
	{ "none", "Re: presupuesto",
	  "Te daremos una respuesta a lo largo de la semana sobre el presupuesto.\n" },
	{ "none", "Re: wedding",
	  "We expect to decide by Friday on the venue and I'll call you either way.\n" },
	{ "none", "Re: mentoring",
	  "I'd love for you to meet Sam, who'd be your mentor. He has Wednesday from 3 to "
	  "3:45 free; I'll send over a Meet link.\n" },
	{ "none", "Re: candidate debrief",
	  "Thanks for sitting in on the interview with Priya today. I've shared my notes "
	  "with the hiring committee and you'll hear back shortly on next steps for her.\n" },
	{ "none", "Re: hackathon",
	  "Come and hang out with us on Saturday - we'll look at some real code together. "
	  "Would Saturday 14th work, say from 11?\n" },
	{ "none", "Re: car",
	  "The garage promised me an answer by Friday on the gearbox. I'll ring you either "
	  "way.\n" },
	{ "none", "Re: our new hire",
	  "The candidate wants to sleep on it; she promised us an answer on Monday.\n" },
	{ "none", "Re: referee for Jo",
	  "Could you speak to the people you named as referees for Jo's application? Her "
	  "start is Monday.\n" },
	{ "none", "Re: Umzug",
	  "Wir verschieben den Termin auf Mittwoch, gleiche Zeit.\n" },
	{ "none", "Re: coro",
	  "Estás entre los tres finalistas del concurso de fotografía; el jurado dará una "
	  "respuesta a lo largo de la semana.\n" },
	{ "none", "Re: neighbourhood watch",
	  "We need two people who can vouch for you before you join the committee.\n" },
	{ "none", "Re: photo contest",
	  "Congratulations - you're one of the two finalists! The judges will decide by "
	  "Friday.\n" },
	{ "none", "Tafel",
	  "Hallo Alex, danke fürs Anmelden als Helfer! Kannst du am Samstag um 9 zur "
	  "Probeschicht kommen?\n" },
	{ "none", "Notartermin",
	  "Wir würden gern die von Ihnen genannten Personen als Zeugen kontaktieren.\n" },
	{ "none", "Votre demande de prêt",
	  "Nous vous ferons part de notre décision sous huitaine.\n" },
	{ "none", "Entretien de votre chaudière",
	  "Votre entretien se déroulera le mardi 4 mars entre 8h et 12h. Nous vous "
	  "attendons à votre domicile.\n" },
	{ "none", "Re: club de lecture",
	  "Nous vous attendons le jeudi 6 à 19h à la médiathèque.\n" },
	{ "none", "Cita médica",
	  "Le esperamos el jueves a las 10:00 en la consulta 3.\n" },
	{ "none", "Re: club de ajedrez",
	  "¡Nos encantaría que te unieras al club este año!\n" },
	{ "none", "Re: coro",
	  "Hemos encontrado a alguien de dentro para el solo, gracias.\n" },
	{ "none", "Re: voluntariado",
	  "¿Puedes el sábado a las 10? Haríamos un turno de prueba en el comedor social.\n" },
	{ "none", "Re: Schrebergarten",
	  "Rechne bis Mittwoch mit einer Nachricht von mir wegen der Hecke.\n" },
	{ "none", "Re: Flohmarkt",
	  "Wir haben den Samstag für dich reserviert, dein Stand ist in der zweite von drei "
	  "Reihen.\n" },
	{ "none", "Re: vide-grenier",
	  "Attends-toi à des nouvelles de ma part jeudi, je ne peux rien te dire de concret "
	  "pour le moment.\n" },
	{ "none", "Re: excursión",
	  "Hemos reservado el sábado para la excursión, espera noticias mías.\n" },
	{ "none", "Re: party",
	  "Expect something from me by Friday about the party - I can't say anything "
	  "concrete yet.\n" },
	{ "do-not-contact", "Eingangsbestätigung",
	  "Sehr geehrte Bewerberin,\n\nvielen Dank für Ihre Bewerbung. Wenn Ihr Profil zu "
	  "unseren Anforderungen passt, melden wir uns bei Ihnen. Bitte sehen Sie von "
	  "telefonischen Nachfragen ab.\n\nIhre Personalabteilung\n" },
	{ "none", "Bewerbung eingegangen",
	  "Hallo Alex,\n\ndanke für Ihre Bewerbung als Lagerist. Sollten Sie zu unserem "
	  "Team passen, laden wir Sie gern zu einem Gespräch ein.\n\nIhr Recruiting-Team\n" },
	{ "none", "Candidatura recibida",
	  "Hola Alex:\n\nhemos recibido tu candidatura. Si tu perfil encaja con el puesto, "
	  "te contactaremos para una entrevista.\n\nEquipo de selección\n" },
	{ "none", "Candidature reçue",
	  "Bonjour Alex,\n\nnous avons bien reçu votre candidature. Si votre profil "
	  "correspond à nos besoins, nous vous contacterons pour un entretien.\n\nService "
	  "RH\n" },
};

static void test_fourth_round(void)
{
	check_examples(fourth_round, G_N_ELEMENTS(fourth_round));
	/* Accepting: the answer's yes, going ahead with the agency, a start
	 * day agreed; a friend's yes is no acceptance. */
	g_assert_cmpstr(stage_name(stage_of("Re: the shop",
		"Dan,\n\nThe answer's yes. I'll hand my notice in on Monday.\n\nAlex\n", true)), ==,
		"acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: They want you",
		"Raj - yes, go ahead and confirm with them. Send the contract and I'll sign "
		"tonight.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("RE: Propuesta",
		"Hola Lucía:\n\nCuenta conmigo. Me viene perfecto empezar el lunes 4.\n\nAlex\n",
		true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Your offer",
		"Hi Jordan,\n\nI'm delighted to accept. Signed letter attached.\n\nAlex\n", true)),
		==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("AW: Angebot",
		"Hallo Jan,\n\ndie Antwort ist ja! Ich kann am 1. Juni anfangen.\n\nAlex\n", true)),
		==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("RE: Proposition",
		"Bonjour Marc,\n\nC'est oui ! Vous pouvez leur confirmer, je peux commencer le 2 "
		"juin.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("RE: Oferta",
		"Hola Rosa:\n\nMi respuesta es sí, puedes confirmarles. Me viene perfecto empezar "
		"el lunes.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Grillabend",
		"Die Antwort ist ja, wir kommen gern!\n\nAlex\n", true)), ==, "none");
	g_assert_cmpstr(stage_name(stage_of("Re: wedding",
		"The answer's yes, of course we'll come!\n\nAlex\n", true)), ==, "none");
}

static void test_fifth_round(void)
{
	check_examples(fifth_round, G_N_ELEMENTS(fifth_round));
	/* Accepting: the papers sent back signed, "je l'accepte" after an
	 * offer; a card signed for a colleague is no acceptance. */
	g_assert_cmpstr(stage_name(stage_of("Re: offer",
		"Hi Sam,\n\nI'm in! I'll get the contract back to you signed tomorrow.\n\nAlex\n",
		true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("RE: Proposition",
		"Bonjour,\n\nmerci pour cette offre. C'est avec plaisir que je l'accepte ; je "
		"vous renvoie le contrat signé demain.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: propuesta",
		"Hola Rosa,\n\n¡sí! Te devuelvo el contrato firmado mañana.\n\nAlex\n", true)),
		==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("AW: Angebot",
		"Hallo Sven,\n\nsehr gern! Ich schicke Ihnen den Vertrag unterschrieben "
		"zurück.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: birthday card",
		"Yes, I've signed it and left it on your desk.\n", true)), ==, "none");
}

/* The sixth round's phrase families (written from batch 14's misses, in
 * words of our own): booking tools, later rounds, trial days, status
 * changes, roles on hold, referee forms, and everyday mail with the same
 * words that must stay none. */
static const struct example sixth_round[] = {
	{ "invitation", "Your call with Ruth Okafor",
	  "Hello Alex,\n\nYour booking is confirmed: a screening call about the Product "
	  "Analyst opening, Wednesday 4 March, 11:30-12:00. Rebook or cancel with the links "
	  "below.\n\nPlanly\n" },
	{ "invitation", "Change to your interview",
	  "Hi Alex,\n\nyour interview with the platform team has been moved to Friday 6 March "
	  "at 15:00. Everything else stays the same.\n\nTalent team, Brookfield\n" },
	{ "invitation", "Next step",
	  "Alex - good news, the hiring manager is keen to have you in for a final round. "
	  "Shall I book you into the slot on Monday at 10?\n\nRaj, recruiter\n" },
	{ "invitation", "Round two",
	  "Hi Alex,\n\nas agreed on the phone, round two of the interviews will be in person "
	  "at our office: Thursday, 9:30 to 11:30, with two engineers.\n\nMarta\n" },
	{ "invitation", "Probetag",
	  "Hallo Alex,\n\nhast du Lust auf einen Probetag bei uns? Am Freitag ab 8 Uhr in der "
	  "Werkstatt, wir zahlen den Tag natürlich.\n\nGruß, Jens\n" },
	{ "invitation", "Journée d'essai",
	  "Bonjour Alex,\n\nnous vous proposons une journée d'essai samedi, de 10h à 16h, "
	  "en cuisine avec le chef.\n\nRestaurant Le Quai\n" },
	{ "invitation", "Proceso de selección",
	  "Hola Alex:\n\nhas superado la primera fase. La siguiente prueba será una "
	  "entrevista ante un tribunal y tendrá lugar el lunes 9 a las 10:00.\n\nRRHH\n" },
	{ "pending", "Re: any news?",
	  "Nothing yet, sorry - the client is still with the hiring manager. I'll chase them "
	  "again on Monday.\n\nKim, agency consultant\n" },
	{ "pending", "Re: Support Engineer",
	  "Hi Alex,\n\nwe had to push our decision back by a week; we now expect to decide by "
	  "the 20th.\n\nOmar\n" },
	{ "pending", "Your application",
	  "Dear Alex,\n\nI'm sorry to say the position is on hold for now while budgets are "
	  "reviewed. This is not a no: you were our preferred candidate.\n\nAnna, HR\n" },
	{ "pending", "Ihre Bewerbung",
	  "Hallo Alex,\n\ndie Stelle ist vorerst auf Eis gelegt worden, das ist keine Absage. "
	  "Sobald die Stelle wieder freigegeben ist, melde ich mich.\n\nPetra Lang\n" },
	{ "pending", "Votre candidature",
	  "Bonjour Alex,\n\nla direction a décidé de suspendre le recrutement pour le moment. "
	  "Le poste n'est pas supprimé, je reviens vers vous dès que la situation se "
	  "débloque.\n\nClaire\n" },
	{ "pending", "Tu candidatura",
	  "Hola Alex:\n\nhemos tenido que congelar la contratación unas semanas. No es un no; "
	  "en cuanto se reactive el proceso te escribo.\n\nLuis\n" },
	{ "rejection", "Application update",
	  "Your application for Support Analyst (ref 2210).\n\nCurrent status: Unsuccessful\n\n"
	  "This message was sent automatically.\n" },
	{ "rejection", "Ihre Bewerbung",
	  "Ihre Bewerbung als Lagerist wurde aktualisiert.\n\nNeuer Status: abgelehnt\n" },
	{ "rejection", "Votre candidature",
	  "Votre candidature au poste d'assistant comptable.\n\nStatut : non retenue\n" },
	{ "rejection", "Tu candidatura",
	  "Tu candidatura a técnico de soporte.\n\nEstado actual: no seleccionada\n" },
	{ "rejection", "Re: the van driver job",
	  "Hi Alex, we've given the job to someone who already knows the routes. Nothing "
	  "against you at all.\n\nBarry\n" },
	{ "references", "Referees",
	  "Dear Alex,\n\nwe'd like to move forward with your application. Please add two "
	  "referees to your candidate profile; we only contact referees once you agree.\n\n"
	  "Recruitment team\n" },
	{ "offer", "Great news",
	  "Alex, the client want you for the contract - 500 a day, three months, from June. "
	  "Can you let me have an answer by Friday?\n\nSue, consultant\n" },
	{ "offer", "Bonne nouvelle",
	  "Bonjour Alex,\n\nils souhaitent vous faire une offre : CDI, 52 k€ brut annuel, "
	  "démarrage en mai. Ils attendent une réponse d'ici lundi.\n\nMarc, cabinet de "
	  "recrutement\n" },
	{ "do-not-contact", "Your application",
	  "Dear Alex,\n\nthank you for your application. We ask that you do not phone the "
	  "office about its progress; shortlisted candidates will hear from us.\n\nHR\n" },
	{ "none", "Your dental appointment",
	  "Hi Alex,\n\nyour appointment is confirmed for Tuesday at 10. Reschedule or cancel "
	  "with the link below.\n\nThe practice team\n" },
	{ "none", "Pub quiz",
	  "The second round is on Tuesday at the Red Lion, meet at 8. Bring the team!\n" },
	{ "none", "Re: bike",
	  "Still nothing from the workshop, I'll chase them tomorrow. Hang tight.\n" },
	{ "none", "Company news",
	  "Hi all, hiring is on hold across the company until the summer and the open roles "
	  "are paused. The offsite is still on.\n" },
	{ "none", "Re: kitchen",
	  "Still waiting on Priya's notes from the design review, should be able to tell you "
	  "by Friday.\n" },
	{ "none", "Interview course",
	  "Our interview preparation course runs on Thursday at 7pm, 15 EUR instead of 29 EUR. "
	  "Meet the team and bring your questions.\n" },
	{ "none", "Interview for the paper",
	  "Hi, I'm writing a piece on local bakeries - would you be up for a short interview "
	  "on Thursday at 10? Call me.\n" },
	{ "none", "Re: licences",
	  "Can we schedule a call this week about the vendor's quote for the extra licences? "
	  "The position on support is unclear.\n" },
	{ "none", "Thanks for applying!",
	  "Thanks for applying to our café. We read every application and if we would like to "
	  "invite you for a coffee we will be in touch.\n" },
	{ "none", "Conseil syndical",
	  "Bonjour, le poste de trésorier du conseil syndical est libre : présentez votre "
	  "candidature avant l'assemblée de jeudi 19h.\n" },
	{ "none", "Probe",
	  "Hallo, die Eigentümerversammlung findet am Donnerstag um 19 Uhr statt, die "
	  "Hausverwaltung hat das Team eingeladen.\n" },
	{ "none", "Cita",
	  "Hola, tu cita está confirmada para el martes a las 10. Reprograma o cancela desde "
	  "el enlace.\n" },
	{ "none", "Ihr Antrag",
	  "Ihr Termin im Bürgeramt ist bestätigt: Dienstag, 10 Uhr. Bringen Sie Ihren Antrag "
	  "und das Formular fürs Team mit. Verschieben oder absagen unter dem Link.\n" },
	{ "none", "Re: Bauprojekt",
	  "Das Projekt liegt vorerst auf Eis, abgesagt ist damit nichts. Sobald das Budget "
	  "wieder frei ist, melde ich mich. Das Team\n" },
	{ "none", "Tournoi d'échecs",
	  "Bonjour, le second tour aura lieu samedi à 14h, rendez-vous avec l'équipe. Votre "
	  "candidature au tournoi est validée.\n" },
	{ "none", "Voluntariado",
	  "Hola Alex, has superado la primera fase del curso de voluntariado y tu cita está "
	  "confirmada para el sábado. El equipo te espera.\n" },
	{ "none", "Obra",
	  "Hola, hemos tenido que congelar el proceso de la obra, no es un no. En cuanto se "
	  "reactive te escribo. El equipo\n" },
	{ "offer", "As discussed on the phone",
	  "Hi Alex,\n\nas promised, here it is in writing: we'd like to offer you the Data "
	  "Engineer position at 61,000 a year. Let us know your decision by Tuesday.\n\nPia\n" },
	{ "offer", "Zusage",
	  "Sehr geehrte Frau Example,\n\ngerne bestätigen wir Ihnen die Zusage für die Stelle "
	  "als Controllerin. Bitte teilen Sie uns Ihre Entscheidung bis zum 12. Mai mit.\n\n"
	  "Personalabteilung\n" },
	{ "invitation", "Journée de recrutement",
	  "Madame, Monsieur,\n\nnous avons le plaisir de vous convier à une journée de "
	  "recrutement le jeudi 8 octobre, de 9h à 16h, dans nos locaux.\n\nService RH\n" },
	{ "rejection", "Resolución",
	  "Hola Alex:\n\nla comisión ha decidido declarar desierta la plaza de técnico, así que "
	  "tu candidatura no continúa en el proceso.\n\nRRHH\n" },
	{ "do-not-contact", "Eingangsbestätigung",
	  "Sehr geehrte Bewerberin, sehr geehrter Bewerber,\n\nbitte sehen Sie von telefonischen "
	  "Nachfragen zum Stand Ihrer Bewerbung ab; wir bitten Sie, von Rückfragen bis zum Ende "
	  "des Verfahrens abzusehen.\n\nPersonalamt\n" },
	{ "none", "Re: bike club",
	  "We'd like to offer you a place on the team for the spring rides! Let us know your "
	  "answer by Sunday.\n" },
	{ "none", "Re: café",
	  "Parfait, on dit donc mercredi à 14h au café, avec l'équipe du club.\n" },
	{ "none", "Re: sofa",
	  "Here it is in writing so there's no confusion: I'd like to offer you the sofa for "
	  "200, pick it up Saturday.\n" },
	{ "none", "Re: community centre",
	  "They want you for the project at the community centre, the team meets on Monday. "
	  "Let me have an answer by Friday.\n" },
};

static void test_sixth_round(void)
{
	check_examples(sixth_round, G_N_ELEMENTS(sixth_round));
	/* Accepting with a word between: "very pleased to accept". */
	g_assert_cmpstr(stage_name(stage_of("Re: offer",
		"Hi Jo,\n\nthank you - really pleased to accept. I'll send the signed copy "
		"tonight.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: dinner",
		"Very happy to accept your invitation to dinner on Friday!\n", true)), ==, "none");
}

/* The seventh round's phrase families (written from batches 15 and 16, in
 * words of our own): short notes from tradespeople, academic and
 * public-sector selection, rejections that name the stage they followed,
 * brief acceptances, and everyday mail with the words of hiring (volunteers,
 * choirs, club trials, school places, stipends, ballots, builders, planning,
 * radio, master's places) that must stay none, even where the model would
 * lift it. */
static const struct example seventh_round[] = {
	{ "invitation", "Re: plant operator",
	  "got your cv, ta. could you come down friday 7am? site office at the Ridgeway "
	  "job, blue door. bring your ppe.\n\nDave\n" },
	{ "invitation", "Re: scaffolder job",
	  "can u do weds 8am? just want to put a face to the name, yard on Mill Lane\n\nSteve\n" },
	{ "invitation", "Re: Bewerbung als Maurer",
	  "Hallo Alex,\n\ndanke für die Bewerbung. Komm doch am Montag um halb acht auf der "
	  "Baustelle in der Lindenstraße vorbei, dann reden wir.\n\nGruß Bernd\n" },
	{ "invitation", "Re: candidature électricien",
	  "Bonjour,\n\nmerci pour le CV. On peut se voir mardi à 8 h sur le chantier de "
	  "l'école ? Prévoir chaussures de sécurité.\n\nM. Roux\n" },
	{ "invitation", "Re: oficial de primera",
	  "Hola Alex, gracias por el currículum. Pásate por la nave el jueves a las 9 y lo "
	  "hablamos.\n\nJuanma\n" },
	{ "invitation", "Re: roofer job",
	  "mate can you be at the yard 7am monday? we'll take you out to a job\n" },
	{ "invitation", "Re: Bewerbung als Maler",
	  "Moin Alex, komm Montag um 8 bei uns im Betrieb vorbei, dann quatschen wir.\n\nJens\n" },
	{ "invitation", "Re: candidature plaquiste",
	  "Salut Alex, passe demain à 8 h au chantier rue Victor Hugo, on en parle sur place.\n" },
	{ "invitation", "Re: Bewerbung Zimmerer",
	  "Servus Alex, komm am Montag um sieben auf die Baustelle in der Hauptstraße, dann "
	  "schauen wir weiter.\n\nSepp\n" },
	{ "invitation", "Re: puesto de carpintero",
	  "Hola, ven el lunes a las 8 al taller y lo vemos.\n\nPepe\n" },
	{ "invitation", "Lecturer in Ecology - shortlist",
	  "Dear Dr Example,\n\nThe search committee would like to invite you for a campus visit "
	  "on 12 and 13 May, with a job talk on the first afternoon.\n\nProf. Hale\n" },
	{ "invitation", "W2-Professur Werkstofftechnik",
	  "Sehr geehrte Frau Dr. Example,\n\ndie Berufungskommission lädt Sie zu einem "
	  "hochschulöffentlichen Probevortrag am 4. Juni um 14 Uhr ein.\n\nMit freundlichen "
	  "Grüßen\n" },
	{ "invitation", "Poste de maître de conférences",
	  "Madame,\n\nvous êtes convoquée à une audition devant le comité de sélection le "
	  "18 mai à 9 h 30.\n\nLe service du personnel enseignant\n" },
	{ "invitation", "Oposiciones - segundo ejercicio",
	  "Estimada aspirante:\n\nqueda convocada al segundo ejercicio del proceso selectivo, "
	  "que se celebrará el 3 de junio a las 10:00.\n\nEl tribunal calificador\n" },
	{ "invitation", "Re: joiner post",
	  "Alex - come down to the workshop monday at 8 and we'll have a chat.\n\nPete\n" },
	{ "invitation", "Re: candidature chauffeur livreur",
	  "Bonjour, passez au dépôt lundi à 7 h, on fera un tour avec le camion.\n\nYves\n" },
	{ "invitation", "Concours d'attaché",
	  "Madame,\n\nvous êtes déclarée admissible au concours externe d'attaché. Vous êtes "
	  "convoquée à l'épreuve orale d'admission le 12 juin à 14 h.\n" },
	{ "offer", "Rahmenvertrag",
	  "Hallo Alex,\n\nwir möchten dir einen Rahmenvertrag ab 1. Mai anbieten, Stundensatz "
	  "90 Euro.\n\nSven\n" },
	{ "offer", "Mission data",
	  "Bonjour Alex,\n\nnous vous proposons la mission de six mois à un TJM de 550 euros, "
	  "à partir du 2 mars.\n\nClaire\n" },
	{ "offer", "Colaboración",
	  "Hola Alex:\n\nte proponemos la colaboración como autónomo durante seis meses a 450 "
	  "euros por jornada.\n\nIker\n" },
	{ "offer", "Application update",
	  "Dear Alex,\n\nThank you for attending the assessment centre. We are pleased to offer "
	  "you a place on our 2026 graduate programme, subject to references.\n" },
	{ "pending", "Berufungsverfahren",
	  "Sehr geehrte Frau Dr. Example,\n\nnach Ihrem Probevortrag geht die Liste der "
	  "Berufungskommission nun an den Senat; eine Entscheidung erwarten wir im Juli.\n" },
	{ "pending", "Re: Product designer",
	  "Hi Alex,\n\nthe team loved Thursday. We still have a call with the other finalist "
	  "on Monday and will decide right after; you'll hear from me by Wednesday.\n\nIna\n" },
	{ "pending", "Re: Dev back-end",
	  "Salut Alex,\n\non doit encore caler un échange avec l'autre finaliste lundi, puis "
	  "on tranche. Je reviens vers toi d'ici mercredi.\n\nInès\n" },
	{ "offer", "Proposition d'engagement",
	  "Bonjour Alex,\n\nj'ai le grand plaisir de vous proposer le poste de chef de projet. "
	  "Taux d'activité 100 %, entrée en fonction le 1er mars. La lettre d'engagement est "
	  "jointe.\n\nService RH\n" },
	{ "invitation", "Interview - Housing Officer",
	  "Dear Alex,\n\nthe shortlisting panel would like you to attend a panel interview on "
	  "12 May at 10am. The panel: the Head of Housing and a tenant board member.\n" },
	{ "invitation", "Re: poste de maçon",
	  "Bonjour, rendez-vous sur le chantier mardi 7 h 30, on discutera sur place.\n\n"
	  "M. Blanc\n" },
	{ "invitation", "Professur für Geoinformatik",
	  "Sehr geehrter Herr Dr. Example,\n\ndie Berufungskommission lädt Sie herzlich zu einem "
	  "Vortrag mit anschließendem Kommissionsgespräch am 12. Mai ein.\n" },
	{ "invitation", "Maître de conférences",
	  "Madame,\n\nle comité de sélection vous convoque à l'audition le 15 mai à 14 h.\n" },
	{ "invitation", "Plaza de Profesor",
	  "Estimada Dra. Example:\n\nla comisión de selección le convoca a la defensa de su "
	  "proyecto docente el 3 de junio a las 10:00.\n" },
	{ "invitation", "Journée de sélection",
	  "Bonjour Alex,\n\nvous êtes invitée à notre journée de sélection le 5 mars à 9 h.\n" },
	{ "invitation", "Dinámica de grupo",
	  "Hola Alex:\n\nte convocamos a una dinámica de grupo el jueves 5 a las 10:00 en "
	  "nuestras oficinas.\n" },
	{ "offer", "Mission",
	  "Bonjour Alex,\n\nle client valide votre profil pour la mission : six mois, démarrage "
	  "le 3 mars. Je vous envoie le contrat.\n" },
	{ "offer", "Projekt",
	  "Hallo Alex,\n\nder Kunde hat zugesagt: Projektstart 1.3., sechs Monate, Stundensatz "
	  "95 Euro.\n" },
	{ "offer", "Proceso selectivo",
	  "Estimada Sra. Example:\n\nha superado el proceso selectivo y ha obtenido plaza. "
	  "Presente la documentación en veinte días.\n" },
	{ "rejection", "Your assessment day",
	  "Dear Alex,\n\nthank you for taking part in our assessment day. Unfortunately we will "
	  "not be offering you a place on the scheme.\n" },
	{ "rejection", "Prueba técnica",
	  "Hola Alex:\n\ngracias por realizar la prueba técnica. Lamentablemente no continuarás "
	  "en el proceso.\n" },
	{ "offer", "Contract",
	  "Hi Alex,\n\nthe client has come back and they'd like you for the contract: three months "
	  "to start, 600 a day inside IR35. Shall I confirm?\n\nNadia\n" },
	/* Job mail with the same words as the hard negatives keeps its stage. */
	{ "invitation", "Interview - Support Worker",
	  "Dear Alex,\n\nthank you for your application. Your experience as a volunteer with the "
	  "Red Cross stood out; we would like to invite you to an interview on 3 March at 10am.\n" },
	{ "invitation", "Vorstellungsgespräch",
	  "Sehr geehrte Frau Example,\n\nIhre Erfahrung als Ehrenamtliche hat uns überzeugt. Wir "
	  "laden Sie zu einem Vorstellungsgespräch am 3. März um 10 Uhr ein.\n" },
	{ "invitation", "Entretien",
	  "Madame,\n\nvotre expérience en tant que bénévole nous a convaincus. Nous avons le "
	  "plaisir de vous inviter à un entretien le 3 mars à 10 h.\n" },
	{ "invitation", "Entrevista",
	  "Hola Alex:\n\ntu experiencia como voluntaria nos ha gustado. Te invitamos a una "
	  "entrevista el martes 3 de marzo a las 10:00.\n" },
	{ "invitation", "Interview - Volunteer Manager",
	  "Dear Alex,\n\nthanks for applying for our Volunteer Manager role. You would recruit and "
	  "train every new volunteer. Can you come to interview on 5 March at 2pm?\n" },
	{ "invitation", "Interview - Music Teacher",
	  "Dear Alex,\n\nthank you for applying for the Music Teacher post. We would like to invite "
	  "you to interview on 5 March at 11am; you will lead a short choir rehearsal.\n" },
	{ "invitation", "Re: electrician job",
	  "Hi Alex, thanks for the CV. Our electricians are on the Riverside site all week - can "
	  "you come down Thursday 7.30am at the site office?\n\nDave\n" },
	{ "invitation", "Fitness Instructor - next step",
	  "Hi Alex,\n\nthanks for applying for the Fitness Instructor role. The next step is a "
	  "trial session: a 30-minute class on Monday at 6pm. Can you make it?\n" },
	{ "invitation", "Trial day",
	  "Hi Alex,\n\nthanks for applying for the barista role. We'd like you to come in for a "
	  "team trial on Friday at 9am.\n" },
	{ "invitation", "Productor",
	  "Hola Alex:\n\ngracias por tu candidatura al puesto de productor del programa de radio. "
	  "Te invitamos a una entrevista el lunes a las 10:00.\n" },
	{ "offer", "Offer - Producer",
	  "Dear Alex,\n\nfollowing your interview, I'm delighted to offer you the role of Producer "
	  "on our radio programme, starting 1 April.\n" },
	/* An interview called off: with a new time it is an invitation, with
	 * the post filled a rejection. */
	{ "invitation", "Neuer Termin für das Vorstellungsgespräch",
	  "Hallo Alex,\n\nleider muss ich unser Gespräch am Mittwoch absagen, ich bin krank. "
	  "Neuer Vorschlag: Montag, 15 Uhr, wieder per Video.\n\nLea\n" },
	{ "invitation", "Nouveau créneau",
	  "Bonjour Alex,\n\nje dois décaler notre entretien de jeudi : nouveau créneau proposé "
	  "lundi à 10 h.\n" },
	{ "invitation", "Entrevista",
	  "Hola Alex:\n\ntenemos que cambiar la entrevista del jueves; ¿te iría bien el lunes a "
	  "las 10:00?\n" },
	{ "rejection", "Your interview",
	  "Dear Alex,\n\nunfortunately we have to cancel your interview on Thursday as the "
	  "position has now been filled.\n" },
	{ "rejection", "Ihr Gespräch",
	  "Sehr geehrte Frau Example,\n\nleider müssen wir das Gespräch am Mittwoch absagen, da "
	  "die Stelle intern besetzt wurde.\n" },
	{ "rejection", "Junior Analyst - assessment centre",
	  "Dear Alex,\n\nThank you for attending our assessment centre last week. We are "
	  "sorry to say that you were not successful on this occasion.\n\nGraduate team\n" },
	{ "rejection", "Ihr Auswahlgespräch",
	  "Sehr geehrte Frau Example,\n\nnach dem Auswahlgespräch am Montag hat sich die "
	  "Kommission leider für eine andere Bewerberin entschieden.\n\nPersonalabteilung\n" },
	{ "rejection", "Votre candidature",
	  "Madame,\n\nà l'issue de votre entretien du 3 mars, nous avons le regret de ne pas "
	  "donner suite à votre candidature.\n\nLe service RH\n" },
	{ "rejection", "Tu candidatura",
	  "Hola Alex:\n\ntras la dinámica de grupo del martes, lamentamos comunicarte que no "
	  "has sido seleccionada para la siguiente fase.\n\nEquipo de selección\n" },
	{ "none", "Your volunteer application",
	  "Hi Alex,\n\nthanks for offering to volunteer at the shelter. We have a short "
	  "interview with every new volunteer - could you come in on Tuesday at 6pm? We "
	  "will also start a DBS check.\n\nVolunteer team\n" },
	{ "none", "Ton inscription bénévole",
	  "Bonjour Alex,\n\nnous rencontrons chaque nouveau bénévole lors d'un entretien "
	  "jeudi à 18 h.\n\nL'équipe\n" },
	{ "none", "Re: choir",
	  "Hi Alex, the choir's auditions are on Wednesday at 7pm; bring a piece of your "
	  "choice, there will be some sight-reading too.\n\nLiz\n" },
	{ "none", "Vorsingen",
	  "Liebe Alex,\n\nzum Vorsingen für die Kantorei laden wir dich am Donnerstag um "
	  "19 Uhr ein.\n\nHerzlich, Ute\n" },
	{ "none", "Audición",
	  "Hola Alex:\n\nte esperamos en la audición del coro el lunes a las 20:00; habrá "
	  "lectura a primera vista.\n\nLa comisión\n" },
	{ "none", "Trials",
	  "Well done - you've been selected for the second trial session on Sunday at 10 "
	  "on the top pitch. The coaching panel will pick the squad after that.\n\nCoach\n" },
	{ "none", "Probetraining",
	  "Hallo Alex,\n\ndas Probetraining ist am Dienstag um 18 Uhr; danach entscheidet "
	  "der Trainer über die Aufnahme ins Team.\n" },
	{ "none", "Demande de place en crèche",
	  "Madame,\n\nsuite à votre demande de place, nous vous proposons un entretien avec la "
	  "directrice le lundi 5 à 17 h. Merci d'apporter le carnet de santé.\n" },
	{ "none", "Admisión",
	  "Estimada familia:\n\nen el proceso de admisión les citamos a una entrevista con "
	  "el tutor de su hijo el jueves a las 16:00.\n" },
	{ "none", "Ihr Antrag auf ein Stipendium",
	  "Sehr geehrte Frau Example,\n\nwir laden Sie zu einem Auswahlgespräch am 3. Mai um "
	  "11 Uhr ein. Über die Förderung entscheidet das Kuratorium im Juni.\n" },
	{ "none", "Your ballot entry",
	  "Thank you for entering the ballot for the city marathon. Unfortunately your entry "
	  "was not successful this year.\n" },
	{ "none", "Re: bathroom",
	  "no news yet - the builders still haven't sent the revised quote. they say they'll "
	  "decide on the tiles by monday. fancy a pint?\n" },
	{ "none", "Your planning application",
	  "Dear Applicant,\n\nyour planning application has been validated; a decision is "
	  "expected by 14 September. You can track the application online.\n" },
	{ "none", "Entrevista en el programa",
	  "Hola Alex:\n\nnos gustaría tener una entrevista en directo contigo para el programa "
	  "del domingo a las 11:00.\n\nLa producción\n" },
	{ "none", "Ehrenamt",
	  "Hallo Alex,\n\nschön, dass du ehrenamtlich mithelfen möchtest. Wir laden dich zu "
	  "einem kurzen Gespräch am Montag um 18 Uhr ein.\n" },
	{ "none", "Re: dinner",
	  "can you do Thursday at 8? the usual place\n\nSam\n" },
	{ "none", "Re: extension",
	  "Our builders said they'd let us know by Friday whether the beam is approved. No "
	  "news yet.\n" },
	{ "none", "Workshop programme",
	  "Dear author,\n\nwe regret that your paper was not accepted for the workshop on "
	  "data cleaning.\n" },
	{ "none", "Befriending volunteer",
	  "Dear Alex,\n\nthank you for your application to become a befriending volunteer. We "
	  "would like to invite you to an informal interview on 3 March at 2pm, after which we "
	  "will take up two references.\n" },
	{ "none", "Tafel",
	  "Hallo Alex,\n\ndanke für deine Bewerbung als Ehrenamtliche. Wir laden dich zu einem "
	  "Kennenlerngespräch am Dienstag um 17 Uhr ein.\n" },
	{ "none", "Festival",
	  "Bonjour Alex,\n\nmerci pour votre candidature comme bénévole. Nous vous proposons un "
	  "entretien mardi à 18 h.\n" },
	{ "none", "Your visa appointment",
	  "Dear Applicant,\n\nyour visa interview at the consulate is on Tuesday 10 March at "
	  "9:30. Bring your passport.\n" },
	{ "none", "Adopting Bella",
	  "Hi Alex,\n\nthanks for your application to adopt Bella! We'd like to arrange a home "
	  "visit on Saturday at 11 and will need two references.\n" },
	{ "none", "Plot 14",
	  "Dear Alex,\n\nwe are pleased to offer you plot 14 at the Meadow Lane allotments. "
	  "Please let us know by Friday whether you accept.\n" },
	/* Friends' notes with a day, a time and a workshop or a yard. */
	{ "none", "Re: Umzug",
	  "Hi Alex, komm doch am Samstag um 9 vorbei, dann packen wir die Kisten.\n\nTom\n" },
	{ "none", "Re: Fahrrad",
	  "Schau doch morgen um 5 in der Werkstatt vorbei, dann mach ich dir die Bremsen.\n" },
	{ "none", "Re: vélo",
	  "Passe demain à 18 h à l'atelier, je te répare la chaîne.\n" },
	{ "none", "Re: bici",
	  "Pásate mañana a las 6 por el taller y te arreglo los frenos.\n" },
	{ "none", "Re: the shed",
	  "pop down to the workshop saturday at 10 and I'll show you the lathe\n" },
	{ "none", "Re: boot sale",
	  "can you be at the yard 7am sunday? we need help with the tables\n" },
	{ "none", "Votre candidature au Master",
	  "Bonjour,\n\nla commission pédagogique a examiné votre candidature au Master et "
	  "vous place sur liste d'attente. Réponse d'ici le 20 juin.\n" },
};

static void test_seventh_round(void)
{
	check_examples(seventh_round, G_N_ELEMENTS(seventh_round));
	/* Brief acceptances, and a yes to an interview that stays none. */
	g_assert_cmpstr(stage_name(stage_of("Re: bricklayer job",
		"Cheers Tony, yes please - I'm in. See you on the Monday.\n\nAlex\n", true)), ==,
		"acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: contract",
		"Hi Sara,\n\n550 a day works for me. Send the contract over and I'll sign it "
		"tomorrow.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("AW: Rahmenvertrag",
		"Hallo Jan,\n\nich bin dabei: der Vertrag zu 90 Euro die Stunde passt für mich. "
		"Die unterschriebene Fassung kommt morgen.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("RE: Proposition d'embauche",
		"Madame,\n\nmerci pour votre proposition, que j'accepte avec plaisir.\n\nAlex\n",
		true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Propuesta",
		"Hola Marta, me apunto: acepto los tres meses a 400 la jornada.\n\nAlex\n", true)),
		==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Offer",
		"Thanks so much Jo - consider this a yes. A start date of the 3rd works.\n", true)),
		==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Proposition",
		"Bonjour Claire, c'est oui avec plaisir ! Je commence le 2 mars.\n", true)), ==,
		"acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Interview",
		"Hi Sam, yes please - count me in for the interview on Monday.\n\nAlex\n", true)),
		==, "none");
	g_assert_cmpstr(stage_name(stage_of("Re: dinner",
		"Yes please, I'm in. See you Friday at 8.\n", true)), ==, "none");
}

static void test_third_round(void)
{
	check_examples(third_round, G_N_ELEMENTS(third_round));
	/* Accepting: signing whatever comes and handing in the notice. */
	g_assert_cmpstr(stage_name(stage_of("Re: Offer",
		"Felix,\n\nCount me in! I'll sign whatever you send over and hand in my notice "
		"on Monday.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Angebot",
		"Hallo Jana,\n\nich bin dabei! Ich unterschreibe alles, was ihr mir schickt, und "
		"reiche morgen meine Kündigung ein.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Interview",
		"Hi Sam,\n\nCount me in for the interview on Monday.\n\nAlex\n", true)), ==, "none");
}

static void test_quoted_weighs_less(void)
{
	const char *body =
		"Dear Alex,\n\nUnfortunately we have decided to move forward with other candidates.\n\n"
		"On Mon, 2 Mar 2026 at 10:00, Jane <jane@acme.example> wrote:\n"
		"> We would like to invite you to an interview. Please send your availability.\n"
		"> We would like to schedule a phone interview.\n";

	g_assert_cmpstr(stage_name(stage_of("Re: Interview", body, false)), ==, "rejection");
}

static void test_acceptance(void)
{
	g_assert_cmpstr(stage_name(stage_of("Re: Offer",
		"Dear Jane,\n\nI am delighted to accept the offer for the Data Analyst position. "
		"The signed offer letter is attached.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Angebot",
		"Liebe Jane,\n\nich nehme Ihr Angebot sehr gerne an.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Offre",
		"Bonjour,\n\nJ'ai le plaisir d'accepter votre offre.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Oferta",
		"Hola,\n\nMe complace aceptar la oferta.\n\nAlex\n", true)), ==, "acceptance");
	g_assert_cmpstr(stage_name(stage_of("Re: Offer",
		"Dear Jane,\n\nThank you, but I have decided to decline the offer.\n", true)), ==, "none");
	g_assert_cmpstr(stage_name(stage_of("Lunch", "See you at noon.\n", true)), ==, "none");
}

/* Writes a rules folder under dir with one file. */
static void write_rules(const char *dir, const char *name, const char *text)
{
	g_autofree char *rd = g_build_filename(dir, "rules", NULL);
	g_autofree char *path = g_build_filename(rd, name, NULL);

	g_assert_cmpint(g_mkdir_with_parents(rd, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static void rm_rf(const char *dir)
{
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);

	g_assert_cmpint(system(cmd), ==, 0);
}

static void test_user_rules(void)
{
	g_autofree char *dir = g_dir_make_tmp("nudge-rules-XXXXXX", NULL);
	g_autoptr(GPtrArray) warn = NULL;
	g_autoptr(GError) err = NULL;
	struct rules *r = NULL;
	struct classify_input in = { "About your application", "let us have a frobnicate session", NULL, false };
	struct classify_result res;

	/* A good user rule adds to the built-in ones. */
	write_rules(dir, "mine.rules", "# mine\ninvitation 20 sf \\bfrobnicate session\\b\n");
	g_assert_cmpint(rules_load(datadir(), dir, &r, &warn, &err), ==, 0);
	g_assert_null(warn);
	classify(r, &in, &res);
	g_assert_cmpstr(stage_name(res.stage), ==, "invitation");
	g_assert_cmpstr(res.rule, ==, "mine.rules:2");
	rules_free(r);
	r = NULL;

	/* A bad one is reported with file:line and all user rules are dropped. */
	write_rules(dir, "mine.rules", "invitation 20 sf \\bfrobnicate session\\b\n"
		    "rejection 5 f (unclosed\n");
	g_assert_cmpint(rules_load(datadir(), dir, &r, &warn, &err), ==, 0);
	g_assert_nonnull(warn);
	g_assert_cmpuint(warn->len, ==, 1);
	g_assert_true(strstr(warn->pdata[0], "mine.rules:2: ") != NULL);
	g_assert_true(strstr(warn->pdata[0], "missing closing parenthesis") != NULL);
	classify(r, &in, &res);
	g_assert_cmpstr(stage_name(res.stage), ==, "none");
	rules_free(r);
	rm_rf(dir);
}

static void test_broken_builtin(void)
{
	g_autofree char *dir = g_dir_make_tmp("nudge-data-XXXXXX", NULL);
	g_autofree char *fdir = g_build_filename(dir, "filters", NULL);
	g_autoptr(GError) err = NULL;
	struct rules *r = NULL;

	write_rules(fdir, "a.rules", "rejection 5 f [oops\n");
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, NUDGE_E_CONFIG);
	g_assert_null(r);
	g_assert_true(strstr(err->message, "a.rules:1: ") != NULL);
	g_clear_error(&err);
	write_rules(fdir, "a.rules", "rejection five f ok\n");
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, NUDGE_E_CONFIG);
	g_assert_true(strstr(err->message, "bad weight") != NULL);
	rm_rf(dir);
}

/*
 * Whether a rule set of the one rule "invitation 20 f PATTERN" finds it in
 * text: rules are only tried where a match can start (their first words,
 * punctuation or digits), and that must never lose a match.
 */
static bool rule_finds(const char *pattern, const char *text)
{
	g_autofree char *dir = g_dir_make_tmp("nudge-data-XXXXXX", NULL);
	g_autofree char *fdir = g_build_filename(dir, "filters", NULL);
	g_autofree char *rule = g_strdup_printf("threshold 1\ninvitation 20 f %s\n", pattern);
	g_autoptr(GError) err = NULL;
	struct classify_input in = { "Hello", text, NULL, false };
	struct classify_result res;
	struct rules *r = NULL;

	write_rules(fdir, "a.rules", rule);
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, 0);
	classify(r, &in, &res);
	rules_free(r);
	rm_rf(dir);
	return res.stage == STAGE_INVITATION;
}

static void test_where_rules_start(void)
{
	static const struct {
		const char *pattern, *text;
		bool found;
	} cases[] = {
		/* Optional and nested leading groups. */
		{ "\\b(?:please )?(?:do not|don't) call", "Please DO NOT call us", true },
		{ "\\b(?:please )?(?:do not|don't) call", "and don't call", true },
		{ "\\b(?:please )?(?:do not|don't) call", "undo not call", false },
		{ "\\b(?:(?:this|that) week|top) stories", "the top stories", true },
		{ "\\b(?:(?:this|that) week|top) stories", "from this week stories", true },
		{ "\\b(?:(?:this|that) week|top) stories", "atop stories", false },
		/* A last letter that may be missing. */
		{ "\\breferences? check", "a reference check", true },
		/* A word followed by a blank is the whole word. */
		{ "\\b(?:a few|two) weeks", "in A FEW WEEKS", true },
		{ "\\b(?:a few|two) weeks", "in afew weeks", false },
		{ "\\b(?:a few|two) weeks", "a fewer weeks", false },
		{ "\\bcv\\b", "my CV.", true },
		/* Blanks are no literals after (?x), in any branch. */
		{ "\\bzzz(?x)|\\bfrob nicate", "frobnicate", true },
		/* Punctuation and digits. */
		{ "'d love to", "We'd love to meet you", true },
		{ "\\$\\d+ off", "save $20 off now", true },
		{ "\\.net developers?", "a .NET developer", true },
		{ "\\.net developers?", "a NET developer", false },
		{ "\\d+ tips to", "x10 tips to win", true },
		{ "\\b\\d+ tips to", "x10 tips to win", false },
		{ "\\b\\d+ tips to", "(10 tips to win)", true },
		{ "\\b\\d+ tips to", "\u0663 tips to win", true },
		/* Text that is not valid UTF-8 around the words. */
		{ "\\bfrobnicate\\b", "\xff frobnicate \xc3", true },
		/* Groups with options and leading classes of punctuation. */
		{ "[,|-] ?(?-i:Talent)\\b", "Jane Doe - Talent", true },
		{ "[,|-] ?(?-i:Talent)\\b", "Jane Doe | talent", false },
		{ "\\b(?:job|[,|-] ?(?-i:Talent))\\b", "Acme,Talent", true },
		{ "\\b(?:job|[,|-] ?(?-i:Talent))\\b", "a Job here", true },
		{ "[!-/] ?ok\\b", "#ok", true },
		{ "[.,] ?ok\\b", "fine.ok", true },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (rule_finds(cases[i].pattern, cases[i].text) != cases[i].found)
			g_test_message("rule %s on '%s'", cases[i].pattern, cases[i].text);
		g_assert_true(rule_finds(cases[i].pattern, cases[i].text) == cases[i].found);
	}
}

/* Whether the one rule of PATTERN runs only where a match can start. */
static bool rule_anchored(const char *pattern)
{
	g_autofree char *dir = g_dir_make_tmp("nudge-data-XXXXXX", NULL);
	g_autofree char *fdir = g_build_filename(dir, "filters", NULL);
	g_autofree char *rule = g_strdup_printf("invitation 20 f %s\n", pattern);
	g_autoptr(GError) err = NULL;
	struct rules *r = NULL;
	bool anchored;

	write_rules(fdir, "a.rules", rule);
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, 0);
	g_assert_cmpuint(r->list->len, ==, 1);
	anchored = ((struct rule *)r->list->pdata[0])->anchored;
	rules_free(r);
	rm_rf(dir);
	return anchored;
}

/* The shapes whose starts are read off the pattern, and those that must run
 * along the whole text because a start cannot be told. */
static void test_which_rules_anchor(void)
{
	static const struct {
		const char *pattern;
		bool anchored;
	} cases[] = {
		{ "\\b(?:please )?(?:do not|don't) call", true },
		{ "\\b(?-i:Talent)\\b", true },
		{ "[,|-] ?(?-i:Talent)\\b", true },
		{ "\\b(?:job|[,|-] ?Talent)", true },
		{ "\\$\\d+ off", true },
		{ "[!-/] ?ok", false },
		{ "[^,]ok", false },
		{ "[,a]ok", false },
		{ "[,-]?ok", false },
		{ "(?=x)ok", false },
		{ "(?<n>ok)", false },
		{ "ok", false },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (rule_anchored(cases[i].pattern) != cases[i].anchored)
			g_test_message("rule %s", cases[i].pattern);
		g_assert_true(rule_anchored(cases[i].pattern) == cases[i].anchored);
	}
}

static void write_model(const char *dir, const char *text)
{
	g_autofree char *md = g_build_filename(dir, "filters", "model", NULL);
	g_autofree char *path = g_build_filename(md, "stages.tsv", NULL);

	g_assert_cmpint(g_mkdir_with_parents(md, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static enum nudge_stage model_stage(const struct rules *r, const char *subject,
				    const char *fresh, const char **rule)
{
	struct classify_input in = { subject, fresh, NULL, false };
	struct classify_result res;

	classify(r, &in, &res);
	*rule = res.rule;
	return res.stage;
}

/*
 * The model (filters/model/stages.tsv) lifts job mail the rules leave at
 * none, only with job context, without hard negatives and when it is sure.
 */
static void test_model(void)
{
	g_autofree char *dir = g_dir_make_tmp("nudge-data-XXXXXX", NULL);
	g_autofree char *fdir = g_build_filename(dir, "filters", NULL);
	g_autoptr(GError) err = NULL;
	struct rules *r = NULL;
	const char *rule = NULL;

	write_rules(fdir, "a.rules", "threshold 16\n"
		    "context 6 sf \\bapplication\\b\n"
		    "* -20 sf \\bunsubscribe\\b\n"
		    "rejection 20 sf \\bregret\\b\n");
	/* Without a model file the rules decide alone. */
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, 0);
	g_assert_cmpint(model_stage(r, "Your application", "zorp", &rule), ==, STAGE_NONE);
	rules_free(r);
	r = NULL;

	write_model(dir, "# test\n@classes\tnone\tinvitation\trejection\n"
		    "@prior\t0\t0\t0\n@lift\t1\n@choose\t1\n@veto\t8\n"
		    "zorp\t0\t3\t0\nglim\t0\t0\t3\n~glimme\t0\t0\t3\n");
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, 0);
	g_assert_cmpint(model_stage(r, "Your application", "zorp", &rule), ==, STAGE_INVITATION);
	g_assert_cmpstr(rule, ==, "model");
	/* No job context: the gate keeps it none. */
	g_assert_cmpint(model_stage(r, "Hello", "zorp", &rule), ==, STAGE_NONE);
	/* A hard negative keeps the model out. */
	g_assert_cmpint(model_stage(r, "Your application", "zorp, unsubscribe", &rule), ==,
			STAGE_NONE);
	/* Two stages alike: the model is not sure. */
	g_assert_cmpint(model_stage(r, "Your application", "zorp glim", &rule), ==, STAGE_NONE);
	/* A long word's stem counts too; the rules still win when they decide. */
	g_assert_cmpint(model_stage(r, "Your application", "zorp glimmering glim", &rule), ==,
			STAGE_REJECTION);
	g_assert_cmpint(model_stage(r, "Your application", "we regret; zorp", &rule), ==,
			STAGE_REJECTION);
	g_assert_cmpstr(rule, ==, "a.rules:4");
	rules_free(r);
	r = NULL;

	/* A malformed model is a configuration error with file:line. */
	write_model(dir, "@classes\tnone\tinvitation\nzorp\t0\tmany\n");
	g_assert_cmpint(rules_load(dir, NULL, &r, NULL, &err), ==, NUDGE_E_CONFIG);
	g_assert_null(r);
	g_assert_true(strstr(err->message, "stages.tsv:2: ") != NULL);
	rm_rf(dir);
}

/* The model's features: words, stems, pairs (a number as '#'); a reply's subject out. */
static void test_features(void)
{
	struct classify_input in = { "Re: Phone screen", "Interviewing 2026 now", NULL, false };
	g_autoptr(GPtrArray) f = classify_features(&in);
	const char *want[] = { "interviewing", "~interv", "now", "interviewing+#", "#+now" };

	g_assert_cmpuint(f->len, ==, G_N_ELEMENTS(want));
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		bool found = false;

		for (guint j = 0; j < f->len; j++)
			found |= strcmp(f->pdata[j], want[i]) == 0;
		g_assert_true(found);
	}
	in.subject = "Phone screen";
	g_ptr_array_unref(f);
	f = classify_features(&in);
	g_assert_cmpuint(f->len, ==, G_N_ELEMENTS(want) + 3);
}

/* Counts for one stage: true positives, false positives, false negatives. */
struct tally {
	int tp[STAGE__COUNT], fp[STAGE__COUNT], fn[STAGE__COUNT];
	int n, right;
	int rel_tp, rel_fp, rel_fn;	/* interview-related or not */
};

static void count(struct tally *t, enum nudge_stage want, enum nudge_stage got)
{
	t->n++;
	if (want == got) {
		t->right++;
		t->tp[want]++;
	} else {
		t->fp[got]++;
		t->fn[want]++;
	}
	if (want != STAGE_NONE && got != STAGE_NONE)
		t->rel_tp++;
	else if (got != STAGE_NONE)
		t->rel_fp++;
	else if (want != STAGE_NONE)
		t->rel_fn++;
}

static double ratio(int a, int b)
{
	return b ? (double)a / b : 1.0;
}

static void report(const char *name, const struct tally *t)
{
	g_print("# %s: %d messages, stage accuracy %.3f, related precision %.3f recall %.3f\n",
		name, t->n, ratio(t->right, t->n), ratio(t->rel_tp, t->rel_tp + t->rel_fp),
		ratio(t->rel_tp, t->rel_tp + t->rel_fn));
	for (int s = 0; s < STAGE__COUNT; s++) {
		if (!t->tp[s] && !t->fp[s] && !t->fn[s])
			continue;
		g_print("#   %-15s precision %.3f (%d/%d) recall %.3f (%d/%d)\n", stage_name(s),
			ratio(t->tp[s], t->tp[s] + t->fp[s]), t->tp[s], t->tp[s] + t->fp[s],
			ratio(t->tp[s], t->tp[s] + t->fn[s]), t->tp[s], t->tp[s] + t->fn[s]);
	}
}

/* Classifies the labelled messages of dir; NULL labels: all none. */
static bool measure(const char *dir, struct tally *t)
{
	g_autoptr(GPtrArray) labels = labels_load(dir);
	bool verbose = g_getenv("NUDGE_TEST_VERBOSE") != NULL;

	if (!labels)
		return false;
	for (guint i = 0; i < labels->len; i++) {
		struct label *l = labels->pdata[i];
		g_autofree char *path = g_build_filename(dir, l->file, NULL);
		enum nudge_stage want, got;
		struct nudge_msg *m;

		if (strcmp(l->stage, "skip") == 0 || stage_parse(l->stage, &want) < 0)
			continue;
		if (!(m = corpus_load(path)))
			continue;
		got = stage_of(m->subject, m->text, l->outgoing);
		if (verbose && got != want)
			g_print("# MISS %s: want %s got %s\n", path, stage_name(want), stage_name(got));
		count(t, want, got);
		msg_free(m);
	}
	return true;
}

static void measure_all_none(const char *dir, struct tally *t)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;
	bool verbose = g_getenv("NUDGE_TEST_VERBOSE") != NULL;

	if (!d)
		return;
	while ((n = g_dir_read_name(d))) {
		g_autofree char *path = g_build_filename(dir, n, NULL);
		enum nudge_stage got;
		struct nudge_msg *m;

		if (!(m = corpus_load(path)))
			continue;
		got = stage_of(m->subject, m->text, false);
		if (verbose && got != STAGE_NONE)
			g_print("# FP %s: %s\n", path, stage_name(got));
		count(t, STAGE_NONE, got);
		msg_free(m);
	}
	g_dir_close(d);
}

static char *shared_dir(const char *sub)
{
	return g_build_filename(datadir(), "..", "shared", "corpus", sub, NULL);
}

static void test_real_dev(void)
{
	g_autofree char *dir = shared_dir("real-dev");
	struct tally t = { 0 };

	if (!measure(dir, &t)) {
		g_test_skip("no ../shared/corpus/real-dev");
		return;
	}
	report("real-dev", &t);
	/* Where the figures honestly stand; raise them as the rules improve. */
	g_assert_cmpfloat(ratio(t.right, t.n), >=, 0.95);
	g_assert_cmpfloat(ratio(t.rel_tp, t.rel_tp + t.rel_fp), >=, 0.95);
	g_assert_cmpfloat(ratio(t.rel_tp, t.rel_tp + t.rel_fn), >=, 0.95);
}

static void test_labelled(void)
{
	g_autofree char *dir = g_build_filename(datadir(), "tests", "corpus", "labelled", NULL);
	struct tally t = { 0 };

	if (!measure(dir, &t)) {
		g_test_skip("no tests/corpus/labelled");
		return;
	}
	report("labelled", &t);
	/* Rules were written after each batch was measured: see its README.
	 * After the fifth round (batch 13's families): stage 0.996, related
	 * precision 1.000. Batch 14 in unseen: 0.961 and 0.994; after the
	 * sixth round (batch 14's families): 0.996 and 1.000. Batch 15 in
	 * unseen: 0.965 and 0.997; the model with more say, trained on it:
	 * 0.990 and 0.997. Batch 16 in unseen: 0.974 and 0.988; after the
	 * seventh round (batches 15 and 16's families): 0.995 and 1.000 (0.996
	 * with the model retrained on batch 16). */
	g_assert_cmpfloat(ratio(t.right, t.n), >=, 0.99);
	g_assert_cmpfloat(ratio(t.rel_tp, t.rel_tp + t.rel_fp), >=, 0.99);
}

static void test_ham(void)
{
	static const char *const subs[] = { "easy-ham-1", "hard-ham-1", "spam-1" };
	struct tally t = { 0 };

	for (size_t i = 0; i < G_N_ELEMENTS(subs); i++) {
		g_autofree char *base = shared_dir("ham");
		g_autofree char *dir = g_build_filename(base, subs[i], NULL);

		measure_all_none(dir, &t);
	}
	if (!t.n) {
		g_test_skip("no ../shared/corpus/ham");
		return;
	}
	report("ham+spam", &t);
	g_print("# ham+spam false positives: %d of %d (%.2f%%)\n", t.n - t.right, t.n,
		100.0 * (t.n - t.right) / t.n);
	g_assert_cmpfloat(ratio(t.n - t.right, t.n), <=, 0.002);
}

int main(int argc, char **argv)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(GPtrArray) warn = NULL;
	int rc;

	g_test_init(&argc, &argv, NULL);
	g_mime_init();
	if (rules_load(datadir(), NULL, &rules, &warn, &err) < 0) {
		g_printerr("rules: %s\n", err->message);
		return 1;
	}
	g_test_add_func("/classify/examples", test_examples);
	g_test_add_func("/classify/third-round", test_third_round);
	g_test_add_func("/classify/fourth-round", test_fourth_round);
	g_test_add_func("/classify/fifth-round", test_fifth_round);
	g_test_add_func("/classify/sixth-round", test_sixth_round);
	g_test_add_func("/classify/seventh-round", test_seventh_round);
	g_test_add_func("/classify/quoted", test_quoted_weighs_less);
	g_test_add_func("/classify/acceptance", test_acceptance);
	g_test_add_func("/classify/user-rules", test_user_rules);
	g_test_add_func("/classify/broken-builtin", test_broken_builtin);
	g_test_add_func("/classify/model", test_model);
	g_test_add_func("/classify/where-rules-start", test_where_rules_start);
	g_test_add_func("/classify/which-rules-anchor", test_which_rules_anchor);
	g_test_add_func("/classify/features", test_features);
	g_test_add_func("/classify/real-dev", test_real_dev);
	g_test_add_func("/classify/labelled", test_labelled);
	g_test_add_func("/classify/ham", test_ham);
	rc = g_test_run();
	rules_free(rules);
	g_mime_shutdown();
	return rc;
}
