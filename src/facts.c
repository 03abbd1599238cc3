/*
 * Facts of an employer message. Each fact has a few sources tried in order;
 * the text is read sentence by sentence, and a date counts for a fact only
 * when its sentence says what the date is for ("we will decide", "please
 * let us know", "your interview").
 */
#include <string.h>

#include "calendar.h"
#include "dates.h"
#include "facts.h"

/* Compiled once per process; GRegex uses PCRE2 (with JIT) underneath. */
enum {
	RE_DECIDE, RE_CHECKIN, RE_IFNOT, RE_ANSWER, RE_INTERVIEW, RE_NOREPLY,
	RE_SUFFIX, RE_LEGAL, RE_BODY_COMPANY, RE_EEO, RE_SUBJ_POSITION,
	RE_BODY_POSITION, RE_INTERVIEWER, RE_AUTOREPLY, RE_SIG_AT, RE_REPLY,
	RE_THEN, RE_UNTIL, RE_NEG, RE_OR, RE_OTHER_DATE, RE_FIRST_PERSON, RE_ANAPHORA,
	RE_RSVP, RE_BY_THEN, RE_CLIENT, RE_MEETS, RE_CHOSEN, RE_LATEST, RE_BY, RE_START,
	RE_ROLE, RE_PAST, RE_SAME_TIME, RE_ASSUME, RE_MOVED, RE_AGREE, RE_DENY,
	RE_NOT_BEFORE, RE_CHIEF, RE_PERSON_AFTER, RE_DECIDE_MORE,
	RE__COUNT
};

static const char *const patterns[RE__COUNT] = {
	[RE_DECIDE] =
		"hear (?:back|from)|get back to|come back to you|decision|decide|"
		"let you know|update you|be in touch|respond|feedback|tell you\\b|"
		"(?:reach out|contact|follow up with|notify|inform|update) (?:to )?you\\b|"
		"make (?:a|the|our|their) (?:final )?call\\b|ready to decide|"
		"next steps|wrap up|finali[sz]e|conclude|expect to|outcome|"
		"(?:inform|notify|tell) (?:all|every|each)|let everyone know|"
		"melde(?:n|\\b)|rückmeldung|bescheid|entscheid|informieren|zurückkommen|"
		"von uns hören|antwort|"
		"reviendr|revenir vers|retour|décision|décid|nouvelles|recontact|"
		"vous contacter|informer|réponse|tiendr|"
		"respuesta|decisión|decidir|comunicar|contactar|noticias|informar|contest|"
		"pondremos en contacto|responder|escribiremos|te diremos|le diremos|"
		"avisaremos|te avisamos|"
		"answer (?:from us|for you|to you)|(?:give|send) you an? (?:final )?answer|"
		"(?:you'll|you will) have (?:an|our|a final) answer|(?:give|allow) (?:us|me) (?:until|till)|\\bnews\\b|(?:final|make (?:a|our)) selection|circle back|"
		"\\brevert\\b|in a position to|inform (?:candidates|applicants)|"
		"hören sie|hör(?:en|st)\\b.{0,40}?von (?:uns|mir)|"
		"\\b(?:something|word|news) (?:back )?from (?:me|us)\\b|"
		"\\bnotified\\b|\\bnotification\\b|\\bmake (?:an? |our |the )?offers?\\b|"
		"\\b(?:je|on) (?:te|vous) (?:redis|redit|redirai|redira)\\b|"
		"\\b(?:te|le|os|les) (?:escribimos|escribo|confirmaremos)\\b|"
		"\\bte cuento (?:el|mañana|la semana|antes|este|esta|en cuanto)\\b|"
		"\\b(?:te|le|os|les) (?:digo|cuento|contamos|decimos) algo|"
		"ergebnis|nachricht|au courant|informad|mantendremos|résultat|resultado|"
		"\\b(?:an?|some|any|further|our|the|final) (?:update|answer|verdict)\\b|"
		"auf (?:sie|dich) zu\\b|zukommen|mitteil|teilen (?:ihnen|dir)|neuigkeiten|"
		"répond|(?:ferons|faire|fera) (?:part|savoir|signe)|communiquer|statuer|trancher|"
		"sabr(?:ás|á|án) (?:algo )?de nosotros|novedades|resolver|resolución|"
		"wrap (?:\\w+ )?up|close (?:the|our) (?:process|search|selection|recruitment)|"
		"\\bresults?\\b|serez fixée?|\\bfixée? sur|know more\\b|mehr wissen|en saurons plus|sabremos más|"
		"something (?:\\w+ )?for you\\b|come back to (?:me|us)\\b|etwas (?:\\w+ )?sagen|"
		"quelque chose (?:de \\w+ )?(?:à (?:te|vous) dire)|(?:te|vous) dire quelque chose|decir(?:te|le|os)? algo|"
		"\\b(?:an?|your|their) yes or no\\b|(?:call|ring|phone) you (?:by|before|no later)",
	/* More of them, tried only where RE_DECIDE finds none and one of their
	 * words is there (RE_DECIDE, tried on every sentence, grows slower
	 * with every branch). */
	[RE_DECIDE_MORE] =
		"\\b(?:be|get) back in touch\\b|\\bping you\\b|"
		"\\b(?:we|i)(?:'ll| will| should| shall|'d| would| hope to| expect to) know\\b|"
		"\\bwissen wir\\b|\\bwir (?:\\w+ ){0,3}wissen\\b|"
		"\\b(?:nous saurons|on saura|on devrait savoir|nous devrions savoir)\\b|"
		"\\brevien[st] vers\\b|\\bsabremos\\b|\\bdeber(?:í|i)amos saber\\b|"
		"\\b(?:te|le|les|os) aviso\\b",
	[RE_CHECKIN] =
		"(?:feel free|please|you(?:'| a)re welcome|(?:don't|do not) hesitate|"
		"you can|you may|invite you|n'hésitez pas|gerne|no dude|puede|"
		"pouvez|können sie)\\b.{0,60}?\\b(?:check(?:ing)? in|follow(?:ing)? up|"
		"reach(?:ing)? out|touch base|ping|nudge|get in touch|nachfragen|nachhaken|"
		"melden|relancer|revenir vers|recontacter|contacter|contactar|"
		"escribir|ponerte en contacto|ponerse en contacto)",
	[RE_IFNOT] =
		"if you (?:have not|haven't|do not|don't|did not|didn't) (?:hear|heard|"
		"receive)|falls sie (?:bis|nichts)|si vous n'avez pas|si no (?:ha|has|recibe)",
	[RE_ANSWER] =
		"\\b(?:let (?:us|me) know|respond|reply|accept|sign(?!ing bonus|-on|on)|decision|answer|"
		"get back to (?:us|me)|return (?:the|a) signed|"
		"(?<!pleased to )(?<!delighted to )(?<!happy to )(?<!glad to )confirm|deadline|expire|"
		"valid (?:until|through)|open (?:until|through|till)|(?:stands|holds|good) (?:until|till|through)|"
		"on the table (?:until|till)|gültig|gilt (?:noch )?bis|steht (?:noch )?bis|annehmen|rückmeldung|"
		"zurückmelden|antwort|bescheid|gib uns|geben sie uns|teilen sie uns|entscheidung|mitteil|"
		"répondre|faire part|réponse|retour|accepter|signer|valable|"
		"responder|respuesta|aceptar|firmar|fírm|regrés|devuélv|válida|vigente hasta|"
		"se mantiene hasta|\\bmeld(?:e|et) (?:dich|euch)\\b|\\bmelden sie sich\\b|annimmst|"
		"(?:reviens|revenez|revenir) vers (?:moi|nous)|confírm|avísa|contést|"
		"(?:me|nos) (?:dices|dice|decís|digas) algo|\\bdi(?:nos|me|ganos) algo|"
		"\\b(?:tell (?:us|me)|sag(?:t|en sie)? (?:uns|mir)|di(?:tes|s)-(?:nous|moi)),? "
		"(?:by|before|within|until|if|whether|bis|vor|innerhalb|ob|bescheid|d'ici|avant|"
		"si|sous)\\b|"
		"(?:hear|hear back) from you|yes or no|ja oder nein|oui ou non|sí o no)",
	[RE_INTERVIEW] =
		"interview|\\bcall\\b|\\bmeet|\\bchat\\b|phone screen|screen(?:ing)?\\b|"
		"on-?site|video|zoom|teams|hangout|conversation|speak with|talk with|"
		"scheduled|confirm|gespräch|termin|telefonat|treffen|entretien|entrevue|"
		"rendez-vous|\\bappel|rencontr|entrevista|reunión|llamada|\\bcita\\b",
	[RE_NOREPLY] =
		"(?:^|[-_.])(?:no-?reply|do-?not-?reply|donotreply|notifications?|"
		"mailer-daemon|bounces?|automated|auto-?confirm|system|bookings?|scheduling|"
		"scheduler|invites?|invitations?)(?:$|[-_.+])|noreply",
	[RE_SUFFIX] =
		"(?:[\\s,|\\-–]+(?:via\\s+\\S+|\\(via [^)]*\\)|recruiting|recruitment|"
		"recruiters?|(?:early )?careers?|jobs|job alerts?|talent(?:\\s+acquisition)?(?:\\s+team)?|"
		"internships?|graduates?|apprenticeships?|"
		"hiring(?:\\s+team)?|human resources|hr|rh|rrhh|rr\\.\\s?hh\\.|people(?:\\s+team)?|"
		"team|notifications?|no-?reply|karriere|recrutement|"
		"ressources humaines|empleo|recursos humanos|personalabteilung|"
		"personalamt|personalservice|(?:referat )?personal|berufungen|talents|"
		"university|campus))+$",
	[RE_LEGAL] =
		",?\\s+(?:inc\\.?|llc|llp|ltd\\.?|limited|g?gmbh|ag|kg|s\\.?a\\.?s?|sarl|s\\.l\\.|"
		"corp\\.?|co\\.|plc|(?:gmbh )?& co\\.?(?: kg)?|"
		"a\\.?s\\.?b\\.?l\\.?|vzw|e\\.v\\.|ltda\\.?|s\\.a\\.c\\.|a\\.c\\.|s\\. de r\\.l\\.)$",
	[RE_BODY_COMPANY] =
		"(?:interest in (?:joining |working (?:at|for|with) |a career (?:at|with) )?|"
		"(?:position|role|opportunity|opening|career|job|team|here|"
		"interview(?:ing)?) at |(?:position|role|opportunity|career) with |on behalf of |"
		"the recruiting team (?:at|of) |ihr interesse an |"
		"(?:Stelle|Position|Bewerbung|Job|Karriere|Einstieg|Tätigkeit)\\w* (?:\\w+ )?bei (?:der )?|"

		"chez |en la empresa |intérêt pour )"
		"(?<c>(?:[A-Z0-9][\\w&'.-]*)(?: (?:&|and|of|de|[A-Z0-9][\\w&'.-]*)){0,4})",
	[RE_EEO] =
		"(?<c>[A-Z][\\w&'.-]*(?: [A-Z][\\w&'.-]*){0,4})(?:,? Inc\\.?)? is an? "
		"(?:proud )?equal (?:employment )?opportunity",
	[RE_SUBJ_POSITION] =
		"(?:application|applying|candidacy|interview|invitation|offer|"
		"bewerbung|vorstellungsgespräch|einladung|angebot|candidature|entretien|"
		"offre|candidatura|solicitud|entrevista|oferta)"
		"\\s*(?:for|to|as|für|als|pour|para|de|:|-|–)\\s*"
		"(?:the |a |an |die |le |la |el |our )?(?:position |role |poste |puesto |stelle )?"
		"(?:of |de |als |as )?"
		"(?<p>[^,|()\\[\\]\\n]{3,80}?)"
		"(?:\\s+(?:position|role|opening|job|stelle|poste|puesto)\\b.*"
		"|\\s+(?:at|bei|chez|en|with|@)\\s.*|\\s*[-–|(,\\[].*|\\s*$)",
	[RE_BODY_POSITION] =
		"(?:for (?:the |our |a |an )?|as (?:a |an |our )?|the )"
		"(?<p>(?:[A-Z][\\w+#./-]*)(?: (?:[A-Z][\\w+#./-]*|of|and|&|I|II|III|-)){0,6})"
		" (?:position|role|opening|job|opportunity)"
		"|(?:position|role) of (?<q>[A-Z][\\w+#./-]*(?: [A-Z][\\w+#./-]*){0,6})"
		"|(?:Stelle|Position) als (?<r>[A-Z][\\w+#./-]*(?: [A-Z][\\w+#./-]*){0,6})"
		"|(?:poste|puesto) de (?<s>\\w[\\w+#./-]*(?: [\\w+#./-]+){0,4}?)(?=[.,;\\n]| (?:chez|en|au sein|dans|at|bei))",
	[RE_INTERVIEWER] =
		"(?:(?:interview|meet|meeting|speak|speaking|chat|call|talk) with|"
		"interviewer(?:s)?(?: will be|:)|you(?:'ll| will) be meeting|"
		"gespräch mit|treffen mit|entretien avec|rencontrer|"
		"entrevista con|reunión con)\\s+"
		"(?:(?:Frau|Herrn?|Mme|M\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Sr\\.?|Sra\\.?) )?"
		"(?<n>[A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+){1,2})",
	[RE_AUTOREPLY] =
		"out of (?:the )?office|on (?:annual |parental )?(?:leave|vacation|holiday)|"
		"automatic reply|auto-?reply|abwesen|nicht im büro|absent du bureau|"
		"réponse automatique|fuera de la oficina|respuesta automática|vacaciones",
	[RE_REPLY] = "^\\s*(?:re|aw|wg|fwd?|tr|rv|sv)\\s*:",
	/* "The panel meets on Thursday. You will hear from us after that." */
	[RE_THEN] =
		"\\b(?:after (?:that|this|it)|afterwards|(?:shortly|soon|right) after|then\\b|"
		"danach|im anschluss|anschließend|ensuite|après cela|après quoi|"
		"después|a continuación|luego)",
	/* "away until next week", "interviewing until Friday": a window; "give
	 * us until the 14th" is a promise. */
	[RE_UNTIL] = "(?<!give us )(?<!give me )(?<!allow us )(?<!allow me )"
		"\\b(?:until|till) (?:the )?$|"
		"\\bjusqu(?:'|’)(?:à|au) (?:ce |le )?$|\\bhasta (?:el |la |este |esta )?$|"
		"\\b(?:urlaub|abwesend|unterwegs|krank|dienstreise|verreist|elternzeit|"
		"außer haus|nicht im büro)\\b[^,;.]{0,30}\\bbis (?:zum |zur |am |einschließlich )?$",
	/* Dates that are not a promise: deadlines, start dates. */
	[RE_OTHER_DATE] =
		"deadline|closing date|applications? (?:close|closes|are open|is open)|"
		"\\bstart(?:s|ing)?\\b(?: date| on| in| from)|start date|join us on|"
		"first day|bewerbungsschluss|bewerbungsfrist|eintritt|starttermin|"
		"date limite|prise de poste|fecha límite|incorporación|"
		/* Something the candidate is asked to do by then: "please send your
		 * references by Friday so we can decide". */
		"\\b(?:please|kindly|bitte|merci de|veuillez|por favor)\\b.{0,30}?"
		"\\b(?:send|complete|return|submit|provide|upload|fill|forward|schick|sende|"
		"füll|reich|übermittel|envoy|rempli|retourn|complét|transmet|envía|envia|"
		"complet|rellen|mand)|"
		"\\b(?:envíanos|mándanos|rellena|schicken sie uns|senden sie uns)\\b",
	[RE_FIRST_PERSON] =
		"\\bI(?:'m| am| will| shall|'ll)\\b|\\bmy\\b|\\bich\\b|\\bje suis\\b|\\bj'|"
		"\\bestoy\\b|\\bestaré\\b|\\bautomati|\\bautomáti",
	/* The user is asked to act by a date: confirm attendance, reply for
	 * feedback. Not the employer's decision. */
	[RE_RSVP] =
		"\\b(?:confirm\\w*|bestätig\\w*|confirme\\w*|confirma\\w*|rsvp)\\b.{0,40}?"
		"\\b(?:attendance|presence|participation|asistencia|présence|venue|Teilnahme|"
		"Anwesenheit|whether you can (?:attend|make it))|"
		"\\b(?:if you (?:would like|want|wish)|si (?:vous souhaitez|desea|deseas)|"
		"falls sie .{0,20}wünschen)\\b.{0,80}\\b(?:reply|respond|write|email|"
		"répond|écri|respond|escrib|antworten|schreiben)",
	/* An agency writes for its client: "mein Kunde, die Brückner Logistik AG". */
	/* A head of the firm, as a signature names the boss its writer
	 * assists: "Executive Assistant to Fiona Lister, Chief Executive". */
	[RE_CHIEF] =
		"^(?:our |the )?(?:chief\\b|ceo|cfo|coo|cto|cso|cmo|cpo|chro|president|"
		"vice[- ]president|(?:co-?)?founder|managing director|executive director|"
		"country director|geschäftsführer\\w*|vorstand\\w*|vorsitzende\\w*|pdg|"
		"directeur général|directrice générale|présidente?|gérante?|director general|"
		"directora general|gerente general|presidenta?|fundador[a]?)\\b",
	/* After "on behalf of", "im Auftrag von", "de la part de", "en nombre
	 * de" a person rather than a client: a title before the name, or a
	 * role after it ("Helen Marsh, Country Director"). */
	[RE_PERSON_AFTER] =
		"^, (?:our |my |unse?re?r? |notre |nuestr[oa] |the |la |le |el )?"
		"(?:[A-Z]\\w* ){0,3}(?:[Dd]irector|[Dd]irectora|[Oo]fficer|[Mm]anager|[Hh]ead|"
		"Leiter\\w*|[Cc]hief|CEO|COO|CFO|CTO|CSO|[Pp]resident\\w*|[Dd]irecteur|"
		"[Dd]irectrice|[Gg]erente|[Ff]ounder|Geschäftsführ\\w*|[Pp]artner)\\b",
	[RE_CLIENT] =
		"(?i:(?:my|our|the) client,? \\(?(?:the company |the firm )?|mein(?:e|em)? Kund(?:e|in|en),? "
		"(?:die |der )?|mon client,? (?:la société |le groupe |l'entreprise )?|"
		"(?:mi|nuestro) cliente,? (?:la empresa |el grupo )?|on behalf of |im auftrag von |"
		"pour le compte de |en nombre de )"
		"(?<c>[A-Z][\\w&'.-]*(?: (?:&|and|of|de|[A-Z][\\w&'.-]*)){0,4})",
	/* "The panel meets on 12 March. You will hear from us." */
	[RE_MEETS] =
		"\\b(?:panel|committee|jury|board|hiring team|Gremium|Ausschuss|Kommission|"
		"Auswahlkommission|comité|tribunal)\\b.{0,40}?\\b(?:meets|will meet|is meeting|"
		"convenes|will convene|se réunira|se réunit|se reunirá|se reúne|tagt|trifft sich|"
		"kommt .{0,20}zusammen|délibérera|deliberará)",
	/* "Feel free to nudge me if you haven't heard by then." */
	[RE_BY_THEN] = "\\b(?:by|until|till) then\\b|\\bbis dahin\\b|\\bd'ici là\\b|"
		"\\bpara entonces\\b",
	/* "We'll let you know. This should be by Friday." */
	[RE_ANAPHORA] =
		"^(?:this|that|it|which|hopefully|ideally|probably|likely|most likely|"
		"by|before|within|no later than|das|dies|voraussichtlich|hoffentlich|"
		"spätestens|bis|cela|ce|ça|probablement|sans doute|d'ici|avant|"
		"esto|eso|probablemente|seguramente|antes|a más tardar)\\b",
	/* One time chosen out of several offered: "of the three options,
	 * let's lock in Tuesday the 12th at 11:00". */
	[RE_CHOSEN] =
		"\\b(?:let's (?:lock in|go (?:with|for)|do|say|book|make it|keep)|lock(?:ed)? in|"
		"we(?:'ll| will) keep|bleiben wir (?:also |dann )?bei|on maintient|mantenemos|"
		"we'll go (?:with|for)|(?:so )?that's (?:a date|confirmed)|confirmed for|"
		"halten wir|bleibt es (?:also |dann )?bei|machen wir|nehmen wir|"
		"c'est noté pour|on (?:retient|part sur|garde|fixe)|je (?:retiens|note)|"
		"quedamos (?:entonces |pues )?(?:el|en|para)|nos vemos el|lo dejamos (?:para|en))\\b",
	[RE_OR] = "\\b(?:or|oder|ou|o)\\b",
	/* "by Tuesday at the latest", "spätestens am Freitag": the firm promise. */
	[RE_LATEST] = "\\b(?:at the latest|no later than|spätestens|au plus tard|a más tardar|"
		"como muy tarde)\\b",
	[RE_NEG] = "n't\\b|\\bnot\\b|\\bno\\b|\\bnever\\b|\\bpas\\b|\\bnada\\b|\\bnunca\\b",
	/* A job title before the employer's name in a signature line:
	 * "Service Manager, Calder Health", "HR Adviser, Kelsbury Borough
	 * Council". */
	[RE_ROLE] =
		"\\b(?:manager|adviser|advisor|officer|director|coordinator|co-ordinator|lead|"
		"partner|recruiter|administrator|assistant|head of|hr|talent|people|"
		"leiter\\w*|referent\\w*|sachbearbeiter\\w*|responsable|chargée?|directeur|"
		"directrice|gestionnaire|jef[ea]|técnic[oa]|directora?|coordinador[a]?)\\b",
	/* "If you have not heard from us within four weeks, please assume...":
	 * when to give up, which a do-not-contact note says (no decision date
	 * after it, ETIQUETTE.md R2), in any stage. */
	/* An interview moved: the new time comes after these words. */
	[RE_MOVED] =
		"\\bnew (?:date|time|slot|date and time|time and date)\\b|"
		"\\b(?:moved|rescheduled|re-scheduled|changed|shifted|pushed(?: back)?|"
		"brought forward)\\b[^.;]{0,80}?\\b(?:to|for)\\b|\\bis now (?:on|at|scheduled for)\\b|"
		"\\bneue[rns]? (?:termin|zeitpunkt|uhrzeit|datum|zeit)\\b|"
		"\\b(?:verschoben|verlegt|geändert)\\b[^.;]{0,80}?\\bauf\\b|"
		"\\b(?:wurde|wird|ist|haben|habe)\\b[^;]{0,60}?\\bauf\\b"
		"(?=[^;]{0,80}\\b(?:verschoben|verlegt|geändert)\\b)|"
		"\\bnouve(?:l|lle|au) (?:horaire|date|créneau|rendez-vous|heure)\\b|"
		"\\b(?:déplacé|reporté|décalé|avancé|modifié)e?s?\\b[^.;]{0,80}?\\b(?:au|à|pour)\\b|"
		"\\bnuev[ao] (?:fecha|hora|horario|cita)\\b|"
		"\\b(?:cambiad|movid|trasladad|aplazad|reprogramad)[ao]s?\\b[^.;]{0,80}?"
		"\\b(?:al|a las|para el)\\b",
	/* A short yes to a proposed time: "Thursday works perfectly", "see
	 * you then", "Donnerstag passt", "jeudi me convient", "el jueves me va
	 * bien". */
	[RE_AGREE] =
		"\\b(?:works?(?: perfectly| fine| great| well| for (?:me|us))?|suits?|"
		"sounds (?:good|great|perfect|fine)|(?:is|'s) (?:fine|perfect|great|good)|"
		"perfect|see you|it is|confirmed|fine by (?:me|us)|booked in|"
		"passt|geht (?:klar|gut|in ordnung)|klappt|einverstanden|abgemacht|perfekt|"
		"bis (?:dann|montag|dienstag|mittwoch|donnerstag|freitag)|"
		"(?:me|nous) (?:convient|va)|ça (?:marche|me va)|ca marche|parfait|d'accord|"
		"entendu|à (?:lundi|mardi|mercredi|jeudi|vendredi)|"
		"(?:me|nos) (?:va|viene) (?:bien|perfecto|genial)|(?:nos|te) vemos|perfecto|"
		"de acuerdo|(?:te|le|os|les) esperamos|genial)\\b",
	/* A no to it: "I can't do Thursday", "Donnerstag geht nicht", "jeudi
	 * ne me convient pas", "el jueves no puedo". */
	[RE_DENY] =
		"n't\\b|\\bnot\\b|\\bno\\b|\\bnever\\b|\\bunfortunately\\b|"
		"\\bnicht\\b|\\bkein|\\bleider\\b|\\bpas\\b|\\bmalheureusement\\b|"
		"\\bdesafortunadamente\\b|\\blamentablemente\\b",
	[RE_ASSUME] =
		"(?:\\bif you (?:have not|haven't|do not|don't|did not|didn't) (?:hear|heard|receive)|"
		"\\b(?:sollten|falls|wenn) (?:sie|du)\\b.{0,60}?\\bnichts\\b.{0,30}?\\bhör|"
		"\\bsans (?:réponse|nouvelles?|retour) de (?:notre|ma) part|"
		"\\bsi (?:vous n'avez|tu n'as) (?:pas|aucune?) (?:de )?(?:réponse|nouvelles|retour)|"
		"\\bsi no (?:recibes|recibe|has recibido|ha recibido|tienes|tiene) (?:noticias|respuesta))"
		".{0,120}?\\b(?:assume|take it|consider|understand|betrachten|davon aus\\b|"
		"davon ausgehen|considérer|considérez|considère|entiende|entienda|considera|"
		"da por|dé por|de por)",
	/* "Can we move it to Wednesday, same time?" */
	[RE_SAME_TIME] =
		"\\bsame time\\b|\\b(?:à )?la même heure\\b|\\bgleichen? (?:zeit|uhrzeit)\\b|"
		"\\bselben? (?:zeit|uhrzeit)\\b|\\ba la misma hora\\b|\\bmisma hora\\b",
	/* A weekday that names a meeting gone by: "thanks for your call on
	 * Monday", "following our chat on Friday", "nach unserem Gespräch am
	 * Mittwoch", "suite à notre échange de mardi", "tras la llamada del
	 * lunes". */
	[RE_PAST] =
		"\\b(?:thanks?|thank you|following|further to|danke|dank|nach|suite à|suite a|"
		"merci|gracias|tras|después de|despues de)\\b.{0,16}?"
		"\\b(?:your|our|the|unser\\w*|ihr\\w*|dein\\w*|das|dem|den|notre|votre|nos|vos|"
		"l'|le|la|les|nuestra|nuestro|tu|su|el)\\s*(?:\\w+\\s+)?"
		"(?:call|chat|conversation|interview|meeting|visit|time|talk|session|"
		"gespräch|telefonat|termin|treffen|besuch|austausch|échange|entretien|appel|"
		"rencontre|visite|entrevista|llamada|visita|reunión|charla|conversación)\\w*"
		"\\s+(?:on|last|am|vom|letzten|de|du|del|el|this|ce|dieser)?\\s*$",
	/* The words just before a date that make it a time limit: "bis Ende
	 * der KW 29", "by the 20th", "d'ici le", "antes del". */
	[RE_BY] =
		"\\b(?:by|bis|d'ici|avant|antes|before|until|till|spätestens|hasta|"
		"no later than|au plus tard|a más tardar|como muy tarde)"
		"(?:\\s+(?:the|end|of|ende|fin|finales|le|la|el|de|del|dem|der|den|am|zum|zur|"
		"des|du|que|termine|this|that)\\b){0,4}\\s*$",
	/* A start date in the clause before a date: "start date: June 15",
	 * "prise de poste le 2 novembre", "zum 1. Oktober". */
	[RE_START] =
		"\\bstart(?:s|ing)?\\b(?: date| on| in| from)?|first day|join(?:ing)? (?:us )?on|"
		"appoint you\\b.{0,60}?\\bfrom|eintritt|starttermin|arbeitsbeginn|dienstbeginn|"
		"beginn\\b|anfangen|(?<!bis )\\bzum\\s*$|prise de poste|démarrage|commencer|début|"
		"incorporaci|fecha de inicio|empezar|comienz|a partir del?",
	/* "we won't be in a position to decide before mid-March", "mit einer
	 * Entscheidung ist nicht vor Juli zu rechnen", "pas de décision avant
	 * la rentrée", "no habrá decisión antes de octubre": a lower bound
	 * that is itself rough (a part of a month, a month, a season) promises
	 * no day, and leaves none to borrow from elsewhere. ("not before the
	 * end of the month" names its day.) */
	[RE_NOT_BEFORE] =
		"(?:(?:\\bnot\\b|n't\\b(?! (?:worry|hesitate))|\\bnever\\b)[^.;]{0,80}?\\bbefore|"
		"\\bnicht (?:vor|bevor|früher als)|\\bpas\\b[^.;]{0,60}?\\bavant|"
		"\\bno\\b[^.;]{0,60}?\\bantes de\\w*)\\s+"
		"(?:(?:the|dem|der|la|le|l'|el|los|las)\\s*)?"
		"(?:mid|mitte|mi-|mediados|early|anfang|beginn|début|principios|rentrée|"
		"summer|sommer|été|verano|autumn|herbst|automne|otoño|"
		"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|fév|"
		"avr|juil|aoû|déc|ene|abr|ago|dic)\\w*(?!\\s*\\d))",
	[RE_SIG_AT] =
		"(?:recruit(?:er|ing|ment)|talent acquisition|talent partner|HR|hiring|"
		"people (?:team|partner)|Personal\\w*|recrutement|selección) "
		"(?:at|@|for|bei|chez|en|de) "
		"(?<c>[A-Z0-9][\\w&'.-]*(?: (?:&|and|of|[A-Z0-9][\\w&'.-]*)){0,4})\\s*$",
};

static GRegex *regexes[RE__COUNT];

/*
 * The pattern `which`, compiled when first used and without JIT (no
 * G_REGEX_OPTIMIZE): a filter run looks at one message, and compiling every
 * pattern to machine code cost it more than all its matching.
 */
static GRegex *re(int which)
{
	static gsize once[RE__COUNT];

	if (g_once_init_enter(&once[which])) {
		GRegexCompileFlags f = 0;

		if (which != RE_BODY_COMPANY && which != RE_EEO && which != RE_BODY_POSITION &&
		    which != RE_CLIENT &&
		    which != RE_INTERVIEWER && which != RE_SIG_AT && which != RE_PERSON_AFTER)
			f |= G_REGEX_CASELESS;
		regexes[which] = g_regex_new(patterns[which], f, 0, NULL);
		g_assert(regexes[which]);
		g_once_init_leave(&once[which], 1);
	}
	return regexes[which];
}

static bool has(int which, const char *s)
{
	return s && g_regex_match(re(which), s, 0, NULL);
}

/* The named group of the first match, trimmed; NULL when none. */
/* Whether s has a word RE_DECIDE_MORE needs (the words first: even that
 * pattern is slow to try on every sentence). */
static bool decide_more_words(const char *s)
{
	static const char *const w[] = { "know", "issen", "saur", "savoir", "evien", "abremos",
					 "saber", "aviso", "ping you", "in touch" };

	for (size_t i = 0; i < G_N_ELEMENTS(w); i++)
		if (strstr(s, w[i]))
			return true;
	return false;
}

/* Where the keyword which starts in s (RE_DECIDE: or RE_DECIDE_MORE). */
static bool keyword_at(int which, const char *s, int *start)
{
	GMatchInfo *mi = NULL;
	bool found = g_regex_match(re(which), s, 0, &mi);

	*start = 0;
	if (found && !g_match_info_fetch_pos(mi, 0, start, NULL))
		*start = 0;
	g_match_info_free(mi);
	if (!found && which == RE_DECIDE && decide_more_words(s))
		return keyword_at(RE_DECIDE_MORE, s, start);
	return found;
}

static bool has_keyword(int which, const char *s)
{
	int start;

	return keyword_at(which, s, &start);
}

static char *capture(int which, const char *s, const char *const *names)
{
	GMatchInfo *mi = NULL;
	char *out = NULL;

	if (!s)
		return NULL;
	if (g_regex_match(re(which), s, 0, &mi)) {
		for (int i = 0; names[i] && !out; i++) {
			char *v = g_match_info_fetch_named(mi, names[i]);

			if (v && *g_strstrip(v))
				out = v;
			else
				g_free(v);
		}
	}
	g_match_info_free(mi);
	return out;
}

/*
 * Sentences of the text, white space collapsed. A sentence ends at ".", "!"
 * or "?" before a blank, unless the dot follows a digit or a single letter
 * ("20.", "a.m."), and at a blank line.
 */
static GPtrArray *sentences(const char *text)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	GString *cur = g_string_new(NULL);
	const char *p = text ? text : "";

	while (*p) {
		char c = *p;

		if (c == '\n' && p[1] == '\n') {
			if (cur->len)
				g_ptr_array_add(out, g_strdup(cur->str));
			g_string_truncate(cur, 0);
			while (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r')
				p++;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && (!cur->len || cur->str[cur->len - 1] == ' ')) {
			p++;
			continue;
		}
		g_string_append_c(cur, c);
		p++;
		if ((c == '.' || c == '!' || c == '?') && (*p == ' ' || *p == '\n')) {
			size_t n = cur->len;
			bool keep = false;

			if (c == '.' && n >= 2 && g_ascii_isdigit(cur->str[n - 2]))
				keep = true;
			if (c == '.' && n >= 3 && g_ascii_isalpha(cur->str[n - 2]) &&
			    (cur->str[n - 3] == ' ' || cur->str[n - 3] == '.'))
				keep = true;
			if (!keep) {
				g_ptr_array_add(out, g_strdup(cur->str));
				g_string_truncate(cur, 0);
			}
		}
	}
	if (cur->len)
		g_ptr_array_add(out, g_strdup(cur->str));
	g_string_free(cur, TRUE);
	return out;
}

static bool is_noreply(const char *addr)
{
	g_autofree char *local = NULL;
	const char *at;

	if (!addr || !*addr)
		return true;
	at = strchr(addr, '@');
	local = at ? g_strndup(addr, at - addr) : g_strdup(addr);
	return has(RE_NOREPLY, local);
}

static void pick_contact(const struct fact_input *in, struct facts *out)
{
	const char *addr = NULL, *name = NULL;

	if (in->reply_to_addr && *in->reply_to_addr && !is_noreply(in->reply_to_addr)) {
		addr = in->reply_to_addr;
		name = in->reply_to_name;
	} else if (in->from_addr && *in->from_addr && !is_noreply(in->from_addr)) {
		addr = in->from_addr;
		name = in->from_name;
	} else if (in->reply_to_addr && *in->reply_to_addr) {
		addr = in->reply_to_addr;
		name = in->reply_to_name;
	} else if (in->from_addr && *in->from_addr) {
		addr = in->from_addr;
		name = in->from_name;
	}
	out->contact_addr = addr ? g_strdup(addr) : NULL;
	out->contact_name = name && *name ? g_strdup(name) : NULL;
}

/* Domains of applicant tracking systems and mail providers: never a company. */
static const char *const not_company_domains[] = {
	"greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co",
	"myworkday.com", "workday.com", "smartrecruiters.com", "icims.com",
	"jobvite.com", "taleo.net", "successfactors.com", "successfactors.eu",
	"ashbyhq.com", "bamboohr.com", "recruitee.com", "workablemail.com",
	"workable.com", "breezy.hr", "personio.de", "personio.com",
	"teamtailor.com", "teamtailor-mail.com", "jazzhr.com", "applytojob.com",
	"hirebridge.com", "linkedin.com", "indeed.com", "indeedemail.com",
	"glassdoor.com", "ziprecruiter.com", "stepstone.de", "xing.com",
	"gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com",
	"live.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net",
	"web.de", "proton.me", "protonmail.com", "t-online.de", "orange.fr",
	"free.fr", "laposte.net", "yahoo.fr", "yahoo.es", "hotmail.fr",
	"hotmail.es", "example.com", "example.org", "example.net",
};

static bool domain_is(const char *domain, const char *base)
{
	size_t dl = strlen(domain), bl = strlen(base);

	if (dl < bl || g_ascii_strcasecmp(domain + dl - bl, base) != 0)
		return false;
	return dl == bl || domain[dl - bl - 1] == '.';
}

/*
 * Whether the domain's name (the label before its top level, or before
 * "example") is a word for mail: "mailbox.example", "correo.example",
 * "courriel.example", "posteo.de", a mail provider's rather than a firm's.
 */
static bool mail_provider(const char *domain)
{
	static const char *const w[] = { "mail", "mailbox", "email", "webmail", "correo",
					 "courriel", "posteo", "postfach", "buzon" };
	g_auto(GStrv) parts = g_strsplit(domain, ".", -1);
	int k = (int)g_strv_length(parts) - 2;

	if (k > 0 && g_ascii_strcasecmp(parts[k], "example") == 0)
		k--;
	if (k < 0)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(w); i++)
		if (g_ascii_strcasecmp(parts[k], w[i]) == 0)
			return true;
	return false;
}

static bool not_company(const char *domain)
{
	for (size_t i = 0; i < G_N_ELEMENTS(not_company_domains); i++)
		if (domain_is(domain, not_company_domains[i]))
			return true;
	return mail_provider(domain);
}

static const char *domain_of(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;

	return at && at[1] ? at + 1 : NULL;
}

/* "recruiting.acme-corp.co.uk" -> "Acme-corp". */
static char *company_from_domain(const char *domain)
{
	g_auto(GStrv) parts = NULL;
	int n, k;

	if (!domain || not_company(domain))
		return NULL;
	parts = g_strsplit(domain, ".", -1);
	n = (int)g_strv_length(parts);
	if (n < 2)
		return NULL;
	k = n - 2;
	/* co.uk, com.au, ... */
	if (k > 0 && strlen(parts[n - 1]) == 2 && strlen(parts[k]) <= 3)
		k--;
	/* "voss-brenner.example.de": a name reserved for examples (RFC 2606)
	 * is nobody's company; the label before it is. */
	if (k > 0 && g_ascii_strcasecmp(parts[k], "example") == 0)
		k--;
	/* "graywater.gov.example.uk": a public second level is no name. */
	if (k > 0) {
		static const char *const sld[] = { "gov", "ac", "co", "org", "gob", "gouv" };

		for (size_t i = 0; i < G_N_ELEMENTS(sld); i++)
			if (g_ascii_strcasecmp(parts[k], sld[i]) == 0) {
				k--;
				break;
			}
	}
	if (!*parts[k])
		return NULL;
	for (char *p = parts[k]; *p; p++) {
		if (*p == '-')
			*p = ' ';
		if (p == parts[k] || p[-1] == ' ')
			*p = g_ascii_toupper(*p);
	}
	return g_strdup(parts[k]);
}

/* A display name without "Recruiting", "via Greenhouse", "Inc.". */
static char *clean_name(const char *name, bool *stripped)
{
	char *s, *t;

	*stripped = false;
	if (!name)
		return NULL;
	s = g_strstrip(g_strdup(name));
	t = g_regex_replace_literal(re(RE_SUFFIX), s, -1, 0, "", 0, NULL);
	if (t && strcmp(t, s) != 0)
		*stripped = true;
	g_free(s);
	s = t;
	t = g_regex_replace_literal(re(RE_LEGAL), s, -1, 0, "", 0, NULL);
	g_free(s);
	s = g_strstrip(t);
	if (!*s) {
		g_free(s);
		return NULL;
	}
	return s;
}

/* Letters and digits of s, lower case: "Acme-Corp Inc" -> "acmecorpinc". */
static char *squash(const char *s)
{
	GString *o = g_string_new(NULL);

	for (; s && *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (g_unichar_isalnum(c))
			g_string_append_unichar(o, g_unichar_tolower(c));
	}
	return g_string_free(o, FALSE);
}

/* Does the display name name the sender's domain ("Acme" <x@acme.com>)? */
static bool names_domain(const char *name, const char *domain)
{
	g_autofree char *sq = squash(name);
	g_autofree char *d = company_from_domain(domain);
	g_autofree char *dq = squash(d);

	return *sq && *dq && (g_str_has_prefix(sq, dq) || g_str_has_prefix(dq, sq));
}

static const char *skip_article(const char *s);
static const char *after_team(const char *name);

/* The signature: a short line near the end with a legal form ("Acme GmbH"). */
static char *company_from_signature(const char *fresh)
{
	g_auto(GStrv) lines = NULL;
	int n;

	if (!fresh)
		return NULL;
	lines = g_strsplit(fresh, "\n", -1);
	n = (int)g_strv_length(lines);
	for (int i = n - 1; i >= 0 && i >= n - 12; i--) {
		char *l = g_strstrip(lines[i]);
		GMatchInfo *mi = NULL;
		char *name = NULL;
		static GRegex *sig;

		if (g_once_init_enter(&sig)) {
			GRegex *r = g_regex_new(
				"^(?:©\\s*(?:\\d{4}\\s+)?)?(?<c>[A-Z][\\w&'.-]*(?: [\\w&'.-]+){0,4}),? "
				"(?:Inc\\.?|LLC|Ltd\\.?|Limited|g?GmbH|AG|SE|KG|OHG|UG|e\\.V\\.|"
				"B\\.V\\.?|BV|N\\.V\\.?|NV|S\\.A\\.S?\\.?|SAS|SARL|"
				"S\\.L\\.U?|S\\.p\\.A\\.|Srl|Corp\\.?|Corporation|plc)(?:[ ,.].*)?$",
				0, 0, NULL);
			g_once_init_leave(&sig, r);
		}
		if (strlen(l) > 80)
			continue;
		if (g_regex_match(sig, l, 0, &mi))
			name = g_match_info_fetch_named(mi, "c");
		g_match_info_free(mi);
		/* "Personalabteilung der Falkenhorst AG", "L'équipe Recrutement
		 * du Groupe Mireval": the firm after the team's words. */
		if (name && *name) {
			const char *rest = after_team(skip_article(name));

			if (rest != name && *rest) {
				char *r = g_strdup(rest);

				g_free(name);
				name = r;
			}
			return name;
		}
		g_free(name);
	}
	return NULL;
}

/* Words that are a team or a job, not a company, once the suffix is gone. */
static bool generic_word(const char *s)
{
	static const char *const w[] = {
		"recruiter", "recruiting", "recruitment", "technical", "senior", "talent", "team",
		"hiring", "coordinator", "hr", "human", "people", "the", "your", "our",
		"campus", "global", "department", "university", "partner", "sourcer",
		"associate", "developer", "engineer", "manager", "analyst", "director",
		"graduate", "early", "careers", "faculty", "service", "services", "office",
		"principal", "lead", "staff", "intern", "specialist", "consultant",
		"designer", "scientist", "architect", "officer", "assistant", "head",
		"executive", "representative", "business", "acquisition", "referat",
		"sachgebiet", "abteilung", "personalamt", "responsable", "chargée", "chargé",
		"gestionnaire", "jefa", "jefe", "técnica", "técnico", "leiter", "leiterin",
		"referent", "referentin",
	};
	g_auto(GStrv) words = g_strsplit(s, " ", -1);

	for (int i = 0; words[i]; i++)
		for (size_t j = 0; j < G_N_ELEMENTS(w); j++)
			if (g_ascii_strcasecmp(words[i], w[j]) == 0)
				return true;
	return false;
}

/* "Service des", "Graduate &": a name cut short. */
static bool ends_with_joiner(const char *s)
{
	static const char *const j[] = { " &", " and", " of", " de", " des", " du", " y", " und",
					 " für", " pour", " para" };
	size_t n = strlen(s);

	for (size_t i = 0; i < G_N_ELEMENTS(j); i++)
		if (n >= strlen(j[i]) && g_ascii_strcasecmp(s + n - strlen(j[i]), j[i]) == 0)
			return true;
	return false;
}

/* Whether each of the n words begins with a capital, but for the joiners
 * ("&", "and", "de", ...) between two of them; with apostrophe false, a
 * word with an apostrophe ("Let's") is no name's. */
static bool capitalised(char **words, int n, const char *const *joiners, size_t n_joiners,
			bool apostrophe)
{
	for (int i = 0; i < n; i++) {
		bool joiner = false;

		for (size_t j = 0; j < n_joiners; j++)
			if (strcmp(words[i], joiners[j]) == 0)
				joiner = true;
		if (joiner && i > 0 && i < n - 1)
			continue;
		if (!g_unichar_isupper(g_utf8_get_char(words[i])) ||
		    (!apostrophe && strchr(words[i], '\'')))
			return false;
	}
	return true;
}

/* "Acme", "Acme Data & Co": capitalised words, a few joiners inside. */
static bool looks_like_name(const char *s)
{
	static const char *const joiners[] = { "&", "and", "of", "de", "du", "des", "y", "und" };
	g_auto(GStrv) words = g_strsplit(s, " ", -1);
	int n = (int)g_strv_length(words);

	if (n < 1 || n > 4 || strchr(s, ','))
		return false;
	return capitalised(words, n, joiners, G_N_ELEMENTS(joiners), false);
}

/*
 * A small employer writing from a mail provider's address signs with the
 * firm's name on the last line, under the writer's name or role ("Sam" /
 * "Feed Forward Community Kitchen"), never under a closing ("Best wishes").
 * Two to five capitalised words; "Hogar Soria - tienda Plaza Aragón" is cut
 * at the dash.
 */
static char *company_from_last_line(const char *fresh)
{
	static const char *const joiners[] = {
		"&", "and", "of", "the", "de", "du", "des", "del", "la", "le", "les", "y",
		"und", "am", "für",
	};
	static GRegex *closing;
	g_auto(GStrv) lines = NULL;
	g_auto(GStrv) words = NULL;
	char *line = NULL, *prev = NULL, *cut;
	int n, nw;

	if (!fresh)
		return NULL;
	if (g_once_init_enter(&closing)) {
		GRegex *r = g_regex_new(
			"^(?:best|kind|warm|many|all the|regards|cheers|thanks|thank you|sincerely|"
			"yours|respectfully|viele|beste|liebe|herzlich|mit freundlichen|freundliche|"
			"gru|grü|cordialement|bien à|bien a|bonne|merci|amitiés|salutations|"
			"saludos|un saludo|un abrazo|abrazos|atentamente|gracias|besos)",
			G_REGEX_CASELESS, 0, NULL);
		g_once_init_leave(&closing, r);
	}
	lines = g_strsplit(fresh, "\n", -1);
	n = (int)g_strv_length(lines);
	for (int i = n - 1; i >= 0; i--) {
		char *l = g_strstrip(lines[i]);

		/* "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de
		 * mon iPhone", "Enviado desde mi móvil": the phone's line, below
		 * the signature. */
		if (!*l || (!line && (g_str_has_prefix(l, "Sent from my ") ||
				      g_str_has_prefix(l, "Von meinem ") ||
				      g_str_has_prefix(l, "Envoyé de mon ") ||
				      g_str_has_prefix(l, "Envoyé depuis mon ") ||
				      g_str_has_prefix(l, "Enviado desde mi ") ||
				      g_str_has_prefix(l, "Get Outlook for "))))
			continue;
		if (!line) {
			line = l;
		} else {
			prev = l;
			break;
		}
	}
	if (!line || !prev || strlen(prev) > 60 || g_str_has_suffix(prev, ",") ||
	    g_regex_match(closing, prev, 0, NULL))
		return NULL;
	if ((cut = strstr(line, " - ")) || (cut = strstr(line, " | ")) || (cut = strchr(line, ',')))
		*cut = '\0';
	g_strchomp(line);
	if (strlen(line) < 3 || strlen(line) > 50 || strpbrk(line, "@:.!?0123456789()/"))
		return NULL;
	words = g_strsplit(line, " ", -1);
	nw = (int)g_strv_length(words);
	if (nw < 2 || nw > 5 || !capitalised(words, nw, joiners, G_N_ELEMENTS(joiners), true))
		return NULL;
	if (generic_word(line))
		return NULL;
	return g_strdup(line);
}

/* Drops "Your", "Ihr", "Le", ... before a team name. */
static const char *skip_article(const char *s)
{
	static const char *const a[] = {
		"Your ", "Our ", "The ", "Dein ", "Deine ", "Ihr ", "Ihre ", "Euer ",
		"Das ", "Die ", "Der ", "Le ", "La ", "Les ", "Votre ", "El ", "Los ",
		"Tu ", "Su ", "Nuestro ", "Nuestra ", "L'", "L’",
	};

	for (size_t i = 0; i < G_N_ELEMENTS(a); i++)
		if (g_str_has_prefix(s, a[i]))
			return s + strlen(a[i]);
	return s;
}

/*
 * The signature's last lines: "Acme Recruiting", "The Acme Talent Team",
 * "Recruiter at Acme", "Acme GmbH".
 */
static char *company_from_team_line(const char *fresh)
{
	static const char *const c_names[] = { "c", NULL };
	g_auto(GStrv) lines = NULL;
	int n, seen = 0;

	if (!fresh)
		return NULL;
	lines = g_strsplit(fresh, "\n", -1);
	n = (int)g_strv_length(lines);
	for (int i = n - 1; i >= 0 && seen < 6; i--) {
		char *l = g_strstrip(lines[i]);
		char *c;
		bool stripped;

		if (!*l)
			continue;
		seen++;
		if (strlen(l) > 60 || strchr(l, '|') || strchr(l, '@'))
			continue;
		c = capture(RE_SIG_AT, l, c_names);
		if (c && !generic_word(c) && looks_like_name(c))
			return c;
		g_free(c);
		/* "Responsable RH, Passerelles Sans Frontières asbl, Bruxelles":
		 * the town after the firm is left out. */
		if ((c = strrchr(l, ',')) && c[1] == ' ' && c > l && !strchr(c + 2, ' ') &&
		    g_ascii_isupper(c[2]) && strchr(l, ',') < c) {
			g_autofree char *head = g_strndup(l, c - l);
			const char *mid = strrchr(head, ',');
			g_autofree char *role = g_strndup(head, mid - head);

			if (mid[1] == ' ' && has(RE_ROLE, role) && !strchr(role, ',') &&
			    !has(RE_CHIEF, mid + 2) && !ends_with_joiner(mid + 2)) {
				bool st;
				char *firm = clean_name(mid + 2, &st);

				if (firm && *firm && !generic_word(firm) && looks_like_name(firm))
					return firm;
				g_free(firm);
			}
		}
		/* "Service Manager, Calder Health" */
		if ((c = strrchr(l, ',')) && c[1] == ' ' && c > l) {
			g_autofree char *role = g_strndup(l, c - l);
			g_autofree char *first = g_strndup(c + 2, strcspn(c + 2, " "));

			/* ("HR Officer, Faculty of Engineering" is a part of it) */
			if (has(RE_ROLE, role) && !strchr(role, ',') && looks_like_name(c + 2) &&
			    !has(RE_CHIEF, c + 2) &&
			    !generic_word(first) && strcmp(first, "Faculty") != 0 &&
			    strcmp(first, "School") != 0 && strcmp(first, "Department") != 0 &&
			    !ends_with_joiner(c + 2))
				return g_strdup(c + 2);
		}
		c = clean_name(skip_article(l), &stripped);
		if (c && stripped && !generic_word(c) && looks_like_name(c))
			return c;
		g_free(c);
	}
	return NULL;
}

/*
 * Letters and digits of s folded to ASCII, lower case, with the words that
 * join names ("&", "and", "und", "et", "y", "de", "del", ...) left out and
 * German umlauts as written in mail domains ("ö" and "oe" both "o").
 */
static char *fold_name(const char *s)
{
	static const char *const joiners[] = {
		"and", "und", "et", "y", "e", "de", "del", "des", "du", "la", "le", "les", "the",
		"of",
	};
	g_autofree char *ascii = g_str_to_ascii(s, "C");
	g_auto(GStrv) words = NULL;
	GString *o = g_string_new(NULL);

	for (char *p = ascii; *p; p++)
		if (!g_ascii_isalnum(*p))
			*p = ' ';
	words = g_strsplit(ascii, " ", -1);
	for (int i = 0; words[i]; i++) {
		bool joiner = false;

		for (size_t j = 0; j < G_N_ELEMENTS(joiners); j++)
			joiner = joiner || g_ascii_strcasecmp(words[i], joiners[j]) == 0;
		if (joiner)
			continue;
		for (const char *p = words[i]; *p; p++) {
			char c = g_ascii_tolower(*p);

			/* "oe", "ae", "ue" after a consonant-free vowel pair are
			 * umlauts in a domain: "koehler" is "köhler". */
			if (c == 'e' && o->len && strchr("aou", o->str[o->len - 1]) && p > words[i])
				continue;
			g_string_append_c(o, c);
		}
	}
	return g_string_free(o, FALSE);
}

/* Whether s is made of two or more of words (each once, by the bits of
 * used) and joiners ("of", "and", "de", ...), in any order. */
static bool made_of(const char *s, char **words, int n, unsigned used, int count)
{
	static const char *const joiners[] = { "of", "and", "und", "de", "del", "et", "y", "the" };

	if (!*s)
		return count >= 2;
	for (int i = 0; i < n && i < 16; i++) {
		size_t l = strlen(words[i]);

		if (!(used & (1u << i)) && l >= 3 && strncmp(s, words[i], l) == 0 &&
		    made_of(s + l, words, n, used | (1u << i), count + 1))
			return true;
	}
	if (count)
		for (size_t j = 0; j < G_N_ELEMENTS(joiners); j++) {
			size_t l = strlen(joiners[j]);

			if (strncmp(s, joiners[j], l) == 0 && made_of(s + l, words, n, used, count))
				return true;
		}
	return false;
}

static bool spelled_by_words(const char *whole, const char *name)
{
	g_auto(GStrv) raw = g_strsplit(name, " ", 16);
	char *words[16];
	int n = 0;
	bool ok;

	for (int i = 0; raw[i] && n < 16; i++) {
		char *f = fold_name(raw[i]);

		if (*f)
			words[n++] = f;
		else
			g_free(f);
	}
	ok = n >= 2 && made_of(whole, words, n, 0, 0);
	for (int i = 0; i < n; i++)
		g_free(words[i]);
	return ok;
}

/*
 * Whether name spells out the name of a mail domain (its words as parts):
 * it holds every part of four letters or more ("Hochschule Eschenau" for
 * hs-eschenau), or the parts joined without their "and", "und", "del"
 * ("Ellis & March" for ellisandmarch), or a short single part is the
 * initials of its words ("Meridian Transit Authority" for mta). Umlauts,
 * accents and joiners do not count ("Werkstatt Köhler", werkstatt-koehler).
 */
static bool spells_domain(const char *name, char **parts)
{
	static const char *const inner[] = { "and", "und", "del", "de", "et", "y" };
	g_autofree char *fl = fold_name(name);
	g_autofree char *joined = g_strjoinv("", parts);
	g_autofree char *whole = fold_name(joined);
	int have = 0, want = 0;

	for (int k = 0; parts[k]; k++) {
		g_autofree char *fp = fold_name(parts[k]);

		if (strlen(fp) < 4)
			continue;
		want++;
		have += strstr(fl, fp) != NULL;
	}
	if (want && have == want)
		return true;
	/* ("Hotel Mirador del Sur" for miradordelsur: inside the name too) */
	if (strlen(whole) >= 6) {
		if (strstr(fl, whole))
			return true;
		for (size_t j = 0; j < G_N_ELEMENTS(inner); j++) {
			char *at = strstr(whole + 1, inner[j]);
			g_autofree char *cut = NULL;

			if (!at)
				continue;
			cut = g_strdup_printf("%.*s%s", (int)(at - whole), whole,
					      at + strlen(inner[j]));
			if (strstr(fl, cut))
				return true;
		}
	}
	/* "cityofkelby" for "Kelby City Council", "lanternstrust" for "Lanterns
	 * Learning Trust": two or more of the name's words, in any order,
	 * with joiners between them. */
	if (!parts[1] && strlen(whole) >= 6) {
		char head[4], tail[4];

		g_strlcpy(head, whole, sizeof(head));
		g_strlcpy(tail, whole + strlen(whole) - 3, sizeof(tail));
		if (strstr(fl, head) && strstr(fl, tail) && spelled_by_words(whole, name))
			return true;
	}
	/* "hsantelmo" for "Hospital San Telmo", "imcantabrico" for "Instituto
	 * Marino del Cantábrico": the initials of the first words, then the
	 * others written out. */
	if (!parts[1] && strlen(whole) >= 6 && fl[0] == whole[0] && strlen(fl) > strlen(whole) &&
	    strcmp(fl + strlen(fl) - 3, whole + strlen(whole) - 3) == 0) {
		g_autofree char *ascii = g_str_to_ascii(name, "C");
		g_auto(GStrv) words = g_strsplit(ascii, " ", -1);
		int nw = (int)g_strv_length(words);

		for (int k = 1; k < nw; k++) {
			GString *t = g_string_new(NULL);
			bool same;

			for (int w = 0; w < nw; w++) {
				g_autofree char *fw = fold_name(words[w]);

				if (!*fw)
					continue;
				if (w < k)
					g_string_append_c(t, fw[0]);
				else
					g_string_append(t, fw);
			}
			same = strcmp(t->str, whole) == 0;
			g_string_free(t, TRUE);
			if (same)
				return true;
		}
	}
	/* "mta", "gdi": the initials of the words, joiners left out. */
	if (!parts[1] && strlen(whole) >= 2 && strlen(whole) <= 4) {
		static const char *const joiners[] = {
			"&", "and", "of", "the", "für", "de", "du", "des", "del", "la", "y", "und", "et",
		};
		g_auto(GStrv) words = g_strsplit(name, " ", -1);
		GString *ini = g_string_new(NULL);
		bool same;

		for (int i = 0; words[i]; i++) {
			bool joiner = !*words[i];

			for (size_t j = 0; j < G_N_ELEMENTS(joiners); j++)
				joiner = joiner || g_ascii_strcasecmp(words[i], joiners[j]) == 0;
			if (!joiner)
				g_string_append_c(ini, g_ascii_tolower(words[i][0]));
		}
		same = strcmp(ini->str, whole) == 0;
		g_string_free(ini, TRUE);
		return same;
	}
	return false;
}

/* "Selección de Soluciones Iberia", "Equipo de Talento de Nubla": the
 * name after a team's words. */
static const char *after_team(const char *name)
{
	static GRegex *team;
	GMatchInfo *mi = NULL;
	int end;

	if (g_once_init_enter(&team)) {
		GRegex *r = g_regex_new(
			"^(?:(?:equipo|selección|talento|recursos humanos|rrhh|team|"
			"équipe|service|ressources humaines|recrutement|rh|hr|"
			"recruiting|recruitment|people|personas|personal\\w*|bewerbermanagement|talents|"
			"empleo|emploi|careers|karriere|jobs)"
			"\\s+(?:de la |de |del |des |du |der |of |at |bei |chez |d'|von |from )?)+",
			G_REGEX_CASELESS, 0, NULL);
		g_once_init_leave(&team, r);
	}
	if (g_regex_match(team, name, 0, &mi) && g_match_info_fetch_pos(mi, 0, NULL, &end))
		name += end;
	g_match_info_free(mi);
	return name;
}

/* Whether name could be a firm's: one to six capitalised words (joiners
 * inside), no digits or marks of an address or a sentence. */
static bool firm_shaped(const char *name)
{
	static const char *const joiners[] = {
		"&", "and", "of", "the", "de", "du", "des", "del", "la", "le", "les", "y", "und",
		"am", "für", "et", "for",
	};
	g_auto(GStrv) words = NULL;
	int nw;

	if (!*name || strlen(name) > 60 || strpbrk(name, "@:!?|/()0123456789"))
		return false;
	words = g_strsplit(name, " ", -1);
	nw = (int)g_strv_length(words);
	if (nw < 1 || nw > 6 || !capitalised(words, nw, joiners, G_N_ELEMENTS(joiners), true))
		return false;
	return !(generic_word(name) && nw < 2);
}

/*
 * "Fahrwerk IT GmbH", "Halcyon Bank Early Careers Team": a name without its
 * legal form, and without team words when what is left still spells the
 * domain ("Tarn Talent" of tarn-talent keeps its "Talent").
 */
static char *without_suffix(const char *name, char **parts)
{
	bool stripped;
	char *cl = clean_name(name, &stripped);

	if (cl && *cl && spells_domain(cl, parts))
		return cl;
	g_free(cl);
	cl = g_regex_replace_literal(re(RE_LEGAL), name, -1, 0, "", 0, NULL);
	if (cl && !*g_strstrip(cl)) {
		g_free(cl);
		cl = g_strdup(name);
	}
	return cl;
}

/*
 * The employer's name as its signature writes it, when it is the name of its
 * mail domain written out (spells_domain()): a line among the last eight of
 * the new text, or a part of it ("Recursos Humanos · Grupo Almadraba",
 * "Stadtwerke Ebersfeld – Personalservice", "HR Adviser, Kelsbury Borough
 * Council"), after a team's words; never the writer's own name when the
 * writer writes from a personal address. people holds display names, each
 * followed by the local part of its address.
 */
static char *company_from_domain_line(const char *fresh, const char *domain,
				      const char *const *people)
{
	static GRegex *sep;
	g_autofree char *label = company_from_domain(domain);
	g_auto(GStrv) parts = NULL;
	g_auto(GStrv) lines = NULL;
	int n, seen = 0;

	if (!fresh || !label)
		return NULL;
	parts = g_strsplit(label, " ", -1);
	lines = g_strsplit(fresh, "\n", -1);
	n = (int)g_strv_length(lines);
	for (int i = n - 1; i >= 0 && seen < 8; i--) {
		char *l = g_strstrip(lines[i]);
		g_auto(GStrv) segs = NULL;

		if (!*l)
			continue;
		seen++;
		if (g_once_init_enter(&sep)) {
			GRegex *r = g_regex_new(" (?:–|-|·|\\|) ", 0, 0, NULL);

			g_once_init_leave(&sep, r);
		}
		segs = g_regex_split(sep, l, 0);
		for (int g = 0; segs[g]; g++) {
			const char *name = g_strstrip(segs[g]);
			char *comma;
			bool person = false;

			/* "HR Adviser, Kelsbury Borough Council" */
			if ((comma = strrchr(name, ',')) && comma[1] == ' ')
				name = comma + 2;
			/* ("Ihr Initech Recruiting Team": "Ihr" is no part of it) */
			name = after_team(skip_article(name));
			if (!firm_shaped(name) || !spells_domain(name, parts))
				continue;
			/* The writer's own name ("Elin Lindqvist" <elin@lindqvist...>),
			 * not a firm that writes from a role address ("Müller &
			 * Partner" <karriere@mueller-partner.de>). */
			{
				g_autofree char *fn = fold_name(name);
				g_autofree char *first = g_strndup(name, strcspn(name, " "));
				g_autofree char *ff = fold_name(first);

				for (int k = 0; people[k] && people[k + 1]; k += 2) {
					g_autofree char *fp = fold_name(people[k]);
					g_autofree char *fa = fold_name(people[k + 1]);

					person = person || (strcmp(fn, fp) == 0 && strlen(ff) >= 3 &&
							    strstr(fa, ff) != NULL);
				}
			}
			if (!person)
				return without_suffix(name, parts);
		}
	}
	return NULL;
}

/*
 * A display name, or a part of it after a dash ("Unidad de Selección -
 * Hospital San Telmo" for hsantelmo, "Caisse Régionale Ardoise" for
 * ca-ardoise), that spells the mail domain's name, when it is no person's:
 * neither its first nor its last word is in the address's local part
 * ("Agnès Pommeraie" <agnes@pommeraie>, "Tamara Grünhagen"
 * <t.gruenhagen@gruenhagen-log>).
 */
static char *display_spelling(const char *display, const char *domain, const char *local)
{
	static GRegex *sep;
	g_autofree char *label = company_from_domain(domain);
	g_autofree char *fl = fold_name(local ? local : "");
	g_auto(GStrv) parts = NULL;
	g_auto(GStrv) segs = NULL;

	if (!display || !label)
		return NULL;
	if (g_once_init_enter(&sep)) {
		GRegex *r = g_regex_new(" (?:–|-|·|\\|) ", 0, 0, NULL);

		g_once_init_leave(&sep, r);
	}
	parts = g_strsplit(label, " ", -1);
	/* "arvelle-recrutement": the domain's own team word is no part of
	 * the name ("Recrutement Groupe Arvelle"). */
	if (parts[0] && parts[1] && !parts[2]) {
		static const char *const team[] = {
			"recrutement", "recruitment", "recruiting", "careers", "jobs", "karriere",
			"empleo", "rh", "hr", "rrhh", "talent", "emploi",
		};

		int drop = -1;

		for (size_t t = 0; t < G_N_ELEMENTS(team) && drop < 0; t++)
			for (int k = 0; k < 2 && drop < 0; k++)
				if (g_ascii_strcasecmp(parts[k], team[t]) == 0)
					drop = k;
		if (drop >= 0) {
			char *keep = parts[1 - drop];

			g_free(parts[drop]);
			parts[0] = keep;
			parts[1] = NULL;
		}
	}
	segs = g_regex_split(sep, display, 0);
	for (int g = 0; segs[g]; g++) {
		const char *name = after_team(skip_article(g_strstrip(segs[g])));
		g_auto(GStrv) words = NULL;
		int nw;
		bool person = false;

		if (!firm_shaped(name) || generic_word(name) || !spells_domain(name, parts))
			continue;
		words = g_strsplit(name, " ", -1);
		nw = (int)g_strv_length(words);
		for (int k = 0; k < nw; k += nw > 1 ? nw - 1 : 1) {
			g_autofree char *fw = fold_name(words[k]);

			person = person || (strlen(fw) >= 3 && strstr(fl, fw));
		}
		if (!person)
			return without_suffix(name, parts);
	}
	return NULL;
}

/*
 * A run of one to four capitalised words in text that spells the name of a
 * mail domain ("rescheduled by Sorrel Robotics" for sorrelrobotics,
 * "(Brightmoor Analytics)" for brightmoor): the first, longest first.
 * Words run on across single spaces only. exact: no word more than the
 * domain's name (joiners, accents and spaces aside).
 */
/* Whether p starts a letter of a name (or "&"); *next gets the byte after
 * it (one byte on bytes that are not UTF-8). */
static bool name_char(const char *p, const char **next)
{
	gunichar c = g_utf8_get_char_validated(p, -1);

	if (c == (gunichar)-1 || c == (gunichar)-2 || !*p) {
		*next = *p ? p + 1 : p;
		return false;
	}
	*next = g_utf8_next_char(p);
	return g_unichar_isalpha(c) || c == '&';
}

static char *name_spelling_domain(const char *text, const char *domain, bool exact)
{
	static const char *const joiners[] = { "&", "and", "of", "the", "de", "del", "des", "y", "und", "et" };
	g_autofree char *label = company_from_domain(domain);
	g_auto(GStrv) parts = NULL;
	const char *p = text, *nx;

	if (!text || !label)
		return NULL;
	parts = g_strsplit(label, " ", -1);
	while (*p) {
		const char *w[4];
		size_t wl[4];
		int nw = 0;
		const char *q = p;

		/* a run of words from p */
		while (nw < 4) {
			const char *e = q;

			while (*e && name_char(e, &nx))
				e = nx;
			if (e == q)
				break;
			w[nw] = q;
			wl[nw] = (size_t)(e - q);
			nw++;
			if (*e != ' ' || !name_char(e + 1, &nx))
				break;
			q = e + 1;
		}
		if (nw && g_unichar_isupper(g_utf8_get_char(w[0]))) {
			for (int len = nw; len >= 1; len--) {
				g_autofree char *name = g_strndup(w[0], (size_t)(w[len - 1] + wl[len - 1] - w[0]));
				g_auto(GStrv) words = g_strsplit(name, " ", -1);

				/* ("La Mairie de Valcourt": the article is no part of it) */
				if (skip_article(name) != name ||
				    !capitalised(words, len, joiners, G_N_ELEMENTS(joiners), true) ||
				    !firm_shaped(name) || !spells_domain(name, parts))
					continue;
				if (exact) {
					g_autofree char *fn = fold_name(name);
					g_autofree char *joined = g_strjoinv("", parts);
					g_autofree char *fd = fold_name(joined);

					if (strcmp(fn, fd) != 0)
						continue;
				}
				return without_suffix(name, parts);
			}
		}
		/* on to the next word */
		if (nw)
			p = w[0] + wl[0];
		while (*p && !name_char(p, &nx))
			p = nx;
	}
	return NULL;
}

/* Whether a mail domain is a recruitment agency's or a screening
 * firm's: "ashgrove-rec.co.uk", "nordlicht-personal.de", "talentis-conseil.fr",
 * "reclutia.es", "lattice-search.com". */
static bool agency_domain(const char *domain)
{
	static GRegex *agency;
	g_autofree char *label = NULL;
	const char *dot;

	if (!domain || not_company(domain))
		return false;
	if (g_once_init_enter(&agency)) {
		GRegex *r = g_regex_new(
			"recruit|reclut|recrut|(?<!re)search|talent|staff|personal|conseil|consult|resourc|"
			"(?:^|-)cabinet-|"
			"headhunt|contracts|freelance|interim|screening|(?:^|-)rec$|rec$|(?:^|-)hr(?:-|$)|"
			"\\wpeople$|-people$|"
			"(?:^|-)ats(?:-|$)",
			G_REGEX_CASELESS, 0, NULL);
		g_once_init_leave(&agency, r);
	}
	/* The label before the public suffix ("lumora-ats" of hire.lumora-ats.com). */
	{
		g_auto(GStrv) parts = g_strsplit(domain, ".", -1);
		int n = (int)g_strv_length(parts), k = n - 2;

		if (n < 2)
			return false;
		if (k > 0 && strlen(parts[n - 1]) == 2 && strlen(parts[k]) <= 3)
			k--;
		if (k > 0 && g_ascii_strcasecmp(parts[k], "example") == 0)
			k--;
		label = g_strdup(parts[k]);
	}
	dot = label;
	return g_regex_match(agency, dot, 0, NULL);
}

/*
 * An agency names its client in the subject ("Update re Northfield Foods",
 * "Stand Hafenwerk Bremen", "Point sur Ostrea", "Entrevista con Hortalia"):
 * the longest run of capitalised words of the subject whose first word the
 * new text names too, that is not the agency's own name.
 */
/* Whether w is a word of text (not part of a longer one). */
static bool has_word(const char *text, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = strstr(text, w); p; p = strstr(p + 1, w)) {
		unsigned char b = p > text ? (unsigned char)p[-1] : ' ';
		unsigned char a = (unsigned char)p[n];

		if (!(g_ascii_isalpha(b) || b >= 0x80) && !(g_ascii_isalpha(a) || a >= 0x80))
			return true;
	}
	return false;
}

/* Words (in lower case) that start a subject without naming anyone. */
static bool subject_word(const char *w)
{
	static const char *const s[] = {
		"update", "interview", "feedback", "news", "next", "offer", "action", "point",
		"stand", "mission", "entrevista", "novedades", "zwischenstand", "rückmeldung",
		"they", "great", "good", "quick", "your", "our", "second", "final", "confirmed",
		"invitation", "einladung", "gespräch", "candidature", "candidatura", "proposition",
		"propuesta", "oferta", "angebot", "referees", "refs", "stage", "round", "call",
		"chat", "meeting", "welcome", "hello", "thanks", "thank", "follow", "re", "status",
		"application", "bewerbung", "solicitud", "suivi", "nouvelles", "estado", "role",
		"position", "stelle", "poste", "puesto", "contract", "vertrag", "contrat", "contrato",
		"sorry", "question", "checking", "urgent", "reminder", "details", "again", "today",
		"désolé", "perdón", "entschuldigung", "dringend", "urgente", "rappel", "recordatorio",
		"neuigkeiten",
	};

	for (size_t i = 0; i < G_N_ELEMENTS(s); i++)
		if (strcmp(w, s[i]) == 0)
			return true;
	return false;
}

/*
 * The text after a greeting line ("Hi Alex,"): all of a note that has none
 * ("Spoke to Maplethorpe this morning. ..."). NULL when nothing follows.
 */
static const char *after_greeting(const char *fresh)
{
	const char *nl = strchr(fresh, '\n');
	size_t first = nl ? (size_t)(nl - fresh) : strlen(fresh);

	if (first > 40 || (!nl && first > 0))
		return fresh;
	return nl;
}

/*
 * A subject written without case ("copperleaf", "news crédit fluide",
 * "RAVENPEAK OFFER!!!"), as sloppy recruiters write, with each word's
 * first letter made a capital; NULL when its letters mix cases.
 */
static char *title_case(const char *subject)
{
	bool upper = false, lower = false, start = true;
	GString *t;

	for (const char *p = subject; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		upper = upper || g_unichar_isupper(c);
		lower = lower || g_unichar_islower(c);
	}
	if (upper == lower)
		return NULL;
	t = g_string_new(NULL);
	for (const char *p = subject; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_unichar_tolower(g_utf8_get_char(p));

		g_string_append_unichar(t, start ? g_unichar_toupper(c) : c);
		start = !g_unichar_isalpha(c) && c != '\'';
	}
	return g_string_free(t, FALSE);
}

/* has_word() regardless of case. */
static bool has_word_anycase(const char *text, const char *w)
{
	g_autofree char *t = g_utf8_strdown(text, -1);
	g_autofree char *x = g_utf8_strdown(w, -1);

	return has_word(t, x);
}

/* Whether quoted names w on a line other than a copied subject line
 * ("Subject: ...", "Objet : ...", "Betreff: ...", "Asunto: ..."). */
static bool quote_names(const char *quoted, const char *w)
{
	g_auto(GStrv) lines = NULL;

	if (!quoted)
		return false;
	lines = g_strsplit(quoted, "\n", -1);
	for (int i = 0; lines[i]; i++) {
		const char *l = lines[i];

		while (*l == '>' || *l == ' ')
			l++;
		if (g_ascii_strncasecmp(l, "subject", 7) == 0 || g_ascii_strncasecmp(l, "objet", 5) == 0 ||
		    g_ascii_strncasecmp(l, "betreff", 7) == 0 || g_ascii_strncasecmp(l, "asunto", 6) == 0)
			continue;
		if (has_word(l, w))
			return true;
	}
	return false;
}

static char *client_from_subject(const char *subject, const char *fresh, const char *quoted,
				 const char *agency, const struct date_ref *ref)
{
	static GRegex *run;
	GMatchInfo *mi = NULL;
	g_autofree char *own = agency ? fold_name(agency) : NULL;
	const char *subject_all = subject;
	g_autofree char *titled = NULL;
	char *best = NULL;
	bool reply;

	if (!subject || !fresh)
		return NULL;
	if (g_once_init_enter(&run)) {
		GRegex *r = g_regex_new(
			"(?<![\\p{L}'])\\p{Lu}[\\p{L}'-]+(?: (?:&|and|de|del|des|du|of|\\p{Lu}[\\p{L}'-]+))*"
			"(?<! &)(?<! and)(?<! de)(?<! del)(?<! des)(?<! du)(?<! of)",
			0, 0, NULL);
		g_once_init_leave(&run, r);
	}
	while (has(RE_REPLY, subject))
		subject = strchr(subject, ':') + 1;
	reply = subject != subject_all;
	if ((titled = title_case(subject)))
		subject = titled;
	g_regex_match(run, subject, 0, &mi);
	for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
		g_autofree char *all = g_match_info_fetch(mi, 0);
		g_auto(GStrv) words = g_strsplit(all, " ", -1);
		const char *body = after_greeting(fresh);
		g_autofree char *fc = NULL;
		char *c = all;
		struct date_hit hit;
		bool named = false;
		int k = 0, end = 0;

		/* "REQ-4471", "JR-2231": a reference, not a name. */
		if (g_match_info_fetch_pos(mi, 0, NULL, &end) && (g_ascii_isdigit(subject[end]) ||
								  all[strlen(all) - 1] == '-'))
			continue;

		/* "Stand Hafenwerk Bremen", "Novedades de Olivia Foods": the words
		 * of a subject before the name. */
		while (words[k] && words[k + 1]) {
			g_autofree char *low = g_utf8_strdown(words[k], -1);

			if (!subject_word(low) && !generic_word(words[k]) &&
			    strcmp(low, "de") != 0 && strcmp(low, "of") != 0)
				break;
			c += strlen(words[k]) + 1;
			k++;
		}
		/* "MERIDIAN OFFER": and after it. */
		for (int e = (int)g_strv_length(words) - 1; e > k; e--) {
			g_autofree char *low = g_utf8_strdown(words[e], -1);

			if (!subject_word(low))
				break;
			c[strlen(c) - strlen(words[e]) - 1] = '\0';
			g_free(words[e]);
			words[e] = NULL;
		}
		{
			g_autofree char *low = g_utf8_strdown(words[k], -1);

			if (subject_word(low))
				continue;
		}
		/* In a subject without case, short words are the everyday ones
		 * ("ANY NEWS?", "THEY WANT YOU"), not a client's name. */
		if (titled) {
			bool shortw = false;

			for (int w = k; words[w]; w++)
				shortw = shortw || (g_utf8_strlen(words[w], -1) < 5 &&
						    g_unichar_isupper(g_utf8_get_char(words[w])));
			if (shortw)
				continue;
		}
		fc = fold_name(c);
		if (strlen(c) < 3 || generic_word(c) || dates_find(c, 0, ref, &hit) ||
		    (own && *own && (g_str_has_prefix(own, fc) || g_str_has_prefix(fc, own))))
			continue;
		/* Named in the text, not only in its greeting line, or in the
		 * mail quoted below a reply's. */
		named = (body && (titled ? has_word_anycase(body, words[k]) :
				  has_word(body, words[k]))) ||
			(reply && quote_names(quoted, words[k]));
		/* "Farmacias Albora" of the subject, "Albora sigue
		 * entrevistando" in the text: its last word names it too. */
		if (!named && body) {
			static const char *const pron[] = {
				"Ihre", "Ihrer", "Ihren", "Ihr", "Deine", "Deiner", "Your", "Votre",
				"Vos", "Tu", "Tus", "Su", "Sus", "Unsere", "Our", "Der", "Die", "Das",
			};
			int last = (int)g_strv_length(words) - 1;
			g_autofree char *low = g_utf8_strdown(words[last], -1);

			named = last > k && g_utf8_strlen(words[last], -1) >= 4 &&
				!subject_word(low) && !generic_word(words[last]) &&
				(titled ? has_word_anycase(body, words[last]) :
				 has_word(body, words[last]));
			/* ("Eingangsbestätigung Ihrer Unterlagen" is no name) */
			for (int w = k; named && words[w]; w++)
				for (size_t p = 0; p < G_N_ELEMENTS(pron); p++)
					named = named && strcmp(words[w], pron[p]) != 0;
		}
		if (named && (!best || strlen(c) > strlen(best))) {
			g_free(best);
			best = g_strdup(c);
		}
	}
	g_match_info_free(mi);
	return best;
}

static char **words_of(const char *text, size_t max);

/* The language of text by a few common words: 0 English, 1 German, 2
 * French, 3 Spanish. */
static int text_language(const char *text)
{
	static const char *const w[4][8] = {
		{ "the", "and", "you", "your", "we", "to", "for", "with" },
		{ "der", "die", "und", "sie", "wir", "ihnen", "mit", "für" },
		{ "le", "les", "et", "vous", "nous", "pour", "avec", "est" },
		{ "el", "los", "las", "y", "con", "para", "del", "su" },
	};
	g_auto(GStrv) words = NULL;
	int n[4] = { 0 }, best = 0;
	size_t len;

	if (!text)
		return 0;
	len = strlen(text);
	if (len > 4000)
		len = (size_t)(g_utf8_find_prev_char(text, text + 4000) - text);
	words = words_of(text, len);
	for (char **x = words; *x; x++)
		for (int l = 0; l < 4; l++)
			for (int i = 0; i < 8; i++)
				n[l] += strcmp(*x, w[l][i]) == 0;
	for (int l = 1; l < 4; l++)
		if (n[l] > n[best])
			best = l;
	return best;
}

/*
 * A mail domain's short form of a university or college written out in the
 * mail's language: "uni-rabenfeld" is "Universität Rabenfeld" in German
 * mail, "University of Rabenfeld" in English, "Université de ..." and
 * "Universidad de ..."; "hs-" a "Hochschule", "fh-" a "Fachhochschule".
 * Takes name (company_from_domain()'s) and returns it or its long form.
 */
static char *institution_name(char *name, const char *text)
{
	static const char *const uni[] = {
		"University of ", "Universität ", "Université de ", "Universidad de ",
	};
	const char *rest = strchr(name ? name : "", ' ');
	g_autofree char *first = NULL;
	char *o = NULL;

	if (!rest || !rest[1])
		return name;
	first = g_ascii_strdown(name, rest - name);
	rest++;
	if (strcmp(first, "uni") == 0 || strcmp(first, "univ") == 0)
		o = g_strconcat(uni[text_language(text)], rest, NULL);
	else if (strcmp(first, "hs") == 0)
		o = g_strconcat("Hochschule ", rest, NULL);
	else if (strcmp(first, "fh") == 0)
		o = g_strconcat("Fachhochschule ", rest, NULL);
	if (!o)
		return name;
	g_free(name);
	return o;
}

/*
 * "I'm writing on behalf of Dr Simon Fairley, our Chief Operating Officer",
 * "Im Auftrag von Dr. Andreas Vogt, Head Quality Assurance": an assistant
 * writing for a person of the firm, not an agency for its client. c is
 * what RE_CLIENT took from text.
 */
static bool client_is_person(const char *text, const char *c)
{
	static const char *const titles[] = {
		"Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Herr",
		"Herrn", "Frau", "M.", "Mme", "Mme.", "Sr.", "Sra.", "Dra.", "Don", "Doña",
	};
	size_t n = strcspn(c, " ");
	const char *at = strstr(text, c);

	for (size_t i = 0; i < G_N_ELEMENTS(titles); i++)
		if (strlen(titles[i]) == n && strncmp(c, titles[i], n) == 0)
			return true;
	return at && has(RE_PERSON_AFTER, at + strlen(c));
}

/*
 * "the second interview at Harbour House", "the role at Kestrel Tower": a
 * building's name, whose last word says so, is where, not who.
 */
static bool building_name(const char *name)
{
	static const char *const w[] = { "House", "Building", "Centre", "Center", "Tower",
					 "Hall", "Haus", "Gebäude", "Maison", "Edificio", "Torre",
					 "Campus", "Site", "Office", "Offices" };
	const char *last = strrchr(name, ' ');

	if (!last)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(w); i++)
		if (strcmp(last + 1, w[i]) == 0)
			return true;
	return false;
}

/* Whether the first word of name, folded, begins the domain's name
 * ("Solace International" and solace-intl). */
static bool first_word_in(const char *name, const char *domain)
{
	g_autofree char *w = g_strndup(name, strcspn(name, " "));
	g_autofree char *fw = fold_name(w);
	g_autofree char *fd = fold_name(domain);

	return strlen(fw) >= 4 && g_str_has_prefix(fd, fw);
}

static void pick_company(const struct fact_input *in, const struct date_ref *ref,
			 struct facts *out)
{
	static const char *const c_names[] = { "c", NULL };
	const char *dom = domain_of(in->from_addr);
	const char *rdom = domain_of(in->reply_to_addr);
	/* Display names, each with the local part of its address. */
	g_autofree char *fl = in->from_addr ? g_strndup(in->from_addr,
							strcspn(in->from_addr, "@")) : NULL;
	g_autofree char *rl = in->reply_to_addr ?
		g_strndup(in->reply_to_addr, strcspn(in->reply_to_addr, "@")) : NULL;
	const char *people[] = {
		in->from_name ? in->from_name : "", fl ? fl : "",
		in->reply_to_name ? in->reply_to_name : "", rl ? rl : "",
		NULL,
	};
	char *c = NULL;
	bool stripped = false;

	c = capture(RE_CLIENT, in->fresh, c_names);
	if (c && client_is_person(in->fresh, c)) {
		g_free(c);
		c = NULL;
	}
	/* "VerifyNow on behalf of Halden Energy" */
	if (!c)
		c = capture(RE_CLIENT, in->from_name, c_names);
	if (c) {
		bool s3;
		char *cl = clean_name(c, &s3);

		g_free(c);
		c = cl;
	}
	/* An agency's mail is about its client. */
	if (!c && (agency_domain(dom) || agency_domain(rdom))) {
		g_autofree char *own = company_from_domain(agency_domain(dom) ? dom : rdom);

		c = client_from_subject(in->subject, in->fresh, in->quoted, own, ref);
	}
	if (!c)
		c = company_from_signature(in->fresh);
	if (!c && in->organization && *in->organization) {
		bool s2;

		c = clean_name(in->organization, &s2);
	}
	/* A booking or calendar tool writing for a person at the employer
	 * ("Slotwise <bookings@slotwise.example>", Reply-To the recruiter):
	 * the employer is the person's. */
	if (!c && rdom && dom && is_noreply(in->from_addr) && !is_noreply(in->reply_to_addr) &&
	    !not_company(rdom) && !agency_domain(rdom) && strcmp(rdom, dom) != 0 &&
	    !domain_is(rdom, dom) && !domain_is(dom, rdom)) {
		bool s2;

		/* "Solace International HR <hr@solace-intl...>": the employer's
		 * team in the Reply-To's display name. */
		c = clean_name(in->reply_to_name, &s2);
		if (c && !(s2 && !generic_word(c) && looks_like_name(c) && first_word_in(c, rdom))) {
			g_free(c);
			c = NULL;
		}
		if (!c) {
			c = clean_name(in->from_name, &s2);
			if (c && !names_domain(c, rdom)) {
				g_free(c);
				c = NULL;
			}
		}
		if (!c)
			c = company_from_domain_line(in->fresh, rdom, people);
		if (!c)
			c = name_spelling_domain(in->subject, rdom, false);
		if (!c)
			c = name_spelling_domain(in->fresh, rdom, false);
		if (!c)
			c = company_from_domain(rdom);
	}
	if (!c) {
		c = clean_name(in->from_name, &stripped);
		/* A person's name is not a company: keep it only when it was
		 * marked as a team ("Acme Recruiting") or names the domain; what
		 * is left of "People Team" or "Service des ressources humaines"
		 * is no name either. */
		if (c && ((!stripped && !(dom && !not_company(dom) && names_domain(c, dom))) ||
			  generic_word(c) || ends_with_joiner(c))) {
			g_free(c);
			c = NULL;
		}
		/* "Graywater Council Recruitment" signing "Graywater District
		 * Council": the signature's fuller spelling of the same name. */
		if (c && stripped && dom && !not_company(dom)) {
			char *full = company_from_domain_line(in->fresh, dom, people);
			g_autofree char *ff = full ? fold_name(full) : NULL;
			g_auto(GStrv) words = g_strsplit(c, " ", -1);
			bool s2 = false;
			bool all;

			/* (only whether a team's suffix would be cut off) */
			if (full)
				g_free(clean_name(full, &s2));
			all = full && strlen(full) > strlen(c) && !s2 && !generic_word(full) &&
				after_team(full) == full && skip_article(full) == full;

			for (int k = 0; all && words[k]; k++) {
				g_autofree char *fw = fold_name(words[k]);

				all = !*fw || strstr(ff, fw) != NULL;
			}
			if (all) {
				g_free(c);
				c = full;
			} else {
				g_free(full);
			}
		}
	}
	if (!c)
		c = company_from_team_line(in->fresh);
	if (!c) {
		c = capture(RE_EEO, in->fresh, c_names);
		if (!c)
			c = capture(RE_BODY_COMPANY, in->fresh, c_names);
		if (c && (client_is_person(in->fresh, c) || building_name(c))) {
			g_free(c);
			c = NULL;
		}
	}
	if (!c && in->from_addr && domain_is(dom ? dom : "", "myworkday.com")) {
		const char *at = strchr(in->from_addr, '@');

		if (at && at > in->from_addr) {
			c = g_strndup(in->from_addr, at - in->from_addr);
			c[0] = g_ascii_toupper(c[0]);
		}
	}
	if (!c && (!dom || not_company(dom)) && (!rdom || not_company(rdom)))
		c = company_from_last_line(in->fresh);
	if (!c && (rdom || dom)) {
		c = company_from_domain_line(in->fresh, rdom && !not_company(rdom) ? rdom : dom,
					     people);
	}
	/* "Mairie de Valcourt" for mairie-valcourt, "Wide World Importers"
	 * for wideworldimporters: the text's spelling of exactly the domain's
	 * name (no word more: "Elin Lindqvist" is no spelling of lindqvist)
	 * before the domain's own. */
	for (int k = 0; k < 2 && !c; k++) {
		const char *d = k == 0 ? rdom : dom;

		if (d && !not_company(d)) {
			c = name_spelling_domain(in->subject, d, true);
			if (!c)
				c = name_spelling_domain(in->fresh, d, true);
		}
	}
	if (!c && dom && !not_company(dom))
		c = display_spelling(in->from_name, dom, fl);
	if (!c && rdom)
		c = institution_name(company_from_domain(rdom), in->fresh);
	if (!c && dom)
		c = institution_name(company_from_domain(dom), in->fresh);
	if (c) {
		/* Trailing punctuation or a next sentence picked up from the text
		 * ("Groenhorst. We"). */
		char *stop = strstr(c, ". ");
		size_t n;

		/* ("Dr. Sommer", "St. Anselm": an abbreviation's dot) */
		if (stop && stop - c >= 3 && g_ascii_isalpha(stop[-1]) && g_ascii_isalpha(stop[-2]) &&
		    g_ascii_isalpha(stop[-3]))
			*stop = '\0';
		n = strlen(c);

		while (n && (strchr(".,;:!'", c[n - 1]) || (c[n - 1] == ')' && !strchr(c, '('))))
			c[--n] = '\0';
	}
	if (c && !*c) {
		g_free(c);
		c = NULL;
	}
	out->company = c;
}

static void pick_position(const struct fact_input *in, struct facts *out)
{
	static const char *const p_names[] = { "p", NULL };
	static const char *const b_names[] = { "p", "q", "r", "s", NULL };
	char *p = NULL;

	if (in->subject) {
		const char *s = in->subject;

		/* Skip "Re:", "AW:", "Fwd:" prefixes. */
		while (has(RE_REPLY, s))
			s = strchr(s, ':') + 1;
		p = capture(RE_SUBJ_POSITION, s, p_names);
	}
	if (!p)
		p = capture(RE_BODY_POSITION, in->fresh, b_names);
	out->position = p;
}

/* DTSTART, DTEND and the organizer of the first event of a calendar. */
static void from_ics(const char *ics, GTimeZone *tz, struct facts *out)
{
	struct calendar_event ev;

	/* record_analyse() made sure the module loads: an error here is a
	 * calendar without an event. */
	if (calendar_first_event(ics, tz, &ev, NULL) < 0)
		return;
	out->interview = ev.start;
	out->interview_end = ev.end;
	if (ev.organizer && !out->interviewer)
		out->interviewer = g_steal_pointer(&ev.organizer);
	g_free(ev.organizer);
}

/* "your availability for the next week": a window, not a date promised. */
static bool after_window_word(const char *s, size_t start)
{
	static const char *const w[] = { "for the ", "over the ", "during the ", "for ", "during " };

	for (size_t i = 0; i < G_N_ELEMENTS(w); i++) {
		size_t n = strlen(w[i]);

		if (start >= n && g_ascii_strncasecmp(s + start - n, w[i], n) == 0)
			return true;
	}
	return false;
}

#define CUT_COLON 1u	/* ':' */
#define CUT_DASH 2u	/* " -" */
#define CUT_SENTENCE 4u	/* ". ", "! ", "? " */

/* Where the last clause of before starts: after its last ',' or ';', or
 * after the last of the cuts asked for. */
static const char *last_clause(const char *before, unsigned cuts)
{
	const char *clause = before;

	for (const char *p = before; *p; p++)
		if (*p == ',' || *p == ';' || ((cuts & CUT_COLON) && *p == ':') ||
		    ((cuts & CUT_DASH) && *p == ' ' && p[1] == '-') ||
		    ((cuts & CUT_SENTENCE) && (*p == '.' || *p == '!' || *p == '?') &&
		     p[1] == ' '))
			clause = p + 1;
	return clause;
}

/*
 * "away until next week": a window, not a promise; but "we won't know until
 * Friday" is one. Looks at the clause before the date only.
 */
static bool after_until(const char *s, size_t start)
{
	g_autofree char *before = g_strndup(s, start);

	return has(RE_UNTIL, before) && !has(RE_NEG, last_clause(before, CUT_COLON));
}

/* "the application deadline is 20 March", "the role would start on 1 April". */
static bool other_date(const char *s, size_t start)
{
	g_autofree char *before = g_strndup(s, start);

	return has(RE_OTHER_DATE, last_clause(before, CUT_DASH));
}

/* "start date: June 15", "prise de poste le 2 novembre": when the job
 * starts, not when to answer. */
static bool start_date(const char *s, size_t start)
{
	g_autofree char *before = g_strndup(s, start);

	return has(RE_START, last_clause(before, CUT_DASH | CUT_SENTENCE));
}

/* "am 1. April anfangen", "ab dem 1. April einsteigen": a German start
 * verb after the date, in its clause. */
static bool start_verb_after(const char *s, size_t end)
{
	static const char *const v[] = {
		"anfangen", "anfängst", "beginnen", "beginnst", "starten", "startest",
		"einsteigen", "einsteigst", "loslegen",
	};
	size_t n = strcspn(s + end, ",.;:!?");
	g_autofree char *clause = g_strndup(s + end, n);

	for (size_t i = 0; i < G_N_ELEMENTS(v); i++)
		if (strstr(clause, v[i]))
			return true;
	return false;
}

/* Whether the clause before start names the interview ("the interview
 * starts on Monday at 10"). */
static bool interview_clause(const char *s, size_t start)
{
	g_autofree char *before = g_strndup(s, start);

	return has(RE_INTERVIEW, last_clause(before, CUT_SENTENCE));
}

enum want { W_INTERVIEW, W_DECISION, W_ANSWER };

/*
 * An out-of-office reply says so in its subject or first lines, in the first
 * person ("I am on annual leave until 23 March"); a recruiter's "our hiring
 * manager is on vacation this week, we will decide by Friday" is not one.
 */
static bool is_autoreply(const char *subject, GPtrArray *sents)
{
	if (has(RE_AUTOREPLY, subject))
		return true;
	for (guint i = 0; i < sents->len && i < 3; i++)
		if (has(RE_AUTOREPLY, sents->pdata[i]) && has(RE_FIRST_PERSON, sents->pdata[i]))
			return true;
	return false;
}

/* "at 10:00 or 14:00": another time offered for the day, no choice made. */
static bool other_time(const char *s, size_t from, size_t to, const struct date_ref *ref,
		       gint64 day)
{
	size_t at;
	gint64 t;
	g_autofree char *between = NULL;

	if (!dates_find_time(s, from, to, ref, day, &t, &at))
		return false;
	between = g_strndup(s + from, at - from);
	return has(RE_OR, between);
}

/*
 * A time of day for a date written without one: later in its sentence
 * before any other date ("Thursday 12 March; we have allocated you the 14:30
 * slot"), else in the next sentence before any date there ("on Tuesday,
 * March 3. The call will start at 10:00").
 */
static gint64 time_nearby(GPtrArray *sents, guint i, const struct date_ref *ref,
			  const struct date_hit *hit)
{
	const char *first = sents->pdata[i];
	struct date_hit prev;
	size_t after = 0, lo, bat;
	gint64 before;

	/* "at 10:00 on Thursday": a time just before, after any earlier date. */
	while (dates_find(first, after, ref, &prev) && prev.end <= hit->start &&
	       prev.start < hit->start)
		after = prev.end;
	lo = hit->start > 24 ? hit->start - 24 : 0;
	if (dates_find_time(first, after > lo ? after : lo, hit->start, ref, hit->day, &before,
			    &bat))
		/* "either 10am or 2pm on Tuesday": no time chosen yet. */
		return other_time(first, bat + 1, hit->start, ref, hit->day) ?
			NUDGE_NOTIME : before;
	for (guint k = i, last = i + 1; k < sents->len && k <= last; k++) {
		const char *s = sents->pdata[k];
		size_t from = k == i ? hit->end : 0, to = strlen(s), at;
		struct date_hit other;
		gint64 t;

		if (dates_find(s, from, ref, &other))
			to = other.start;
		if (dates_find_time(s, from, to, ref, hit->day, &t, &at))
			return other_time(s, at + 1, to, ref, hit->day) ? NUDGE_NOTIME : t;
		if (to != strlen(s))
			break;
		/* "on Wednesday 21 October. It has two parts: Part one (9.30 -
		 * 10.30)", "Der Ablauf:", "Le programme :", "El programa:": a
		 * sentence that announces a list lets the time come after it. */
		if (k > i && to > 0 && s[to - 1] == ':')
			last = k + 1;
	}
	return NUDGE_NOTIME;
}

/*
 * The lower-case words (runs of letters) of text, at most max bytes of it.
 * The caller frees the vector with g_strfreev().
 */
static char **words_of(const char *text, size_t max)
{
	GPtrArray *out = g_ptr_array_new();
	const char *p = text, *end = text + max, *w = NULL;

	for (;; p = g_utf8_next_char(p)) {
		gunichar c = p < end ? g_utf8_get_char(p) : 0;
		bool letter = c && g_unichar_isalpha(c);

		if (letter && !w)
			w = p;
		if (!letter && w) {
			g_ptr_array_add(out, g_utf8_strdown(w, p - w));
			w = NULL;
		}
		if (!c)
			break;
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

/*
 * Whether the text between two dates holds only times, "or" and list marks
 * ("Monday 4 May, 10:00 or 14:00 - Tuesday 5 May"): days offered to choose
 * from, not one day.
 */
static bool only_times_between(const char *s, size_t from, size_t to)
{
	static const char *const ok[] = {
		"am", "pm", "uhr", "h", "or", "oder", "ou", "o", "and", "und", "et", "y",
		"at", "um", "à", "a", "las", "from", "von", "de", "to", "bis",
		"all", "day", "ganztägig", "vormittags", "nachmittags", "morning", "afternoon",
		"matin", "après", "midi", "journée", "toute", "la", "mañana", "tarde", "todo", "el",
		"día", "the", "in",
	};
	g_auto(GStrv) words = words_of(s + from, to > from ? to - from : 0);

	for (char **w = words; *w; w++) {
		bool known = false;

		for (size_t i = 0; i < G_N_ELEMENTS(ok) && !known; i++)
			known = strcmp(*w, ok[i]) == 0;
		if (!known)
			return false;
	}
	return true;
}

/* A weekday after a meeting's name and "thanks for", "following", ...:
 * the last such day, not the next. */
static bool past_weekday(const char *s, const struct date_hit *hit)
{
	size_t lo = hit->start > 80 ? hit->start - 80 : 0;
	g_autofree char *before = NULL;

	if (!hit->weekday)
		return false;
	while (lo > 0 && (s[lo] & 0xc0) == 0x80)
		lo--;
	before = g_strndup(s + lo, hit->start - lo);
	return has(RE_PAST, before);
}

/* Is this date what the fact needs? Fills in a time for an interview. */
static bool acceptable(GPtrArray *sents, guint i, const struct date_ref *ref,
		       enum want w, struct date_hit *hit)
{
	const char *s = sents->pdata[i];
	gint64 today = dates_day_of(ref->tz, ref->now);

	if (past_weekday(s, hit))
		return false;
	if (w == W_INTERVIEW) {
		struct date_hit next;

		/* "Monday or Tuesday", "Tue-Thu": no day chosen yet. */
		if (hit->choice)
			return false;
		/* "Ihr Arbeitsbeginn wäre der 1. April": the job's first day,
		 * unless the clause is about the interview itself. */
		if (start_date(s, hit->start) && !interview_clause(s, hit->start))
			return false;

		if (hit->time == NUDGE_NOTIME && hit->day != NUDGE_NOTIME && hit->day >= today)
			hit->time = time_nearby(sents, i, ref, hit);
		else if (hit->time != NUDGE_NOTIME &&
			 other_time(s, hit->end, dates_find(s, hit->end, ref, &next) ?
				    next.start : strlen(s), ref, hit->day))
			return false;
		return hit->time != NUDGE_NOTIME && hit->time > ref->now;
	}
	/* A day gone by is not a promise. */
	if (hit->day != NUDGE_NOTIME && hit->day < today)
		return false;
	if (after_window_word(s, hit->start))
		return false;
	if (w == W_ANSWER)
		return !start_date(s, hit->start) && !start_verb_after(s, hit->end);
	return w != W_DECISION || !(after_until(s, hit->start) || other_date(s, hit->start));
}

/*
 * "We'll decide after the last interviews on 12 March, so by the 13th": a
 * later date of the same sentence that is a limit ("by", "bis", "d'ici",
 * "antes del") wins over a first date that is not one.
 */
static void by_later(GPtrArray *sents, guint i, const struct date_ref *ref,
		     struct date_hit *hit)
{
	const char *s = sents->pdata[i];
	g_autofree char *before = g_strndup(s, hit->start);
	struct date_hit next;
	size_t from = hit->end;

	if (has(RE_BY, before))
		return;
	while (dates_find(s, from, ref, &next)) {
		g_autofree char *b2 = g_strndup(s, next.start);

		from = next.end;
		if (has(RE_BY, b2) && next.day > hit->day &&
		    acceptable(sents, i, ref, W_DECISION, &next)) {
			*hit = next;
			return;
		}
	}
}

/* At most three words and no stop between a date ending at end and a
 * keyword at kw ("am Tag danach melde ich mich", "the day after I'll be in
 * touch"). */
static bool just_before(const char *s, size_t end, size_t kw)
{
	int words = 0;

	for (size_t k = end; k < kw; k++) {
		if (s[k] == '.' || s[k] == ';' || s[k] == ':')
			return false;
		if (s[k] == ' ' && k + 1 < kw && s[k + 1] != ' ')
			words++;
	}
	return words <= 3;
}

/*
 * The first date of the first sentence that has the keyword, looking after
 * the keyword first ("great talking today; we will decide by Friday"). A
 * decision sentence without a date that points back ("after that") takes
 * the date of the sentence before it.
 */
static bool find_date(GPtrArray *sents, const struct date_ref *ref, int keyword,
		      enum want w, struct date_hit *hit)
{
	bool need_time = w == W_INTERVIEW;
	/* A decision: first a date after its keyword in any sentence ("we'll
	 * decide within two weeks"), only then one before it ("two more people
	 * to see next week before they make a call"). */
	int rounds = w == W_DECISION ? 2 : 1;
	/* A date borrowed from the sentence before ("... and then the team
	 * decides") counts only when no decision sentence gives its own. */
	struct date_hit back;
	bool have_back = false;
	/* Where each sentence's keyword starts, -1 without one: matched once
	 * for both rounds. */
	g_autofree gssize *kwat = g_new(gssize, sents->len ? sents->len : 1);

	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		int start;

		kwat[i] = -1;
		if (keyword_at(keyword, s, &start) &&
		    !(w == W_DECISION && (has(RE_RSVP, s) || has(RE_ASSUME, s))))
			kwat[i] = start;
	}
	for (int round = 0; round < rounds; round++)
	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		size_t kw;

		/* The first round is over: the borrowed date, if any. */
		if (have_back && round == 1) {
			*hit = back;
			return true;
		}
		if (kwat[i] < 0)
			continue;
		kw = (size_t)kwat[i];
		for (int pass = round; pass < (rounds == 2 ? round + 1 : 2); pass++) {
			size_t from = pass == 0 ? kw : 0;
			struct date_hit first;
			bool have_first = false;

			/* Before the keyword, a time limit nearest to it wins: "Wir
			 * führen in dieser und der kommenden Woche noch Gespräche und
			 * möchten Ihnen bis Ende der KW 29 eine Rückmeldung geben". */
			if (pass == 1 && w == W_DECISION) {
				while (dates_find(s, from, ref, hit) && hit->start < kw) {
					g_autofree char *before = g_strndup(s, hit->start);

					from = hit->end;
					if (!acceptable(sents, i, ref, w, hit))
						continue;
					if (!have_first) {
						first = *hit;
						have_first = true;
					}
					/* "am 19.11., am Tag danach melde ich mich", "le
					 * lendemain, je vous recontacte": the date just
					 * before the keyword is the one it speaks of. */
					if (has(RE_BY, before) || just_before(s, hit->end, kw))
						first = *hit;
				}
				if (have_first) {
					*hit = first;
					return true;
				}
				continue;
			}
			while (dates_find(s, from, ref, hit)) {
				struct date_hit other;

				if (pass == 1 && hit->start >= kw)
					break;
				/* "Tuesday at 2 pm or Wednesday at 10 am": no choice yet. */
				if (need_time && hit->time != NUDGE_NOTIME &&
				    dates_find(s, hit->end, ref, &other) &&
				    other.time != NUDGE_NOTIME)
					break;
				/* "Montag, 4. Mai, 10:00 oder 14:00 - Dienstag, 5. Mai": a
				 * list of days to choose from. */
				if (need_time && dates_find(s, hit->end, ref, &other) &&
				    other.day != hit->day && only_times_between(s, hit->end, other.start))
					break;
				if (acceptable(sents, i, ref, w, hit)) {
					if (w == W_DECISION && pass == 0)
						by_later(sents, i, ref, hit);
					return true;
				}
				from = hit->end;
			}
		}
		/* A decision sentence without a date, and the next one gives it:
		 * "We'll let you know. This should be by Friday." */
		if (w == W_DECISION && round == 0 && i + 1 < sents->len && !dates_find(s, 0, ref, hit) &&
		    has(RE_ANAPHORA, sents->pdata[i + 1]) &&
		    !has_keyword(keyword, sents->pdata[i + 1])) {
			const char *nx = sents->pdata[i + 1];
			size_t from = 0;

			while (dates_find(nx, from, ref, hit)) {
				if (acceptable(sents, i + 1, ref, w, hit))
					return true;
				from = hit->end;
			}
		}
		if (w == W_DECISION && round == 0 && i > 0 && !have_back &&
		    (has(RE_THEN, s) || has(RE_MEETS, sents->pdata[i - 1])) &&
		    !dates_find(s, 0, ref, hit)) {
			const char *prev = sents->pdata[i - 1];
			size_t from = 0;

			while (dates_find(prev, from, ref, hit)) {
				if (acceptable(sents, i - 1, ref, w, hit)) {
					back = *hit;
					have_back = true;
					break;
				}
				from = hit->end;
			}
		}
	}
	return false;
}

/*
 * The decision date: a promise "at the latest" first; then a decision
 * sentence other than the one about a panel's meeting ("the panel meets
 * next week. We expect to decide within two weeks"); then any.
 */
static bool find_decision(GPtrArray *sents, const struct date_ref *ref, struct date_hit *hit)
{
	g_autoptr(GPtrArray) promise = g_ptr_array_new();
	g_autoptr(GPtrArray) rest = g_ptr_array_new();

	for (guint i = 0; i < sents->len; i++) {
		char *s = sents->pdata[i];

		/* (the words first: the pattern is slow to try everywhere) */
		if ((strstr(s, "before") || strstr(s, " vor ") || strstr(s, "avant") ||
		     strstr(s, "antes") || strstr(s, "bevor") || strstr(s, "früher")) &&
		    (strstr(s, "not") || strstr(s, "n't") || strstr(s, "never") ||
		     strstr(s, "nicht") || strstr(s, "pas") || strstr(s, "no ") ||
		     strstr(s, "No ")) &&
		    has(RE_NOT_BEFORE, s) && has_keyword(RE_DECIDE, s))
			return false;
		if (has(RE_LATEST, s) && has_keyword(RE_DECIDE, s))
			g_ptr_array_add(promise, s);
		if (!has(RE_MEETS, s))
			g_ptr_array_add(rest, s);
	}
	if (promise->len && find_date(promise, ref, RE_DECIDE, W_DECISION, hit))
		return true;
	if (rest->len < sents->len && find_date(rest, ref, RE_DECIDE, W_DECISION, hit))
		return true;
	return find_date(sents, ref, RE_DECIDE, W_DECISION, hit);
}

/*
 * "Yes, that's fine - we'll keep Monday then": a day kept in a reply, whose
 * time was written in the mail quoted below it.
 */
static gint64 kept_day_time(GPtrArray *sents, const char *quoted, const struct date_ref *ref)
{
	struct date_hit hit, q;

	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		size_t from = 0;

		if (!has(RE_CHOSEN, s) || !dates_find(s, 0, ref, &hit) || hit.choice ||
		    hit.day == NUDGE_NOTIME || hit.time != NUDGE_NOTIME)
			continue;
		while (dates_find(quoted, from, ref, &q)) {
			if (q.day == hit.day && q.time != NUDGE_NOTIME && q.time > ref->now)
				return q.time;
			from = q.end;
		}
	}
	return NUDGE_NOTIME;
}

/*
 * A short yes above the mail that proposed the time: "Thursday works
 * perfectly" takes Thursday's time from the quote; "See you then!" with no
 * day of its own takes the quote's time when it proposed only one.
 */
static gint64 quoted_yes(GPtrArray *sents, const char *quoted, const struct date_ref *ref)
{
	struct date_hit hit, q;
	bool yes = false, any_date = false;
	gint64 only = NUDGE_NOTIME;
	size_t from = 0;

	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		bool agree = has(RE_AGREE, s) && !has(RE_DENY, s);

		if (dates_find(s, 0, ref, &hit))
			any_date = true;
		else
			continue;
		if (!agree || hit.choice || hit.duration || hit.day == NUDGE_NOTIME ||
		    hit.time != NUDGE_NOTIME)
			continue;
		from = 0;
		while (dates_find(quoted, from, ref, &q)) {
			if (q.day == hit.day && q.time != NUDGE_NOTIME && q.time > ref->now)
				return q.time;
			from = q.end;
		}
	}
	for (guint i = 0; i < sents->len && !yes; i++)
		yes = has(RE_AGREE, sents->pdata[i]) && !has(RE_DENY, sents->pdata[i]);
	if (!yes || any_date)
		return NUDGE_NOTIME;
	from = 0;
	while (dates_find(quoted, from, ref, &q)) {
		if (q.time != NUDGE_NOTIME && q.time > ref->now) {
			if (only != NUDGE_NOTIME && only != q.time)
				return NUDGE_NOTIME;
			only = q.time;
		}
		from = q.end;
	}
	return only;
}

/*
 * "Let's move you to Wednesday 10th instead, same time": a new day, and the
 * time of day of the first time in the mail quoted below.
 */
static gint64 same_time_new_day(GPtrArray *sents, const char *quoted, const struct date_ref *ref)
{
	struct date_hit hit, q;
	size_t from = 0;
	int hour = -1, min = 0;

	while (dates_find(quoted, from, ref, &q)) {
		if (q.time != NUDGE_NOTIME) {
			GDateTime *u = g_date_time_new_from_unix_utc(q.time);
			GDateTime *l = g_date_time_to_timezone(u, ref->tz);

			hour = g_date_time_get_hour(l);
			min = g_date_time_get_minute(l);
			g_date_time_unref(l);
			g_date_time_unref(u);
			break;
		}
		from = q.end;
	}
	if (hour < 0)
		return NUDGE_NOTIME;
	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		size_t f = 0;

		if (!has(RE_SAME_TIME, s))
			continue;
		while (dates_find(s, f, ref, &hit)) {
			if (!hit.choice && !hit.duration && hit.time == NUDGE_NOTIME &&
			    hit.day != NUDGE_NOTIME) {
				GDateTime *u = g_date_time_new_from_unix_utc(hit.day);
				GDateTime *l = g_date_time_to_timezone(u, ref->tz);
				GDateTime *t = g_date_time_new(ref->tz, g_date_time_get_year(l),
							       g_date_time_get_month(l),
							       g_date_time_get_day_of_month(l),
							       hour, min, 0);
				gint64 when = t ? g_date_time_to_unix(t) : NUDGE_NOTIME;

				if (t)
					g_date_time_unref(t);
				g_date_time_unref(l);
				g_date_time_unref(u);
				if (when != NUDGE_NOTIME && when > ref->now)
					return when;
			}
			f = hit.end;
		}
	}
	return NUDGE_NOTIME;
}

/*
 * A moved interview ("Previous time: Tue 13 Oct, 10:00 / New time: Thu 15
 * Oct, 16:00", "moved from Tuesday at 10 to Thursday at 2", "auf Donnerstag,
 * 14 Uhr verschoben"): the first time after the words that bring the new
 * one, in their sentence or the next.
 */
static gint64 moved_time(GPtrArray *sents, const struct date_ref *ref)
{
	struct date_hit hit;

	for (guint i = 0; i < sents->len; i++) {
		const char *s = sents->pdata[i];
		GMatchInfo *mi = NULL;
		int end = 0;
		size_t from;

		if (!g_regex_match(re(RE_MOVED), s, 0, &mi) ||
		    !g_match_info_fetch_pos(mi, 0, NULL, &end)) {
			g_match_info_free(mi);
			continue;
		}
		g_match_info_free(mi);
		for (guint k = i; k < sents->len && k <= i + 1; k++) {
			from = k == i ? (size_t)end : 0;
			while (dates_find(sents->pdata[k], from, ref, &hit)) {
				if (!hit.duration && acceptable(sents, k, ref, W_INTERVIEW, &hit))
					return hit.time;
				from = hit.end;
			}
		}
	}
	return NUDGE_NOTIME;
}

/* The first date with a time of day after the message's Date. */
static gint64 first_time_ahead(GPtrArray *sents, const struct date_ref *ref)
{
	struct date_hit hit;

	for (guint i = 0; i < sents->len; i++) {
		size_t from = 0;

		while (dates_find(sents->pdata[i], from, ref, &hit)) {
			struct date_hit other;

			if (hit.time != NUDGE_NOTIME && hit.time > ref->now &&
			    dates_find(sents->pdata[i], hit.end, ref, &other) &&
			    other.time != NUDGE_NOTIME)
				break;
			if (dates_find(sents->pdata[i], hit.end, ref, &other) && other.day != hit.day &&
			    only_times_between(sents->pdata[i], hit.end, other.start))
				break;
			if (acceptable(sents, i, ref, W_INTERVIEW, &hit))
				return hit.time;
			from = hit.end;
		}
	}
	return NUDGE_NOTIME;
}

/*
 * Mail written in German, French or Spanish puts the day first ("10/03" is
 * 10 March) whatever the reader's date_order: counts a few common words of
 * each language.
 */
static bool written_day_first(const char *text)
{
	static const char *const en[] = { "the", "and", "you", "your", "we", "to", "for", "with" };
	static const char *const other[] = {
		"der", "die", "und", "sie", "wir", "ihnen", "mit", "für",
		"le", "la", "les", "et", "vous", "nous", "pour", "avec",
		"el", "los", "y", "que", "con", "para", "te", "tu",
	};
	g_auto(GStrv) words = NULL;
	int n_en = 0, n_other = 0;
	size_t len;

	if (!text)
		return false;
	len = strlen(text);
	if (len > 4000)
		len = (size_t)(g_utf8_find_prev_char(text, text + 4000) - text);
	words = words_of(text, len);
	for (char **w = words; *w; w++) {
		for (size_t i = 0; i < G_N_ELEMENTS(en); i++)
			n_en += strcmp(*w, en[i]) == 0;
		for (size_t i = 0; i < G_N_ELEMENTS(other); i++)
			n_other += strcmp(*w, other[i]) == 0;
	}
	return n_other > 2 * n_en + 2;
}

void facts_extract(const struct fact_input *in, enum nudge_stage stage,
		   struct facts *out)
{
	static const char *const n_names[] = { "n", NULL };
	g_autoptr(GPtrArray) sents = sentences(in->fresh);
	GTimeZone *utc = NULL;
	struct date_ref ref;
	struct date_hit hit;

	memset(out, 0, sizeof(*out));
	out->interview = out->interview_end = NUDGE_NOTIME;
	out->decision = out->offer_deadline = NUDGE_NOTIME;
	if (!in->tz)
		utc = g_time_zone_new_utc();
	ref.now = in->date;
	ref.tz = in->tz ? in->tz : utc;
	ref.day_first = in->day_first || written_day_first(in->fresh);

	pick_contact(in, out);
	pick_company(in, &ref, out);
	pick_position(in, out);
	out->interviewer = capture(RE_INTERVIEWER, in->fresh, n_names);

	if (in->ics && *in->ics)
		from_ics(in->ics, ref.tz, out);
	if (out->interview == NUDGE_NOTIME && stage == STAGE_INVITATION) {
		/* A moved interview's new time first, then a time chosen out of
		 * several, then a sentence about the interview, else any time ahead. */
		out->interview = moved_time(sents, &ref);
		if (out->interview == NUDGE_NOTIME) {
			if (find_date(sents, &ref, RE_CHOSEN, W_INTERVIEW, &hit) ||
			    find_date(sents, &ref, RE_INTERVIEW, W_INTERVIEW, &hit))
				out->interview = hit.time;
			else
				out->interview = first_time_ahead(sents, &ref);
		}
		if (out->interview == NUDGE_NOTIME && in->quoted)
			out->interview = kept_day_time(sents, in->quoted, &ref);
		if (out->interview == NUDGE_NOTIME && in->quoted)
			out->interview = same_time_new_day(sents, in->quoted, &ref);
		if (out->interview == NUDGE_NOTIME && in->quoted)
			out->interview = quoted_yes(sents, in->quoted, &ref);
	}
	if (is_autoreply(in->subject, sents))
		goto out;

	/* An explicit invitation to check in at a time comes first. */
	for (guint i = 0; i < sents->len && out->decision == NUDGE_NOTIME; i++) {
		const char *s = sents->pdata[i];

		if (has(RE_CHECKIN, s) && dates_find(s, 0, &ref, &hit)) {
			out->decision = hit.day;
			out->decision_is_time = !has(RE_IFNOT, s) && !hit.duration;
		} else if (i > 0 && has(RE_CHECKIN, s) && has(RE_BY_THEN, s) &&
			   dates_find(sents->pdata[i - 1], 0, &ref, &hit) &&
			   acceptable(sents, i - 1, &ref, W_DECISION, &hit)) {
			out->decision = hit.day;
			out->decision_is_time = false;
		}
	}
	if (out->decision == NUDGE_NOTIME && stage != STAGE_OFFER && stage != STAGE_REJECTION &&
	    find_decision(sents, &ref, &hit)) {
		/* An interview time in the same sentence is not a decision date. */
		if (!(stage == STAGE_INVITATION && hit.time != NUDGE_NOTIME))
			out->decision = hit.day;
	}
	/* A rejection is the decision; after a do-not-contact note there is no
	 * follow-up to time (ETIQUETTE.md, R2), so "if you have not heard within
	 * four weeks" is no decision date; an invitation's decision comes after
	 * the interview, not on or before its day. */
	if (stage == STAGE_REJECTION || stage == STAGE_DO_NOT_CONTACT ||
	    (stage == STAGE_INVITATION && out->interview != NUDGE_NOTIME &&
	     out->decision != NUDGE_NOTIME &&
	     out->decision <= dates_day_of(ref.tz, out->interview))) {
		out->decision = NUDGE_NOTIME;
		out->decision_is_time = false;
	}
	if (stage == STAGE_OFFER) {
		if (find_date(sents, &ref, RE_ANSWER, W_ANSWER, &hit))
			out->offer_deadline = hit.day;
		out->decision = NUDGE_NOTIME;
		out->decision_is_time = false;
	}
out:
	if (utc)
		g_time_zone_unref(utc);
}

void facts_clear(struct facts *f)
{
	if (!f)
		return;
	g_free(f->company);
	g_free(f->position);
	g_free(f->contact_addr);
	g_free(f->contact_name);
	g_free(f->interviewer);
	memset(f, 0, sizeof(*f));
}
