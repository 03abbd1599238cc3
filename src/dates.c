/*
 * Date expressions. The text is cut into tokens (numbers, words, single
 * punctuation marks); words are looked up in a small multilingual table that
 * gives their meaning (a weekday, a month, a number, a unit, "next", "end",
 * ...). A few token patterns then resolve against the reference day.
 */
#include <string.h>

#include "dates.h"

enum {
	TK_WORD, TK_NUM, TK_PUNCT,
};

/* What a word means; a word can mean several things ("sept", "may"). */
enum {
	C_WITHIN = 1 << 0,	/* within, in, innerhalb, dans, en */
	C_NEXT = 1 << 1,
	C_THIS = 1 << 2,
	C_END = 1 << 3,
	C_EARLY = 1 << 4,
	C_MID = 1 << 5,
	C_TOMORROW = 1 << 6,
	C_TODAY = 1 << 7,
	C_FILL = 1 << 8,	/* of, the, de, la, der, zum: skipped in patterns */
	C_TO = 1 << 9,		/* to, bis, à, a, or: ranges "3-5", "two to three" */
	C_BIZ = 1 << 10,	/* business, working, ouvrés, hábiles */
	C_AT = 1 << 11,		/* at, um, à, a las, @ */
	C_AM = 1 << 12,
	C_PM = 1 << 13,
	C_UHR = 1 << 14,	/* uhr, h */
	C_NOON = 1 << 15,
	C_VAGUE = 1 << 16,	/* few, several, paar, quelques */
	C_ORD = 1 << 17,	/* th, st, nd, rd, er, º after a number */
	C_ABBR = 1 << 18,	/* a weekday or month abbreviation */
	C_GUTEN = 1 << 19,	/* "guten" (Morgen) */
	C_LAST = 1 << 20,	/* last, letzten, dernier, pasado: a day gone by */
	C_AFTER = 1 << 21,	/* after, après, pasado (mañana), über(morgen) */
	C_NEXT2 = 1 << 22,	/* übernächste: the week after next */
	C_NOUNIT = 1 << 23,	/* a unit that needs no number: "sous quinzaine" */
	C_ABBRPART = 1 << 24,	/* EOW, EOD, COB, EOM: a part and its unit in one */
	C_STILL = 1 << 25,	/* noch (diese Woche), dès: "this week" promised */
	C_BEFORE = 1 << 26,	/* before, bevor, avant, antes: "a week or two before" */
	C_KW = 1 << 27,		/* KW, Kalenderwoche: a German calendar week number */
};

/* Zones written without their offset ("2pm ET", "10am Pacific"): the
 * offset of the day comes from the zone database. */
static const char *const named_zones[] = {
	"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
	"Europe/London", "Europe/Paris", "Europe/Madrid", "Europe/Berlin", "America/Mexico_City",
	"Europe/Helsinki", "Europe/Lisbon",
};

#define NAMED_TZ 100000		/* tz >= NAMED_TZ: named_zones[tz - NAMED_TZ] */

struct word {
	const char *w;
	int cls;
	int wd;			/* 1 (Monday) .. 7 */
	int mon;		/* 1 .. 12 */
	int num;		/* a number word, else 0 */
	int unit;		/* days in the unit; 30 = month, -1 = hour */
	int tz;			/* minutes east of UTC + 1 (0: not a zone) */
};

#define WD(w, n) { w, 0, n, 0, 0, 0, 0 }
#define WDA(w, n) { w, C_ABBR, n, 0, 0, 0, 0 }
#define MON(w, n) { w, 0, 0, n, 0, 0, 0 }
#define NUMW(w, n) { w, 0, 0, 0, n, 0, 0 }
#define UNIT(w, n) { w, 0, 0, 0, 0, n, 0 }
#define CLS(w, c) { w, c, 0, 0, 0, 0, 0 }
#define TZ(w, m) { w, 0, 0, 0, 0, 0, (m) + 1 }

static const struct word words[] = {
	WD("monday", 1), WD("tuesday", 2), WD("wednesday", 3), WD("thursday", 4),
	WD("friday", 5), WD("saturday", 6), WD("sunday", 7),
	WDA("mon", 1), WDA("tue", 2), WDA("tues", 2), WDA("wed", 3), WDA("thu", 4),
	WDA("thurs", 4), WDA("fri", 5), WDA("sat", 6), WDA("sun", 7),
	WD("montag", 1), WD("dienstag", 2), WD("mittwoch", 3), WD("donnerstag", 4),
	WD("freitag", 5), WD("samstag", 6), WD("sonnabend", 6), WD("sonntag", 7),
	WD("lundi", 1), WD("mardi", 2), WD("mercredi", 3), WD("jeudi", 4),
	WD("vendredi", 5), WD("samedi", 6), WD("dimanche", 7),
	WD("lunes", 1), WD("martes", 2), WD("miércoles", 3), WD("miercoles", 3),
	WD("jueves", 4), WD("viernes", 5), WD("sábado", 6), WD("sabado", 6),
	WD("domingo", 7),

	MON("january", 1), MON("jan", 1), MON("february", 2), MON("feb", 2),
	MON("march", 3), MON("mar", 3), MON("april", 4), MON("apr", 4),
	MON("may", 5), MON("june", 6), MON("jun", 6), MON("july", 7), MON("jul", 7),
	MON("august", 8), MON("aug", 8), MON("september", 9), MON("sep", 9),
	MON("sept", 9), MON("october", 10), MON("oct", 10), MON("november", 11),
	MON("nov", 11), MON("december", 12), MON("dec", 12),
	MON("januar", 1), MON("jänner", 1), MON("februar", 2), MON("märz", 3),
	MON("maerz", 3), MON("mai", 5), MON("juni", 6), MON("juli", 7),
	MON("oktober", 10), MON("okt", 10), MON("dezember", 12), MON("dez", 12),
	MON("janvier", 1), MON("février", 2), MON("fevrier", 2), MON("mars", 3),
	MON("avril", 4), MON("juin", 6), MON("juillet", 7), MON("août", 8),
	MON("aout", 8), MON("septembre", 9), MON("octobre", 10), MON("novembre", 11),
	MON("décembre", 12), MON("decembre", 12),
	MON("enero", 1), MON("febrero", 2), MON("marzo", 3), MON("abril", 4),
	MON("mayo", 5), MON("junio", 6), MON("julio", 7), MON("agosto", 8),
	MON("septiembre", 9), MON("setiembre", 9), MON("octubre", 10),
	MON("noviembre", 11), MON("diciembre", 12),

	NUMW("one", 1), NUMW("two", 2), NUMW("three", 3), NUMW("four", 4),
	NUMW("five", 5), NUMW("six", 6), NUMW("seven", 7), NUMW("eight", 8),
	NUMW("nine", 9), NUMW("ten", 10), NUMW("eleven", 11), NUMW("twelve", 12),
	NUMW("fourteen", 14), NUMW("fifteen", 15), NUMW("twenty", 20), NUMW("thirty", 30),
	NUMW("thirteen", 13), NUMW("sixteen", 16), NUMW("seventeen", 17), NUMW("eighteen", 18),
	NUMW("nineteen", 19),
	NUMW("a", 1),
	NUMW("an", 1), NUMW("couple", 2),
	NUMW("ein", 1), NUMW("eine", 1), NUMW("einer", 1), NUMW("einem", 1),
	NUMW("einen", 1), NUMW("zwei", 2), NUMW("drei", 3), NUMW("vier", 4),
	NUMW("fünf", 5), NUMW("sechs", 6), NUMW("sieben", 7), NUMW("acht", 8),
	NUMW("neun", 9), NUMW("zehn", 10), NUMW("elf", 11), NUMW("zwölf", 12),
	NUMW("vierzehn", 14), NUMW("fünfzehn", 15), NUMW("zwanzig", 20), NUMW("dreißig", 30),
	NUMW("dreizehn", 13), NUMW("sechzehn", 16), NUMW("siebzehn", 17), NUMW("achtzehn", 18),
	NUMW("neunzehn", 19), NUMW("einundzwanzig", 21), NUMW("zweiundzwanzig", 22),
	NUMW("dreiundzwanzig", 23), NUMW("vierundzwanzig", 24), NUMW("fünfundzwanzig", 25),
	NUMW("sechsundzwanzig", 26), NUMW("siebenundzwanzig", 27), NUMW("achtundzwanzig", 28),
	NUMW("neunundzwanzig", 29), NUMW("einunddreißig", 31),
	NUMW("un", 1), NUMW("une", 1), NUMW("deux", 2), NUMW("trois", 3),
	NUMW("quatre", 4), NUMW("cinq", 5), NUMW("sept", 7), NUMW("huit", 8),
	NUMW("neuf", 9), NUMW("dix", 10), NUMW("onze", 11), NUMW("douze", 12),
	NUMW("quinze", 15), NUMW("vingt", 20), NUMW("trente", 30),
	NUMW("treize", 13), NUMW("quatorze", 14), NUMW("seize", 16),
	NUMW("uno", 1), NUMW("una", 1), NUMW("dos", 2), NUMW("tres", 3),
	NUMW("cuatro", 4), NUMW("cinco", 5), NUMW("seis", 6), NUMW("siete", 7),
	NUMW("ocho", 8), NUMW("nueve", 9), NUMW("diez", 10), NUMW("once", 11),
	NUMW("doce", 12), NUMW("quince", 15), NUMW("veinte", 20), NUMW("treinta", 30),
	NUMW("trece", 13), NUMW("catorce", 14), NUMW("dieciséis", 16), NUMW("diecisiete", 17),
	NUMW("dieciocho", 18), NUMW("diecinueve", 19), NUMW("veintiuno", 21), NUMW("veintiún", 21),
	NUMW("veintidós", 22), NUMW("veintitrés", 23), NUMW("veinticuatro", 24),
	NUMW("veinticinco", 25), NUMW("veintiocho", 28),

	UNIT("day", 1), UNIT("days", 1), UNIT("tag", 1), UNIT("tage", 1),
	UNIT("tagen", 1), UNIT("jour", 1), UNIT("jours", 1), UNIT("día", 1),
	UNIT("días", 1), UNIT("dia", 1), UNIT("dias", 1),
	UNIT("week", 7), UNIT("weeks", 7), UNIT("woche", 7), UNIT("wochen", 7),
	UNIT("semaine", 7), UNIT("semaines", 7), UNIT("semana", 7),
	UNIT("semanas", 7), UNIT("fortnight", 14),
	{ "huitaine", C_NOUNIT, 0, 0, 0, 7, 0 }, { "quinzaine", C_NOUNIT, 0, 0, 0, 14, 0 },
	{ "quincena", C_NOUNIT, 0, 0, 0, 14, 0 },
	{ "dizaine", C_NOUNIT, 0, 0, 0, 10, 0 }, { "decena", C_NOUNIT, 0, 0, 0, 10, 0 },
	UNIT("month", 30), UNIT("months", 30), UNIT("monat", 30),
	UNIT("monate", 30), UNIT("monaten", 30), UNIT("monats", 30), UNIT("mois", 30), UNIT("mes", 30),
	UNIT("meses", 30),
	UNIT("hour", -1), UNIT("hours", -1), UNIT("hrs", -1), UNIT("stunde", -1),
	UNIT("stunden", -1), UNIT("heure", -1), UNIT("heures", -1),
	UNIT("hora", -1), UNIT("horas", -1),
	{ "werktag", C_BIZ, 0, 0, 0, 1, 0 }, { "werktage", C_BIZ, 0, 0, 0, 1, 0 },
	{ "werktagen", C_BIZ, 0, 0, 0, 1, 0 }, { "arbeitstage", C_BIZ, 0, 0, 0, 1, 0 },
	{ "arbeitstagen", C_BIZ, 0, 0, 0, 1, 0 },
	{ "geschäftstagen", C_BIZ, 0, 0, 0, 1, 0 },
	CLS("business", C_BIZ), CLS("working", C_BIZ), CLS("ouvrés", C_BIZ),
	CLS("ouvrables", C_BIZ), CLS("ouvrés", C_BIZ), CLS("ouvres", C_BIZ),
	CLS("hábiles", C_BIZ), CLS("habiles", C_BIZ), CLS("laborables", C_BIZ),

	CLS("within", C_WITHIN), CLS("in", C_WITHIN), CLS("inside", C_WITHIN),
	CLS("over", C_WITHIN), CLS("innerhalb", C_WITHIN), CLS("binnen", C_WITHIN),
	CLS("dans", C_WITHIN), CLS("sous", C_WITHIN), CLS("en", C_WITHIN),
	CLS("dentro", C_WITHIN), CLS("durante", C_WITHIN | C_STILL), CLS("ici", C_WITHIN),

	CLS("next", C_NEXT), CLS("nächste", C_NEXT), CLS("nächsten", C_NEXT),
	CLS("nächster", C_NEXT), CLS("nächstes", C_NEXT), CLS("naechste", C_NEXT),
	CLS("naechsten", C_NEXT), CLS("kommende", C_NEXT), CLS("kommenden", C_NEXT),
	CLS("kommender", C_NEXT), CLS("prochain", C_NEXT), CLS("prochaine", C_NEXT),
	CLS("prochains", C_NEXT), CLS("prochaines", C_NEXT), CLS("próxima", C_NEXT),
	CLS("proxima", C_NEXT), CLS("próximo", C_NEXT), CLS("proximo", C_NEXT),
	CLS("próximas", C_NEXT), CLS("próximos", C_NEXT), CLS("siguiente", C_NEXT),
	CLS("coming", C_NEXT), CLS("upcoming", C_NEXT), CLS("following", C_NEXT),
	CLS("entrante", C_NEXT), CLS("folgende", C_NEXT), CLS("folgenden", C_NEXT),
	CLS("suivante", C_NEXT),
	CLS("übernächste", C_NEXT | C_NEXT2), CLS("übernächsten", C_NEXT | C_NEXT2),
	CLS("übernächster", C_NEXT | C_NEXT2),
	CLS("this", C_THIS), CLS("diese", C_THIS), CLS("dieser", C_THIS),
	CLS("diesen", C_THIS), CLS("cette", C_THIS), CLS("ce", C_THIS),
	CLS("cet", C_THIS),
	CLS("esta", C_THIS), CLS("este", C_THIS),
	CLS("end", C_END), CLS("ende", C_END), CLS("fin", C_END),
	CLS("finales", C_END), CLS("fines", C_END), CLS("final", C_END), CLS("late", C_END),
	CLS("later", C_END),
	CLS("last", C_LAST), CLS("letzten", C_LAST), CLS("letzte", C_LAST),
	CLS("letzter", C_LAST), CLS("vergangenen", C_LAST), CLS("dernier", C_LAST),
	CLS("dernière", C_LAST), CLS("pasado", C_LAST | C_AFTER), CLS("pasada", C_LAST),
	CLS("after", C_AFTER), CLS("après", C_AFTER), CLS("apres", C_AFTER),
	CLS("übermorgen", C_TOMORROW | C_AFTER),
	CLS("noch", C_STILL), CLS("dès", C_STILL), CLS("largo", C_STILL), CLS("laufe", C_STILL),
	CLS("course", C_STILL), CLS("courant", C_STILL), CLS("sometime", C_STILL),
	CLS("kw", C_KW), CLS("kalenderwoche", C_KW),
	CLS("before", C_BEFORE), CLS("bevor", C_BEFORE), CLS("ehe", C_BEFORE),
	CLS("avant", C_BEFORE), CLS("antes", C_BEFORE),
	CLS("early", C_EARLY), CLS("beginning", C_EARLY), CLS("start", C_EARLY),
	CLS("anfang", C_EARLY), CLS("beginn", C_EARLY), CLS("début", C_EARLY),
	CLS("debut", C_EARLY), CLS("principios", C_EARLY), CLS("comienzos", C_EARLY),
	CLS("inicios", C_EARLY),
	CLS("mid", C_MID), CLS("middle", C_MID), CLS("mitte", C_MID),
	CLS("milieu", C_MID), CLS("mediados", C_MID),
	CLS("tomorrow", C_TOMORROW), CLS("morgen", C_TOMORROW),
	CLS("tmrw", C_TOMORROW), CLS("tmrrw", C_TOMORROW), CLS("tmw", C_TOMORROW),
	CLS("mñn", C_TOMORROW), CLS("mñna", C_TOMORROW),
	CLS("demain", C_TOMORROW), CLS("mañana", C_TOMORROW),
	CLS("today", C_TODAY), CLS("tonight", C_TODAY), CLS("heute", C_TODAY),
	CLS("aujourd", C_TODAY), CLS("hoy", C_TODAY),
	CLS("guten", C_GUTEN),
	{ "eow", C_ABBRPART | C_END, 0, 0, 0, 7, 0 }, { "eom", C_ABBRPART | C_END, 0, 0, 0, 30, 0 },
	{ "eod", C_ABBRPART | C_END, 0, 0, 0, 1, 0 }, { "cob", C_ABBRPART | C_END, 0, 0, 0, 1, 0 },
	{ "eob", C_ABBRPART | C_END, 0, 0, 0, 1, 0 },
	{ "weekend", C_ABBRPART | C_END, 0, 0, 0, 7, 0 },
	{ "wochenende", C_ABBRPART | C_END, 0, 0, 0, 7, 0 },
	{ "monatsende", C_ABBRPART | C_END, 0, 0, 0, 30, 0 },
	{ "monatsanfang", C_ABBRPART | C_EARLY, 0, 0, 0, 30, 0 },
	{ "monatsbeginn", C_ABBRPART | C_EARLY, 0, 0, 0, 30, 0 },
	{ "monatsmitte", C_ABBRPART | C_MID, 0, 0, 0, 30, 0 },
	{ "wochenmitte", C_ABBRPART | C_MID, 0, 0, 0, 7, 0 },
	{ "wochenanfang", C_ABBRPART | C_EARLY, 0, 0, 0, 7, 0 },
	{ "wochenbeginn", C_ABBRPART | C_EARLY, 0, 0, 0, 7, 0 },

	CLS("of", C_FILL), CLS("the", C_FILL), CLS("de", C_FILL),
	CLS("del", C_FILL), CLS("la", C_FILL | C_AT), CLS("le", C_FILL),
	CLS("les", C_FILL), CLS("las", C_FILL | C_AT), CLS("los", C_FILL),
	CLS("el", C_FILL), CLS("der", C_FILL), CLS("des", C_FILL),
	CLS("du", C_FILL), CLS("zum", C_FILL), CLS("am", C_FILL | C_AM),
	CLS("im", C_FILL), CLS("den", C_FILL), CLS("au", C_FILL), CLS("d", C_FILL),
	CLS("plazo", C_FILL), CLS("máximo", C_FILL), CLS("maximum", C_FILL),
	CLS("délai", C_FILL), CLS("delai", C_FILL), CLS("frist", C_FILL),
	CLS("about", C_FILL), CLS("approximately", C_FILL), CLS("roughly", C_FILL),
	CLS("environ", C_FILL), CLS("etwa", C_FILL), CLS("ca", C_FILL),
	CLS("que", C_FILL), CLS("viene", C_NEXT),

	CLS("to", C_TO), CLS("bis", C_TO), CLS("à", C_TO | C_AT),
	CLS("a", C_TO | C_AT), CLS("or", C_TO), CLS("oder", C_TO), CLS("ou", C_TO),
	CLS("o", C_TO), CLS("y", C_TO), CLS("and", C_TO), CLS("und", C_TO),
	CLS("et", C_TO), CLS("till", C_TO), CLS("til", C_TO), CLS("until", C_TO),
	CLS("at", C_AT), CLS("um", C_AT), CLS("from", C_AT), CLS("von", C_AT),
	CLS("vers", C_AT), CLS("gegen", C_AT), CLS("hacia", C_AT), CLS("say", C_AT),
	CLS("around", C_AT), CLS("circa", C_AT), CLS("alrededor", C_AT),
	CLS("between", C_AT), CLS("zwischen", C_AT), CLS("entre", C_AT),
	CLS("ab", C_AT), CLS("partir", C_AT), CLS("starting", C_AT),
	CLS("pm", C_PM), CLS("uhr", C_UHR), CLS("h", C_UHR), CLS("hrs", C_UHR),
	CLS("noon", C_NOON), CLS("mittag", C_NOON), CLS("midi", C_NOON),
	CLS("mediodía", C_NOON),
	CLS("few", C_VAGUE), CLS("several", C_VAGUE), CLS("paar", C_VAGUE),
	CLS("einige", C_VAGUE), CLS("einigen", C_VAGUE), CLS("quelques", C_VAGUE),
	CLS("plusieurs", C_VAGUE), CLS("unos", C_VAGUE), CLS("unas", C_VAGUE),
	CLS("algunos", C_VAGUE), CLS("algunas", C_VAGUE),
	CLS("th", C_ORD), CLS("st", C_ORD), CLS("nd", C_ORD), CLS("rd", C_ORD),
	CLS("er", C_ORD), CLS("re", C_ORD), CLS("º", C_ORD), CLS("ª", C_ORD),
	CLS("e", C_ORD), CLS("ème", C_ORD),

	TZ("est", -300), TZ("edt", -240), TZ("cst", -360), TZ("cdt", -300),
	TZ("mst", -420), TZ("mdt", -360), TZ("pst", -480), TZ("pdt", -420),
	TZ("utc", 0), TZ("gmt", 0), TZ("bst", 60), TZ("cet", 60), TZ("cest", 120),
	TZ("mez", 60), TZ("mesz", 120), TZ("wet", 0), TZ("west", 60),
	TZ("eet", 120), TZ("eest", 180), TZ("msk", 180), TZ("aest", 600), TZ("aedt", 660),
	TZ("jst", 540), TZ("sgt", 480), TZ("hkt", 480), TZ("nzst", 720), TZ("nzdt", 780),
	{ "eastern", 0, 0, 0, 0, 0, NAMED_TZ }, { "central", 0, 0, 0, 0, 0, NAMED_TZ + 1 },
	{ "mountain", 0, 0, 0, 0, 0, NAMED_TZ + 2 }, { "pacific", 0, 0, 0, 0, 0, NAMED_TZ + 3 },
	{ "uk", 0, 0, 0, 0, 0, NAMED_TZ + 4 }, { "london", 0, 0, 0, 0, 0, NAMED_TZ + 4 },
	{ "british", 0, 0, 0, 0, 0, NAMED_TZ + 4 }, { "paris", 0, 0, 0, 0, 0, NAMED_TZ + 5 },
	{ "madrid", 0, 0, 0, 0, 0, NAMED_TZ + 6 }, { "peninsular", 0, 0, 0, 0, 0, NAMED_TZ + 6 },
	{ "berlin", 0, 0, 0, 0, 0, NAMED_TZ + 7 }, { "deutscher", 0, 0, 0, 0, 0, NAMED_TZ + 7 },
	{ "méxico", 0, 0, 0, 0, 0, NAMED_TZ + 8 }, { "mexico", 0, 0, 0, 0, 0, NAMED_TZ + 8 },
	CLS("midday", C_NOON), CLS("mediodia", C_NOON),
};

struct tok {
	int kind;
	int cls;
	int wd, mon, num, unit, tz;
	bool ord;		/* "20th", "3." */
	bool digits;		/* num was written in digits */
	int ndigits;
	bool space_before;
	char punct;
	size_t s, e;
};

struct toks {
	struct tok *v;
	int n;
};

/* "ET", "CT", "MT", "PT" in capitals (lower case "et" is French "and"). */
static int zone_abbr(const char *text, const struct tok *t)
{
	static const char abbr[] = "ECMP";

	if (t->kind != TK_WORD || t->e - t->s != 2 || text[t->s + 1] != 'T')
		return 0;
	for (int i = 0; abbr[i]; i++)
		if (text[t->s] == abbr[i])
			return NAMED_TZ + i;
	return 0;
}

/* Entry x merged into m as the table reads: its classes added, its other
 * fields where it sets them. */
static void merge_word(struct word *m, const struct word *x)
{
	m->cls |= x->cls;
	if (x->wd)
		m->wd = x->wd;
	if (x->mon)
		m->mon = x->mon;
	if (x->num)
		m->num = x->num;
	if (x->unit)
		m->unit = x->unit;
	if (x->tz)
		m->tz = x->tz;
}

/*
 * words[] by word, the entries of one word merged in table order: built
 * once, since lookup() runs for every word of every sentence, and a walk
 * over the whole table for each made a long message's dates take seconds.
 */
static GHashTable *word_index(void)
{
	static gsize once;
	static GHashTable *index;

	if (g_once_init_enter(&once)) {
		GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);

		for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
			struct word *m = g_hash_table_lookup(h, words[i].w);

			if (!m) {
				m = g_new0(struct word, 1);
				m->w = words[i].w;
				g_hash_table_insert(h, (gpointer)m->w, m);
			}
			merge_word(m, &words[i]);
		}
		index = h;
		g_once_init_leave(&once, 1);
	}
	return index;
}

/* What the table says of word w, into t, a new token. */
static void lookup(struct tok *t, const char *w)
{
	const struct word *m = g_hash_table_lookup(word_index(), w);

	if (!m)
		return;
	t->cls = m->cls;
	t->wd = m->wd;
	t->mon = m->mon;
	t->num = m->num;
	t->unit = m->unit;
	t->tz = m->tz;
}

/*
 * Whether the run of ASCII letters and digits at p is a code (a link's id,
 * a reference like "8f2c1a9e" or "ab12cd3"): letters and digits alternate
 * three times or more. "14h30", "20th", "10am" alternate at most twice.
 * Sets *end after the run.
 */
static bool is_code(const char *p, const char **end)
{
	const char *q = p;
	int changes = 0;

	while (g_ascii_isalnum(*q)) {
		if (q > p && (g_ascii_isdigit(*q) != 0) != (g_ascii_isdigit(q[-1]) != 0))
			changes++;
		q++;
	}
	*end = q;
	return changes >= 3;
}

static struct toks tokenize_text(const char *text)
{
	GArray *a = g_array_new(FALSE, TRUE, sizeof(struct tok));
	const char *p = text;
	bool space = true;
	struct toks out;

	while (*p) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		const char *q = p, *code_end;
		struct tok t = { 0 };

		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			space = true;
			continue;
		}
		if (g_unichar_isspace(c) || c == 0xa0) {
			p = g_utf8_next_char(p);
			space = true;
			continue;
		}
		t.s = (size_t)(p - text);
		t.space_before = space;
		space = false;
		if (c < 0x80 && g_ascii_isalnum((char)c) && is_code(p, &code_end)) {
			q = code_end;
			/* "8f2c1a9e" in a link: one word that means nothing. */
			t.kind = TK_WORD;
		} else if (c < 0x80 && g_ascii_isdigit((char)c)) {
			long v = 0;
			int n = 0;

			while (g_ascii_isdigit(*q) && n < 9) {
				v = v * 10 + (*q - '0');
				q++;
				n++;
			}
			while (g_ascii_isdigit(*q))
				q++;
			t.kind = TK_NUM;
			t.num = (int)v;
			t.digits = true;
			t.ndigits = n;
		} else if (g_unichar_isalpha(c) || c == 0xba || c == 0xaa) {
			g_autofree char *low = NULL;

			while (*q) {
				gunichar d = g_utf8_get_char_validated(q, -1);

				if (d == (gunichar)-1 || d == (gunichar)-2 ||
				    !(g_unichar_isalpha(d) || d == 0xba || d == 0xaa))
					break;
				q = g_utf8_next_char(q);
			}
			t.kind = TK_WORD;
			low = g_utf8_strdown(p, q - p);
			lookup(&t, low);
		} else {
			q = g_utf8_next_char(p);
			t.kind = TK_PUNCT;
			t.punct = c < 0x80 ? (char)c : (c == 0x2013 || c == 0x2014) ? '-' : '?';
		}
		t.e = (size_t)(q - text);
		p = q;
		/* "twenty-one", "dix-sept", "vingt-et-un": tens and a unit joined
		 * by hyphens are one number. */
		if (t.kind == TK_WORD && t.num >= 1 && t.num <= 9 && !t.space_before &&
		    a->len >= 2) {
			struct tok *v = (struct tok *)(void *)a->data;
			int k = (int)a->len - 1;

			if (v[k].kind == TK_PUNCT && v[k].punct == '-' && !v[k].space_before &&
			    k >= 3 && v[k - 1].kind == TK_WORD && v[k - 1].e - v[k - 1].s == 2 &&
			    g_ascii_strncasecmp(text + v[k - 1].s, "et", 2) == 0 &&
			    v[k - 2].kind == TK_PUNCT && v[k - 2].punct == '-' && t.num == 1)
				k -= 2;
			if (v[k].kind == TK_PUNCT && v[k].punct == '-' && !v[k].space_before &&
			    k >= 1 && v[k - 1].kind == TK_WORD && !v[k - 1].unit &&
			    (v[k - 1].num == 20 || v[k - 1].num == 30 ||
			     (v[k - 1].num == 10 && t.num >= 7)) && v[k - 1].num + t.num <= 39) {
				v[k - 1].num += t.num;
				v[k - 1].e = t.e;
				g_array_set_size(a, (guint)k);
				continue;
			}
		}
		/* "20th", "1er", "3º": an ordinal suffix joins its number. */
		if (t.kind == TK_WORD && (t.cls & C_ORD) && !t.space_before && a->len) {
			struct tok *prev = &g_array_index(a, struct tok, a->len - 1);

			if (prev->kind == TK_NUM && prev->e == t.s) {
				prev->ord = true;
				prev->e = t.e;
				continue;
			}
		}
		g_array_append_val(a, t);
	}
	out.n = (int)a->len;
	out.v = (struct tok *)(void *)g_array_free(a, FALSE);
	return out;
}

/*
 * The tokens of the last text tokenised, kept until another text comes:
 * facts.c searches one sentence over and over (every date in it, every
 * time after each), and tokenising it again for each search made a long
 * sentence quadratic. Keyed by the text's content, not its address, so a
 * caller's reused buffer never gets stale tokens; the lock is held for
 * the whole search.
 */
G_LOCK_DEFINE_STATIC(tok_cache);
static struct {
	char *text;
	size_t len;
	struct toks t;
} tok_cache;

/* The tokens of text, from the cache when it holds them; call with the
 * lock held; owned by the cache. */
static const struct toks *tokenize(const char *text)
{
	size_t len = strlen(text);

	if (tok_cache.text && tok_cache.len == len && memcmp(tok_cache.text, text, len) == 0)
		return &tok_cache.t;
	g_free(tok_cache.text);
	g_free(tok_cache.t.v);
	tok_cache.t = tokenize_text(text);
	tok_cache.text = g_memdup2(text, len + 1);
	tok_cache.len = len;
	return &tok_cache.t;
}

/* The first token that starts at or after byte offset from. */
static int first_from(const struct toks *t, size_t from)
{
	int lo = 0, hi = t->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (t->v[mid].s < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

gint64 dates_midnight(GTimeZone *tz, int year, int month, int day)
{
	GDateTime *dt;
	gint64 t;

	if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999 ||
	    day > g_date_get_days_in_month((GDateMonth)month, (GDateYear)year))
		return NUDGE_NOTIME;
	dt = g_date_time_new(tz, year, month, day, 0, 0, 0);
	if (!dt)
		return NUDGE_NOTIME;
	t = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return t;
}

/* The civil date of t in tz. */
static void civil(GTimeZone *tz, gint64 t, GDate *d)
{
	GDateTime *u = g_date_time_new_from_unix_utc(t);
	GDateTime *l = g_date_time_to_timezone(u, tz);

	g_date_clear(d, 1);
	g_date_set_dmy(d, (GDateDay)g_date_time_get_day_of_month(l),
		       (GDateMonth)g_date_time_get_month(l),
		       (GDateYear)g_date_time_get_year(l));
	g_date_time_unref(l);
	g_date_time_unref(u);
}

static gint64 midnight_of(GTimeZone *tz, const GDate *d)
{
	return dates_midnight(tz, g_date_get_year(d), g_date_get_month(d),
			      g_date_get_day(d));
}

gint64 dates_day_of(GTimeZone *tz, gint64 t)
{
	GDate d;

	civil(tz, t, &d);
	return midnight_of(tz, &d);
}

static void add_business(GDate *d, int n)
{
	while (n > 0) {
		g_date_add_days(d, 1);
		if (g_date_get_weekday(d) <= G_DATE_FRIDAY)
			n--;
	}
}

gint64 dates_add_business_days(GTimeZone *tz, gint64 t, int n)
{
	GDate d;

	civil(tz, t, &d);
	add_business(&d, n);
	return midnight_of(tz, &d);
}

struct scan {
	const struct toks *t;
	const char *text;
	const struct date_ref *ref;
	GDate today;
	GDate alt;		/* the other reading of the last "3/4" read */
	bool has_alt;
	int zone;		/* the zone wrapped_zone() read */
};

static const struct tok *at(const struct scan *sc, int i)
{
	static const struct tok none = { .kind = -1 };

	return i >= 0 && i < sc->t->n ? &sc->t->v[i] : &none;
}

static bool is_punct(const struct tok *t, char c)
{
	return t->kind == TK_PUNCT && t->punct == c;
}

/* A number, in digits or in words. */
static bool is_num(const struct tok *t)
{
	return t->kind == TK_NUM || (t->kind == TK_WORD && t->num);
}

static bool is_word(const struct scan *sc, const struct tok *t, const char *w);

static int skip_fill(const struct scan *sc, int i)
{
	while (at(sc, i)->kind == TK_WORD && (at(sc, i)->cls & C_FILL) &&
	       !at(sc, i)->wd && !at(sc, i)->mon)
		i++;
	return i;
}

/* The token before i and the filler words before it ("at the end"). */
static int before_fill(const struct scan *sc, int i)
{
	i--;
	while (i >= 0 && at(sc, i)->kind == TK_WORD && (at(sc, i)->cls & C_FILL) &&
	       !(at(sc, i)->cls & C_AT))
		i--;
	return i;
}

/* "within", "innerhalb", "binnen", "sous", "dentro": no later than; "in",
 * "dans", "en" can also mean during. */
static bool strict_within(const struct scan *sc, int i)
{
	static const char *const w[] = { "within", "inside", "innerhalb", "binnen", "sous", "dentro" };
	const struct tok *t = at(sc, i);

	for (size_t k = 0; k < G_N_ELEMENTS(w); k++)
		if (t->e - t->s == strlen(w[k]) &&
		    g_ascii_strncasecmp(sc->text + t->s, w[k], t->e - t->s) == 0)
			return true;
	return false;
}

/* "within three days", "in 3-5 business days", "innerhalb von zwei Wochen". */
static int try_duration(struct scan *sc, int i, GDate *out)
{
	int j = i + 1, n, unit;
	bool biz = false, next = false, bare = false;

	/* "it'll be a week or two before we're in touch": a duration without
	 * "within" counts when "before" follows it. */
	if (!(at(sc, i)->cls & C_WITHIN)) {
		if (!is_num(at(sc, i)) || (at(sc, i - 1)->cls & C_WITHIN) ||
		    is_punct(at(sc, i + 1), ':') || is_punct(at(sc, i + 1), '.') ||
		    is_punct(at(sc, i + 1), '/'))
			return 0;
		bare = true;
		j = i;
	}
	for (int k = 0; k < 4; k++) {
		const struct tok *t = at(sc, j);

		if (t->kind == TK_WORD && (t->cls & (C_FILL | C_NEXT)) && !t->num) {
			next = next || (t->cls & C_NEXT);
			j++;
		}
		/* "dans un délai de", "en un plazo de": the article of a filler. */
		else if (t->kind == TK_WORD && t->num == 1 && !t->unit &&
			 at(sc, j + 1)->kind == TK_WORD && (at(sc, j + 1)->cls & C_FILL) &&
			 !at(sc, j + 1)->num && !(at(sc, j + 1)->cls & C_AT))
			j++;
		else if (t->kind == TK_WORD && strncmp(sc->text + t->s, "von", 3) == 0)
			j++;
		else
			break;
	}
	if (at(sc, j)->cls & C_VAGUE)
		return 0;
	/* "in the next week or two", "dans la semaine ou les deux qui
	 * viennent": the longer end, as "a week or two". */
	if (at(sc, j)->kind == TK_WORD && (at(sc, j)->unit == 7 || at(sc, j)->unit == 1) &&
	    !at(sc, j)->num && (at(sc, j + 1)->cls & C_TO) && at(sc, j + 1)->kind == TK_WORD &&
	    is_num(at(sc, skip_fill(sc, j + 2))) && at(sc, skip_fill(sc, j + 2))->num >= 2 &&
	    at(sc, skip_fill(sc, j + 2))->num <= 4 && !at(sc, skip_fill(sc, j + 3))->unit) {
		int k = skip_fill(sc, j + 2);

		*out = sc->today;
		g_date_add_days(out, (guint)(at(sc, k)->num * at(sc, j)->unit));
		return k + 1 - i;
	}
	/* "within the next week", "innerhalb der nächsten Woche": one of it;
	 * "in the coming week", "dans la semaine prochaine" is next week (read
	 * by try_relative). */
	if (next && at(sc, j)->kind == TK_WORD && at(sc, j)->unit > 1 && !at(sc, j)->num &&
	    !(at(sc, j)->unit == 7 && !strict_within(sc, i))) {
		*out = sc->today;
		if (at(sc, j)->unit == 30)
			g_date_add_months(out, 1);
		else
			g_date_add_days(out, (guint)at(sc, j)->unit);
		return j + 1 - i;
	}
	/* "sous quinzaine", "en la próxima quincena": one of it. */
	if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_NOUNIT)) {
		*out = sc->today;
		g_date_add_days(out, (guint)at(sc, j)->unit);
		return j + 1 - i;
	}
	if (!is_num(at(sc, j)))
		return 0;
	n = at(sc, j)->num;
	j++;
	/* "quinze jours", "quince días": two weeks; "huit jours": one. */
	if (at(sc, j - 1)->kind == TK_WORD && at(sc, j)->unit == 1 && !(at(sc, j)->cls & C_BIZ) &&
	    (n == 15 || n == 8) && at(sc, j - 1)->e - at(sc, j - 1)->s >= 4 &&
	    (g_ascii_strncasecmp(sc->text + at(sc, j - 1)->s, "quin", 4) == 0 ||
	     g_ascii_strncasecmp(sc->text + at(sc, j - 1)->s, "huit", 4) == 0))
		n = n == 15 ? 14 : 7;
	if (at(sc, j)->kind == TK_WORD && at(sc, j)->num == 2 &&
	    at(sc, j - 1)->num == 2 && strncmp(sc->text + at(sc, j - 1)->s, "couple", 6) == 0)
		j++;
	if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_FILL) &&
	    strncmp(sc->text + at(sc, j - 1)->s, "couple", 6) == 0)
		j++;
	/* "two more weeks", "zwei weitere Wochen", "dos semanas más" */
	if (at(sc, j)->kind == TK_WORD && at(sc, j + 1)->unit &&
	    (g_ascii_strncasecmp(sc->text + at(sc, j)->s, "more", 4) == 0 ||
	     g_ascii_strncasecmp(sc->text + at(sc, j)->s, "extra", 5) == 0 ||
	     g_ascii_strncasecmp(sc->text + at(sc, j)->s, "further", 7) == 0 ||
	     g_ascii_strncasecmp(sc->text + at(sc, j)->s, "weitere", 7) == 0))
		j++;
	if ((is_punct(at(sc, j), '-') || (at(sc, j)->cls & C_TO)) && is_num(at(sc, j + 1))) {
		if (at(sc, j + 1)->num > n)
			n = at(sc, j + 1)->num;
		j += 2;
	}
	if (at(sc, j)->cls & C_BIZ && !at(sc, j)->unit) {
		biz = true;
		j++;
	}
	unit = at(sc, j)->unit;
	/* "sous 48h", "within 24h": hours. */
	if (!unit && (at(sc, j)->cls & C_UHR) && !at(sc, j)->space_before &&
	    at(sc, j - 1)->kind == TK_NUM && at(sc, j - 1)->num >= 12)
		unit = -1;
	if (!unit || n <= 0 || n > 400)
		return 0;
	if (at(sc, j)->cls & C_BIZ)
		biz = true;
	j++;
	if (at(sc, j)->cls & C_BIZ) {
		biz = true;
		j++;
	}
	/* "a week or two", "ein bis zwei Wochen" are read as their longer end. */
	if ((at(sc, j)->cls & C_TO) && at(sc, j)->kind == TK_WORD && is_num(at(sc, j + 1)) &&
	    !at(sc, j + 1)->unit && at(sc, j + 1)->num > n && at(sc, j + 1)->num <= 12 &&
	    !is_punct(at(sc, j + 2), ':')) {
		n = at(sc, j + 1)->num;
		j += 2;
		if (at(sc, j)->unit == unit)
			j++;
	}
	if (bare && !(at(sc, j)->cls & C_BEFORE) &&
	    !(is_punct(at(sc, j), ',') && (at(sc, j + 1)->cls & C_BEFORE)))
		return 0;
	*out = sc->today;
	if (unit == 30)
		g_date_add_months(out, (guint)n);
	else if (unit == -1)
		g_date_add_days(out, (guint)((n + 23) / 24));
	else if (biz && unit == 1)
		add_business(out, n);
	else
		g_date_add_days(out, (guint)(n * unit));
	return j - i;
}

/* Day of the given weekday in the week (Monday first) of d, plus weeks. */
static void weekday_in_week(GDate *d, int wd, int weeks)
{
	int cur = g_date_get_weekday(d);

	if (wd > cur)
		g_date_add_days(d, (guint)(wd - cur));
	else
		g_date_subtract_days(d, (guint)(cur - wd));
	if (weeks)
		g_date_add_days(d, (guint)(7 * weeks));
}

static int year_of(const struct tok *t)
{
	if (t->kind != TK_NUM)
		return 0;
	if (t->ndigits == 4 && t->num >= 1990 && t->num <= 2100)
		return t->num;
	if (t->ndigits == 2)
		return 2000 + t->num;
	return 0;
}

/* Sets out to day/month (year when given, else the next such date within
 * two months back); false when the date does not exist. */
static bool set_date(struct scan *sc, int year, int mon, int day, GDate *out)
{
	int y = year ? year : g_date_get_year(&sc->today);

	if (mon < 1 || mon > 12 || day < 1 ||
	    day > g_date_get_days_in_month((GDateMonth)mon, (GDateYear)y))
		return false;
	g_date_clear(out, 1);
	g_date_set_dmy(out, (GDateDay)day, (GDateMonth)mon, (GDateYear)y);
	if (!year && g_date_days_between(out, &sc->today) > 60) {
		if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)mon, (GDateYear)(y + 1)))
			return false;
		g_date_set_dmy(out, (GDateDay)day, (GDateMonth)mon, (GDateYear)(y + 1));
	}
	return true;
}

/* The 5th, 15th or last day of a month: "end of March", "Mitte März". */
static void part_of_month(GDate *d, int part)
{
	g_date_set_day(d, part == 1 ? 5 : part == 2 ? 15 :
		       g_date_get_days_in_month(g_date_get_month(d), g_date_get_year(d)));
}

/* A week's number at i: 1 to 53, written in digits, alone ("week 38,",
 * not "week 2.5" nor "week 3 days"). */
static bool week_number(const struct scan *sc, int i)
{
	const struct tok *a = at(sc, i), *b = at(sc, i + 1);

	return a->kind == TK_NUM && a->digits && !a->ord && a->ndigits <= 2 && a->num >= 1 &&
		a->num <= 53 && !is_punct(b, ':') && !is_punct(b, '/') && !is_punct(b, '-') &&
		!(is_punct(b, '.') && at(sc, i + 2)->kind == TK_NUM &&
		  !at(sc, i + 2)->space_before) &&
		!(b->kind == TK_WORD && (b->unit || b->mon));
}

static bool is_plural_unit(const struct scan *sc, const struct tok *t)
{
	static const char *const w[] = { "weeks", "wochen", "semaines", "semanas", "months", "monate",
					 "monaten", "meses" };

	for (size_t k = 0; k < G_N_ELEMENTS(w); k++)
		if (t->e - t->s == strlen(w[k]) &&
		    g_ascii_strncasecmp(sc->text + t->s, w[k], t->e - t->s) == 0)
			return true;
	return false;
}

/*
 * A part and its unit in one word: "EOW", "EOD Friday" (the day named
 * next), "COB", "Monatsende", "before the weekend" (Friday), "after the
 * weekend" (Monday), "nächstes Wochenende".
 */
static int try_compound(struct scan *sc, int i, GDate *out)
{
	const struct tok *a = at(sc, i), *prev = at(sc, before_fill(sc, i));
	const struct tok *after = at(sc, skip_fill(sc, i + 1));
	int part = a->cls & C_END ? 3 : a->cls & C_MID ? 2 : 1;
	int next = (prev->cls & C_NEXT) ? 1 : 0;

	*out = sc->today;
	if (a->unit == 1) {
		if (after->wd || after->mon || after->kind == TK_NUM ||
		    (after->cls & (C_TOMORROW | C_NEXT | C_THIS)))
			return 0;
		return 1;
	}
	if (a->unit == 30) {
		if (next)
			g_date_add_months(out, 1);
		part_of_month(out, part);
		return 1;
	}
	if (prev->cls & C_AFTER) {
		weekday_in_week(out, 1, 1);
		return 1;
	}
	weekday_in_week(out, part == 1 ? 2 : part == 2 ? 3 : 5, next);
	if (g_date_compare(out, &sc->today) < 0)
		g_date_add_days(out, 7);
	return 1;
}

/* "end of next week", "early next week", "Ende nächster Woche",
 * "fin de la semaine prochaine", "la próxima semana", "end of the month",
 * "later this week", "by the end of March", "mid-March", "Mitte März". */
static int try_relative(struct scan *sc, int i, GDate *out)
{
	int j = i, part = 0, next = 0, this = 0, unit;

	if (at(sc, i)->kind == TK_WORD && (at(sc, i)->cls & C_ABBRPART))
		return try_compound(sc, i, out);

	if (at(sc, j)->cls & (C_END | C_EARLY | C_MID)) {
		bool plural = is_word(sc, at(sc, j), "fines");

		part = at(sc, j)->cls & C_END ? 3 : at(sc, j)->cls & C_MID ? 2 : 1;
		j++;
		if (is_punct(at(sc, j), '-') && !at(sc, j)->space_before)
			j++;
		j = skip_fill(sc, j);
		/* "a fines de mes" is the end of the month, "los fines de
		 * semana" every weekend. */
		if (plural && at(sc, j)->unit == 7)
			return 0;
		if (at(sc, j)->kind == TK_WORD && at(sc, j)->mon && !at(sc, j)->num &&
		    !at(sc, j)->unit) {
			int k = j + 1, y = 0;

			if (year_of(at(sc, k)) && at(sc, k)->ndigits == 4) {
				y = year_of(at(sc, k));
				k++;
			}
			if (!set_date(sc, y, at(sc, j)->mon, 1, out))
				return 0;
			part_of_month(out, part);
			if (!y && g_date_compare(out, &sc->today) < 0 &&
			    g_date_get_month(out) == g_date_get_month(&sc->today))
				return 0;
			return k - i;
		}
	}
	if (at(sc, j)->cls & C_NEXT) {
		next = at(sc, j)->cls & C_NEXT2 ? 2 : 1;
		j = skip_fill(sc, j + 1);
	} else if (at(sc, j)->cls & C_THIS) {
		this = 1;
		j++;
	}
	unit = at(sc, j)->unit;
	if (at(sc, j)->cls & C_NOUNIT)
		return 0;
	/* "by the end of the day": today; "at the end of the day" is a figure
	 * of speech. */
	if (part == 3 && unit == 1 && !next && at(sc, j)->kind == TK_WORD &&
	    !(at(sc, before_fill(sc, i))->cls & C_AT) && j + 1 - i <= 4 &&
	    g_ascii_strncasecmp(sc->text + at(sc, j)->s, "days", 4) != 0) {
		const struct tok *after = at(sc, skip_fill(sc, j + 1));

		/* "end of day Friday", "EOD tomorrow": the day named next. */
		if (after->wd || after->mon || after->kind == TK_NUM ||
		    (after->cls & (C_TOMORROW | C_NEXT | C_THIS)))
			return 0;
		*out = sc->today;
		return j + 1 - i;
	}
	if (at(sc, j)->kind != TK_WORD || (unit != 7 && unit != 30))
		return 0;
	/* "the end of week 38": that calendar week (try_calendar_week). */
	if (unit == 7 && !next && !this && week_number(sc, j + 1))
		return 0;
	/* "in the coming weeks", "in den nächsten Wochen": vague. */
	if (next && !part && is_plural_unit(sc, at(sc, j)))
		return 0;
	j++;
	/* "semaine prochaine", "la semana que viene" */
	if (at(sc, skip_fill(sc, j))->cls & C_NEXT) {
		next = 1;
		j = skip_fill(sc, j) + 1;
		if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_NEXT))
			j++;
	}
	/* "the week after next" */
	if (unit == 7 && (at(sc, j)->cls & C_AFTER) && (at(sc, j + 1)->cls & C_NEXT)) {
		next = 2;
		j += 2;
	}
	/* "this week" alone is when something happens, not a promise; "noch
	 * diese Woche" is one. */
	if (!part && !next) {
		int k = i - 1;

		while (at(sc, k)->kind == TK_WORD && (at(sc, k)->cls & C_FILL) && !(at(sc, k)->cls & C_STILL))
			k--;
		if (!((this || unit == 7) && (at(sc, k)->cls & C_STILL)))
			return 0;
	}
	*out = sc->today;
	if (unit == 7) {
		int wd = part == 1 ? 2 : part == 2 ? 3 : 5;
		int k = skip_fill(sc, is_punct(at(sc, j), ',') ? j + 1 : j);

		/* "next week Wednesday", "la semaine prochaine, mercredi" */
		if (!part && at(sc, k)->kind == TK_WORD && at(sc, k)->wd &&
		    !(at(sc, k)->cls & C_ABBR)) {
			wd = at(sc, k)->wd;
			j = k + 1;
		}
		weekday_in_week(out, wd, next);
		if (g_date_compare(out, &sc->today) < 0)
			g_date_add_days(out, this ? 0 : 7);
		if (g_date_compare(out, &sc->today) < 0)
			*out = sc->today;
	} else {
		int k = skip_fill(sc, j);

		if (is_punct(at(sc, k), '\'') && at(sc, k - 1)->kind == TK_WORD)
			k = skip_fill(sc, k + 1);
		/* "la fin du mois de février", "fin du mois d'avril", "end of
		 * the month of May": the month named. */
		if (part && !next && !this && at(sc, k)->kind == TK_WORD && at(sc, k)->mon &&
		    !at(sc, k)->num && !at(sc, k)->unit) {
			if (!set_date(sc, 0, at(sc, k)->mon, 1, out))
				return 0;
			part_of_month(out, part);
			return k + 1 - i;
		}
		if (next)
			g_date_add_months(out, 1);
		part_of_month(out, part);
	}
	return j - i;
}

/*
 * A day of the month as an ordinal in words: "third", "twenty-first",
 * "premier", "primero", "dritten", "dreiundzwanzigsten". Returns 1 to 31
 * (0 when token i is none) and sets *len to its tokens.
 */
static int ordinal_word(const struct scan *sc, int i, int *len, bool *english)
{
	static const char *const en[] = {
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
	};
	static const struct { const char *w; int n; } de[] = {
		{ "erste", 1 }, { "dritte", 3 }, { "siebte", 7 }, { "achte", 8 },
	};
	const struct tok *t = at(sc, i);
	g_autofree char *low = NULL;
	size_t n;
	int l2;

	*len = 1;
	*english = true;
	if (t->kind != TK_WORD || t->e - t->s > 40)
		return 0;
	/* "twenty-first", "thirty-first" */
	if ((t->num == 20 || t->num == 30) && !t->unit && is_punct(at(sc, i + 1), '-') &&
	    !at(sc, i + 1)->space_before && !at(sc, i + 2)->space_before) {
		int u = ordinal_word(sc, i + 2, &l2, english);

		if (u >= 1 && u <= 9 && t->num + u <= 31) {
			*len = 3;
			return t->num + u;
		}
		return 0;
	}
	for (size_t k = 0; k < G_N_ELEMENTS(en); k++)
		if (is_word(sc, t, en[k]))
			return (int)k + 1;
	if (is_word(sc, t, "thirtieth"))
		return 30;
	*english = false;
	if (is_word(sc, t, "premier") || is_word(sc, t, "primero"))
		return 1;
	/* German: "ersten", "dritter", "vierten", "zwanzigsten" */
	low = g_utf8_strdown(sc->text + t->s, (gssize)(t->e - t->s));
	n = strlen(low);
	if (n > 1 && (low[n - 1] == 'n' || low[n - 1] == 'r' || low[n - 1] == 's'))
		low[--n] = '\0';
	for (size_t k = 0; k < G_N_ELEMENTS(de); k++)
		if (strcmp(low, de[k].w) == 0)
			return de[k].n;
	if (n > 4 && g_str_has_suffix(low, "ste")) {
		struct tok x = { 0 };

		low[n - 3] = '\0';
		lookup(&x, low);
		return x.num >= 20 && x.num <= 31 && !x.unit ? x.num : 0;
	}
	if (n > 3 && g_str_has_suffix(low, "te")) {
		struct tok x = { 0 };

		low[n - 2] = '\0';
		lookup(&x, low);
		return x.num >= 2 && x.num <= 19 && !x.unit ? x.num : 0;
	}
	return 0;
}

/*
 * "the twenty-third of March", "am dritten März", "le premier avril", "el
 * primero de abril" (ordinal at i), and "March the third" (month at i).
 */
static int try_ordinal_date(struct scan *sc, int i, GDate *out)
{
	const struct tok *a = at(sc, i);
	int len, day, k;
	bool english;

	if (a->kind == TK_WORD && a->mon && !a->num) {
		/* "March the third", "March third"; "may", "mar" only before
		 * "the" */
		k = i + 1;
		if (is_word(sc, at(sc, k), "the"))
			k++;
		else if (a->e - a->s <= 3)
			return 0;
		day = ordinal_word(sc, k, &len, &english);
		if (!day)
			return 0;
		return set_date(sc, 0, a->mon, day, out) ? k + len - i : 0;
	}
	/* (a month must follow within a few tokens; cheap to check first) */
	if (a->kind != TK_WORD || !(at(sc, i + 1)->mon || at(sc, i + 2)->mon || at(sc, i + 4)->mon))
		return 0;
	day = ordinal_word(sc, i, &len, &english);
	if (!day)
		return 0;
	k = i + len;
	/* English ordinals count things too ("the second March interview"):
	 * only "the third of March" */
	if (is_word(sc, at(sc, k), "of") || is_word(sc, at(sc, k), "de"))
		k++;
	else if (english)
		return 0;
	if (at(sc, k)->kind != TK_WORD || !at(sc, k)->mon || at(sc, k)->num || at(sc, k)->unit)
		return 0;
	return set_date(sc, 0, at(sc, k)->mon, day, out) ? k + 1 - i : 0;
}

/* "March 3rd, 2026", "3 March", "3. März", "3 de marzo de 2026", "3/20",
 * "20.03.2026", "2026-03-20". */
static int try_absolute(struct scan *sc, int i, GDate *out);

/*
 * "9 and 10 November", "9-10 November", "the 9th and 10th of November",
 * "9. und 10. November", "les 9 et 10 novembre", "los días 9 y 10 de
 * noviembre", "vom 9. bis 10. November", "du 9 au 10 novembre", "del 9 al
 * 10 de noviembre": two days of one month (a visit over both, up to a
 * week); the date is the first. "9 or 10 November" is a choice, left to
 * the later day.
 */
static int try_day_pair(struct scan *sc, int i, GDate *out)
{
	const struct tok *a = at(sc, i), *b, *c;
	int j = i + 1, m;

	if (a->kind != TK_NUM || a->ndigits > 2 || a->num < 1 || a->num > 31)
		return 0;
	if (is_punct(at(sc, j), '.'))
		j++;
	c = at(sc, j);
	if (!(is_punct(c, '-') || is_punct(c, '&') || is_word(sc, c, "and") ||
	      is_word(sc, c, "und") || is_word(sc, c, "et") || is_word(sc, c, "y") ||
	      is_word(sc, c, "to") || is_word(sc, c, "bis") || is_word(sc, c, "au") ||
	      is_word(sc, c, "al")))
		return 0;
	b = at(sc, ++j);
	if (b->kind != TK_NUM || b->ndigits > 2 || b->num <= a->num || b->num > 31 ||
	    b->num - a->num > 6 || is_punct(at(sc, j + 1), '/') || is_punct(at(sc, j + 1), '-') ||
	    !(m = try_absolute(sc, j, out)))
		return 0;
	if (!set_date(sc, g_date_get_year(out), g_date_get_month(out), a->num, out))
		return 0;
	return j + m - i;
}

static int try_absolute(struct scan *sc, int i, GDate *out)
{
	const struct tok *a = at(sc, i), *b, *c;
	int j;

	if ((j = try_day_pair(sc, i, out)))
		return j;
	if ((j = try_ordinal_date(sc, i, out)))
		return j;
	if (a->kind == TK_WORD && a->mon) {
		j = i + 1;
		if (is_punct(at(sc, j), '.'))
			j++;
		b = at(sc, j);
		if (b->kind != TK_NUM || b->num < 1 || b->num > 31 || b->ndigits > 2)
			return 0;
		j++;
		if (is_punct(at(sc, j), ',') && year_of(at(sc, j + 1)) &&
		    at(sc, j + 1)->ndigits == 4) {
			if (!set_date(sc, year_of(at(sc, j + 1)), a->mon, b->num, out))
				return 0;
			return j + 2 - i;
		}
		if (at(sc, j)->kind == TK_NUM && at(sc, j)->ndigits == 4) {
			if (!set_date(sc, year_of(at(sc, j)), a->mon, b->num, out))
				return 0;
			return j + 1 - i;
		}
		return set_date(sc, 0, a->mon, b->num, out) ? j - i : 0;
	}
	if (a->kind != TK_NUM)
		return 0;
	/* ISO 2026-03-20 */
	if (a->ndigits == 4 && is_punct(at(sc, i + 1), '-') && at(sc, i + 2)->kind == TK_NUM &&
	    is_punct(at(sc, i + 3), '-') && at(sc, i + 4)->kind == TK_NUM)
		return set_date(sc, year_of(a), at(sc, i + 2)->num, at(sc, i + 4)->num, out) ?
			5 : 0;
	if (a->num < 1 || a->num > 31 || a->ndigits > 2)
		return 0;
	j = i + 1;
	if (is_punct(at(sc, j), '.') && !at(sc, j + 1)->space_before &&
	    at(sc, j + 1)->kind == TK_NUM && is_punct(at(sc, j + 2), '.')) {
		/* 20.03. or 20.03.2026: day first */
		int y = 0, n = 3;

		if (!at(sc, j + 3)->space_before && year_of(at(sc, j + 3))) {
			y = year_of(at(sc, j + 3));
			n = 4;
		}
		return set_date(sc, y, at(sc, j + 1)->num, a->num, out) ? n + 1 : 0;
	}
	/* "3/20", "20/03/2026", and "12-03-2026" with its four-digit year
	 * ("10-12" alone is a range). */
	if ((is_punct(at(sc, j), '/') ||
	     (is_punct(at(sc, j), '-') && at(sc, j + 1)->ndigits <= 2 &&
	      is_punct(at(sc, j + 2), '-') && at(sc, j + 3)->kind == TK_NUM &&
	      at(sc, j + 3)->ndigits == 4 && !at(sc, j + 2)->space_before &&
	      !at(sc, j + 3)->space_before && year_of(at(sc, j + 3)))) &&
	    at(sc, j + 1)->kind == TK_NUM &&
	    !at(sc, j)->space_before && !at(sc, j + 1)->space_before) {
		char sep = at(sc, j)->punct;
		int d = sc->ref->day_first ? a->num : at(sc, j + 1)->num;
		int m = sc->ref->day_first ? at(sc, j + 1)->num : a->num;
		int y = 0, n = 3;

		if (is_punct(at(sc, j + 2), sep) && !at(sc, j + 3)->space_before &&
		    year_of(at(sc, j + 3))) {
			y = year_of(at(sc, j + 3));
			n = 5;
		}
		/* The written order wins; "25/3" can only be day first. A named
		 * weekday may pick the other reading (dates_find). */
		if (!set_date(sc, y, m, d, out))
			return set_date(sc, y, d, m, out) ? n : 0;
		sc->has_alt = d != m && set_date(sc, y, d, m, &sc->alt);
		/* "12/03/2026" in mail of 4 March: an interview or a promise is
		 * weeks away, not nine months; the other reading wins when it is
		 * near and the written order's is not. */
		if (sc->has_alt) {
			int far = g_date_days_between(&sc->today, out);
			int near = g_date_days_between(&sc->today, &sc->alt);

			if ((far > 90 || far < -7) && near >= -7 && near <= 60) {
				GDate tmp = *out;

				*out = sc->alt;
				sc->alt = tmp;
			}
		}
		return n;
	}
	if (is_punct(at(sc, j), '.'))
		j++;
	j = skip_fill(sc, j);
	c = at(sc, j);
	if (c->kind != TK_WORD || !c->mon)
		return 0;
	/* "may", "mar", "sept" only count next to a day number, as here. */
	j++;
	if (is_punct(at(sc, j), '.'))
		j++;
	{
		int k = skip_fill(sc, j);
		int y = year_of(at(sc, k));

		if (y && at(sc, k)->ndigits == 4) {
			if (!set_date(sc, y, c->mon, a->num, out))
				return 0;
			return k + 1 - i;
		}
	}
	return set_date(sc, 0, c->mon, a->num, out) ? j - i : 0;
}

/*
 * "KW 12", "in der 12. KW", "Kalenderwoche 12": the Friday of that ISO week
 * of this year (of the next when it is more than a month gone).
 */
static int try_calendar_week(struct scan *sc, int i, GDate *out)
{
	int n = 0, w, len;
	GDate d;

	if ((at(sc, i)->cls & C_KW) && at(sc, i + 1)->kind == TK_NUM) {
		w = at(sc, i + 1)->num;
		len = 2;
	} else if (at(sc, i)->kind == TK_NUM && is_punct(at(sc, i + 1), '.') &&
		   (at(sc, i + 2)->cls & C_KW)) {
		w = at(sc, i)->num;
		len = 3;
	} else if (at(sc, i)->kind == TK_WORD && at(sc, i)->unit == 7 &&
		   !(at(sc, i)->cls & C_NOUNIT) && !is_plural_unit(sc, at(sc, i)) &&
		   week_number(sc, i + 1)) {
		/* "week 38", "la semaine 38", "la semana 38": a calendar week
		 * only when it is near ("in week 2 of the course" is not). */
		w = at(sc, i + 1)->num;
		for (int y = g_date_get_year(&sc->today); n < 2; y++, n++) {
			int ahead;

			g_date_clear(&d, 1);
			g_date_set_dmy(&d, 4, G_DATE_JANUARY, (GDateYear)y);
			g_date_subtract_days(&d, g_date_get_weekday(&d) - 1);
			g_date_add_days(&d, (guint)((w - 1) * 7 + 4));
			ahead = g_date_days_between(&sc->today, &d);
			if (ahead >= -7 && ahead <= 84) {
				*out = d;
				return 2;
			}
		}
		return 0;
	} else {
		return 0;
	}
	if (w < 1 || w > 53)
		return 0;
	for (int y = g_date_get_year(&sc->today); n < 2; y++, n++) {
		g_date_clear(&d, 1);
		g_date_set_dmy(&d, 4, G_DATE_JANUARY, (GDateYear)y);
		g_date_subtract_days(&d, g_date_get_weekday(&d) - 1);
		g_date_add_days(&d, (guint)((w - 1) * 7 + 4));
		if (g_date_days_between(&d, &sc->today) <= 30)
			break;
	}
	*out = d;
	return len;
}

static bool at_hour_word(const struct scan *sc, int j);

/* "the 20th", "zum 20.", "le 20", "el 20": the next such day of a month. */
static int try_day_of_month(struct scan *sc, int i, GDate *out)
{
	const struct tok *a = at(sc, i), *prev = at(sc, i - 1);
	int n = 1;

	if (a->kind != TK_NUM || a->ndigits > 2 || a->num < 1 || a->num > 31)
		return 0;
	/* "7th grade", "3rd floor", "2nd round": an ordinal that counts
	 * something else. */
	if (a->ord && (is_word(sc, at(sc, i + 1), "grade") || is_word(sc, at(sc, i + 1), "floor") ||
		       is_word(sc, at(sc, i + 1), "round") || is_word(sc, at(sc, i + 1), "place") ||
		       is_word(sc, at(sc, i + 1), "year") || is_word(sc, at(sc, i + 1), "century") ||
		       is_word(sc, at(sc, i + 1), "edition") || is_word(sc, at(sc, i + 1), "stage")))
		return 0;
	if (!a->ord) {
		bool german_dot = is_punct(at(sc, i + 1), '.') &&
			prev->kind == TK_WORD && (prev->cls & C_FILL);
		/* ("a las 11", "entre las 10 y las 11" are hours) */
		bool article = prev->kind == TK_WORD && (prev->cls & C_FILL) &&
			!is_word(sc, prev, "las") &&
			at(sc, i + 1)->kind != TK_WORD && at(sc, i + 1)->kind != TK_NUM &&
			!is_punct(at(sc, i + 1), ':') && !is_punct(at(sc, i + 1), '/') &&
			!is_punct(at(sc, i + 1), '-');

		/* "el 12 a las 10:30", "le 12 à 10h30", "the 12 at 10": a day
		 * and its hour after a singular article. */
		bool day_hour = (is_word(sc, prev, "el") || is_word(sc, prev, "le") ||
				 is_word(sc, prev, "the")) &&
			(is_word(sc, at(sc, i + 1), "a") || is_word(sc, at(sc, i + 1), "à") ||
			 is_word(sc, at(sc, i + 1), "at")) &&
			(at(sc, i + 2)->kind == TK_NUM || is_word(sc, at(sc, i + 2), "las") ||
			 is_word(sc, at(sc, i + 2), "la") || at_hour_word(sc, i + 2));
		/* "antes del día 20", "el día 20 y decidimos": the 20th. */
		bool dia = prev->kind == TK_WORD && prev->e - prev->s == strlen("día") &&
			g_ascii_strncasecmp(sc->text + prev->s, "día", prev->e - prev->s) == 0 &&
			(at(sc, i + 1)->kind != TK_WORD || is_word(sc, at(sc, i + 1), "y") ||
			 is_word(sc, at(sc, i + 1), "o")) && at(sc, i + 1)->kind != TK_NUM;

		if (!german_dot && !article && !dia && !day_hour)
			return 0;
		if (german_dot)
			n = 2;
	}
	*out = sc->today;
	if (a->num < (int)g_date_get_day(&sc->today))
		g_date_add_months(out, 1);
	if (a->num > g_date_get_days_in_month(g_date_get_month(out), g_date_get_year(out)))
		return 0;
	g_date_set_day(out, (GDateDay)a->num);
	return n;
}

/*
 * "miércoles 28", "Wednesday 28", "Freitag, 13.": a bare number after a
 * weekday is its day of the month when that day is such a weekday, in this
 * month or one of the next two; "Friday 3 pm", "Monday 10 Uhr", "Tuesday
 * 9-10" are times.
 */
static int try_weekday_number(struct scan *sc, int i, int wd, GDate *out)
{
	const struct tok *a = at(sc, i), *b = at(sc, i + 1);
	int n = 1;
	GDate d;

	if (a->kind != TK_NUM || a->ord || a->ndigits > 2 || a->num < 1 || a->num > 31)
		return 0;
	/* "vendredi de 10 à 13 h", "el jueves de 10 a 12 h", "Freitag von 10
	 * bis 13": a range of hours. */
	if ((b->cls & C_TO) && (is_word(sc, at(sc, i - 1), "de") || (at(sc, i - 1)->cls & C_AT)))
		return 0;
	if (is_punct(b, ':') || is_punct(b, '-') || is_punct(b, '/') ||
	    (b->kind == TK_WORD && ((b->cls & (C_AM | C_PM | C_UHR)) ||
				    ((b->cls & C_TO) && !(b->cls & C_AT)) || b->unit || b->mon ||
				    is_word(sc, b, "ish") || is_word(sc, b, "o"))))
		return 0;
	if (is_punct(b, '.')) {
		if (at(sc, i + 2)->kind == TK_NUM && !at(sc, i + 2)->space_before)
			return 0;
		n = 2;
	}
	d = sc->today;
	g_date_set_day(&d, 1);
	for (int k = 0; k < 3; k++, g_date_add_months(&d, 1)) {
		GDate x = d;

		if (a->num > g_date_get_days_in_month(g_date_get_month(&x), g_date_get_year(&x)))
			continue;
		g_date_set_day(&x, (GDateDay)a->num);
		if ((int)g_date_get_weekday(&x) == wd && g_date_compare(&x, &sc->today) >= 0) {
			*out = x;
			return n;
		}
	}
	return 0;
}

/*
 * An English weekday abbreviation with no date after it, in a short note:
 * "we should know by wed", "until Thu", "next Tue", "on Fri". After "on"
 * only in capitals (French "on tue" is a verb); "sat" and "sun" only in
 * capitals anywhere ("sat by the pool", "by sun and rain").
 */
static bool abbr_alone(const struct scan *sc, int i, int j)
{
	const struct tok *p = at(sc, i - 1), *t = at(sc, j);
	bool cap = g_ascii_isupper(sc->text[t->s]);

	if (t->wd >= 6 && !cap)
		return false;
	if (j > i)
		return true;
	return is_word(sc, p, "by") || is_word(sc, p, "until") || is_word(sc, p, "till") ||
		is_word(sc, p, "til") || is_word(sc, p, "before") ||
		(cap && is_word(sc, p, "on"));
}

/*
 * A German weekday abbreviation with its dot after "am", "bis", "ab",
 * "vor", "nächsten": "bis Mi.", "am Do. um 7", "ab Mo.". Capitalised and
 * with a dot only, so "do" and "mi" in other words never read as days;
 * "Fr." before a capitalised word is "Frau" ("bis Fr. Keller zurück ist").
 * Returns the weekday or 0.
 */
static int german_abbr(const struct scan *sc, int i, int j)
{
	const struct tok *p = at(sc, i - 1), *t = at(sc, j), *n = at(sc, j + 2);
	const char *s = sc->text + t->s;
	int wd = 0;

	if (t->e - t->s != 2 || !is_punct(at(sc, j + 1), '.') || !g_ascii_isupper(s[0]))
		return 0;
	if (!(j > i || is_word(sc, p, "am") || is_word(sc, p, "bis") || is_word(sc, p, "ab") ||
	      is_word(sc, p, "vor")))
		return 0;
	/* "Mo. bis Fr. geöffnet": opening days, not a day. */
	if (is_word(sc, p, "bis") && is_punct(at(sc, i - 2), '.') &&
	    at(sc, i - 3)->e - at(sc, i - 3)->s == 2)
		return 0;
	if (s[0] == 'M' && s[1] == 'o')
		wd = 1;
	else if (s[0] == 'D' && s[1] == 'i')
		wd = 2;
	else if (s[0] == 'M' && s[1] == 'i')
		wd = 3;
	else if (s[0] == 'D' && s[1] == 'o')
		wd = 4;
	else if (s[0] == 'F' && s[1] == 'r' &&
		 !(n->kind == TK_WORD && g_ascii_isupper(sc->text[n->s])))
		wd = 5;
	return wd;
}

/* "Friday", "next Tuesday", "mardi prochain", "el próximo martes",
 * "last Tuesday", "letzten Dienstag", "mardi dernier" (a day gone by). */
static int try_weekday(struct scan *sc, int i, GDate *out)
{
	int j = i, next = 0, last = 0, wd, delta, weeks = 0;

	/* "a week on Friday", "two weeks from Tuesday": that many weeks after
	 * the coming one. */
	if (is_num(at(sc, j)) && at(sc, j)->num <= 4 && !at(sc, j)->unit &&
	    at(sc, j + 1)->unit == 7 && at(sc, j + 1)->kind == TK_WORD &&
	    (is_word(sc, at(sc, j + 2), "on") || is_word(sc, at(sc, j + 2), "from")) &&
	    at(sc, j + 3)->kind == TK_WORD && at(sc, j + 3)->wd && !(at(sc, j + 3)->cls & C_ABBR)) {
		weeks = at(sc, j)->num;
		j += 3;
	}
	if (at(sc, j)->cls & C_NEXT) {
		/* "übernächsten Montag": the week after next */
		next = at(sc, j)->cls & C_NEXT2 ? 2 : 1;
		j++;
	} else if (at(sc, j)->cls & C_THIS) {
		j++;
		/* "this coming Friday" is the coming one, not next week's. */
		if (is_word(sc, at(sc, j), "coming") || is_word(sc, at(sc, j), "upcoming"))
			j++;
	} else if (at(sc, j)->cls & C_LAST) {
		last = 1;
		j++;
	}
	if (at(sc, j)->kind != TK_WORD)
		return 0;
	wd = at(sc, j)->wd ? at(sc, j)->wd : german_abbr(sc, i, j);
	if (!wd)
		return 0;
	/* "am Do. um 7": the dot is the abbreviation's, not a full stop. */
	if (!at(sc, j)->wd)
		j++;
	if ((at(sc, j)->cls & C_ABBR) && !is_num(at(sc, j + 1)) &&
	    !is_punct(at(sc, j + 1), ',') && !is_punct(at(sc, j + 1), '.') &&
	    !at(sc, j + 1)->mon && !abbr_alone(sc, i, j))
		return 0;
	j++;
	if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_NEXT)) {
		next = 1;
		j++;
		if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_NEXT))
			j++;
		/* "Thursday next week, starting at 9:00" */
		else if (at(sc, j)->kind == TK_WORD && at(sc, j)->unit == 7 &&
			 !(at(sc, j)->cls & C_NOUNIT))
			j++;
	} else if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_LAST) &&
		   !at(sc, j)->wd) {
		last = 1;
		j++;
	} else if (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_FILL)) {
		/* "Friday of next week", "vendredi de la semaine prochaine" */
		int k = skip_fill(sc, j);

		if ((at(sc, k)->cls & C_NEXT) && at(sc, k + 1)->unit == 7) {
			next = 1;
			j = k + 2;
		} else if (at(sc, k)->unit == 7 && (at(sc, skip_fill(sc, k + 1))->cls & C_NEXT)) {
			next = 1;
			j = skip_fill(sc, k + 1) + 1;
		}
	}
	/* "Friday week", "Friday after next", "vendredi en huit", "jeudi en
	 * quinze": a week (two) after the coming one. */
	if (!next && !last && !weeks) {
		if (is_word(sc, at(sc, j), "week") && !is_num(at(sc, j + 1))) {
			weeks = 1;
			j++;
		} else if (is_word(sc, at(sc, j), "after") && is_word(sc, at(sc, j + 1), "next")) {
			weeks = 1;
			j += 2;
		} else if (is_word(sc, at(sc, j), "en") && at(sc, j + 1)->kind == TK_WORD &&
			   (at(sc, j + 1)->num == 8 || at(sc, j + 1)->num == 15) &&
			   !at(sc, j + 2)->unit) {
			weeks = at(sc, j + 1)->num == 8 ? 1 : 2;
			j += 2;
		} else if (is_word(sc, at(sc, j), "fortnight")) {
			weeks = 2;
			j++;
		} else if (is_word(sc, at(sc, j), "in") && is_num(at(sc, j + 1)) &&
			   at(sc, j + 1)->num >= 1 && at(sc, j + 1)->num <= 4 &&
			   at(sc, j + 2)->unit == 7 && !(at(sc, j + 2)->cls & C_NOUNIT)) {
			/* "Montag in einer Woche", "Montag in zwei Wochen" */
			weeks = at(sc, j + 1)->num;
			j += 3;
		}
	}
	*out = sc->today;
	if (last) {
		delta = ((int)g_date_get_weekday(&sc->today) - wd + 7) % 7;
		g_date_subtract_days(out, (guint)(delta ? delta : 7));
	} else if (next) {
		/* The named day of the coming week (Monday to Sunday). */
		weekday_in_week(out, wd, next);
	} else {
		delta = (wd - (int)g_date_get_weekday(&sc->today) + 7) % 7;
		g_date_add_days(out, (guint)(delta ? delta : 7));
	}
	if (weeks && !last)
		g_date_add_days(out, (guint)(7 * weeks));
	return j - i;
}

/*
 * A named zone in words after a time: "UK time", "London time", "(hora de
 * Ciudad de México)", "(heure de Paris)", "deutscher Zeit", "hora
 * peninsular". Returns the index after it (sc->zone set), else j.
 */
static int wrapped_zone(struct scan *sc, int j)
{
	static const char *const wrap[] = { "hora", "heure", "de", "d", "ciudad", "the", "your" };
	int k = j, open = 0;

	if (is_punct(at(sc, k), '(')) {
		open = 1;
		k++;
	}
	for (int n = 0; n < 4 && at(sc, k)->kind == TK_WORD && !(at(sc, k)->tz >= NAMED_TZ + 4); n++) {
		const struct tok *t = at(sc, k);
		bool w = false;

		for (size_t i = 0; i < G_N_ELEMENTS(wrap) && !w; i++)
			w = t->e - t->s == strlen(wrap[i]) &&
				g_ascii_strncasecmp(sc->text + t->s, wrap[i], t->e - t->s) == 0;
		if (!w)
			return j;
		k++;
	}
	if (!(at(sc, k)->tz >= NAMED_TZ + 4))
		return j;
	sc->zone = at(sc, k)->tz;
	k++;
	if (at(sc, k)->kind == TK_WORD && (g_ascii_strncasecmp(sc->text + at(sc, k)->s, "time", 4) == 0 ||
					  g_ascii_strncasecmp(sc->text + at(sc, k)->s, "zeit", 4) == 0))
		k++;
	if (open && is_punct(at(sc, k), ')'))
		k++;
	return k;
}

/*
 * "Central European Time", "(Eastern European Summer Time)", "Western
 * European Time": Berlin's, Helsinki's or Lisbon's zone ("Central" alone
 * is Chicago's). Returns the index after it (*tz set), else j.
 */
static int european_zone(const struct scan *sc, int j, int *tz)
{
	int k = j, open = 0, zone;

	if (is_punct(at(sc, k), '(')) {
		open = 1;
		k++;
	}
	if (is_word(sc, at(sc, k), "central"))
		zone = NAMED_TZ + 7;
	else if (is_word(sc, at(sc, k), "eastern"))
		zone = NAMED_TZ + 9;
	else if (is_word(sc, at(sc, k), "western"))
		zone = NAMED_TZ + 10;
	else
		return j;
	if (!is_word(sc, at(sc, k + 1), "european") && !is_word(sc, at(sc, k + 1), "europe"))
		return j;
	k += 2;
	if (is_word(sc, at(sc, k), "summer") || is_word(sc, at(sc, k), "standard"))
		k++;
	if (is_word(sc, at(sc, k), "time"))
		k++;
	if (open && is_punct(at(sc, k), ')'))
		k++;
	*tz = zone;
	return k;
}

/* "UTC+01:00", "GMT-5", "UTC +2": an offset after UTC or GMT. */
static int zone_offset(const struct scan *sc, int j, int *tz)
{
	const struct tok *sign = at(sc, j), *h = at(sc, j + 1);
	int mins;

	if (*tz != 1 || !(is_punct(sign, '+') || is_punct(sign, '-')) || h->kind != TK_NUM ||
	    h->space_before || (h->ndigits <= 2 ? h->num > 14 : h->ndigits != 4))
		return j;
	mins = h->num * 60;
	j += 2;
	if (is_punct(at(sc, j), ':') && at(sc, j + 1)->kind == TK_NUM && at(sc, j + 1)->ndigits == 2) {
		mins += at(sc, j + 1)->num;
		j += 2;
	} else if (h->ndigits == 4) {
		mins = h->num / 100 * 60 + h->num % 100;
	}
	*tz = (sign->punct == '-' ? -mins : mins) + 1;
	return j;
}

/* "at 10:00 AM EST", "2pm", "um 14 Uhr", "à 10h30", "a las 10:00". */
/* Whether token t is the ASCII word w (any case). */
static bool is_word(const struct scan *sc, const struct tok *t, const char *w)
{
	return t->kind == TK_WORD && t->e - t->s == strlen(w) &&
		g_ascii_strncasecmp(sc->text + t->s, w, t->e - t->s) == 0;
}

/* An hour written as a word ("two", "drei", "dos"): two to twelve, so that
 * "a", "un", "ein" (one) never read as a time. */
static bool is_hour_word(const struct tok *t)
{
	return t->kind == TK_WORD && t->num >= 2 && t->num <= 23 && !t->unit &&
		!(t->cls & (C_AT | C_FILL | C_TO | C_VAGUE));
}

/*
 * A place or a visit after an hour in words, as short notes write it: "um
 * sieben bei uns", "um sieben vorbei", "um acht im Büro", "at seven at the
 * gate", "at eight sharp", "vers sept au chantier", "chez nous", "en la
 * obra". A count has a noun there instead ("um drei Kandidaten").
 */
static bool place_after_hour(const struct scan *sc, const struct tok *n)
{
	static const char *const w[] = { "bei", "beim", "vorbei", "im", "auf", "an", "sharp",
					 "at", "au", "chez", "en" };

	if (n->kind != TK_WORD || n->e - n->s > 6)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(w); i++)
		if (is_word(sc, n, w[i]))
			return true;
	return false;
}

/*
 * An hour in words after a word that says "at" ("um neun", "à dix
 * heures", "at two", "a la una"), with nothing after it that makes it a
 * count ("at two locations", "um drei Kandidaten"), "at once" excepted.
 */
static bool at_hour_word(const struct scan *sc, int j)
{
	const struct tok *p = at(sc, j - 1), *t = at(sc, j), *n = at(sc, j + 1);

	if (t->kind != TK_WORD)
		return false;
	/* "a la una" */
	if (is_word(sc, t, "una") && is_word(sc, p, "la") && is_word(sc, at(sc, j - 2), "a"))
		return true;
	if (!is_hour_word(t) || is_word(sc, t, "once") ||
	    !(is_word(sc, p, "at") || is_word(sc, p, "um") || is_word(sc, p, "gegen") ||
	      is_word(sc, p, "à") || is_word(sc, p, "vers") || is_word(sc, p, "around")))
		return false;
	return n->kind != TK_WORD || (n->cls & (C_UHR | C_AM | C_PM | C_TOMORROW | C_TODAY)) ||
		n->wd || n->tz || is_word(sc, n, "heures") || is_word(sc, n, "heure") ||
		is_word(sc, n, "on") || is_word(sc, n, "et") || is_word(sc, n, "in") ||
		is_word(sc, n, "o") || is_word(sc, n, "du") || is_word(sc, n, "de") ||
		place_after_hour(sc, n);
}

/*
 * A time said in words before its hour: "half past two", "quarter to ten",
 * "halb drei", "Viertel nach zwei". Returns the minutes to add to the hour
 * that follows (negative: before it) and moves *j past the words; 0 when
 * there are none.
 */
static int spoken_offset(const struct scan *sc, int *j)
{
	const struct tok *a = at(sc, *j), *b = at(sc, *j + 1);
	int off = 0, n = 0;

	if (is_word(sc, a, "half") && is_word(sc, b, "past"))
		off = 30, n = 2;
	else if (is_word(sc, a, "quarter") && is_word(sc, b, "past"))
		off = 15, n = 2;
	else if (is_word(sc, a, "quarter") && is_word(sc, b, "to"))
		off = -15, n = 2;
	else if (is_word(sc, a, "halb"))
		off = -30, n = 1;
	/* British "half 11" is half past eleven (German "halb elf" is half
	 * past ten). */
	else if (is_word(sc, a, "half") && ((b->kind == TK_NUM && b->ndigits <= 2) ||
					     is_hour_word(b)))
		off = 30, n = 1;
	else if (is_word(sc, a, "viertel") && is_word(sc, b, "nach"))
		off = 15, n = 2;
	else if (is_word(sc, a, "viertel") && is_word(sc, b, "vor"))
		off = -15, n = 2;
	if (!n || !(at(sc, *j + n)->kind == TK_NUM || is_hour_word(at(sc, *j + n))))
		return 0;
	*j += n;
	return off;
}

/* Minutes said after the hour: "y media", "y cuarto", "menos cuarto",
 * "o'clock" (0). Moves *j past them; false when there are none. */
static bool spoken_minutes(const struct scan *sc, int *j, int *off)
{
	int k = *j;

	if ((is_word(sc, at(sc, k), "y") || is_word(sc, at(sc, k), "menos")) &&
	    (is_word(sc, at(sc, k + 1), "media") || is_word(sc, at(sc, k + 1), "cuarto"))) {
		bool minus = is_word(sc, at(sc, k), "menos");

		*off = is_word(sc, at(sc, k + 1), "media") ? 30 : 15;
		if (minus)
			*off = -*off;
		*j = k + 2;
		return true;
	}
	/* "midi et demi", "dix heures et quart", "onze heures moins le quart" */
	if (is_word(sc, at(sc, k), "et") &&
	    (is_word(sc, at(sc, k + 1), "demie") || is_word(sc, at(sc, k + 1), "demi") ||
	     is_word(sc, at(sc, k + 1), "quart"))) {
		*off = is_word(sc, at(sc, k + 1), "quart") ? 15 : 30;
		*j = k + 2;
		return true;
	}
	if (is_word(sc, at(sc, k), "moins") && is_word(sc, at(sc, k + 1), "le") &&
	    is_word(sc, at(sc, k + 2), "quart")) {
		*off = -15;
		*j = k + 3;
		return true;
	}
	if (is_word(sc, at(sc, k), "o") && is_punct(at(sc, k + 1), '\'') &&
	    is_word(sc, at(sc, k + 2), "clock")) {
		*off = 0;
		*j = k + 3;
		return true;
	}
	/* "nine thirty", "two fifteen", "las nueve treinta" ("two fifteen-minute
	 * breaks", "ten thirty days" are no minutes) */
	if (at(sc, k)->kind == TK_WORD && !at(sc, k)->unit &&
	    (at(sc, k)->num == 15 || at(sc, k)->num == 30) && at(sc, k)->space_before &&
	    !is_punct(at(sc, k + 1), '-') && !at(sc, k + 1)->unit) {
		*off = at(sc, k)->num;
		*j = k + 1;
		return true;
	}
	return false;
}

/*
 * A part of the day after a time: "in the morning", "de la mañana", "du
 * matin", "morgens" (1); "in the evening", "de la tarde", "du soir", "de
 * l'après-midi", "abends" (2). Moves *j past it; 0 when there is none.
 */
static int day_part(const struct scan *sc, int *j)
{
	static const char *const am[] = { "morning", "mañana", "matin", "morgens", "vormittags",
					  "früh" };
	static const char *const pm[] = { "afternoon", "evening", "night", "tarde", "noche",
					  "soir", "nachmittags", "abends", "midi" };
	int k = *j, n = 0;

	if (is_word(sc, at(sc, k), "in") && is_word(sc, at(sc, k + 1), "the"))
		n = 2;
	else if (is_word(sc, at(sc, k), "at") || is_word(sc, at(sc, k), "du"))
		n = 1;
	else if (is_word(sc, at(sc, k), "de") && is_word(sc, at(sc, k + 1), "la"))
		n = 2;
	/* "de l'après-midi" */
	else if (is_word(sc, at(sc, k), "de") && is_word(sc, at(sc, k + 1), "l") &&
		 is_punct(at(sc, k + 2), '\'') && at(sc, k + 3)->cls & C_AFTER &&
		 is_punct(at(sc, k + 4), '-'))
		n = 5;
	k += n;
	for (size_t w = 0; w < G_N_ELEMENTS(am); w++) {
		if (at(sc, k)->kind != TK_WORD || !is_word(sc, at(sc, k), am[w]))
			continue;
		/* "at morning" is no English; "in the morning", "de la mañana". */
		if (n == 1 && !is_word(sc, at(sc, *j), "du"))
			return 0;
		*j = k + 1;
		return 1;
	}
	for (size_t w = 0; w < G_N_ELEMENTS(pm); w++) {
		if (at(sc, k)->kind != TK_WORD || !is_word(sc, at(sc, k), pm[w]))
			continue;
		if (n == 1 && !(is_word(sc, at(sc, *j), "du") ? strcmp(pm[w], "soir") == 0 :
				strcmp(pm[w], "night") == 0))
			return 0;
		if (strcmp(pm[w], "midi") == 0 && n != 5)
			return 0;
		*j = k + 1;
		return 2;
	}
	return 0;
}

/* Whether a time may start at token t: the hour, a filler ("about half
 * 11") or a spoken offset ("half", "quarter", "halb", "Viertel"). */
static bool may_start_time(const struct scan *sc, const struct tok *t)
{
	return t->kind == TK_NUM ||
		(t->kind == TK_WORD && (t->cls & C_FILL) && !t->wd && !t->mon) ||
		is_word(sc, t, "half") || is_word(sc, t, "quarter") || is_word(sc, t, "halb") ||
		is_word(sc, t, "viertel");
}

/*
 * "11.15 tomorrow", "Tuesday 9.30", "same time (9.30)": an hour and its
 * minutes with a dot, and nothing else to say it is a time, count as one
 * next to a day or in brackets of their own; never after a currency sign
 * ("£9.50") nor before another dot and number ("2.10.3").
 * h is token i, the minutes token i + 2.
 */
static bool loose_dotted(const struct scan *sc, int i)
{
	const struct tok *prev = at(sc, i - 1), *next = at(sc, i + 3);
	int m = at(sc, i + 2)->num;

	if (at(sc, i)->num > 23 || m % 5 || at(sc, i)->ndigits > 2)
		return false;
	if (prev->kind == TK_PUNCT && !at(sc, i)->space_before && prev->punct != '(')
		return false;
	if (is_punct(next, '.') && at(sc, i + 4)->kind == TK_NUM && !at(sc, i + 4)->space_before)
		return false;
	if (is_punct(prev, '(') && is_punct(next, ')'))
		return true;
	if (next->kind == TK_WORD && (next->wd || (next->cls & (C_TOMORROW | C_TODAY))))
		return true;
	/* "10.30 on the 12th", "9.45 am Freitag" */
	if ((is_word(sc, next, "on") || is_word(sc, next, "am")) &&
	    (at(sc, i + 4)->wd || is_word(sc, at(sc, i + 4), "the") ||
	     (at(sc, i + 4)->kind == TK_NUM && at(sc, i + 4)->ndigits <= 2)))
		return true;
	return (prev->kind == TK_WORD && (prev->wd || (prev->cls & (C_TOMORROW | C_TODAY)))) ||
		(prev->kind == TK_NUM && prev->ord);
}

static bool try_time_at(struct scan *sc, int i, int *end, int *hour, int *min, int *tz,
			bool range)
{
	int j = i, h, m = 0, off = 0, after, spoken;
	bool marked = false, pm = false, am = false;

	if (at(sc, j)->kind == TK_PUNCT && at(sc, j)->punct == '@') {
		marked = true;
		j++;
	}
	while (at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & (C_AT | C_FILL)) &&
	       !at(sc, j)->mon) {
		if (at(sc, j)->cls & C_AT)
			marked = true;
		j++;
	}
	if (at(sc, j)->cls & C_NOON) {
		/* "après-midi" is the afternoon, no time. */
		if ((at(sc, j - 1)->cls & C_AFTER) ||
		    (is_punct(at(sc, j - 1), '-') && (at(sc, j - 2)->cls & C_AFTER)))
			return false;
		*hour = 12;
		*min = 0;
		*tz = 0;
		*end = j + 1;
		/* "midi et demi" */
		if (spoken_minutes(sc, end, &off) && off > 0)
			*min = off;
		return true;
	}
	off = spoken_offset(sc, &j);
	if (off)
		marked = true;
	after = j + 1;
	if (at(sc, j)->kind == TK_NUM && at(sc, j)->ndigits <= 2) {
	} else if (at(sc, j)->kind == TK_NUM && at(sc, j)->ndigits == 4 &&
		   at(sc, j)->num / 100 < 24 && at(sc, j)->num % 100 < 60 &&
		   (is_word(sc, at(sc, j + 1), "hrs") || is_word(sc, at(sc, j + 1), "hours") ||
		    (marked && at(sc, j)->num / 100 != 19 && at(sc, j)->num / 100 != 20))) {
		/* "at 1400", "1400 hrs": the hour and its minutes in four digits
		 * (not a year such as 2026). */
		bool hrs = is_word(sc, at(sc, j + 1), "hrs") || is_word(sc, at(sc, j + 1), "hours");

		*hour = at(sc, j)->num / 100;
		*min = at(sc, j)->num % 100;
		*tz = 0;
		*end = j + (hrs ? 2 : 1);
		return true;
	} else if (at_hour_word(sc, j)) {
		/* "um neun", "à quatorze heures", "at two", "a la una" */
		marked = true;
	} else if (is_hour_word(at(sc, j)) &&
		   (off || is_word(sc, at(sc, j - 1), "las") ||
		    (at(sc, j + 1)->cls & (C_AM | C_PM | C_UHR)) ||
		    spoken_minutes(sc, &after, &spoken))) {
		/* "half past two", "a las dos", "two pm", "zwei Uhr", "tres y media" */
		if (at(sc, j + 1)->unit)
			return false;
		marked = true;
	} else {
		return false;
	}
	h = at(sc, j)->num;
	j++;
	if (!off && spoken_minutes(sc, &j, &off))
		marked = true;
	if ((is_punct(at(sc, j), ':') || is_punct(at(sc, j), '.')) &&
	    at(sc, j + 1)->kind == TK_NUM && at(sc, j + 1)->ndigits == 2 &&
	    !at(sc, j + 1)->space_before) {
		m = at(sc, j + 1)->num;
		marked = marked || is_punct(at(sc, j), ':') ||
			(at(sc, j - 1)->kind == TK_NUM && loose_dotted(sc, j - 1));
		j += 2;
	} else if ((at(sc, j)->cls & C_UHR) && at(sc, j)->kind == TK_WORD) {
		marked = true;
		j++;
		/* "14h30", "10 h 30", "14 Uhr 30" */
		if (at(sc, j)->kind == TK_NUM && at(sc, j)->ndigits == 2 && at(sc, j)->num < 60 &&
		    (!at(sc, j)->space_before ||
		     (at(sc, j + 1)->kind != TK_WORD || !(at(sc, j + 1)->unit || at(sc, j + 1)->mon ||
							  at(sc, j + 1)->wd)))) {
			m = at(sc, j)->num;
			j++;
		}
	}
	if (at(sc, j)->cls & C_UHR && at(sc, j)->kind == TK_WORD) {
		marked = true;
		j++;
	}
	/* "à quatorze heures", "à 14 heures (30)" */
	if (marked && (is_word(sc, at(sc, j), "heures") || is_word(sc, at(sc, j), "heure"))) {
		j++;
		if (at(sc, j)->kind == TK_NUM && at(sc, j)->ndigits == 2 &&
		    at(sc, j)->num < 60 && !m) {
			m = at(sc, j)->num;
			j++;
		} else if (!off && !m) {
			spoken_minutes(sc, &j, &off);
		}
	}
	/* "11ish", "2ish": an hour said loosely is still an hour. */
	if (is_word(sc, at(sc, j), "ish") && !at(sc, j)->space_before) {
		marked = true;
		j++;
	}
	/* am, pm, a.m., p.m. */
	if (at(sc, j)->cls & C_PM) {
		pm = true;
		j++;
	} else if ((at(sc, j)->cls & C_AM) && at(sc, j)->kind == TK_WORD &&
		   !is_num(at(sc, j + 1)) && !at(sc, j + 1)->wd && !at(sc, j + 1)->mon &&
		   !(at(sc, j - 1)->cls & C_UHR)) {
		/* ("14 Uhr am Dienstag": German "am" is "on", not a.m.) */
		am = true;
		j++;
	} else if (at(sc, j)->kind == TK_WORD && is_punct(at(sc, j + 1), '.') &&
		   at(sc, j + 2)->kind == TK_WORD && is_punct(at(sc, j + 3), '.') &&
		   (sc->text[at(sc, j + 2)->s] == 'm' || sc->text[at(sc, j + 2)->s] == 'M')) {
		char c = g_ascii_tolower(sc->text[at(sc, j)->s]);

		if (c == 'a' || c == 'p') {
			pm = c == 'p';
			am = c == 'a';
			j += 4;
		}
	}
	/* "a las ocho de la tarde", "10 in the morning", "8 Uhr abends". */
	if (!am && !pm) {
		int part = day_part(sc, &j);

		if (part && h >= 1 && h <= 12) {
			marked = true;
			am = part == 1;
			pm = part == 2;
		}
	}
	/* "11.40 to 12.25", "9.30-10.15": two times with a dot mark each other. */
	if (!marked && !am && !pm && range && j >= 2 && is_punct(at(sc, j - 2), '.') &&
	    (is_punct(at(sc, j), '-') || (at(sc, j)->cls & C_TO)) &&
	    at(sc, j + 1)->kind == TK_NUM && at(sc, j + 1)->ndigits <= 2 &&
	    at(sc, j + 1)->num < 24 && is_punct(at(sc, j + 2), '.') &&
	    at(sc, j + 3)->kind == TK_NUM && at(sc, j + 3)->ndigits == 2 &&
	    !at(sc, j + 3)->space_before && at(sc, j + 3)->num < 60 &&
	    at(sc, j + 1)->num * 60 + at(sc, j + 3)->num > h * 60 + m)
		marked = true;
	/* "10-10:45am", "2 to 3pm": the start of a range takes the end's mark. */
	if (!marked && !am && !pm && range &&
	    (is_punct(at(sc, j), '-') || (at(sc, j)->cls & C_TO)) &&
	    may_start_time(sc, at(sc, j + 1))) {
		int e, h2, m2, tz2;

		if (try_time_at(sc, j + 1, &e, &h2, &m2, &tz2, false) && h2 * 60 + m2 > h * 60) {
			marked = true;
			if (h < 12 && h2 >= 12 && h + 12 <= h2)
				pm = true;
			else if (h2 < 12)
				am = true;
		}
	}
	/* "Friday, 10 till 1", "Freitag 9 bis 12": two bare hours of a working
	 * day, the end after noon when it is smaller; nothing but a mark or
	 * the end of the text after them ("10 to 12 people" is a count). */
	if (!marked && !am && !pm && range && h >= 7 && h <= 12 && !m &&
	    (is_punct(at(sc, j), '-') || is_word(sc, at(sc, j), "till") ||
	     is_word(sc, at(sc, j), "til") || is_word(sc, at(sc, j), "until") ||
	     is_word(sc, at(sc, j), "to") || is_word(sc, at(sc, j), "bis")) &&
	    at(sc, j + 1)->kind == TK_NUM && at(sc, j + 1)->ndigits <= 2 &&
	    (at(sc, j + 2)->kind == TK_PUNCT || j + 2 >= sc->t->n) &&
	    !is_punct(at(sc, j + 2), ':') && !is_punct(at(sc, j + 2), '/') &&
	    !is_punct(at(sc, j + 2), '-') &&
	    !(is_punct(at(sc, j + 2), '.') && at(sc, j + 3)->kind == TK_NUM &&
	      !at(sc, j + 3)->space_before)) {
		int e = at(sc, j + 1)->num;

		if ((e > h && e <= 20) || (e >= 1 && e <= 6 && e + 12 > h))
			marked = true;
	}
	if (!marked && !am && !pm)
		return false;
	if (h > 23 || m > 59 || ((am || pm) && (h < 1 || h > 12)))
		return false;
	if (off < 0) {
		h = h == 0 ? 23 : h - 1;
		m = 60 + off;
	} else if (off > 0) {
		m = off;
	}
	if (pm && h < 12)
		h += 12;
	else if (am && h == 12)
		h = 0;
	else if (!am && !pm && h >= 1 && h <= 6)
		h += 12;
	*tz = 0;
	/* "10:00 - 11:00 CET", "from 2 to 3pm ET": the zone follows the range. */
	if (range && (is_punct(at(sc, j), '-') || (at(sc, j)->cls & C_TO)) &&
	    at(sc, j + 1)->kind == TK_NUM) {
		int e, h2, m2, tz2;

		if (try_time_at(sc, j + 1, &e, &h2, &m2, &tz2, false) && tz2) {
			*tz = tz2;
			j = e;
		}
	}
	if (*tz) {
	} else if (european_zone(sc, j, tz) > j) {
		/* "Central European (Summer) Time", in brackets or not */
		j = european_zone(sc, j, tz);
	} else if (wrapped_zone(sc, j) > j) {
		j = wrapped_zone(sc, j);
		*tz = sc->zone;
	} else if (is_punct(at(sc, j), '(') && (at(sc, j + 1)->tz || zone_abbr(sc->text, at(sc, j + 1)))) {
		*tz = at(sc, j + 1)->tz ? at(sc, j + 1)->tz : zone_abbr(sc->text, at(sc, j + 1));
		j = zone_offset(sc, j + 2, tz);
		if (is_punct(at(sc, j), ')'))
			j++;
	} else if (at(sc, j)->kind == TK_WORD && (at(sc, j)->tz || zone_abbr(sc->text, at(sc, j)))) {
		*tz = at(sc, j)->tz ? at(sc, j)->tz : zone_abbr(sc->text, at(sc, j));
		j++;
		j = zone_offset(sc, j, tz);
		if (*tz >= NAMED_TZ && at(sc, j)->kind == TK_WORD &&
		    (at(sc, j)->unit == 0) && g_ascii_strncasecmp(sc->text + at(sc, j)->s, "time", 4) == 0)
			j++;
	}
	*hour = h;
	*min = m;
	*end = j;
	return true;
}

static bool try_time(struct scan *sc, int i, int *end, int *hour, int *min, int *tz)
{
	return try_time_at(sc, i, end, hour, min, tz, true);
}

static gint64 instant(struct scan *sc, const GDate *d, int h, int m, int tz)
{
	GTimeZone *zone = sc->ref->tz;
	GTimeZone *fixed = NULL;
	GDateTime *dt;
	gint64 t;

	if (tz >= NAMED_TZ) {
		fixed = g_time_zone_new_identifier(named_zones[tz - NAMED_TZ]);
		if (fixed)
			zone = fixed;
	} else if (tz) {
		fixed = g_time_zone_new_offset((tz - 1) * 60);
		zone = fixed;
	}
	dt = g_date_time_new(zone, g_date_get_year(d), g_date_get_month(d),
			     g_date_get_day(d), h, m, 0);
	t = dt ? g_date_time_to_unix(dt) : NUDGE_NOTIME;
	if (dt)
		g_date_time_unref(dt);
	if (fixed)
		g_time_zone_unref(fixed);
	return t;
}

/*
 * A part of the day between a day and its time: "morning", "afternoon",
 * "evening", "früh", "vormittags", "nachmittags", "abends", "matin",
 * "après-midi", "soir", "por la mañana", "por la tarde", "por la noche".
 * Returns 1 (morning) or 2 (later) and moves *j past it (and a comma);
 * 0 when there is none.
 */
static int part_of_day_before(const struct scan *sc, int *j)
{
	static const char *const am[] = { "morning", "früh", "morgens", "vormittag", "vormittags",
					  "matin", "matinée", "matinee" };
	static const char *const pm[] = { "afternoon", "evening", "night", "nachmittag",
					  "nachmittags", "abend", "abends", "soir", "tarde",
					  "noche" };
	int k = *j, part = 0;

	/* "por la", and as Mexico and Colombia write it "en la"; "in the",
	 * "in der" (Austria's "in der Früh"), "in aller", "dans la", "am". */
	if ((is_word(sc, at(sc, k), "por") || is_word(sc, at(sc, k), "en") ||
	     is_word(sc, at(sc, k), "dans")) && is_word(sc, at(sc, k + 1), "la"))
		k += 2;
	else if (is_word(sc, at(sc, k), "in") &&
		 (is_word(sc, at(sc, k + 1), "the") || is_word(sc, at(sc, k + 1), "der") ||
		  is_word(sc, at(sc, k + 1), "aller")))
		k += 2;
	else if (is_word(sc, at(sc, k), "am"))
		k++;
	if (at(sc, k)->cls & C_AFTER && is_punct(at(sc, k + 1), '-') &&
	    is_word(sc, at(sc, k + 2), "midi")) {
		part = 2;
		k += 3;
	} else if ((k > *j || (at(sc, k - 1)->cls & C_THIS)) && is_word(sc, at(sc, k), "mañana")) {
		part = 1;
		k++;
	}
	for (size_t w = 0; w < G_N_ELEMENTS(am) && !part; w++)
		if (is_word(sc, at(sc, k), am[w])) {
			part = 1;
			k++;
		}
	for (size_t w = 0; w < G_N_ELEMENTS(pm) && !part; w++)
		if (is_word(sc, at(sc, k), pm[w])) {
			part = 2;
			k++;
		}
	if (!part)
		return 0;
	if (is_punct(at(sc, k), ','))
		k++;
	*j = k;
	return part;
}

/* Whether the words before token i name the week of the date at i. */
static bool week_of(const struct scan *sc, int i)
{
	const struct tok *a = at(sc, i - 1), *b = at(sc, i - 2), *c = at(sc, i - 3);

	if (!(at(sc, i)->kind == TK_NUM || at(sc, i)->mon))
		return false;
	return (is_word(sc, a, "of") && is_word(sc, b, "week")) ||
		((is_word(sc, a, "commencing") || is_word(sc, a, "beginning")) &&
		 is_word(sc, b, "week")) ||
		((is_word(sc, a, "c") || is_word(sc, a, "b")) && is_punct(b, '/') &&
		 is_word(sc, c, "w")) ||
		(is_word(sc, a, "du") && is_word(sc, b, "semaine")) ||
		(is_word(sc, a, "vom") && is_word(sc, b, "woche")) ||
		(is_word(sc, a, "del") && is_word(sc, b, "semana"));
}

/* Whether a part of the day follows "this", "cet", "esta" at i. */
/*
 * "the day after", "the next day", "am Tag danach", "le lendemain", "al día
 * siguiente": the day after the nearest date written before it in the same
 * text ("one more person on the 20th, the call the day after"). Returns its
 * tokens, 0 when it is not that or no date comes before it.
 */
/* The nearest date written before token i in the same text, looking back
 * 150 tokens at most (a long run of "the day after" stays linear). */
static bool date_before(struct scan *sc, int i, GDate *out)
{
	for (int k = i - 1; k >= 0 && k >= i - 150; k--) {
		GDate d;
		int m = 0;

		if (at(sc, k)->kind == TK_WORD && at(sc, k)->wd)
			m = try_weekday(sc, k, &d);
		if (!m)
			m = try_absolute(sc, k, &d);
		if (!m)
			m = try_day_of_month(sc, k, &d);
		if (m && k + m <= i) {
			*out = d;
			return true;
		}
	}
	return false;
}

static int try_day_after(struct scan *sc, int i, GDate *out)
{
	const struct tok *t = at(sc, i), *p = at(sc, i - 1);
	int n = 0;

	if ((is_word(sc, t, "day") && is_word(sc, at(sc, i + 1), "after") &&
	     !(at(sc, i + 2)->cls & C_TOMORROW) && !is_word(sc, at(sc, i + 2), "day")) ||
	    (is_word(sc, t, "tag") && (is_word(sc, at(sc, i + 1), "danach") ||
				       is_word(sc, at(sc, i + 1), "darauf"))) ||
	    (is_word(sc, t, "tags") && is_word(sc, at(sc, i + 1), "darauf")) ||
	    ((is_word(sc, t, "día") || is_word(sc, t, "dia")) &&
	     (is_word(sc, at(sc, i + 1), "siguiente") || is_word(sc, at(sc, i + 1), "después")) &&
	     (is_word(sc, p, "el") || is_word(sc, p, "al"))))
		n = 2;
	else if ((is_word(sc, t, "next") || is_word(sc, t, "following")) &&
		 is_word(sc, p, "the") && is_word(sc, at(sc, i + 1), "day") &&
		 !is_punct(at(sc, i + 2), '-') && !is_word(sc, at(sc, i + 2), "or"))
		n = 2;
	else if (is_word(sc, t, "nächsten") && is_word(sc, p, "am") && is_word(sc, at(sc, i + 1), "tag"))
		n = 2;
	else if (is_word(sc, t, "lendemain") || is_word(sc, t, "folgetag"))
		n = 1;
	if (!n || !date_before(sc, i, out))
		return 0;
	g_date_add_days(out, 1);
	return n;
}

/*
 * "by the end of that week", "later that week", "Ende jener Woche", "Ende
 * derselben Woche", "à la fin de cette semaine-là", "a finales de esa
 * semana": the Friday of the week of the nearest date written before it
 * ("the committee meets on Tuesday 3 February ... by the end of that
 * week"). Returns its tokens, 0 without such a date.
 */
static int try_that_week(struct scan *sc, int i, GDate *out)
{
	static const char *const that[] = {
		"that", "jener", "derselben", "selben", "gleichen", "esa", "aquella", "misma",
		"même",
	};
	int j = i + 1, k;
	bool ok = false;

	if (!(at(sc, i)->cls & C_END) || at(sc, i)->kind != TK_WORD)
		return 0;
	while (j < i + 4 && at(sc, j)->kind == TK_WORD && (at(sc, j)->cls & C_FILL) &&
	       !is_word(sc, at(sc, j), "la") && !at(sc, j)->wd && !at(sc, j)->mon)
		j++;
	if (is_word(sc, at(sc, j), "la") &&
	    (is_word(sc, at(sc, j + 1), "misma") || is_word(sc, at(sc, j + 1), "même")))
		j++;
	for (size_t w = 0; w < G_N_ELEMENTS(that) && !ok; w++)
		ok = is_word(sc, at(sc, j), that[w]);
	k = j + 1;
	if (!ok && is_word(sc, at(sc, j), "cette") && at(sc, k)->unit == 7 &&
	    is_punct(at(sc, k + 1), '-') && is_word(sc, at(sc, k + 2), "là")) {
		ok = true;
	}
	if (!ok || at(sc, k)->kind != TK_WORD || at(sc, k)->unit != 7 ||
	    (at(sc, k)->cls & C_NOUNIT))
		return 0;
	k++;
	if (is_punct(at(sc, k), '-') && is_word(sc, at(sc, k + 1), "là"))
		k += 2;
	if (!date_before(sc, i, out))
		return 0;
	weekday_in_week(out, 5, 0);
	return k - i;
}

/* "in the next week or so", "Friday or thereabouts", "zwei Wochen oder
 * länger", "una semana más o menos", "una semana o así", "une semaine ou
 * plus": a date made vague by the words after it. */
static bool vague_after(const struct scan *sc, int j)
{
	static const char *const second[] = {
		"so", "thereabouts", "more", "longer", "länger", "mehr", "plus", "más", "así",
	};

	if (is_word(sc, at(sc, j), "más") && is_word(sc, at(sc, j + 1), "o") &&
	    is_word(sc, at(sc, j + 2), "menos"))
		return true;
	if (!(at(sc, j)->cls & C_TO) || at(sc, j + 1)->kind != TK_WORD)
		return false;
	if (!is_word(sc, at(sc, j), "or") && !is_word(sc, at(sc, j), "oder") &&
	    !is_word(sc, at(sc, j), "ou") && !is_word(sc, at(sc, j), "o"))
		return false;
	for (size_t k = 0; k < G_N_ELEMENTS(second); k++)
		if (is_word(sc, at(sc, j + 1), second[k]))
			return true;
	return is_word(sc, at(sc, j), "oder") && is_word(sc, at(sc, j + 1), "so");
}

/* Whether "not before", "nicht vor", "pas avant", "no antes de" comes
 * before token i: "not before mid-March" is a rough lower bound, which
 * promises no day ("not before the 20th" names its day). */
static bool not_before(const struct scan *sc, int i)
{
	int b = i - 1;
	const struct tok *p, *q;

	while (b > 0 && at(sc, b)->kind == TK_WORD &&
	       ((at(sc, b)->cls & C_FILL) || is_word(sc, at(sc, b), "dem")) &&
	       !is_word(sc, at(sc, b), "vor"))
		b--;
	p = at(sc, b);
	q = at(sc, b - 1);
	return (is_word(sc, p, "before") && (is_word(sc, q, "not") || is_word(sc, q, "t"))) ||
		(is_word(sc, p, "vor") && is_word(sc, q, "nicht")) ||
		(is_word(sc, p, "avant") && is_word(sc, q, "pas")) ||
		(is_word(sc, p, "antes") && is_word(sc, q, "no"));
}

static bool this_part_of_day(const struct scan *sc, int i)
{
	int k = i;

	return part_of_day_before(sc, &k) != 0;
}

bool dates_find(const char *text, size_t from, const struct date_ref *ref,
		struct date_hit *hit)
{
	const struct toks *tp;
	struct toks t;
	struct scan sc;
	bool found = false;

	memset(hit, 0, sizeof(*hit));
	if (!text)
		return false;
	G_LOCK(tok_cache);
	tp = tokenize(text);
	t = *tp;
	sc.t = tp;
	sc.text = text;
	sc.ref = ref;
	civil(ref->tz, ref->now, &sc.today);
	for (int i = first_from(tp, from); i < t.n && !found; i++) {
		GDate d;
		int n = 0, this_part = 0;
		bool dur = false, bare = false;

		if ((n = try_duration(&sc, i, &d)))
			dur = true;
		/* "la mañana", "am Morgen", "esta mañana", "diesen Morgen": the
		 * morning, not tomorrow. */
		else if ((t.v[i].cls & C_TOMORROW) && !(at(&sc, i - 1)->cls & (C_GUTEN | C_THIS)) &&
			 !(at(&sc, i - 1)->kind == TK_WORD && (at(&sc, i - 1)->cls & C_FILL))) {
			/* "übermorgen", "pasado mañana", "après-demain", "the day
			 * after tomorrow" */
			int b = is_punct(at(&sc, i - 1), '-') ? i - 2 : i - 1;
			bool two = (t.v[i].cls & C_AFTER) ||
				(at(&sc, b)->kind == TK_WORD && (at(&sc, b)->cls & C_AFTER));

			d = sc.today;
			g_date_add_days(&d, two ? 2 : 1);
			n = 1;
		} else if ((t.v[i].cls & C_TODAY)) {
			d = sc.today;
			n = 1;
			if (is_punct(at(&sc, i + 1), '\'') && at(&sc, i + 2)->kind == TK_WORD)
				n = 3;
		} else if ((t.v[i].cls & C_THIS) && this_part_of_day(&sc, i + 1)) {
			/* "this afternoon at 3", "cet après-midi", "esta mañana",
			 * "ce soir": today, in that part of it */
			int k = i + 1;

			int e, h, m, z;

			this_part = part_of_day_before(&sc, &k);
			d = sc.today;
			n = k - i;
			/* "this morning" alone has mostly gone by ("I spoke to them
			 * this morning"); with its hour it is to come. */
			if (this_part == 1 && !try_time(&sc, k, &e, &h, &m, &z))
				n = 0;
		} else if ((n = try_day_after(&sc, i, &d))) {
		} else if ((t.v[i].cls & C_END) && (n = try_that_week(&sc, i, &d))) {
		} else if ((t.v[i].kind == TK_NUM || (t.v[i].cls & C_KW) || t.v[i].unit == 7) &&
			   (n = try_calendar_week(&sc, i, &d))) {
		} else if ((n = try_relative(&sc, i, &d))) {
		} else if ((n = try_weekday(&sc, i, &d))) {
			/* "Tuesday, March 3": the written date wins. */
			int j = i + n, m;
			GDate d2;

			/* "Tue-Thu", "Monday or Tuesday", "entre jueves y viernes": a
			 * choice of days; the hit is the later one. */
			/* ("entre el lunes y el martes": an article before the
			 * second day) */
			int k2 = at(&sc, j)->cls & C_TO ? skip_fill(&sc, j + 1) : j + 1;
			int p2 = i - 2;

			if (at(&sc, i - 1)->kind == TK_WORD && (at(&sc, i - 1)->cls & C_FILL) &&
			    !at(&sc, i - 1)->wd && (at(&sc, i - 2)->cls & C_TO))
				p2 = i - 3;
			if ((is_punct(at(&sc, j), '-') || is_punct(at(&sc, j), '/') ||
			     (at(&sc, j)->cls & C_TO)) && at(&sc, k2)->kind == TK_WORD &&
			    at(&sc, k2)->wd && (m = try_weekday(&sc, k2, &d2))) {
				if (g_date_compare(&d2, &d) > 0)
					d = d2;
				n = k2 + m - i;
				hit->choice = true;
			} else if ((is_punct(at(&sc, p2 + 1), '-') || is_punct(at(&sc, p2 + 1), '/') ||
				    (at(&sc, p2 + 1)->cls & C_TO)) &&
				   at(&sc, p2)->kind == TK_WORD && at(&sc, p2)->wd) {
				hit->choice = true;
			}
			/* "the Monday after, the 11th": the date that follows. */
			if (is_word(&sc, at(&sc, j), "after") && is_punct(at(&sc, j + 1), ','))
				j++;
			if (is_punct(at(&sc, j), ',') || is_punct(at(&sc, j), '('))
				j++;
			j = skip_fill(&sc, j);
			sc.has_alt = false;
			bare = true;
			if ((m = try_absolute(&sc, j, &d2)) ||
			    (at(&sc, j)->kind == TK_NUM && (m = try_day_of_month(&sc, j, &d2))) ||
			    (m = try_weekday_number(&sc, j, at(&sc, i + n - 1)->wd, &d2))) {
				bare = false;
				/* "Tuesday 10/03": the reading that is a Tuesday. */
				if (sc.has_alt && (int)g_date_get_weekday(&d2) != at(&sc, i + n - 1)->wd &&
				    (int)g_date_get_weekday(&sc.alt) == at(&sc, i + n - 1)->wd)
					d2 = sc.alt;
				d = d2;
				n = j + m - i;
			}
		} else if ((n = try_absolute(&sc, i, &d))) {
		} else if ((n = try_day_of_month(&sc, i, &d))) {
		}
		if (!n || vague_after(&sc, i + n) ||
		    ((t.v[i].cls & (C_MID | C_EARLY)) && not_before(&sc, i)))
			continue;
		/* "w/c 16 March", "the week of March 16", "la semaine du 16 mars",
		 * "in der Woche vom 16. März", "la semana del 16 de marzo": that
		 * week, whose end is its Friday. */
		if (!dur && week_of(&sc, i))
			weekday_in_week(&d, 5, 0);
		found = true;
		hit->day = midnight_of(ref->tz, &d);
		hit->duration = dur;
		hit->weekday = bare;
		hit->start = t.v[i].s;
		hit->end = at(&sc, i + n - 1)->e;
		if (!dur) {
			int j = i + n, end, h, m, tz, part;

			/* "Thursday (12th) at 10am" */
			if (is_punct(at(&sc, j), ')') && is_punct(at(&sc, j - 2), '('))
				j++;
			if (is_punct(at(&sc, j), ','))
				j++;
			/* "Tue, Mar 10, 2026 - 14:00 - 14:45", "Tuesday 10 March | 2pm",
			 * "Friday @ 10am": a separator between the day and its clock
			 * time. */
			else if ((is_punct(at(&sc, j), '-') || is_punct(at(&sc, j), '|') ||
				  is_punct(at(&sc, j), '@')) && at(&sc, j)->space_before &&
				 at(&sc, j + 1)->space_before && is_num(at(&sc, j + 1)) &&
				 at(&sc, j + 1)->ndigits <= 2 &&
				 (is_punct(at(&sc, j + 2), ':') ||
				  (at(&sc, j + 2)->kind == TK_WORD && !at(&sc, j + 2)->space_before &&
				   (at(&sc, j + 2)->cls & (C_PM | C_AM)))))
				j++;
			/* "tomorrow afternoon at 3", "morgen früh um 9", "vendredi
			 * matin à 10h", "el viernes por la tarde a las 5" */
			part = part_of_day_before(&sc, &j);
			/* "tonight at 7", "this afternoon at 3" */
			if (!part && is_word(&sc, &t.v[i], "tonight"))
				part = 2;
			if (!part)
				part = this_part;
			if (try_time(&sc, j, &end, &h, &m, &tz)) {
				if (part == 2 && h < 12)
					h += 12;
				else if (part == 1 && h > 12 && h <= 18)
					h -= 12;
				hit->time = instant(&sc, &d, h, m, tz);
				if (end > i + n)
					hit->end = at(&sc, end - 1)->e;
			}
		}
	}
	G_UNLOCK(tok_cache);
	return found;
}

bool dates_find_time(const char *text, size_t from, size_t to, const struct date_ref *ref,
		     gint64 day, gint64 *time, size_t *start)
{
	const struct toks *tp;
	struct toks t;
	struct scan sc;
	bool found = false;

	*time = NUDGE_NOTIME;
	if (!text || day == NUDGE_NOTIME)
		return false;
	G_LOCK(tok_cache);
	tp = tokenize(text);
	t = *tp;
	sc.t = tp;
	sc.text = text;
	sc.ref = ref;
	civil(ref->tz, day, &sc.today);
	for (int i = first_from(tp, from); i < t.n && !found; i++) {
		int end, h, m, tz;

		if (t.v[i].s >= to)
			break;
		/* Times only: a word or number that starts a date is not one. */
		if (t.v[i].kind == TK_NUM && t.v[i].ndigits > 2)
			continue;
		/* The end of a range ("9:00-16:00") is not a time of its own. */
		if ((is_punct(at(&sc, i - 1), '-') ||
		     (at(&sc, i - 1)->kind == TK_WORD && at(&sc, i - 1)->e - at(&sc, i - 1)->s <= 3 &&
		      (g_ascii_strncasecmp(text + at(&sc, i - 1)->s, "to", 2) == 0 ||
		       g_ascii_strncasecmp(text + at(&sc, i - 1)->s, "bis", 3) == 0))) &&
		    at(&sc, i - 2)->kind == TK_NUM)
			continue;
		if (try_time(&sc, i, &end, &h, &m, &tz)) {
			*time = instant(&sc, &sc.today, h, m, tz);
			if (start)
				*start = t.v[i].s;
			found = *time != NUDGE_NOTIME;
		}
	}
	G_UNLOCK(tok_cache);
	return found;
}
