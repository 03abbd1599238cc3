/*
 * The etiquette engine: the rules of ETIQUETTE.md as a pure function.
 *
 * All items of all threads are replayed in time order (ties: thread order,
 * then item order), so that an offer or an acceptance in one thread sees the
 * other threads as they stood at that moment. Each thread keeps one slot per
 * kind of pending draft; the slots still active at the end, plus the next
 * follow-up computed from the thread's cycle, are the schedule.
 *
 * Semantics chosen where ETIQUETTE.md is silent:
 *
 * - "As of now": items dated after `now` are left out until their time.
 * - T1 "the same day": a thank-you that would fall after midnight is due at
 *   23:59 on the day the interview ended instead.
 * - Rounds (N1). The first interview time opens round 1. An interview time
 *   stated before the current interview has ended is a reschedule: same
 *   round, the thank-you and the follow-up clock follow the new time. Only a
 *   different, later time stated after the current interview has ended opens
 *   a new round (count, decision date and thank-you start afresh). The same
 *   time stated again, an earlier one after the interview, or one no later
 *   than the previous round's (a quote of an old time) changes nothing.
 * - Follow-ups need an interview: a thread with no interview time gets no
 *   follow-up (the user can set one with a mark). F2 never counts from a
 *   moment before the interview: a pending message sent before it counts
 *   from the interview.
 * - Attribution of user messages (a mark "sent" is one too). A user message
 *   first satisfies every reply-type draft whose trigger came before it
 *   (more-info, competing-offer, rejection-reply) and the thank-you when sent
 *   after the interview started and before the thank-you expired; when it did
 *   none of this, it counts as follow-up N when sent on or after the local
 *   day follow-up N is due. Anything earlier is just a message (F4 still
 *   counts it). In a thread waiting for a withdrawal (O2), any user message
 *   is the withdrawal.
 * - Cycle resets (F7). The cycle restarts, with the count at zero, on an
 *   employer message in stage pending or references, on any employer message
 *   that states a usable decision date, and on any employer message that
 *   answers a sent follow-up. A more-info draft is due when a pending (or
 *   stage-less) message answers a sent follow-up. A pending message with no
 *   date keeps a decision date that is still to come; one already past is
 *   dropped and F2 counts from the message.
 * - A decision date that is already past when stated (earlier than the local
 *   day of the message or mark that states it) is ignored; so is one before
 *   the interview day. F2 applies and the reason says so.
 * - F1 with an invited check-in time uses that day with no +1, at draft_hour.
 * - F4 compares exact times: a follow-up due less than min_gap_days calendar
 *   days (same wall-clock time) after the last user message moves to the
 *   first Tuesday-to-Friday slot at draft_hour after that moment.
 * - F5: the thread closes close_days calendar days after follow-up-2 was
 *   sent, at the same wall-clock time. Any employer message after that
 *   re-opens it and counts as an answer to the follow-up.
 * - R1: the thread stays rejected whatever the employer writes later; only
 *   "mark reopen" opens it again. The rejection-reply is dropped once the
 *   user writes to the employer after the rejection.
 * - R2 stops follow-ups and competing-offer drafts (both chase the
 *   employer) for good, whatever stages follow; thank-you, more-info,
 *   rejection-reply and withdrawal are replies or courtesies and still come.
 * - Offers: a thread whose last stage is offer gets no follow-ups and no
 *   competing-offer draft. O1 asks for "deadline minus N business days",
 *   never earlier than the offer's own day. A newer offer replaces a
 *   competing-offer draft not sent yet.
 * - O2: the other open threads keep only their withdrawal draft; they
 *   become withdrawn with the first user message after the acceptance. A
 *   second acceptance in a thread already accepted changes nothing.
 * - Marks: close and ignore work in any state and drop every pending draft;
 *   reopen makes the thread open, lifts do-not-contact and a pending
 *   withdrawal, and when the thread was not open restarts the follow-up cycle
 *   from the mark. Interview and decision marks act on open threads only;
 *   a decision mark restarts the follow-up cycle like F7, without more-info.
 *   A user-closed thread stays closed when the employer writes.
 * - P1 drafts go to the reference contacts, not the employer: a user message
 *   in the thread does not satisfy them. A newer request replaces them.
 * - Keys (N2): "thread/kind/rROUND/ref" for thank-you and follow-ups,
 *   "thread/kind/ref" for replies, "thread/kind/OTHER-THREAD/ref" for O1 and
 *   O2, "thread/reference-notice/INDEX/ref" for P1, where ref is the ref of
 *   the triggering item (the interview item, the message that restarted the
 *   cycle, the user message that sent follow-up-1, the employer message) or
 *   "@TIME" when it has none.
 */
#include <stdlib.h>
#include <string.h>

#include "etiquette.h"

#define MAX_TIME ((gint64)253402300799)	/* 9999-12-31T23:59:59Z */

static const char *const kind_names[DRAFT__COUNT] = {
	[DRAFT_THANK_YOU] = "thank-you",
	[DRAFT_FOLLOW_UP_1] = "follow-up-1",
	[DRAFT_FOLLOW_UP_2] = "follow-up-2",
	[DRAFT_MORE_INFO] = "more-info",
	[DRAFT_REJECTION_REPLY] = "rejection-reply",
	[DRAFT_COMPETING_OFFER] = "competing-offer",
	[DRAFT_WITHDRAWAL] = "withdrawal",
	[DRAFT_REFERENCE_NOTICE] = "reference-notice",
};

static const char *const wday_short[8] = {
	"?", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

static const char *const wday_long[8] = {
	"?", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday",
};

static const char *const month_short[13] = {
	"?", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

const char *draft_kind_name(enum draft_kind kind)
{
	if ((unsigned)kind >= DRAFT__COUNT)
		return "unknown";
	return kind_names[kind];
}

int draft_kind_parse(const char *name, enum draft_kind *out)
{
	if (!name)
		return NUDGE_E_DATA;
	for (int i = 0; i < DRAFT__COUNT; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*out = (enum draft_kind)i;
			return 0;
		}
	}
	return NUDGE_E_DATA;
}

const char *et_state_name(enum et_state state)
{
	switch (state) {
	case ET_OPEN: return "open";
	case ET_CLOSED_NO_RESPONSE: return "closed-no-response";
	case ET_REJECTED: return "rejected";
	case ET_WITHDRAWN: return "withdrawn";
	case ET_ACCEPTED: return "accepted";
	case ET_CLOSED: return "closed";
	case ET_IGNORED: return "ignored";
	}
	return "unknown";
}

void et_settings_init(struct et_settings *s, GTimeZone *tz)
{
	memset(s, 0, sizeof(*s));
	s->tz = tz;
	s->thank_you_delay_minutes = 120;
	s->thank_you_expire_hours = 72;
	s->interview_minutes = 60;
	s->followup_after_decision_days = 1;
	s->followup_no_date_days = 7;
	s->min_gap_days = 2;
	s->followup2_days = 7;
	s->close_days = 7;
	s->draft_hour = 9;
	s->reply_hour = 9;
	s->offer_default_days = 7;
	s->competing_margin_days = 2;
	s->holidays = NULL;
	s->n_holidays = 0;
	s->n_references = 0;
}

/*
 * The calendar of a run. GDateTime finds a time's UTC offset by a linear
 * walk over the zone's transitions and allocates on every step; a run asks
 * for millions of local days and hours. So a run keeps the spans of time
 * with one offset that it met: the offset of a time inside a known span is
 * exact, and GLib is asked again only for a time outside them. The span
 * bounds are exact too: GLib's interval of a UTC time never decreases with
 * the time, so they are found by bisection.
 */
#define CAL_SPANS 16
#define DAY_SECONDS ((gint64)86400)
#define JULIAN_EPOCH ((gint64)719163)	/* GDate's Julian day of 1970-01-01 */

struct et_calendar {
	GTimeZone *tz;
	struct span {
		gint64 lo, hi;		/* first and last second */
		gint32 offset;		/* local = UTC + offset */
	} spans[CAL_SPANS];
	size_t n, next;
};

static gint64 floor_div(gint64 a, gint64 b)
{
	return a / b - (a % b < 0);
}

/* The last (dir 1) or first (dir -1) second of interval iv, from t in it. */
static gint64 span_bound(GTimeZone *tz, gint64 t, int iv, int dir)
{
	const gint64 limit = 4 * MAX_TIME;
	gint64 good = t, bad, step = 3600;

	for (;;) {
		gint64 probe = t + dir * step;

		if (probe > limit || probe < -limit)
			probe = dir * limit;
		if (g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, probe) != iv) {
			bad = probe;
			break;
		}
		good = probe;
		if (probe == dir * limit)
			return good;
		step *= 2;
	}
	while (good + dir != bad) {
		gint64 mid = good + (bad - good) / 2;

		if (g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, mid) == iv)
			good = mid;
		else
			bad = mid;
	}
	return good;
}

static const struct span *cal_span(struct et_calendar *c, gint64 t)
{
	struct span *sp;
	int iv;

	for (size_t i = 0; i < c->n; i++)
		if (c->spans[i].lo <= t && t <= c->spans[i].hi)
			return &c->spans[i];
	iv = g_time_zone_find_interval(c->tz, G_TIME_TYPE_UNIVERSAL, t);
	sp = &c->spans[c->next];
	c->next = (c->next + 1) % CAL_SPANS;
	if (c->n < CAL_SPANS)
		c->n++;
	sp->lo = span_bound(c->tz, t, iv, -1);
	sp->hi = span_bound(c->tz, t, iv, 1);
	sp->offset = g_time_zone_get_offset(c->tz, iv);
	return sp;
}

/*
 * The UTC time of local wall-clock time `local` (seconds since the epoch as
 * if local were UTC), when no offset change lies within two days of it:
 * then it has exactly one UTC time, the one GLib gives. Else false, and the
 * caller asks GLib.
 */
static bool cal_utc(struct et_calendar *c, gint64 local, gint64 *out)
{
	const gint64 margin = 2 * DAY_SECONDS;
	gint64 u = local - cal_span(c, local)->offset;
	const struct span *sp = cal_span(c, u);

	if (local - sp->offset != u || u - margin < sp->lo || u + margin > sp->hi)
		return false;
	*out = u;
	return true;
}

/* t as local wall-clock seconds since the epoch. */
static gint64 cal_local(struct et_calendar *c, gint64 t)
{
	return t + cal_span(c, t)->offset;
}

struct et_calendar *et_calendar_new(GTimeZone *tz)
{
	struct et_calendar *c = g_new0(struct et_calendar, 1);

	c->tz = g_time_zone_ref(tz);
	return c;
}

void et_calendar_free(struct et_calendar *c)
{
	if (!c)
		return;
	g_time_zone_unref(c->tz);
	g_free(c);
}

gint64 et_calendar_local(struct et_calendar *c, gint64 t)
{
	return cal_local(c, t);
}

/* The local calendar day of t in the user's zone. */
static void local_day(const struct et_settings *s, gint64 t, GDate *d)
{
	GDateTime *utc, *loc;
	int y, m, dd;

	g_date_clear(d, 1);
	if (s->cal) {
		g_date_set_julian(d, (guint32)(floor_div(cal_local(s->cal, t), DAY_SECONDS) +
					       JULIAN_EPOCH));
		return;
	}
	utc = g_date_time_new_from_unix_utc(t);
	loc = g_date_time_to_timezone(utc, s->tz);
	g_date_time_get_ymd(loc, &y, &m, &dd);
	g_date_set_dmy(d, (GDateDay)dd, (GDateMonth)m, (GDateYear)y);
	g_date_time_unref(loc);
	g_date_time_unref(utc);
}

/* Day d at hour:00 local time, as seconds since the epoch. */
static gint64 day_at(const struct et_settings *s, const GDate *d, int hour)
{
	GDateTime *loc;
	gint64 t;

	if (s->cal && cal_utc(s->cal, ((gint64)g_date_get_julian(d) - JULIAN_EPOCH) *
			      DAY_SECONDS + hour * 3600, &t))
		return t;
	loc = g_date_time_new(s->tz, g_date_get_year(d), g_date_get_month(d),
			      g_date_get_day(d), hour, 0, 0);
	t = g_date_time_to_unix(loc);
	g_date_time_unref(loc);
	return t;
}

/* t plus `days` calendar days at the same local wall-clock time. */
static gint64 add_local_days(const struct et_settings *s, gint64 t, int days)
{
	GDateTime *utc, *loc, *later;
	gint64 r;

	if (s->cal && cal_utc(s->cal, cal_local(s->cal, t) + days * DAY_SECONDS, &r))
		return r;
	utc = g_date_time_new_from_unix_utc(t);
	loc = g_date_time_to_timezone(utc, s->tz);
	later = g_date_time_add_days(loc, days);
	r = g_date_time_to_unix(later);
	g_date_time_unref(later);
	g_date_time_unref(loc);
	g_date_time_unref(utc);
	return r;
}

static int cmp_gint32(const void *a, const void *b)
{
	gint32 x = *(const gint32 *)a, y = *(const gint32 *)b;

	return (x > y) - (x < y);
}

static bool is_holiday(const struct et_settings *s, const GDate *d)
{
	gint32 key = (gint32)g_date_get_year(d) * 10000 +
		     (gint32)g_date_get_month(d) * 100 + g_date_get_day(d);

	if (!s->holidays || !s->n_holidays)
		return false;
	return bsearch(&key, s->holidays, s->n_holidays, sizeof(gint32),
		       cmp_gint32) != NULL;
}

static bool is_business(const struct et_settings *s, const GDate *d)
{
	GDateWeekday w = g_date_get_weekday(d);

	return w >= G_DATE_MONDAY && w <= G_DATE_FRIDAY && !is_holiday(s, d);
}

/* F3: Tuesday to Friday, not a holiday. */
static bool is_followup(const struct et_settings *s, const GDate *d)
{
	return is_business(s, d) && g_date_get_weekday(d) != G_DATE_MONDAY;
}

static void next_followup(const struct et_settings *s, GDate *d)
{
	while (!is_followup(s, d))
		g_date_add_days(d, 1);
}

static void next_business(const struct et_settings *s, GDate *d)
{
	while (!is_business(s, d))
		g_date_add_days(d, 1);
}

gint64 et_followup_day(const struct et_settings *s, gint64 t, int hour)
{
	GDate d;

	local_day(s, t, &d);
	next_followup(s, &d);
	return day_at(s, &d, hour);
}

gint64 et_business_day(const struct et_settings *s, gint64 t, int hour)
{
	GDate d;

	local_day(s, t, &d);
	next_business(s, &d);
	return day_at(s, &d, hour);
}

/* Negative, zero or positive as the local day of a is before, on or after b's. */
static int day_cmp(const struct et_settings *s, gint64 a, gint64 b)
{
	GDate da, db;

	local_day(s, a, &da);
	local_day(s, b, &db);
	return g_date_compare(&da, &db);
}

/* v in decimal at the end of buf (of 24 bytes); returns where it starts. */
static char *fmt_int(char *buf, gint64 v)
{
	char *p = buf + 24;
	guint64 u = v < 0 ? -(guint64)v : (guint64)v;

	*--p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	return p;
}

/* The text of g, its buffer cut to its length (reasons are kept by the
 * hundred thousand). */
static char *take(GString *g)
{
	gsize len = g->len;

	return g_realloc(g_string_free(g, FALSE), len + 1);
}

/* A reason's text to write, or NULL when the settings want none. */
static GString *reason_new(const struct et_settings *s, const char *init)
{
	return s->no_reasons ? NULL : g_string_new(init);
}

/* Appends text, unless there is no text to write (g NULL: dates only). */
static void add(GString *g, const char *text)
{
	if (g)
		g_string_append(g, text);
}

/* n, 0 to 99, in decimal: two digits when pad or when n > 9. */
static void put_small(GString *g, int n, bool pad)
{
	if (n > 9 || pad)
		g_string_append_c(g, (char)('0' + n / 10 % 10));
	g_string_append_c(g, (char)('0' + n % 10));
}

/* The name of d's weekday from names, the day, the month: "Tue 3 Mar". */
static void put_day_with(GString *g, const char *const names[8], const GDate *d)
{
	if (!g)
		return;
	g_string_append(g, names[g_date_get_weekday(d)]);
	g_string_append_c(g, ' ');
	put_small(g, g_date_get_day(d), false);
	g_string_append_c(g, ' ');
	g_string_append(g, month_short[g_date_get_month(d)]);
}

/* "Tue 3 Mar" */
static void put_day(GString *g, const GDate *d)
{
	put_day_with(g, wday_short, d);
}

/* "Tuesday 10 Mar" */
static void put_long_day(GString *g, const GDate *d)
{
	put_day_with(g, wday_long, d);
}

static void put_hm(GString *g, const struct et_settings *s, gint64 t)
{
	GDateTime *utc, *loc;
	gint64 sec;

	if (!g)
		return;
	if (s->cal) {
		sec = cal_local(s->cal, t) - floor_div(cal_local(s->cal, t), DAY_SECONDS) *
		      DAY_SECONDS;
		put_small(g, (int)(sec / 3600), true);
		g_string_append_c(g, ':');
		put_small(g, (int)(sec / 60 % 60), true);
		return;
	}
	utc = g_date_time_new_from_unix_utc(t);
	loc = g_date_time_to_timezone(utc, s->tz);
	g_string_append_printf(g, "%02d:%02d", g_date_time_get_hour(loc),
			       g_date_time_get_minute(loc));
	g_date_time_unref(loc);
	g_date_time_unref(utc);
}

static void put_date(GString *g, const struct et_settings *s, gint64 t)
{
	GDate d;

	if (!g)
		return;
	local_day(s, t, &d);
	put_day(g, &d);
}

/* "Tue 3 Mar 10:00" */
static void put_time(GString *g, const struct et_settings *s, gint64 t)
{
	if (!g)
		return;
	put_date(g, s, t);
	g_string_append_c(g, ' ');
	put_hm(g, s, t);
}

/* "2 hours", "90 minutes", "1 day" */
static void put_amount(GString *g, int n, const char *unit)
{
	char buf[24];

	if (!g)
		return;
	g_string_append(g, fmt_int(buf, n));
	g_string_append_c(g, ' ');
	g_string_append(g, unit);
	if (n != 1)
		g_string_append_c(g, 's');
}

/*
 * O1: one offer, shared by the competing-offer slots of every thread it
 * reaches. Their key and reason are made only for the slots still active
 * at the end (emit_thread), not once per thread and offer.
 */
struct offer {
	const char *thread_id;		/* the offer's thread */
	const struct et_item *it;	/* the offer message */
	char *reason;
	gint64 deadline;		/* the date to ask for */
};

struct slot {
	bool active;
	gint64 since;		/* the trigger's time */
	const struct offer *offer;	/* O1: key and reason still to make */
	struct et_draft *d;	/* when active; a thread has few at a time */
};

enum cycle_from {
	FROM_INTERVIEW = 0,
	FROM_MESSAGE,
	FROM_MARK,
	FROM_REOPEN,
};

/* One thread being replayed. */
struct sim {
	/* First what an offer elsewhere looks at (O1), to keep it one read. */
	const struct et_thread *th;
	size_t index;			/* of th in the input */
	enum et_state state;
	enum nudge_stage stage;
	bool dnc;
	bool had_interview;
	int followups_sent;
	const char *withdraw_for;	/* thread id of an accepted offer (O2) */
	gint64 first_interview;
	gint64 close_at;
	gint64 state_time;
	int round;
	gint64 prev_interview;		/* the previous round's */
	gint64 interview, interview_end;
	const struct et_item *thank_item;	/* the item that set the interview */
	gint64 thank_start, thank_end;	/* the interview of the thank-you slot */
	const struct et_item *thank_key_item;	/* and the item of its key */
	gint64 decision;
	bool decision_is_time, decision_by_user;
	gint64 stale_decision, stale_said;
	enum cycle_from from;
	gint64 cycle_time;
	const struct et_item *cycle_item;
	gint64 sent_time[2];
	const struct et_item *sent_item[2];
	gint64 last_user;
	const char *last_employer_ref;
	bool refs_unconfigured;
	struct slot thank, more_info, rejection, competing, withdrawal;
	struct slot *refs;
	size_t n_refs;
};

static void slot_drop(struct slot *sl)
{
	if (sl->d) {
		g_free(sl->d->key);
		g_free(sl->d->reason);
		g_free(sl->d);
	}
	memset(sl, 0, sizeof(*sl));
}

static void drop_refs(struct sim *m)
{
	for (size_t i = 0; i < m->n_refs; i++)
		slot_drop(&m->refs[i]);
	g_free(m->refs);
	m->refs = NULL;
	m->n_refs = 0;
}

static void drop_all(struct sim *m)
{
	slot_drop(&m->thank);
	slot_drop(&m->more_info);
	slot_drop(&m->rejection);
	slot_drop(&m->competing);
	slot_drop(&m->withdrawal);
	drop_refs(m);
}

/* The N2 key: see the comment at the top of this file. */
static char *make_key(const struct sim *m, enum draft_kind kind, int round,
		      const char *other, int index, const struct et_item *it)
{
	char rbuf[24], ibuf[24], tbuf[24];
	const char *parts[7];
	size_t n = 0, len = 0;
	char *key, *at;

	parts[n++] = m->th->id;
	parts[n++] = draft_kind_name(kind);
	if (round > 0) {
		char *r = fmt_int(rbuf, round);

		*--r = 'r';
		parts[n++] = r;
	}
	if (other)
		parts[n++] = other;
	if (index >= 0)
		parts[n++] = fmt_int(ibuf, index);
	if (it->ref) {
		parts[n++] = it->ref;
	} else {
		char *t = fmt_int(tbuf, it->time);

		*--t = '@';
		parts[n++] = t;
	}
	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]) + 1;
	at = key = g_malloc(len);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(parts[i]);

		if (i)
			*at++ = '/';
		memcpy(at, parts[i], l);
		at += l;
	}
	*at = '\0';
	return key;
}

/* Fills a slot; takes ownership of key and the reason's text. */
static void slot_set(struct sim *m, struct slot *sl, enum draft_kind kind,
		     const char *rule, gint64 since, gint64 due, char *key,
		     GString *reason)
{
	slot_drop(sl);
	sl->active = true;
	sl->since = since;
	sl->d = g_new0(struct et_draft, 1);
	sl->d->thread_id = m->th->id;
	sl->d->thread = m->index;
	sl->d->kind = kind;
	sl->d->round = m->round;
	sl->d->ref_index = -1;
	sl->d->due = due;
	sl->d->expires = NUDGE_NOTIME;
	sl->d->deadline = NUDGE_NOTIME;
	sl->d->rule = rule;
	sl->d->key = key;
	sl->d->reason = reason ? take(reason) : NULL;
}

struct engine {
	const struct et_settings *s;
	struct sim *sims;
	size_t n;
	GPtrArray *offers;	/* struct offer *, O1 */
	bool *interviewed;	/* by thread: had an interview (O1) */
};

/* F5: close the thread when follow-up-2 has gone unanswered long enough. */
static void advance(struct sim *m, gint64 t)
{
	if (m->state == ET_OPEN && !m->withdraw_for && m->followups_sent == 2 &&
	    m->close_at != NUDGE_NOTIME && t >= m->close_at) {
		m->state = ET_CLOSED_NO_RESPONSE;
		m->state_time = m->close_at;
		drop_all(m);
	}
}

static void new_cycle(const struct et_settings *s, struct sim *m,
		      enum cycle_from from, const struct et_item *it)
{
	m->from = from;
	m->cycle_item = it;
	m->cycle_time = it->time;
	m->followups_sent = 0;
	m->sent_time[0] = m->sent_time[1] = NUDGE_NOTIME;
	m->sent_item[0] = m->sent_item[1] = NULL;
	m->close_at = NUDGE_NOTIME;
	m->stale_decision = NUDGE_NOTIME;
	if (m->decision != NUDGE_NOTIME && day_cmp(s, m->decision, it->time) < 0)
		m->decision = NUDGE_NOTIME;
}

static void set_thank_you(const struct et_settings *s, struct sim *m,
			  const struct et_item *it)
{
	gint64 due = m->interview_end + (gint64)s->thank_you_delay_minutes * 60;
	gint64 expires = m->interview_end + (gint64)s->thank_you_expire_hours * 3600;
	GDate d;
	gint64 midnight;

	if (m->last_user != NUDGE_NOTIME && m->last_user >= m->interview) {
		slot_drop(&m->thank);
		return;
	}
	local_day(s, m->interview_end, &d);
	g_date_add_days(&d, 1);
	midnight = day_at(s, &d, 0);
	if (due >= midnight && m->interview_end < midnight - 60)
		due = midnight - 60;
	/* Key and reason are made only if the draft is still listed at the end. */
	slot_set(m, &m->thank, DRAFT_THANK_YOU, "T1", it->time, due, NULL, NULL);
	m->thank.d->expires = expires;
	m->thank_key_item = it;
	m->thank_start = m->interview;
	m->thank_end = m->interview_end;
}

/* T1's reason, for the interview the thank-you slot was set for. */
static char *thank_reason(const struct et_settings *s, const struct sim *m)
{
	GString *why = g_string_new("T1: interview ");
	int delay = s->thank_you_delay_minutes;
	gint64 due = m->thank.d->due;

	put_time(why, s, m->thank_start);
	g_string_append_c(why, '-');
	if (day_cmp(s, m->thank_start, m->thank_end) == 0)
		put_hm(why, s, m->thank_end);
	else
		put_time(why, s, m->thank_end);
	g_string_append(why, "; due ");
	if (delay % 60 == 0)
		put_amount(why, delay / 60, "hour");
	else
		put_amount(why, delay, "minute");
	g_string_append(why, " after it ends");
	if (due != m->thank_end + (gint64)delay * 60) {
		g_string_append(why, ", kept to ");
		put_hm(why, s, due);
		g_string_append(why, " to be ready the same day");
	}
	g_string_append(why, "; not written after ");
	put_time(why, s, m->thank.d->expires);
	return take(why);
}

/* N1: an interview time stated by an item; see the top of the file. */
static void set_interview(const struct et_settings *s, struct sim *m,
			  const struct et_item *it)
{
	gint64 start = it->interview;
	gint64 end = it->interview_end != NUDGE_NOTIME ? it->interview_end :
		     start + (gint64)s->interview_minutes * 60;

	if (m->had_interview) {
		if (start == m->interview) {
			if (it->interview_end != NUDGE_NOTIME &&
			    it->interview_end != m->interview_end) {
				m->interview_end = end;
				if (m->thank.active)
					set_thank_you(s, m, m->thank_item);
			}
			return;
		}
		if (start <= m->prev_interview)
			return;
		if (it->time >= m->interview_end) {
			if (start < m->interview)
				return;
			m->prev_interview = m->interview;
			m->round++;
			m->decision = NUDGE_NOTIME;
			m->stale_decision = NUDGE_NOTIME;
		}
	} else {
		m->had_interview = true;
	}
	if (m->round == 1)
		m->first_interview = start;
	m->interview = start;
	m->interview_end = end;
	m->thank_item = it;
	new_cycle(s, m, FROM_INTERVIEW, it);
	set_thank_you(s, m, it);
}

static bool followups_allowed(const struct sim *m)
{
	return m->state == ET_OPEN && !m->dnc && !m->withdraw_for &&
	       m->stage != STAGE_OFFER && m->had_interview &&
	       m->followups_sent < 2;
}

static bool decision_usable(const struct et_settings *s, const struct sim *m)
{
	return m->decision != NUDGE_NOTIME &&
	       day_cmp(s, m->decision, m->interview) >= 0;
}

/* Names day d and, when it is no follow-up day, moves it by F3. */
static void apply_f3(const struct et_settings *s, GString *why, GDate *d)
{
	put_long_day(why, d);
	if (is_followup(s, d))
		return;
	if (is_holiday(s, d))
		add(why, ", a holiday");
	next_followup(s, d);
	add(why, "; moved to ");
	put_long_day(why, d);
	add(why, " by F3");
}

struct followup {
	enum draft_kind kind;
	const char *rule;
	gint64 due;
	const struct et_item *trigger;
	GString *why;
};

/* The F2 base time and its description. */
static gint64 f2_base(const struct et_settings *s, const struct sim *m,
		      GString *why)
{
	if (m->from == FROM_INTERVIEW || m->interview > m->cycle_time) {
		add(why, "the interview (");
		put_date(why, s, m->interview);
		add(why, ")");
		return m->interview;
	}
	switch (m->from) {
	case FROM_MARK:
		add(why, "your mark of ");
		break;
	case FROM_REOPEN:
		add(why, "you reopened the thread on ");
		break;
	default:
		add(why, "the employer's message of ");
		break;
	}
	put_date(why, s, m->cycle_time);
	return m->cycle_time;
}

/* The next follow-up of an open cycle (F1-F5), with its reason if with_why. */
static void compute_followup(const struct et_settings *s, const struct sim *m,
			     struct followup *f, bool with_why)
{
	GDate d;
	GString *why = with_why ? g_string_new(NULL) : NULL;
	gint64 limit;

	if (m->followups_sent == 1) {
		f->kind = DRAFT_FOLLOW_UP_2;
		f->rule = "F5";
		f->trigger = m->sent_item[0];
		add(why, "F5: follow-up-1 sent ");
		put_date(why, s, m->sent_time[0]);
		add(why, " and no answer; ");
		put_amount(why, s->followup2_days, "day");
		add(why, " later is ");
		local_day(s, m->sent_time[0], &d);
		g_date_add_days(&d, (guint)s->followup2_days);
	} else if (decision_usable(s, m)) {
		f->kind = DRAFT_FOLLOW_UP_1;
		f->rule = "F1";
		f->trigger = m->cycle_item;
		local_day(s, m->decision, &d);
		if (m->decision_is_time) {
			add(why, "F1: the employer invited a follow-up on ");
		} else {
			add(why, m->decision_by_user ?
					"F1: decision date (set by you) " :
					"F1: decision promised ");
			put_day(why, &d);
			if (why)
				g_string_append_printf(why, "; +%d day%s is ",
						       s->followup_after_decision_days,
						       s->followup_after_decision_days == 1 ? "" : "s");
			g_date_add_days(&d, (guint)s->followup_after_decision_days);
		}
	} else {
		f->kind = DRAFT_FOLLOW_UP_1;
		f->rule = "F2";
		f->trigger = m->cycle_item;
		if (m->stale_decision != NUDGE_NOTIME) {
			add(why, "F2: the decision date ");
			put_date(why, s, m->stale_decision);
			add(why, " was already past when stated on ");
			put_date(why, s, m->stale_said);
			add(why, "; ");
		} else if (m->decision != NUDGE_NOTIME) {
			add(why, "F2: the decision date ");
			put_date(why, s, m->decision);
			add(why, " is before the interview; ");
		} else {
			add(why, "F2: no decision date; ");
		}
		put_amount(why, s->followup_no_date_days, "day");
		add(why, " after ");
		local_day(s, f2_base(s, m, why), &d);
		add(why, " is ");
		g_date_add_days(&d, (guint)s->followup_no_date_days);
	}
	apply_f3(s, why, &d);
	f->due = day_at(s, &d, s->draft_hour);
	if (m->last_user != NUDGE_NOTIME) {
		limit = add_local_days(s, m->last_user, s->min_gap_days);
		if (f->due < limit) {
			local_day(s, limit, &d);
			next_followup(s, &d);
			f->due = day_at(s, &d, s->draft_hour);
			if (f->due < limit) {
				g_date_add_days(&d, 1);
				next_followup(s, &d);
				f->due = day_at(s, &d, s->draft_hour);
			}
			add(why, "; less than ");
			put_amount(why, s->min_gap_days, "day");
			add(why, " after your message of ");
			put_time(why, s, m->last_user);
			add(why, ", so moved to ");
			put_long_day(why, &d);
			add(why, " by F4");
		}
	}
	f->why = why;
}

/* A user message after the slot's trigger satisfies it. */
static bool satisfy(struct slot *sl, gint64 t)
{
	if (!sl->active || t < sl->since)
		return false;
	slot_drop(sl);
	return true;
}

/* A message the user sent (or a "sent" mark): see "Attribution" above. */
static void on_user(const struct et_settings *s, struct sim *m,
		    const struct et_item *it)
{
	gint64 t = it->time;
	bool satisfied = false;
	struct followup f;

	if (m->state == ET_REJECTED)
		satisfy(&m->rejection, t);
	if (m->state != ET_OPEN)
		goto out;
	if (m->withdraw_for && t >= m->withdrawal.since) {
		m->state = ET_WITHDRAWN;
		m->state_time = t;
		drop_all(m);
		goto out;
	}
	satisfied |= satisfy(&m->more_info, t);
	satisfied |= satisfy(&m->competing, t);
	if (m->thank.active && t >= m->interview) {
		if (t <= m->thank.d->expires)
			satisfied = true;
		slot_drop(&m->thank);
	}
	if (!satisfied && followups_allowed(m)) {
		compute_followup(s, m, &f, false);
		if (day_cmp(s, t, f.due) >= 0) {
			m->sent_time[m->followups_sent] = t;
			m->sent_item[m->followups_sent] = it;
			m->followups_sent++;
			if (m->followups_sent == 2)
				m->close_at = add_local_days(s, t, s->close_days);
		}
	}
out:
	if (m->last_user == NUDGE_NOTIME || t > m->last_user)
		m->last_user = t;
}

static void on_rejection(const struct et_settings *s, struct sim *m,
			 const struct et_item *it)
{
	GDate d;
	GString *why = reason_new(s, "R1: rejection received ");
	gint64 due;

	m->state = ET_REJECTED;
	m->state_time = it->time;
	drop_all(m);
	local_day(s, it->time, &d);
	g_date_add_days(&d, 1);
	next_business(s, &d);
	due = day_at(s, &d, s->reply_hour);
	put_time(why, s, it->time);
	add(why, "; reply on the next business day, ");
	put_long_day(why, &d);
	add(why, " at ");
	put_hm(why, s, due);
	slot_set(m, &m->rejection, DRAFT_REJECTION_REPLY, "R1", it->time, due,
		 make_key(m, DRAFT_REJECTION_REPLY, 0, NULL, -1, it), why);
	m->rejection.d->reply_to = it->ref;
}

static void on_references(const struct et_settings *s, struct sim *m,
			  const struct et_item *it)
{
	GString *why;

	drop_refs(m);
	m->refs_unconfigured = s->n_references == 0;
	m->n_refs = s->n_references;
	m->refs = g_new0(struct slot, m->n_refs);
	for (size_t i = 0; i < m->n_refs; i++) {
		why = reason_new(s, "P1: references requested on ");
		put_time(why, s, it->time);
		if (why)
			g_string_append_printf(why, "; notice %zu of %zu to a reference contact",
					       i + 1, m->n_refs);
		slot_set(m, &m->refs[i], DRAFT_REFERENCE_NOTICE, "P1", it->time,
			 it->time, make_key(m, DRAFT_REFERENCE_NOTICE, 0, NULL,
					    (int)i, it), why);
		m->refs[i].d->ref_index = (int)i;
	}
}

/* The date O1 asks for: the offer's deadline minus the margin in business days. */
static void o1_ask_by(const struct et_settings *s, const struct et_item *it,
		      GDate *deadline, GDate *ask)
{
	GDate offer_day;

	local_day(s, it->time, &offer_day);
	if (it->offer_deadline != NUDGE_NOTIME) {
		local_day(s, it->offer_deadline, deadline);
	} else {
		*deadline = offer_day;
		g_date_add_days(deadline, (guint)s->offer_default_days);
	}
	*ask = *deadline;
	for (int k = 0; k < s->competing_margin_days; ) {
		g_date_subtract_days(ask, 1);
		if (is_business(s, ask))
			k++;
	}
	if (g_date_compare(ask, &offer_day) < 0)
		*ask = offer_day;
}

static void offer_free(struct offer *o)
{
	g_free(o->reason);
	g_free(o);
}

static void on_offer(struct engine *e, struct sim *a, const struct et_item *it)
{
	const struct et_settings *s = e->s;
	struct offer *o = NULL;
	GDate deadline, ask;
	GString *why;

	/*
	 * Only a thread that had an interview can get one: a flag per thread
	 * is read, and only those threads' records, in memory order.
	 */
	for (size_t i = 0; i < e->n; i++) {
		struct sim *b = &e->sims[i];

		if (!e->interviewed[i] || b == a)
			continue;
		advance(b, it->time);
		if (b->state != ET_OPEN || b->dnc || b->withdraw_for ||
		    b->stage == STAGE_OFFER || b->first_interview > it->time)
			continue;
		if (!o) {
			o1_ask_by(s, it, &deadline, &ask);
			why = reason_new(s, "O1: offer in thread ");
			if (why)
				g_string_append_printf(why, "%s on ", a->th->id);
			put_date(why, s, it->time);
			add(why, ", to be answered by ");
			put_day(why, &deadline);
			add(why, it->offer_deadline != NUDGE_NOTIME ? "" :
					" (no deadline given)");
			add(why, "; ask for a decision by ");
			put_day(why, &ask);
			if (why)
				g_string_append_printf(why, " (%d business day%s before)",
						       s->competing_margin_days,
						       s->competing_margin_days == 1 ? "" : "s");
			o = g_new0(struct offer, 1);
			o->thread_id = a->th->id;
			o->it = it;
			o->reason = why ? take(why) : NULL;
			o->deadline = day_at(s, &ask, 0);
			g_ptr_array_add(e->offers, o);
		}
		/* A newer offer replaces one not answered yet (no key yet). */
		if (!b->competing.active) {
			b->competing.active = true;
			b->competing.d = g_new0(struct et_draft, 1);
		}
		b->competing.since = it->time;
		b->competing.offer = o;
		b->competing.d->thread_id = b->th->id;
		b->competing.d->thread = b->index;
		b->competing.d->kind = DRAFT_COMPETING_OFFER;
		b->competing.d->round = b->round;
		b->competing.d->ref_index = -1;
		b->competing.d->due = it->time;
		b->competing.d->expires = NUDGE_NOTIME;
		b->competing.d->deadline = o->deadline;
		b->competing.d->rule = "O1";
	}
}

/* O2: the user accepts the offer of thread a. */
static void on_accept(struct engine *e, struct sim *a, const struct et_item *it)
{
	const struct et_settings *s = e->s;
	GString *why;

	if (a->state == ET_ACCEPTED)
		return;
	a->state = ET_ACCEPTED;
	a->state_time = it->time;
	a->withdraw_for = NULL;
	drop_all(a);
	for (size_t i = 0; i < e->n; i++) {
		struct sim *b = &e->sims[i];

		if (b == a)
			continue;
		advance(b, it->time);
		if (b->state != ET_OPEN)
			continue;
		drop_all(b);
		b->withdraw_for = a->th->id;
		why = reason_new(s, "O2: you accepted the offer in thread ");
		if (why)
			g_string_append_printf(why, "%s on ", a->th->id);
		put_date(why, s, it->time);
		add(why, "; withdraw here, with thanks");
		slot_set(b, &b->withdrawal, DRAFT_WITHDRAWAL, "O2", it->time,
			 it->time, make_key(b, DRAFT_WITHDRAWAL, 0, a->th->id,
					    -1, it), why);
	}
}

static void set_decision(const struct et_settings *s, struct sim *m,
			 const struct et_item *it, bool by_user)
{
	if (day_cmp(s, it->decision, it->time) < 0) {
		m->stale_decision = it->decision;
		m->stale_said = it->time;
		return;
	}
	m->decision = it->decision;
	m->decision_is_time = it->decision_is_time;
	m->decision_by_user = by_user;
	m->stale_decision = NUDGE_NOTIME;
}

static void on_employer(struct engine *e, struct sim *m, const struct et_item *it)
{
	const struct et_settings *s = e->s;
	enum nudge_stage st = it->stage == STAGE_ACCEPTANCE ? STAGE_NONE : it->stage;
	bool answered, reset;
	GString *why;

	if (st != STAGE_NONE)
		m->stage = st;
	if (it->ref)
		m->last_employer_ref = it->ref;
	if (m->state == ET_CLOSED_NO_RESPONSE) {
		m->state = ET_OPEN;
		m->state_time = it->time;
	}
	if (m->state != ET_OPEN)
		return;
	answered = m->followups_sent > 0;
	reset = answered || st == STAGE_PENDING || st == STAGE_REFERENCES ||
		(it->decision != NUDGE_NOTIME &&
		 day_cmp(s, it->decision, it->time) >= 0);
	if (it->interview != NUDGE_NOTIME)
		set_interview(s, m, it);
	if (reset && m->cycle_item != it)
		new_cycle(s, m, FROM_MESSAGE, it);
	if (it->decision != NUDGE_NOTIME && st != STAGE_OFFER &&
	    st != STAGE_REJECTION)
		set_decision(s, m, it, false);
	switch (st) {
	case STAGE_NONE:
	case STAGE_PENDING:
		if (!answered)
			break;
		why = reason_new(s, "F7: the employer answered your follow-up on ");
		put_time(why, s, it->time);
		add(why, "; thank them and offer more information, at once");
		slot_set(m, &m->more_info, DRAFT_MORE_INFO, "F7", it->time,
			 it->time, make_key(m, DRAFT_MORE_INFO, 0, NULL, -1, it),
			 why);
		m->more_info.d->reply_to = it->ref;
		break;
	case STAGE_REFERENCES:
		on_references(s, m, it);
		break;
	case STAGE_REJECTION:
		on_rejection(s, m, it);
		break;
	case STAGE_OFFER:
		on_offer(e, m, it);
		break;
	case STAGE_DO_NOT_CONTACT:
		m->dnc = true;
		slot_drop(&m->competing);
		break;
	default:
		break;
	}
}

static void on_reopen(const struct et_settings *s, struct sim *m,
		      const struct et_item *it)
{
	bool was_open = m->state == ET_OPEN;

	m->state = ET_OPEN;
	m->state_time = it->time;
	m->dnc = false;
	if (m->withdraw_for) {
		m->withdraw_for = NULL;
		slot_drop(&m->withdrawal);
	}
	if (!was_open) {
		drop_all(m);
		new_cycle(s, m, FROM_REOPEN, it);
	}
}

static void on_item(struct engine *e, struct sim *m, const struct et_item *it)
{
	const struct et_settings *s = e->s;
	bool had_interview = m->had_interview;

	advance(m, it->time);
	switch (it->kind) {
	case ET_EMPLOYER:
		on_employer(e, m, it);
		break;
	case ET_USER:
		if (it->stage == STAGE_ACCEPTANCE) {
			on_accept(e, m, it);
			if (m->last_user == NUDGE_NOTIME || it->time > m->last_user)
				m->last_user = it->time;
		} else {
			on_user(s, m, it);
		}
		break;
	case ET_MARK_SENT:
		on_user(s, m, it);
		break;
	case ET_MARK_ACCEPT:
		on_accept(e, m, it);
		break;
	case ET_MARK_INTERVIEW:
		if (m->state == ET_OPEN)
			set_interview(s, m, it);
		break;
	case ET_MARK_DECISION:
		if (m->state != ET_OPEN)
			break;
		if (day_cmp(s, it->decision, it->time) >= 0)
			new_cycle(s, m, FROM_MARK, it);
		set_decision(s, m, it, true);
		break;
	case ET_MARK_CLOSE:
		m->state = ET_CLOSED;
		m->state_time = it->time;
		drop_all(m);
		break;
	case ET_MARK_REOPEN:
		on_reopen(s, m, it);
		break;
	case ET_MARK_IGNORE:
		m->state = ET_IGNORED;
		m->state_time = it->time;
		drop_all(m);
		break;
	}
	if (!had_interview && m->had_interview)
		e->interviewed[m->index] = true;
}

/* Why the thread is where it is, for the listing. */
static char *state_reason(const struct et_settings *s, const struct sim *m)
{
	GString *g = g_string_new(NULL);
	struct followup f;

	switch (m->state) {
	case ET_IGNORED:
		g_string_append(g, "ignored since ");
		put_date(g, s, m->state_time);
		g_string_append(g, ": nothing is written");
		break;
	case ET_CLOSED:
		g_string_append(g, "closed by you on ");
		put_date(g, s, m->state_time);
		break;
	case ET_REJECTED:
		g_string_append(g, "R1: rejected on ");
		put_date(g, s, m->state_time);
		break;
	case ET_ACCEPTED:
		g_string_append(g, "O2: you accepted this offer on ");
		put_date(g, s, m->state_time);
		break;
	case ET_WITHDRAWN:
		g_string_append(g, "O2: withdrawn on ");
		put_date(g, s, m->state_time);
		break;
	case ET_CLOSED_NO_RESPONSE:
		g_string_append(g, "F5: no answer ");
		put_amount(g, s->close_days, "day");
		g_string_append(g, " after follow-up-2 (sent ");
		put_date(g, s, m->sent_time[1]);
		g_string_append(g, "); closed on ");
		put_date(g, s, m->state_time);
		break;
	case ET_OPEN:
		if (m->withdraw_for) {
			g_string_append_printf(g, "O2: waiting for your withdrawal (offer accepted in thread %s)",
					       m->withdraw_for);
		} else if (m->stage == STAGE_OFFER) {
			g_string_append(g, "offer received; waiting for your answer");
		} else if (m->dnc) {
			g_string_append(g, "R2: the employer asked not to be contacted; no follow-ups");
		} else if (!m->had_interview) {
			g_string_append(g, "no interview time known yet (nudge mark THREAD interview=...)");
		} else if (m->followups_sent == 2) {
			g_string_append(g, "F5: follow-up-2 sent ");
			put_date(g, s, m->sent_time[1]);
			g_string_append(g, "; closes ");
			put_time(g, s, m->close_at);
			g_string_append(g, " without an answer");
		} else {
			compute_followup(s, m, &f, false);
			g_string_append(g, "waiting; ");
			g_string_append(g, draft_kind_name(f.kind));
			g_string_append(g, " due ");
			put_time(g, s, f.due);
		}
		if (m->refs_unconfigured)
			g_string_append(g, "; P1: references requested but none configured, nothing written");
		break;
	}
	return take(g);
}

static void emit(GArray *out, struct slot *sl, const char *reply_to)
{
	if (!sl->active)
		return;
	if (reply_to && !sl->d->reply_to)
		sl->d->reply_to = reply_to;
	g_array_append_val(out, *sl->d);
	g_free(sl->d);
	memset(sl, 0, sizeof(*sl));
}

/* Moves the thread's pending drafts to out, as its final state allows. */
static void emit_thread(const struct et_settings *s, struct sim *m, GArray *out)
{
	struct followup f;
	struct et_draft d;
	const struct et_item *trig;

	if (m->state == ET_REJECTED)
		emit(out, &m->rejection, NULL);
	if (m->state != ET_OPEN)
		return;
	emit(out, &m->withdrawal, m->last_employer_ref);
	if (m->withdraw_for)
		return;
	if (m->thank.active && !m->thank.d->key) {
		m->thank.d->key = make_key(m, DRAFT_THANK_YOU, m->thank.d->round,
					   NULL, -1, m->thank_key_item);
		m->thank.d->reason = s->no_reasons ? NULL : thank_reason(s, m);
	}
	emit(out, &m->thank, m->last_employer_ref);
	emit(out, &m->more_info, NULL);
	if (m->competing.active && m->competing.offer) {
		const struct offer *o = m->competing.offer;

		m->competing.d->key = make_key(m, DRAFT_COMPETING_OFFER, 0,
					      o->thread_id, -1, o->it);
		m->competing.d->reason = g_strdup(o->reason);
	}
	emit(out, &m->competing, m->last_employer_ref);
	for (size_t i = 0; i < m->n_refs; i++)
		emit(out, &m->refs[i], NULL);
	if (!followups_allowed(m))
		return;
	compute_followup(s, m, &f, !s->no_reasons);
	trig = f.trigger;
	memset(&d, 0, sizeof(d));
	d.thread_id = m->th->id;
	d.thread = m->index;
	d.kind = f.kind;
	d.round = m->round;
	d.ref_index = -1;
	d.due = f.due;
	d.expires = NUDGE_NOTIME;
	d.deadline = NUDGE_NOTIME;
	d.reply_to = m->last_employer_ref;
	d.rule = f.rule;
	d.key = make_key(m, f.kind, m->round, NULL, -1, trig);
	d.reason = f.why ? take(f.why) : NULL;
	g_array_append_val(out, d);
}

struct event {
	gint64 time;
	size_t thread, item;
};

static int cmp_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if (x->thread != y->thread)
		return x->thread < y->thread ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

static int cmp_draft(const void *a, const void *b)
{
	const struct et_draft *x = a, *y = b;
	int c;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	c = strcmp(x->thread_id, y->thread_id);
	if (c)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return (x->ref_index > y->ref_index) - (x->ref_index < y->ref_index);
}

static bool time_ok(gint64 t)
{
	return t > 0 && t <= MAX_TIME;
}

static bool opt_time_ok(gint64 t)
{
	return t == NUDGE_NOTIME || time_ok(t);
}

static int check_settings(const struct et_settings *s, GError **err)
{
	if (!s || !s->tz)
		return nudge_fail(err, NUDGE_E_CONFIG, "etiquette: no time zone");
	if (s->draft_hour < 0 || s->draft_hour > 23 ||
	    s->reply_hour < 0 || s->reply_hour > 23)
		return nudge_fail(err, NUDGE_E_CONFIG,
				  "etiquette: draft and reply hours must be 0 to 23");
	if (s->thank_you_delay_minutes < 0 || s->thank_you_expire_hours < 0 ||
	    s->interview_minutes < 0 || s->followup_after_decision_days < 0 ||
	    s->followup_no_date_days < 0 || s->min_gap_days < 0 ||
	    s->followup2_days < 0 || s->close_days < 0 ||
	    s->offer_default_days < 0 || s->competing_margin_days < 0 ||
	    s->thank_you_delay_minutes > 100000 ||
	    s->thank_you_expire_hours > 100000 ||
	    s->interview_minutes > 100000 ||
	    s->followup_after_decision_days > 3660 ||
	    s->followup_no_date_days > 3660 || s->min_gap_days > 3660 ||
	    s->followup2_days > 3660 || s->close_days > 3660 ||
	    s->offer_default_days > 3660 || s->competing_margin_days > 3660)
		return nudge_fail(err, NUDGE_E_CONFIG,
				  "etiquette: a delay is negative or too large");
	if (s->n_holidays && !s->holidays)
		return nudge_fail(err, NUDGE_E_CONFIG, "etiquette: holidays missing");
	for (size_t i = 1; i < s->n_holidays; i++)
		if (s->holidays[i - 1] > s->holidays[i])
			return nudge_fail(err, NUDGE_E_CONFIG,
					  "etiquette: holidays are not sorted");
	return 0;
}

static int check_item(const struct et_thread *th, const struct et_item *it,
		      GError **err)
{
	if ((unsigned)it->kind > ET_MARK_IGNORE)
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': unknown item kind %d",
				  th->id, (int)it->kind);
	if (!time_ok(it->time))
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': item '%s' has no usable time",
				  th->id, it->ref ? it->ref : "?");
	if ((unsigned)it->stage >= STAGE__COUNT)
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': item '%s' has an unknown stage",
				  th->id, it->ref ? it->ref : "?");
	if (!opt_time_ok(it->interview) || !opt_time_ok(it->interview_end) ||
	    !opt_time_ok(it->decision) || !opt_time_ok(it->offer_deadline))
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': item '%s' has a date out of range",
				  th->id, it->ref ? it->ref : "?");
	if (it->interview_end != NUDGE_NOTIME &&
	    (it->interview == NUDGE_NOTIME || it->interview_end < it->interview))
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': item '%s': the interview ends before it starts",
				  th->id, it->ref ? it->ref : "?");
	if (it->kind == ET_MARK_INTERVIEW && it->interview == NUDGE_NOTIME)
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': interview mark without a time",
				  th->id);
	if (it->kind == ET_MARK_DECISION && it->decision == NUDGE_NOTIME)
		return nudge_fail(err, NUDGE_E_DATA, "thread '%s': decision mark without a date",
				  th->id);
	return 0;
}

static int check_input(const struct et_thread *threads, size_t n, GError **err)
{
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	int ret;

	if (n && !threads)
		return nudge_fail(err, NUDGE_E_DATA, "etiquette: no threads given");
	for (size_t i = 0; i < n; i++) {
		const struct et_thread *th = &threads[i];

		if (!th->id || !*th->id)
			return nudge_fail(err, NUDGE_E_DATA, "etiquette: a thread has no id");
		if (th->n_items && !th->items)
			return nudge_fail(err, NUDGE_E_DATA, "thread '%s': items missing",
					  th->id);
		if (!g_hash_table_add(seen, (gpointer)th->id))
			return nudge_fail(err, NUDGE_E_DATA, "thread '%s' given twice",
					  th->id);
		for (size_t k = 0; k < th->n_items; k++) {
			ret = check_item(th, &th->items[k], err);
			if (ret)
				return ret;
		}
	}
	return 0;
}

int etiquette_run(const struct et_settings *s, const struct et_thread *threads,
		  size_t n_threads, gint64 now, struct et_result *out, GError **err)
{
	struct et_calendar cal = { .tz = s ? s->tz : NULL };
	struct et_settings with_cal;
	struct engine e = { .s = s, .sims = NULL, .n = n_threads,
			    .offers = g_ptr_array_new_with_free_func((GDestroyNotify)offer_free) };
	struct event *ev = NULL;
	GArray *drafts = NULL;
	size_t n_ev = 0, k = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = check_settings(s, err);
	if (ret)
		goto out;
	with_cal = *s;
	with_cal.cal = &cal;
	s = e.s = &with_cal;
	ret = check_input(threads, n_threads, err);
	if (ret)
		goto out;
	if (!time_ok(now)) {
		ret = nudge_fail(err, NUDGE_E_DATA, "etiquette: the clock is out of range");
		goto out;
	}
	e.sims = g_new0(struct sim, n_threads);
	e.interviewed = g_new0(bool, n_threads);
	for (size_t i = 0; i < n_threads; i++) {
		e.sims[i].th = &threads[i];
		e.sims[i].index = i;
		e.sims[i].state = ET_OPEN;
		e.sims[i].round = 1;
		n_ev += threads[i].n_items;
	}
	ev = g_new0(struct event, n_ev);
	for (size_t i = 0; i < n_threads; i++) {
		for (size_t j = 0; j < threads[i].n_items; j++) {
			if (threads[i].items[j].time > now)
				continue;
			ev[k].time = threads[i].items[j].time;
			ev[k].thread = i;
			ev[k].item = j;
			k++;
		}
	}
	n_ev = k;
	if (n_ev)
		qsort(ev, n_ev, sizeof(*ev), cmp_event);
	for (k = 0; k < n_ev; k++)
		on_item(&e, &e.sims[ev[k].thread],
			&threads[ev[k].thread].items[ev[k].item]);

	drafts = g_array_new(FALSE, TRUE, sizeof(struct et_draft));
	out->states = g_new0(struct et_thread_state, n_threads);
	out->n_states = n_threads;
	for (size_t i = 0; i < n_threads; i++) {
		struct sim *m = &e.sims[i];
		struct et_thread_state *st = &out->states[i];

		advance(m, now);
		st->thread_id = m->th->id;
		st->state = m->state;
		st->stage = m->stage;
		st->interview = m->had_interview ? m->interview : NUDGE_NOTIME;
		st->decision = m->had_interview && decision_usable(s, m) ?
			       m->decision : NUDGE_NOTIME;
		st->round = m->round;
		st->followups_sent = m->followups_sent;
		st->do_not_contact = m->dnc;
		st->reason = s->no_reasons ? NULL : state_reason(s, m);
		emit_thread(s, m, drafts);
	}
	out->n_drafts = drafts->len;
	out->drafts = (struct et_draft *)(void *)g_array_free(drafts, FALSE);
	if (out->n_drafts)
		qsort(out->drafts, out->n_drafts, sizeof(struct et_draft), cmp_draft);
	ret = 0;
out:
	if (e.sims) {
		for (size_t i = 0; i < n_threads; i++)
			drop_all(&e.sims[i]);
		g_free(e.sims);
	}
	g_free(ev);
	g_free(e.interviewed);
	g_ptr_array_unref(e.offers);
	return ret;
}

void et_result_clear(struct et_result *r)
{
	for (size_t i = 0; i < r->n_drafts; i++) {
		g_free(r->drafts[i].key);
		g_free(r->drafts[i].reason);
	}
	g_free(r->drafts);
	for (size_t i = 0; i < r->n_states; i++)
		g_free(r->states[i].reason);
	g_free(r->states);
	memset(r, 0, sizeof(*r));
}
