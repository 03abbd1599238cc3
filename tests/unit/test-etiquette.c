/*
 * Unit tests of the etiquette engine: every worked example of ETIQUETTE.md
 * in two zones, and the edges around each rule.
 */
#include <string.h>

#include "etiquette.h"

static const char *const zones[] = { "Europe/Berlin", "America/New_York" };
#define N_ZONES G_N_ELEMENTS(zones)

/* The fixture of one test in one zone. */
struct fx {
	GTimeZone *tz;
	struct et_settings s;
	struct et_result r;
};

static void fx_init(struct fx *f, const char *zone)
{
	f->tz = g_time_zone_new_identifier(zone);
	g_assert_nonnull(f->tz);
	et_settings_init(&f->s, f->tz);
	memset(&f->r, 0, sizeof(f->r));
}

static void fx_clear(struct fx *f)
{
	et_result_clear(&f->r);
	g_time_zone_unref(f->tz);
}

/* Local time in the fixture's zone, 2026 unless the month says otherwise. */
static gint64 lt(const struct fx *f, int mon, int day, int hour, int min)
{
	GDateTime *dt = g_date_time_new(f->tz, 2026, mon, day, hour, min, 0);
	gint64 t = g_date_time_to_unix(dt);

	g_date_time_unref(dt);
	return t;
}

static struct et_item emp(gint64 t, enum nudge_stage stage, const char *ref)
{
	struct et_item it;

	memset(&it, 0, sizeof(it));
	it.kind = ET_EMPLOYER;
	it.time = t;
	it.stage = stage;
	it.ref = ref;
	return it;
}

static struct et_item usr(gint64 t, const char *ref)
{
	struct et_item it;

	memset(&it, 0, sizeof(it));
	it.kind = ET_USER;
	it.time = t;
	it.ref = ref;
	return it;
}

static struct et_item mark(enum et_item_kind kind, gint64 t, const char *ref)
{
	struct et_item it;

	memset(&it, 0, sizeof(it));
	it.kind = kind;
	it.time = t;
	it.ref = ref;
	return it;
}

/* An invitation sent at t for an interview at start (one hour). */
static struct et_item invite(gint64 t, gint64 start, const char *ref)
{
	struct et_item it = emp(t, STAGE_INVITATION, ref);

	it.interview = start;
	return it;
}

static void run_threads(struct fx *f, const struct et_thread *th, size_t n,
			gint64 now)
{
	GError *err = NULL;
	int ret;

	et_result_clear(&f->r);
	ret = etiquette_run(&f->s, th, n, now, &f->r, &err);
	g_assert_no_error(err);
	g_assert_cmpint(ret, ==, 0);
	g_assert_cmpuint(f->r.n_states, ==, n);
}

static void run1(struct fx *f, const struct et_item *items, size_t n, gint64 now)
{
	struct et_thread th = { .id = "t1", .items = items, .n_items = n };

	run_threads(f, &th, 1, now);
}

static const struct et_draft *find(const struct fx *f, const char *thread,
				   enum draft_kind kind)
{
	for (size_t i = 0; i < f->r.n_drafts; i++)
		if (strcmp(f->r.drafts[i].thread_id, thread) == 0 &&
		    f->r.drafts[i].kind == kind)
			return &f->r.drafts[i];
	return NULL;
}

static size_t count_kind(const struct fx *f, const char *thread,
			 enum draft_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < f->r.n_drafts; i++)
		if (strcmp(f->r.drafts[i].thread_id, thread) == 0 &&
		    f->r.drafts[i].kind == kind)
			n++;
	return n;
}

static const struct et_thread_state *state_of(const struct fx *f, const char *thread)
{
	for (size_t i = 0; i < f->r.n_states; i++)
		if (strcmp(f->r.states[i].thread_id, thread) == 0)
			return &f->r.states[i];
	g_assert_not_reached();
	return NULL;
}

/* Asserts a draft of that kind exists, due at due, and returns it. */
static const struct et_draft *expect(const struct fx *f, const char *thread,
				     enum draft_kind kind, gint64 due)
{
	const struct et_draft *d = find(f, thread, kind);

	if (!d)
		g_error("no %s draft in %s", draft_kind_name(kind), thread);
	if (d->due != due) {
		GDateTime *a = g_date_time_new_from_unix_local(d->due);
		GDateTime *b = g_date_time_new_from_unix_local(due);
		char *sa = g_date_time_format_iso8601(a);
		char *sb = g_date_time_format_iso8601(b);

		g_error("%s in %s: due %s, expected %s (%s)", draft_kind_name(kind),
			thread, sa, sb, d->reason);
	}
	g_assert_nonnull(d->key);
	g_assert_nonnull(d->reason);
	g_assert_nonnull(d->rule);
	return d;
}

static void expect_none(const struct fx *f, const char *thread, enum draft_kind kind)
{
	const struct et_draft *d = find(f, thread, kind);

	if (d)
		g_error("unexpected %s draft in %s: %s", draft_kind_name(kind),
			thread, d->reason);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		g_error("'%s' does not contain '%s'", hay ? hay : "(null)", needle);
}

/* The local hour and weekday of t. */
static void assert_local(const struct fx *f, gint64 t, int wday, int hour)
{
	GDateTime *u = g_date_time_new_from_unix_utc(t);
	GDateTime *l = g_date_time_to_timezone(u, f->tz);

	g_assert_cmpint(g_date_time_get_day_of_week(l), ==, wday);
	g_assert_cmpint(g_date_time_get_hour(l), ==, hour);
	g_assert_cmpint(g_date_time_get_minute(l), ==, 0);
	g_date_time_unref(l);
	g_date_time_unref(u);
}

/* Worked example 1: interview Tue 3 Mar 10:00-11:00, no date given. */
static void ex_no_date(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 3, 12, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 13, 0));
	g_assert_cmpstr(d->rule, ==, "T1");
	g_assert_cmpint(d->expires, ==, lt(f, 3, 3, 11, 0) + 72 * 3600);
	g_assert_cmpint(d->round, ==, 1);
	g_assert_cmpint(d->ref_index, ==, -1);
	assert_contains(d->reason, "T1: interview Tue 3 Mar 10:00-11:00");
	assert_contains(d->reason, "2 hours after it ends");
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F2");
	assert_contains(d->reason, "F2: no decision date; 7 days after the interview (Tue 3 Mar)");
	assert_local(f, d->due, 2, 9);
	g_assert_cmpuint(f->r.n_drafts, ==, 2);
	g_assert_true(f->r.drafts[0].kind == DRAFT_THANK_YOU);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	g_assert_cmpint(state_of(f, "t1")->interview, ==, lt(f, 3, 3, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->round, ==, 1);
}

/* Worked example 2: "we will decide by Friday" gives Tuesday. */
static void ex_decide_friday(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 4, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 4, 16, 0), STAGE_PENDING, "<pend@acme>"),
	};
	const struct et_draft *d;

	it[1].decision = lt(f, 3, 6, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 17, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F1");
	assert_contains(d->reason, "F1: decision promised Fri 6 Mar; +1 day is Saturday 7 Mar");
	assert_contains(d->reason, "moved to Tuesday 10 Mar by F3");
	g_assert_cmpint(state_of(f, "t1")->decision, ==, lt(f, 3, 6, 0, 0));
}

/* Worked example 3: "within three days" from Mon 2 Mar gives Fri 6 Mar. */
static void ex_three_days(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 25, 9, 0), lt(f, 3, 2, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 2, 14, 0), STAGE_PENDING, "<pend@acme>"),
	};
	const struct et_draft *d;

	it[1].decision = lt(f, 3, 5, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 2, 15, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 6, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F1");
	g_assert_null(strstr(d->reason, "F3"));
}

/* Worked example 4: follow-up-2 and closed-no-response. */
static void ex_followup_two(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 5, 14, 0), "<thanks@me>"),
		usr(lt(f, 3, 12, 10, 0), "<fu1@me>"),
		usr(lt(f, 3, 19, 10, 0), "<fu2@me>"),
	};
	const struct et_draft *d;

	run1(f, it, 2, lt(f, 3, 6, 9, 0));
	expect_none(f, "t1", DRAFT_THANK_YOU);
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));

	run1(f, it, 3, lt(f, 3, 12, 11, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_2, lt(f, 3, 19, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F5");
	assert_contains(d->reason, "follow-up-1 sent Thu 12 Mar");
	expect_none(f, "t1", DRAFT_FOLLOW_UP_1);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 1);

	run1(f, it, 4, lt(f, 3, 25, 23, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 2);
	assert_contains(state_of(f, "t1")->reason, "closes Thu 26 Mar");

	run1(f, it, 4, lt(f, 3, 26, 10, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_CLOSED_NO_RESPONSE);
	assert_contains(state_of(f, "t1")->reason, "closed on Thu 26 Mar");
}

/* Worked example 5: a rejection on Friday evening is answered on Monday. */
static void ex_rejection(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 10, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 10, 13, 0), "<thanks@me>"),
		emp(lt(f, 3, 13, 17, 40), STAGE_REJECTION, "<no@acme>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 13, 18, 0));
	d = expect(f, "t1", DRAFT_REJECTION_REPLY, lt(f, 3, 16, 9, 0));
	g_assert_cmpstr(d->rule, ==, "R1");
	g_assert_cmpstr(d->reply_to, ==, "<no@acme>");
	assert_local(f, d->due, 1, 9);
	g_assert_cmpuint(f->r.n_drafts, ==, 1);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_REJECTED);
	g_assert_cmpint(state_of(f, "t1")->stage, ==, STAGE_REJECTION);

	/* No follow-up ever, even weeks later. */
	run1(f, it, G_N_ELEMENTS(it), lt(f, 5, 1, 9, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 1);
}

/* Worked example 6: an answer to follow-up-1 with a new date. */
static void ex_answer_resets(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		usr(lt(f, 3, 10, 9, 30), "<fu1@me>"),
		emp(lt(f, 3, 11, 11, 0), STAGE_PENDING, "<still@acme>"),
	};
	const struct et_draft *d;

	it[3].decision = lt(f, 3, 20, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 11, 11, 5));
	d = expect(f, "t1", DRAFT_MORE_INFO, lt(f, 3, 11, 11, 0));
	g_assert_cmpstr(d->rule, ==, "F7");
	g_assert_cmpstr(d->reply_to, ==, "<still@acme>");
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 24, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F1");
	assert_contains(d->reason, "Saturday 21 Mar");
	expect_none(f, "t1", DRAFT_FOLLOW_UP_2);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
}

/* Worked example 7: an offer elsewhere asks B to decide by Thu 19 Mar. */
static void ex_competing(struct fx *f)
{
	struct et_item a[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		emp(lt(f, 3, 16, 10, 0), STAGE_OFFER, "<offer@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
		usr(lt(f, 3, 9, 17, 0), "<thanks@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
	};
	const struct et_draft *d;

	a[1].offer_deadline = lt(f, 3, 23, 0, 0);
	run_threads(f, th, 2, lt(f, 3, 16, 10, 30));
	d = expect(f, "B", DRAFT_COMPETING_OFFER, lt(f, 3, 16, 10, 0));
	g_assert_cmpstr(d->rule, ==, "O1");
	g_assert_cmpint(d->deadline, ==, lt(f, 3, 19, 0, 0));
	assert_contains(d->reason, "decision by Thu 19 Mar");
	expect_none(f, "A", DRAFT_COMPETING_OFFER);
	expect_none(f, "A", DRAFT_FOLLOW_UP_1);
	g_assert_cmpint(state_of(f, "A")->stage, ==, STAGE_OFFER);
	g_assert_cmpint(state_of(f, "A")->state, ==, ET_OPEN);
	/* B's own follow-up clock still runs. */
	expect(f, "B", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0));
}

/* The clock moves by local days: 09:00 stays 09:00 across DST. */
static void dst_between(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 20, 9, 0), lt(f, 3, 26, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 26, 13, 0), "<thanks@me>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 27, 9, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 4, 2, 9, 0));
	assert_local(f, d->due, 4, 9);
	/* One of the two zones has an hour less in that week. */
	g_assert_cmpint((d->due - lt(f, 3, 26, 9, 0)) % 3600, ==, 0);
}

static void dst_us_week(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
	};
	const struct et_draft *d;
	gint64 span;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 3, 9, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	span = d->due - lt(f, 3, 3, 9, 0);
	if (strcmp(g_time_zone_get_identifier(f->tz), "America/New_York") == 0)
		g_assert_cmpint(span, ==, 7 * 86400 - 3600);
	else
		g_assert_cmpint(span, ==, 7 * 86400);
	assert_local(f, d->due, 2, 9);
}

/* T1 across the night of the change: two hours are two real hours. */
static void dst_thank_you(struct fx *f)
{
	gint64 start = strcmp(g_time_zone_get_identifier(f->tz), "Europe/Berlin") == 0 ?
		       lt(f, 3, 29, 0, 30) : lt(f, 3, 8, 0, 30);
	struct et_item it[] = {
		invite(start - 86400 * 3, start, "<inv@acme>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), start);
	d = expect(f, "t1", DRAFT_THANK_YOU, start + 3 * 3600);
	assert_contains(d->reason, "00:30-01:30");
}

static const gint32 easter[] = { 20260403, 20260406, 20260407 };

/* Good Friday and Easter Monday, plus a made-up Tuesday off. */
static void holidays_followup(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 25, 9, 0), lt(f, 3, 31, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 31, 15, 0), STAGE_PENDING, "<pend@acme>"),
	};
	const struct et_draft *d;

	f->s.holidays = easter;
	f->s.n_holidays = G_N_ELEMENTS(easter);
	run1(f, it, 1, lt(f, 3, 31, 9, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 4, 8, 9, 0));
	assert_contains(d->reason, "Tuesday 7 Apr, a holiday; moved to Wednesday 8 Apr by F3");

	it[1].decision = lt(f, 4, 2, 0, 0);
	run1(f, it, 2, lt(f, 3, 31, 16, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 4, 8, 9, 0));
	assert_contains(d->reason, "Friday 3 Apr, a holiday");
}

static void holidays_rejection(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 25, 9, 0), lt(f, 3, 30, 10, 0), "<inv@acme>"),
		emp(lt(f, 4, 2, 16, 0), STAGE_REJECTION, "<no@acme>"),
	};

	f->s.holidays = easter;
	f->s.n_holidays = 2;
	run1(f, it, G_N_ELEMENTS(it), lt(f, 4, 2, 17, 0));
	expect(f, "t1", DRAFT_REJECTION_REPLY, lt(f, 4, 7, 9, 0));
}

/* A decision date already past when stated is ignored: F2 from the message. */
static void decision_past(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 20, 11, 0), STAGE_PENDING, "<late@acme>"),
	};
	const struct et_draft *d;

	it[1].decision = lt(f, 3, 15, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 20, 12, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 27, 9, 0));
	g_assert_cmpstr(d->rule, ==, "F2");
	assert_contains(d->reason, "Sun 15 Mar was already past when stated on Fri 20 Mar");
	assert_contains(d->reason, "the employer's message of Fri 20 Mar");
	g_assert_cmpint(state_of(f, "t1")->decision, ==, NUDGE_NOTIME);
	/* Stated the same day, it is still good. */
	it[1].decision = lt(f, 3, 20, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 20, 12, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 24, 9, 0));
}

static void compare_results(const struct et_result *a, const struct et_result *b)
{
	g_assert_cmpuint(a->n_drafts, ==, b->n_drafts);
	for (size_t i = 0; i < a->n_drafts; i++) {
		g_assert_cmpstr(a->drafts[i].key, ==, b->drafts[i].key);
		g_assert_cmpint(a->drafts[i].due, ==, b->drafts[i].due);
		g_assert_cmpstr(a->drafts[i].reason, ==, b->drafts[i].reason);
	}
	g_assert_cmpuint(a->n_states, ==, b->n_states);
	for (size_t i = 0; i < a->n_states; i++) {
		g_assert_cmpint(a->states[i].state, ==, b->states[i].state);
		g_assert_cmpstr(a->states[i].reason, ==, b->states[i].reason);
	}
}

/* Items in any order give the same result. */
static void out_of_order(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		usr(lt(f, 3, 10, 9, 30), "<fu1@me>"),
		emp(lt(f, 3, 11, 11, 0), STAGE_PENDING, "<still@acme>"),
	};
	struct et_item rev[G_N_ELEMENTS(it)];
	struct et_result first;

	it[3].decision = lt(f, 3, 20, 0, 0);
	for (size_t i = 0; i < G_N_ELEMENTS(it); i++)
		rev[i] = it[G_N_ELEMENTS(it) - 1 - i];
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 12, 0, 0));
	first = f->r;
	memset(&f->r, 0, sizeof(f->r));
	run1(f, rev, G_N_ELEMENTS(rev), lt(f, 3, 12, 0, 0));
	compare_results(&first, &f->r);
	expect(f, "t1", DRAFT_MORE_INFO, lt(f, 3, 11, 11, 0));
	et_result_clear(&first);
}

/* A user message before the interview: T1 still due, F4 counts it. */
static void user_before_interview(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 2, 28, 10, 0), "<confirm@me>"),
		usr(lt(f, 3, 9, 15, 0), "<early@me>"),
	};
	const struct et_draft *d;

	run1(f, it, 2, lt(f, 3, 3, 9, 0));
	expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 13, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	/* A message on Monday afternoon keeps the follow-up off until Thursday (F4). */
	run1(f, it, 3, lt(f, 3, 9, 16, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));
	assert_contains(d->reason, "after your message of Mon 9 Mar 15:00, so moved to Thursday 12 Mar by F4");
	expect_none(f, "t1", DRAFT_THANK_YOU);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
}

/* T1 is not due once the user wrote after the interview started. */
static void thank_you_already_sent(struct fx *f)
{
	struct et_item it[] = {
		mark(ET_MARK_INTERVIEW, lt(f, 3, 4, 8, 0), "m1"),
		usr(lt(f, 3, 3, 15, 0), "<thanks@me>"),
	};

	it[0].interview = lt(f, 3, 3, 10, 0);
	/* The interview is marked after the fact: the message still counts. */
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 9, 0));
	expect_none(f, "t1", DRAFT_THANK_YOU);
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	/* Without the message, it is listed with its expiry. */
	run1(f, it, 1, lt(f, 3, 4, 9, 0));
	g_assert_cmpint(expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 13, 0))->expires,
			==, lt(f, 3, 3, 11, 0) + 72 * 3600);
}

/* Two threads with the same company are scheduled independently. */
static void same_company(struct fx *f)
{
	struct et_item a[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv1@acme>"),
		emp(lt(f, 3, 5, 9, 0), STAGE_REJECTION, "<no1@acme>"),
	};
	struct et_item b[] = {
		invite(lt(f, 2, 27, 9, 5), lt(f, 3, 4, 10, 0), "<inv2@acme>"),
		usr(lt(f, 3, 4, 12, 0), "<thanks2@me>"),
	};
	struct et_thread th[] = {
		{ .id = "acme-dev", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "acme-ops", .items = b, .n_items = G_N_ELEMENTS(b) },
	};

	run_threads(f, th, 2, lt(f, 3, 5, 10, 0));
	g_assert_cmpint(state_of(f, "acme-dev")->state, ==, ET_REJECTED);
	expect(f, "acme-dev", DRAFT_REJECTION_REPLY, lt(f, 3, 6, 9, 0));
	expect_none(f, "acme-dev", DRAFT_FOLLOW_UP_1);
	g_assert_cmpint(state_of(f, "acme-ops")->state, ==, ET_OPEN);
	expect(f, "acme-ops", DRAFT_FOLLOW_UP_1, lt(f, 3, 11, 9, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 2);
}

/* R2: no follow-ups after do-not-contact, but replies still come. */
static void dnc_then_message(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 3, 16, 0), STAGE_DO_NOT_CONTACT, "<dnc@acme>"),
		invite(lt(f, 3, 16, 9, 0), lt(f, 3, 18, 10, 0), "<round2@acme>"),
		emp(lt(f, 3, 27, 16, 0), STAGE_REJECTION, "<no@acme>"),
	};
	const struct et_draft *d;

	run1(f, it, 2, lt(f, 3, 3, 17, 0));
	expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 13, 0));
	expect_none(f, "t1", DRAFT_FOLLOW_UP_1);
	g_assert_true(state_of(f, "t1")->do_not_contact);
	assert_contains(state_of(f, "t1")->reason, "R2");

	run1(f, it, 3, lt(f, 3, 18, 12, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 18, 13, 0));
	g_assert_cmpint(d->round, ==, 2);
	expect_none(f, "t1", DRAFT_FOLLOW_UP_1);
	g_assert_cmpint(state_of(f, "t1")->stage, ==, STAGE_INVITATION);

	run1(f, it, 4, lt(f, 3, 27, 17, 0));
	expect(f, "t1", DRAFT_REJECTION_REPLY, lt(f, 3, 30, 9, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 1);
}

/* R2: a message sent by hand is no follow-up, so nothing answers one. */
static void dnc_more_info(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 12, 0), "<thanks@me>"),
		emp(lt(f, 3, 4, 16, 0), STAGE_DO_NOT_CONTACT, "<dnc@acme>"),
		mark(ET_MARK_SENT, lt(f, 3, 10, 10, 0), "sent1"),
		emp(lt(f, 3, 12, 16, 0), STAGE_PENDING, "<pend@acme>"),
	};

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 12, 17, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
	/* Follow-up-1 sent, then the request: it answers it and ends the cycle. */
	it[2].time = lt(f, 3, 11, 16, 0);
	run1(f, it, 4, lt(f, 3, 20, 17, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
	g_assert_true(state_of(f, "t1")->do_not_contact);
}

/* An employer answer after closed-no-response re-opens the thread. */
static void reopen_by_answer(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 12, 10, 0), "<fu1@me>"),
		usr(lt(f, 3, 19, 10, 0), "<fu2@me>"),
		emp(lt(f, 3, 30, 10, 0), STAGE_PENDING, "<sorry@acme>"),
	};

	run1(f, it, 3, lt(f, 3, 29, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_CLOSED_NO_RESPONSE);
	run1(f, it, 4, lt(f, 3, 30, 11, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
	expect(f, "t1", DRAFT_MORE_INFO, lt(f, 3, 30, 10, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 4, 7, 9, 0));
}

/* F6: an unsent follow-up-1 stays the next one; there is no follow-up-2. */
static void discarded_draft(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
	};

	run1(f, it, G_N_ELEMENTS(it), lt(f, 4, 20, 9, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	expect_none(f, "t1", DRAFT_FOLLOW_UP_2);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
}

/* A message sent the day before follow-up-1 is due is not follow-up-1. */
static void early_message(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		usr(lt(f, 3, 9, 10, 0), "<early@me>"),
		usr(lt(f, 3, 12, 8, 0), "<fu1@me>"),
	};

	run1(f, it, 3, lt(f, 3, 9, 11, 0));
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));
	/* Sent early on the day it is due, it counts. */
	run1(f, it, 4, lt(f, 3, 12, 9, 0));
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 1);
	expect(f, "t1", DRAFT_FOLLOW_UP_2, lt(f, 3, 19, 9, 0));
}

/* F4 pushes follow-up-2 after a later user message. */
static void f4_followup2(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 12, 10, 0), "<fu1@me>"),
		usr(lt(f, 3, 18, 20, 0), "<ps@me>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 18, 21, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_2, lt(f, 3, 24, 9, 0));
	assert_contains(d->reason, "F4");
}

/* N1: a reschedule before the interview is the same round. */
static void reschedule(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 20, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		invite(lt(f, 2, 28, 9, 0), lt(f, 3, 5, 14, 0), "<moved@acme>"),
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 5, 14, 0), "<ics@acme>"),
	};
	const struct et_draft *d;

	it[1].interview_end = lt(f, 3, 5, 15, 30);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 5, 9, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 5, 17, 30));
	g_assert_cmpint(d->round, ==, 1);
	g_assert_cmpstr(d->key, ==, "t1/thank-you/r1/<moved@acme>");
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));
	g_assert_cmpint(state_of(f, "t1")->round, ==, 1);
	g_assert_cmpuint(f->r.n_drafts, ==, 2);
}

/* N1: a second interview after the first starts a new round. */
static void new_round(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		usr(lt(f, 3, 10, 10, 0), "<fu1@me>"),
		invite(lt(f, 3, 11, 9, 0), lt(f, 3, 16, 10, 0), "<round2@acme>"),
		invite(lt(f, 3, 12, 9, 0), lt(f, 3, 3, 10, 0), "<quote@acme>"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 12, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->round, ==, 2);
	g_assert_cmpint(state_of(f, "t1")->followups_sent, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->interview, ==, lt(f, 3, 16, 10, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 16, 13, 0));
	g_assert_cmpint(d->round, ==, 2);
	g_assert_cmpstr(d->key, ==, "t1/thank-you/r2/<round2@acme>");
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 24, 9, 0));
	g_assert_cmpstr(d->key, ==, "t1/follow-up-1/r2/<round2@acme>");
	/* An invitation answers follow-up-1, but asks for no more-info. */
	expect_none(f, "t1", DRAFT_MORE_INFO);
}

/* N2: keys identify the trigger and do not move with unrelated items. */
static void stable_keys(struct fx *f)
{
	struct et_item a[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		usr(lt(f, 3, 10, 9, 30), "<fu1@me>"),
		emp(lt(f, 3, 12, 11, 0), STAGE_REFERENCES, "<refs@acme>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 6, 10, 0), NULL),
		emp(lt(f, 3, 13, 9, 0), STAGE_NONE, "<hello@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = 1 },
		{ .id = "B", .items = b, .n_items = 1 },
	};
	char *ty, *fu1, *tyb, *want;

	f->s.n_references = 2;
	run_threads(f, th, 2, lt(f, 3, 3, 9, 0));
	ty = g_strdup(expect(f, "A", DRAFT_THANK_YOU, lt(f, 3, 3, 13, 0))->key);
	fu1 = g_strdup(expect(f, "A", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0))->key);
	tyb = g_strdup(find(f, "B", DRAFT_THANK_YOU)->key);
	g_assert_cmpstr(ty, ==, "A/thank-you/r1/<inv@acme>");
	g_assert_cmpstr(fu1, ==, "A/follow-up-1/r1/<inv@acme>");
	want = g_strdup_printf("B/thank-you/r1/@%" G_GINT64_FORMAT, b[0].time);
	g_assert_cmpstr(tyb, ==, want);
	g_free(want);

	/* Later, unrelated items in A and in B. */
	th[1].n_items = 2;
	run_threads(f, th, 2, lt(f, 3, 3, 12, 0));
	g_assert_cmpstr(find(f, "A", DRAFT_FOLLOW_UP_1)->key, ==, fu1);
	g_assert_cmpstr(find(f, "A", DRAFT_THANK_YOU)->key, ==, ty);
	g_assert_cmpstr(find(f, "B", DRAFT_THANK_YOU)->key, ==, tyb);
	th[0].n_items = 2;
	run_threads(f, th, 2, lt(f, 3, 4, 12, 0));
	g_assert_cmpstr(find(f, "A", DRAFT_FOLLOW_UP_1)->key, ==, fu1);

	/* Follow-up-2 is keyed by the message that sent follow-up-1. */
	th[0].n_items = 3;
	run_threads(f, th, 2, lt(f, 3, 11, 12, 0));
	g_assert_cmpstr(find(f, "A", DRAFT_FOLLOW_UP_2)->key, ==,
			"A/follow-up-2/r1/<fu1@me>");

	/* P1: one key per reference, all different. */
	th[0].n_items = 4;
	run_threads(f, th, 2, lt(f, 3, 12, 12, 0));
	g_assert_cmpuint(count_kind(f, "A", DRAFT_REFERENCE_NOTICE), ==, 2);
	for (size_t i = 0; i < f->r.n_drafts; i++)
		for (size_t j = i + 1; j < f->r.n_drafts; j++)
			g_assert_cmpstr(f->r.drafts[i].key, !=, f->r.drafts[j].key);
	g_free(ty);
	g_free(fu1);
	g_free(tyb);
}

/* O1 without a deadline, and the threads that get no competing-offer. */
static void competing_filters(struct fx *f)
{
	gint64 offer = lt(f, 3, 16, 10, 0);
	struct et_item a[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		emp(offer, STAGE_OFFER, "<offer@a>"),
	};
	struct et_item b[] = {	/* interviewed: gets one */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
	};
	struct et_item c[] = {	/* interview still to come */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 18, 14, 0), "<inv@c>"),
	};
	struct et_item d[] = {	/* rejected */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@d>"),
		emp(lt(f, 3, 10, 9, 0), STAGE_REJECTION, "<no@d>"),
	};
	struct et_item e[] = {	/* do not contact */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@e>"),
		emp(lt(f, 3, 10, 9, 0), STAGE_DO_NOT_CONTACT, "<dnc@e>"),
	};
	struct et_item g[] = {	/* ignored */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@g>"),
		mark(ET_MARK_IGNORE, lt(f, 3, 7, 9, 0), "ign"),
	};
	struct et_item h[] = {	/* no interview at all */
		emp(lt(f, 3, 2, 9, 0), STAGE_INVITATION, "<inv@h>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
		{ .id = "C", .items = c, .n_items = G_N_ELEMENTS(c) },
		{ .id = "D", .items = d, .n_items = G_N_ELEMENTS(d) },
		{ .id = "E", .items = e, .n_items = G_N_ELEMENTS(e) },
		{ .id = "G", .items = g, .n_items = G_N_ELEMENTS(g) },
		{ .id = "H", .items = h, .n_items = G_N_ELEMENTS(h) },
	};
	const struct et_draft *dr;

	run_threads(f, th, G_N_ELEMENTS(th), lt(f, 3, 16, 11, 0));
	dr = expect(f, "B", DRAFT_COMPETING_OFFER, offer);
	g_assert_cmpint(dr->deadline, ==, lt(f, 3, 19, 0, 0));
	assert_contains(dr->reason, "to be answered by Mon 23 Mar (no deadline given)");
	g_assert_cmpstr(dr->key, ==, "B/competing-offer/A/<offer@a>");
	for (size_t i = 0; i < G_N_ELEMENTS(th); i++)
		if (strcmp(th[i].id, "B") != 0)
			expect_none(f, th[i].id, DRAFT_COMPETING_OFFER);
	g_assert_cmpint(state_of(f, "G")->state, ==, ET_IGNORED);
	assert_contains(state_of(f, "H")->reason, "no interview time");

	/* Before the offer, nobody gets one. */
	run_threads(f, th, G_N_ELEMENTS(th), lt(f, 3, 16, 9, 0));
	expect_none(f, "B", DRAFT_COMPETING_OFFER);
}

/* O1: the sent competing-offer is not listed again; a deadline close by is clamped. */
static void competing_sent_and_clamped(struct fx *f)
{
	gint64 offer = lt(f, 3, 16, 10, 0);
	struct et_item a[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		emp(offer, STAGE_OFFER, "<offer@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
		usr(lt(f, 3, 9, 17, 0), "<thanks@b>"),
		usr(lt(f, 3, 16, 12, 0), "<asked@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
	};

	run_threads(f, th, 2, lt(f, 3, 16, 13, 0));
	expect_none(f, "B", DRAFT_COMPETING_OFFER);
	/* Not a follow-up either: follow-up-1 still to come, pushed by F4. */
	g_assert_cmpint(state_of(f, "B")->followups_sent, ==, 0);
	expect(f, "B", DRAFT_FOLLOW_UP_1, lt(f, 3, 19, 9, 0));

	a[1].offer_deadline = lt(f, 3, 17, 0, 0);
	th[1].n_items = 2;
	run_threads(f, th, 2, lt(f, 3, 16, 13, 0));
	g_assert_cmpint(expect(f, "B", DRAFT_COMPETING_OFFER, offer)->deadline,
			==, lt(f, 3, 16, 0, 0));
}

/* O2: accepting an offer asks for a withdrawal everywhere else. */
static void acceptance(struct fx *f)
{
	gint64 acc = lt(f, 3, 18, 10, 0);
	struct et_item a[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		emp(lt(f, 3, 16, 10, 0), STAGE_OFFER, "<offer@a>"),
		usr(acc, "<yes@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
		usr(lt(f, 3, 19, 9, 0), "<bye@b>"),
	};
	struct et_item c[] = {
		emp(lt(f, 3, 2, 9, 0), STAGE_INVITATION, "<inv@c>"),
	};
	struct et_item g[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@g>"),
		mark(ET_MARK_IGNORE, lt(f, 3, 7, 9, 0), "ign"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = 1 },
		{ .id = "C", .items = c, .n_items = G_N_ELEMENTS(c) },
		{ .id = "G", .items = g, .n_items = G_N_ELEMENTS(g) },
	};
	const struct et_draft *d;

	a[2].stage = STAGE_ACCEPTANCE;
	run_threads(f, th, G_N_ELEMENTS(th), lt(f, 3, 18, 11, 0));
	g_assert_cmpint(state_of(f, "A")->state, ==, ET_ACCEPTED);
	d = expect(f, "B", DRAFT_WITHDRAWAL, acc);
	g_assert_cmpstr(d->rule, ==, "O2");
	g_assert_cmpstr(d->key, ==, "B/withdrawal/A/<yes@a>");
	g_assert_cmpstr(d->reply_to, ==, "<inv@b>");
	expect(f, "C", DRAFT_WITHDRAWAL, acc);
	expect_none(f, "G", DRAFT_WITHDRAWAL);
	expect_none(f, "B", DRAFT_FOLLOW_UP_1);
	expect_none(f, "B", DRAFT_COMPETING_OFFER);
	g_assert_cmpuint(f->r.n_drafts, ==, 2);
	g_assert_cmpint(state_of(f, "B")->state, ==, ET_OPEN);
	assert_contains(state_of(f, "B")->reason, "withdrawal");

	th[1].n_items = 2;
	run_threads(f, th, G_N_ELEMENTS(th), lt(f, 3, 19, 10, 0));
	g_assert_cmpint(state_of(f, "B")->state, ==, ET_WITHDRAWN);
	expect_none(f, "B", DRAFT_WITHDRAWAL);
	expect(f, "C", DRAFT_WITHDRAWAL, acc);
	g_assert_cmpint(state_of(f, "C")->state, ==, ET_OPEN);
}

/* O2 through the user's command. */
static void accept_mark(struct fx *f)
{
	gint64 acc = lt(f, 3, 18, 10, 0);
	struct et_item a[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		mark(ET_MARK_ACCEPT, acc, "acc-1"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
		emp(lt(f, 3, 20, 9, 0), STAGE_PENDING, "<pend@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
	};

	run_threads(f, th, 2, lt(f, 3, 20, 10, 0));
	g_assert_cmpint(state_of(f, "A")->state, ==, ET_ACCEPTED);
	expect(f, "B", DRAFT_WITHDRAWAL, acc);
	g_assert_cmpuint(f->r.n_drafts, ==, 1);
}

/* P1: one notice per configured reference; none configured is said. */
static void references(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 3, 13, 0), "<thanks@me>"),
		emp(lt(f, 3, 5, 10, 0), STAGE_REFERENCES, "<refs@acme>"),
	};
	const struct et_draft *d;

	f->s.n_references = 3;
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 5, 11, 0));
	g_assert_cmpuint(count_kind(f, "t1", DRAFT_REFERENCE_NOTICE), ==, 3);
	for (size_t i = 0; i < f->r.n_drafts; i++) {
		d = &f->r.drafts[i];
		if (d->kind != DRAFT_REFERENCE_NOTICE)
			continue;
		g_assert_cmpint(d->due, ==, lt(f, 3, 5, 10, 0));
		g_assert_cmpstr(d->rule, ==, "P1");
		g_assert_cmpint(d->ref_index, >=, 0);
		g_assert_cmpint(d->ref_index, <, 3);
		if (i > 0 && f->r.drafts[i - 1].kind == DRAFT_REFERENCE_NOTICE)
			g_assert_cmpint(d->ref_index, ==, f->r.drafts[i - 1].ref_index + 1);
	}
	/* The request restarts the clock (F7): 7 days after it. */
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));

	f->s.n_references = 0;
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 5, 11, 0));
	g_assert_cmpuint(count_kind(f, "t1", DRAFT_REFERENCE_NOTICE), ==, 0);
	assert_contains(state_of(f, "t1")->reason, "none configured");
}

/* Ignore, close and reopen marks. */
static void marks(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		mark(ET_MARK_IGNORE, lt(f, 3, 3, 11, 0), "ign"),
		emp(lt(f, 3, 5, 10, 0), STAGE_PENDING, "<pend@acme>"),
		emp(lt(f, 3, 6, 10, 0), STAGE_REJECTION, "<no@acme>"),
	};

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 9, 10, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_IGNORED);

	it[1].kind = ET_MARK_CLOSE;
	run1(f, it, 3, lt(f, 3, 9, 10, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_CLOSED);
	assert_contains(state_of(f, "t1")->reason, "closed by you on Tue 3 Mar");

	it[2] = mark(ET_MARK_REOPEN, lt(f, 3, 5, 10, 0), "reopen");
	run1(f, it, 3, lt(f, 3, 9, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	assert_contains(expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0))->reason,
			"you reopened the thread on Thu 5 Mar");
	expect_none(f, "t1", DRAFT_THANK_YOU);

	/* Reopen after a rejection: follow-ups again, no rejection-reply. */
	it[1] = emp(lt(f, 3, 4, 9, 0), STAGE_REJECTION, "<no@acme>");
	run1(f, it, 3, lt(f, 3, 9, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	expect_none(f, "t1", DRAFT_REJECTION_REPLY);
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 12, 9, 0));
}

/* Decision and check-in marks and invitations (F1). */
static void decision_marks(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		mark(ET_MARK_DECISION, lt(f, 3, 4, 9, 0), "dec"),
	};
	const struct et_draft *d;

	it[1].decision = lt(f, 3, 13, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 10, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0));
	assert_contains(d->reason, "set by you");
	g_assert_cmpstr(d->key, ==, "t1/follow-up-1/r1/dec");

	it[1] = emp(lt(f, 3, 4, 9, 0), STAGE_PENDING, "<checkin@acme>");
	it[1].decision = lt(f, 3, 11, 14, 0);
	it[1].decision_is_time = true;
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 10, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 11, 9, 0));
	assert_contains(d->reason, "invited a follow-up on Wednesday 11 Mar");

	it[1].decision = lt(f, 3, 16, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 10, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0));
}

/* A pending message without a date keeps a decision date still to come. */
static void pending_keeps_date(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 3, 15, 0), STAGE_PENDING, "<date@acme>"),
		emp(lt(f, 3, 9, 15, 0), STAGE_PENDING, "<still@acme>"),
	};

	it[1].decision = lt(f, 3, 19, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 9, 16, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 20, 9, 0));
	expect_none(f, "t1", DRAFT_MORE_INFO);
	it[1].decision = lt(f, 3, 6, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 9, 16, 0));
	assert_contains(expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0))->reason,
			"F2: no decision date; 7 days after the employer's message of Mon 9 Mar");
}

/* Before the interview, a pending message does not start the clock early. */
static void pending_before_interview(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 20, 9, 0), lt(f, 3, 10, 10, 0), "<inv@acme>"),
		emp(lt(f, 2, 25, 9, 0), STAGE_PENDING, "<room@acme>"),
	};

	run1(f, it, G_N_ELEMENTS(it), lt(f, 2, 25, 10, 0));
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0));
	expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 10, 13, 0));
}

/* A rejection answered by hand needs no draft; no thank-you after a rejection. */
static void rejection_answered(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 3, 12, 0), STAGE_REJECTION, "<no@acme>"),
		usr(lt(f, 3, 3, 18, 0), "<thanks@me>"),
		emp(lt(f, 3, 20, 12, 0), STAGE_INVITATION, "<again@acme>"),
	};

	run1(f, it, 2, lt(f, 3, 3, 13, 0));
	expect_none(f, "t1", DRAFT_THANK_YOU);
	expect(f, "t1", DRAFT_REJECTION_REPLY, lt(f, 3, 4, 9, 0));
	run1(f, it, 4, lt(f, 3, 21, 13, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_REJECTED);
}

/* An empty history, an empty thread list, and results that are sorted. */
static void empty_and_sorted(struct fx *f)
{
	struct et_item a[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 4, 10, 0), "<inv@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = 1 },
		{ .id = "B", .items = b, .n_items = 1 },
		{ .id = "Z", .items = NULL, .n_items = 0 },
	};

	run_threads(f, NULL, 0, lt(f, 3, 1, 0, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
	run_threads(f, th, 3, lt(f, 3, 1, 0, 0));
	g_assert_cmpuint(f->r.n_drafts, ==, 4);
	for (size_t i = 1; i < f->r.n_drafts; i++)
		g_assert_cmpint(f->r.drafts[i - 1].due, <=, f->r.drafts[i].due);
	g_assert_cmpstr(f->r.drafts[0].thread_id, ==, "B");
	g_assert_cmpstr(state_of(f, "Z")->thread_id, ==, "Z");
	g_assert_cmpint(state_of(f, "Z")->state, ==, ET_OPEN);
	g_assert_cmpint(state_of(f, "Z")->interview, ==, NUDGE_NOTIME);
	g_assert_cmpstr(f->r.states[2].thread_id, ==, "Z");
}

/* Impossible histories are refused with NUDGE_E_DATA. */
static void bad_input(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 4, 10, 0), "<inv@a>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = it, .n_items = 1 },
		{ .id = "A", .items = it, .n_items = 1 },
	};
	struct et_result r;
	GError *err = NULL;
	gint32 unsorted[] = { 20260407, 20260403 };

	g_assert_cmpint(etiquette_run(&f->s, th, 2, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_DATA);
	g_assert_error(err, NUDGE_ERROR, NUDGE_E_DATA);
	assert_contains(err->message, "'A'");
	g_clear_error(&err);
	g_assert_cmpuint(r.n_drafts, ==, 0);
	et_result_clear(&r);

	it[0].interview_end = it[0].interview - 60;
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_DATA);
	g_clear_error(&err);
	it[0].interview_end = NUDGE_NOTIME;
	it[0].time = NUDGE_NOTIME;
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_DATA);
	g_clear_error(&err);
	it[0] = mark(ET_MARK_DECISION, lt(f, 3, 1, 0, 0), "d");
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_DATA);
	g_clear_error(&err);
	it[0] = mark((enum et_item_kind)99, lt(f, 3, 1, 0, 0), "x");
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_DATA);
	g_clear_error(&err);
	it[0] = usr(lt(f, 3, 1, 0, 0), "u");
	f->s.holidays = unsorted;
	f->s.n_holidays = 2;
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_CONFIG);
	g_clear_error(&err);
	f->s.n_holidays = 0;
	f->s.draft_hour = 24;
	g_assert_cmpint(etiquette_run(&f->s, th, 1, lt(f, 3, 1, 0, 0), &r, &err),
			==, NUDGE_E_CONFIG);
	g_clear_error(&err);
	g_assert_cmpuint(r.n_drafts, ==, 0);
	g_assert_null(r.drafts);
}

/* The calendar helpers exported for the CLI. */
static void calendar(struct fx *f)
{
	static const gint32 hol[] = { 20260310, 20260311 };

	/* Sat 7 Mar -> Tue 10 Mar for follow-ups, Mon 9 Mar for business. */
	g_assert_cmpint(et_followup_day(&f->s, lt(f, 3, 7, 15, 0), 9), ==, lt(f, 3, 10, 9, 0));
	g_assert_cmpint(et_business_day(&f->s, lt(f, 3, 7, 15, 0), 9), ==, lt(f, 3, 9, 9, 0));
	/* Same day when it already is one, whatever the hour. */
	g_assert_cmpint(et_followup_day(&f->s, lt(f, 3, 4, 23, 30), 9), ==, lt(f, 3, 4, 9, 0));
	g_assert_cmpint(et_business_day(&f->s, lt(f, 3, 9, 0, 10), 14), ==, lt(f, 3, 9, 14, 0));
	g_assert_cmpint(et_followup_day(&f->s, lt(f, 3, 9, 0, 10), 9), ==, lt(f, 3, 10, 9, 0));
	f->s.holidays = hol;
	f->s.n_holidays = 2;
	g_assert_cmpint(et_followup_day(&f->s, lt(f, 3, 9, 0, 10), 9), ==, lt(f, 3, 12, 9, 0));
	g_assert_cmpint(et_business_day(&f->s, lt(f, 3, 10, 0, 10), 9), ==, lt(f, 3, 12, 9, 0));
	/* Over the US change: Sat 7 Mar EST -> Tue 10 Mar EDT. */
	assert_local(f, et_followup_day(&f->s, lt(f, 3, 7, 12, 0), 9), 4, 9);
}

/* The remembered offsets agree with GDateTime, across both changes of 2026. */
static void calendar_offsets(struct fx *f)
{
	struct et_calendar *c = et_calendar_new(f->tz);
	gint64 from = lt(f, 1, 1, 0, 0), to = lt(f, 12, 31, 0, 0);

	for (gint64 t = from; t < to; t += 1799) {
		GDateTime *utc = g_date_time_new_from_unix_utc(t);
		GDateTime *loc = g_date_time_to_timezone(utc, f->tz);

		g_assert_cmpint(et_calendar_local(c, t), ==,
				t + g_date_time_get_utc_offset(loc) / G_USEC_PER_SEC);
		g_date_time_unref(loc);
		g_date_time_unref(utc);
	}
	et_calendar_free(c);
}

static void names(struct fx *f)
{
	enum draft_kind k;
	enum et_state st;

	(void)f;
	for (int i = 0; i < DRAFT__COUNT; i++) {
		g_assert_cmpint(draft_kind_parse(draft_kind_name((enum draft_kind)i), &k), ==, 0);
		g_assert_cmpint(k, ==, i);
	}
	g_assert_cmpstr(draft_kind_name(DRAFT_FOLLOW_UP_1), ==, "follow-up-1");
	g_assert_cmpstr(draft_kind_name(DRAFT_REFERENCE_NOTICE), ==, "reference-notice");
	g_assert_cmpint(draft_kind_parse("follow-up-3", &k), ==, NUDGE_E_DATA);
	g_assert_cmpstr(draft_kind_name(DRAFT__COUNT), ==, "unknown");
	for (st = ET_OPEN; st <= ET_IGNORED; st++)
		g_assert_cmpstr(et_state_name(st), !=, "unknown");
	g_assert_cmpstr(et_state_name(ET_CLOSED_NO_RESPONSE), ==, "closed-no-response");
	g_assert_cmpint(f->s.draft_hour, ==, 9);
	g_assert_cmpint(f->s.competing_margin_days, ==, 2);
}

/* Items dated after `now` are not known yet. */
static void future_items(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		emp(lt(f, 3, 5, 10, 0), STAGE_REJECTION, "<no@acme>"),
	};

	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 4, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 10, 9, 0));
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 5, 10, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_REJECTED);
}

/* T1 for a late interview stays on the same day. */
static void late_interview(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 21, 0), "<inv@acme>"),
	};
	const struct et_draft *d;

	it[0].interview_end = lt(f, 3, 3, 22, 30);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 3, 9, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 23, 59));
	assert_contains(d->reason, "21:00-22:30");
	assert_contains(d->reason, "kept to 23:59");
	g_assert_cmpint(d->expires, ==, lt(f, 3, 3, 22, 30) + 72 * 3600);
	g_assert_cmpstr(d->reply_to, ==, "<inv@acme>");
	it[0].interview_end = lt(f, 3, 3, 21, 50);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 3, 3, 9, 0));
	expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 23, 50));
}

/* A second acceptance message writes no second withdrawal. */
static void accept_twice(struct fx *f)
{
	struct et_item a[] = {
		mark(ET_MARK_ACCEPT, lt(f, 3, 18, 10, 0), "acc-1"),
		usr(lt(f, 3, 18, 11, 0), "<yes-again@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
	};

	a[1].stage = STAGE_ACCEPTANCE;
	run_threads(f, th, 2, lt(f, 3, 20, 10, 0));
	g_assert_cmpuint(count_kind(f, "B", DRAFT_WITHDRAWAL), ==, 1);
	g_assert_cmpstr(find(f, "B", DRAFT_WITHDRAWAL)->key, ==, "B/withdrawal/A/acc-1");
}

/* A decision date before the interview day is not used. */
static void decision_before_interview(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 20, 9, 0), lt(f, 3, 10, 10, 0), "<inv@acme>"),
	};
	const struct et_draft *d;

	it[0].decision = lt(f, 3, 6, 0, 0);
	run1(f, it, G_N_ELEMENTS(it), lt(f, 2, 21, 10, 0));
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 17, 9, 0));
	assert_contains(d->reason, "is before the interview");
	g_assert_cmpint(state_of(f, "t1")->decision, ==, NUDGE_NOTIME);
}

/* A reopened closed-no-response thread starts a fresh cycle. */
static void reopen_after_close(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@acme>"),
		usr(lt(f, 3, 12, 10, 0), "<fu1@me>"),
		usr(lt(f, 3, 19, 10, 0), "<fu2@me>"),
		mark(ET_MARK_REOPEN, lt(f, 4, 1, 10, 0), "reopen"),
	};
	const struct et_draft *d;

	run1(f, it, G_N_ELEMENTS(it), lt(f, 4, 1, 11, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	d = expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 4, 8, 9, 0));
	g_assert_cmpstr(d->key, ==, "t1/follow-up-1/r1/reopen");
}

/* A thread waiting for its withdrawal does not time out by F5. */
static void withdrawal_outlives_close(struct fx *f)
{
	struct et_item a[] = {
		mark(ET_MARK_ACCEPT, lt(f, 3, 20, 10, 0), "acc"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@b>"),
		usr(lt(f, 3, 12, 10, 0), "<fu1@me>"),
		usr(lt(f, 3, 19, 10, 0), "<fu2@me>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
	};

	run_threads(f, th, 2, lt(f, 4, 1, 10, 0));
	g_assert_cmpint(state_of(f, "B")->state, ==, ET_OPEN);
	expect(f, "B", DRAFT_WITHDRAWAL, lt(f, 3, 20, 10, 0));
	/* Accepted after the close: nothing to withdraw from. */
	a[0].time = lt(f, 3, 27, 10, 0);
	run_threads(f, th, 2, lt(f, 4, 1, 10, 0));
	g_assert_cmpint(state_of(f, "B")->state, ==, ET_CLOSED_NO_RESPONSE);
	g_assert_cmpuint(f->r.n_drafts, ==, 0);
}

/* Every number comes from the settings. */
static void custom_settings(struct fx *f)
{
	struct et_item it[] = {
		invite(lt(f, 2, 27, 9, 0), lt(f, 3, 3, 10, 0), "<inv@acme>"),
		mark(ET_MARK_SENT, lt(f, 3, 13, 8, 0), "sent-1"),
		mark(ET_MARK_SENT, lt(f, 3, 24, 8, 0), "sent-2"),
	};
	const struct et_draft *d;

	f->s.thank_you_delay_minutes = 90;
	f->s.thank_you_expire_hours = 24;
	f->s.interview_minutes = 45;
	f->s.followup_no_date_days = 10;
	f->s.followup2_days = 10;
	f->s.close_days = 3;
	f->s.draft_hour = 8;
	run1(f, it, 1, lt(f, 3, 3, 9, 0));
	d = expect(f, "t1", DRAFT_THANK_YOU, lt(f, 3, 3, 12, 15));
	g_assert_cmpint(d->expires, ==, lt(f, 3, 4, 10, 45));
	assert_contains(d->reason, "10:00-10:45; due 90 minutes after it ends");
	expect(f, "t1", DRAFT_FOLLOW_UP_1, lt(f, 3, 13, 8, 0));
	run1(f, it, 2, lt(f, 3, 13, 9, 0));
	assert_contains(expect(f, "t1", DRAFT_FOLLOW_UP_2, lt(f, 3, 24, 8, 0))->reason,
			"10 days later is Monday 23 Mar; moved to Tuesday 24 Mar by F3");
	run1(f, it, 3, lt(f, 3, 27, 7, 59));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_OPEN);
	run1(f, it, 3, lt(f, 3, 27, 8, 0));
	g_assert_cmpint(state_of(f, "t1")->state, ==, ET_CLOSED_NO_RESPONSE);
}

/* O1 counts business days: a holiday in the margin is skipped. */
static void competing_holiday(struct fx *f)
{
	static const gint32 hol[] = { 20260320 };
	struct et_item a[] = {
		emp(lt(f, 3, 16, 10, 0), STAGE_OFFER, "<offer@a>"),
	};
	struct et_item b[] = {
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 9, 14, 0), "<inv@b>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = 1 },
		{ .id = "B", .items = b, .n_items = 1 },
	};

	f->s.holidays = hol;
	f->s.n_holidays = 1;
	a[0].offer_deadline = lt(f, 3, 23, 0, 0);
	run_threads(f, th, 2, lt(f, 3, 16, 11, 0));
	g_assert_cmpint(expect(f, "B", DRAFT_COMPETING_OFFER, lt(f, 3, 16, 10, 0))->deadline,
			==, lt(f, 3, 18, 0, 0));
}

/*
 * Without reasons (due, list) the rules give the same drafts and states,
 * each reason NULL; every draft names its thread's index in the input.
 */
static void no_reasons(struct fx *f)
{
	struct et_item a[] = {	/* an offer: O1 elsewhere */
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 5, 10, 0), "<inv@a>"),
		emp(lt(f, 3, 16, 10, 0), STAGE_OFFER, "<offer@a>"),
	};
	struct et_item b[] = {	/* thank-you due, follow-up to come */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 16, 8, 0), "<inv@b>"),
	};
	struct et_item c[] = {	/* follow-up-1 sent, answered: more-info */
		invite(lt(f, 3, 1, 9, 0), lt(f, 3, 3, 10, 0), "<inv@c>"),
		usr(lt(f, 3, 10, 9, 30), "<f1@c>"),
		emp(lt(f, 3, 11, 12, 0), STAGE_PENDING, "<ans@c>"),
	};
	struct et_item d[] = {	/* rejected */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@d>"),
		emp(lt(f, 3, 13, 17, 40), STAGE_REJECTION, "<no@d>"),
	};
	struct et_item e[] = {	/* references asked */
		invite(lt(f, 3, 2, 9, 0), lt(f, 3, 6, 14, 0), "<inv@e>"),
		emp(lt(f, 3, 12, 9, 0), STAGE_REFERENCES, "<refs@e>"),
	};
	struct et_thread th[] = {
		{ .id = "A", .items = a, .n_items = G_N_ELEMENTS(a) },
		{ .id = "B", .items = b, .n_items = G_N_ELEMENTS(b) },
		{ .id = "C", .items = c, .n_items = G_N_ELEMENTS(c) },
		{ .id = "D", .items = d, .n_items = G_N_ELEMENTS(d) },
		{ .id = "E", .items = e, .n_items = G_N_ELEMENTS(e) },
	};
	gint64 now = lt(f, 3, 16, 11, 0);
	struct et_result full;

	f->s.n_references = 2;
	run_threads(f, th, G_N_ELEMENTS(th), now);
	expect(f, "B", DRAFT_COMPETING_OFFER, lt(f, 3, 16, 10, 0));
	expect(f, "C", DRAFT_MORE_INFO, lt(f, 3, 11, 12, 0));
	expect(f, "D", DRAFT_REJECTION_REPLY, lt(f, 3, 16, 9, 0));
	g_assert_cmpuint(count_kind(f, "E", DRAFT_REFERENCE_NOTICE), ==, 2);
	full = f->r;
	memset(&f->r, 0, sizeof(f->r));
	f->s.no_reasons = true;
	run_threads(f, th, G_N_ELEMENTS(th), now);
	g_assert_cmpuint(f->r.n_drafts, ==, full.n_drafts);
	g_assert_cmpuint(full.n_drafts, >=, 7);
	for (size_t i = 0; i < full.n_drafts; i++) {
		const struct et_draft *x = &full.drafts[i], *y = &f->r.drafts[i];

		g_assert_nonnull(x->reason);
		g_assert_null(y->reason);
		g_assert_cmpstr(x->key, ==, y->key);
		g_assert_cmpstr(x->thread_id, ==, y->thread_id);
		g_assert_cmpstr(th[x->thread].id, ==, x->thread_id);
		g_assert_cmpuint(x->thread, ==, y->thread);
		g_assert_cmpint(x->kind, ==, y->kind);
		g_assert_cmpint(x->due, ==, y->due);
		g_assert_cmpint(x->expires, ==, y->expires);
		g_assert_cmpint(x->deadline, ==, y->deadline);
		g_assert_cmpstr(x->reply_to, ==, y->reply_to);
		g_assert_cmpstr(x->rule, ==, y->rule);
	}
	for (size_t i = 0; i < full.n_states; i++) {
		g_assert_nonnull(full.states[i].reason);
		g_assert_null(f->r.states[i].reason);
		g_assert_cmpint(full.states[i].state, ==, f->r.states[i].state);
		g_assert_cmpint(full.states[i].stage, ==, f->r.states[i].stage);
		g_assert_cmpint(full.states[i].followups_sent, ==,
				f->r.states[i].followups_sent);
	}
	et_result_clear(&full);
}

struct tcase {
	const char *name;
	void (*fn)(struct fx *f);
};

static const struct tcase cases[] = {
	{ "example/no-date", ex_no_date },
	{ "example/decide-friday", ex_decide_friday },
	{ "example/three-days", ex_three_days },
	{ "example/follow-up-2-and-close", ex_followup_two },
	{ "example/rejection-friday", ex_rejection },
	{ "example/answer-resets", ex_answer_resets },
	{ "example/competing-offer", ex_competing },
	{ "dst/between-interview-and-follow-up", dst_between },
	{ "dst/us-week", dst_us_week },
	{ "dst/thank-you", dst_thank_you },
	{ "holidays/follow-up", holidays_followup },
	{ "holidays/rejection", holidays_rejection },
	{ "f1/decision-past", decision_past },
	{ "f1/marks-and-check-in", decision_marks },
	{ "f7/pending-keeps-date", pending_keeps_date },
	{ "f2/pending-before-interview", pending_before_interview },
	{ "order/out-of-order", out_of_order },
	{ "t1/user-before-interview", user_before_interview },
	{ "t1/already-sent", thank_you_already_sent },
	{ "threads/same-company", same_company },
	{ "r2/then-employer", dnc_then_message },
	{ "r2/more-info", dnc_more_info },
	{ "f5/reopen-by-answer", reopen_by_answer },
	{ "f6/discarded", discarded_draft },
	{ "f6/early-message", early_message },
	{ "f4/follow-up-2", f4_followup2 },
	{ "n1/reschedule", reschedule },
	{ "n1/new-round", new_round },
	{ "n2/stable-keys", stable_keys },
	{ "o1/filters", competing_filters },
	{ "o1/sent-and-clamped", competing_sent_and_clamped },
	{ "o2/acceptance", acceptance },
	{ "o2/mark", accept_mark },
	{ "p1/references", references },
	{ "r1/answered", rejection_answered },
	{ "marks/ignore-close-reopen", marks },
	{ "run/empty-and-sorted", empty_and_sorted },
	{ "run/bad-input", bad_input },
	{ "calendar/helpers", calendar },
	{ "calendar/offsets", calendar_offsets },
	{ "run/future-items", future_items },
	{ "t1/late-interview", late_interview },
	{ "o2/accept-twice", accept_twice },
	{ "f1/decision-before-interview", decision_before_interview },
	{ "marks/reopen-after-close", reopen_after_close },
	{ "o2/withdrawal-outlives-close", withdrawal_outlives_close },
	{ "settings/custom", custom_settings },
	{ "o1/holiday-margin", competing_holiday },
	{ "names", names },
	{ "run/no-reasons", no_reasons },
};

struct zcase {
	const char *zone;
	const struct tcase *tc;
};

static void run_case(gconstpointer data)
{
	const struct zcase *z = data;
	struct fx f;

	fx_init(&f, z->zone);
	z->tc->fn(&f);
	fx_clear(&f);
}

int main(int argc, char **argv)
{
	struct zcase zc[G_N_ELEMENTS(zones) * G_N_ELEMENTS(cases)];
	size_t n = 0;
	int ret;

	g_test_init(&argc, &argv, NULL);
	for (size_t z = 0; z < G_N_ELEMENTS(zones); z++) {
		for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
			char *path = g_strdup_printf("/etiquette/%s/%s", zones[z],
						     cases[i].name);

			zc[n].zone = zones[z];
			zc[n].tc = &cases[i];
			g_test_add_data_func(path, &zc[n], run_case);
			g_free(path);
			n++;
		}
	}
	ret = g_test_run();
	return ret;
}
