/*
 * The follow-up rules of ETIQUETTE.md as a pure function: from the history of
 * every thread, the clock and the settings, compute each thread's state and
 * the drafts the rules call for, with the rule and the reason for each.
 * No I/O, no globals.
 */
#ifndef NUDGE_ETIQUETTE_H
#define NUDGE_ETIQUETTE_H

#include "nudge.h"

enum draft_kind {
	DRAFT_THANK_YOU = 0,
	DRAFT_FOLLOW_UP_1,
	DRAFT_FOLLOW_UP_2,
	DRAFT_MORE_INFO,
	DRAFT_REJECTION_REPLY,
	DRAFT_COMPETING_OFFER,
	DRAFT_WITHDRAWAL,
	DRAFT_REFERENCE_NOTICE,
	DRAFT__COUNT
};

/* "thank-you", "follow-up-1", ...: also the template file names. */
const char *draft_kind_name(enum draft_kind kind);
/* Returns 0 and sets *out, or NUDGE_E_DATA for an unknown name. */
int draft_kind_parse(const char *name, enum draft_kind *out);

/* One thing that happened in a thread. */
enum et_item_kind {
	ET_EMPLOYER = 0,	/* a message from the employer */
	ET_USER,		/* a message the user sent */
	ET_MARK_INTERVIEW,	/* nudge mark T interview=ISO */
	ET_MARK_DECISION,	/* nudge mark T decision=DATE */
	ET_MARK_SENT,		/* nudge mark T sent: counts as a user message */
	ET_MARK_ACCEPT,		/* nudge mark T accept: the user accepts (O2) */
	ET_MARK_CLOSE,		/* nudge mark T close */
	ET_MARK_REOPEN,		/* nudge mark T reopen */
	ET_MARK_IGNORE,		/* nudge mark T ignore: never write anything */
};

struct et_item {
	enum et_item_kind kind;
	gint64 time;		/* when it happened: message Date or command time */
	enum nudge_stage stage;	/* ET_EMPLOYER; ET_USER: STAGE_ACCEPTANCE or NONE */
	gint64 interview;	/* interview start stated here, or NUDGE_NOTIME */
	gint64 interview_end;	/* its end when known, else start + setting */
	/*
	 * Decision date stated here: the local midnight starting day D, or with
	 * decision_is_time an explicit "check in at" time used as is (F1).
	 */
	gint64 decision;
	bool decision_is_time;
	gint64 offer_deadline;	/* offer: answer wanted by (local midnight), or NOTIME */
	const char *ref;	/* stable id (Message-ID or event id), for N2 keys */
};

struct et_thread {
	const char *id;
	const struct et_item *items;	/* any order: the engine sorts by time */
	size_t n_items;
};

/* Every number of ETIQUETTE.md, with its default in et_settings_init(). */
struct et_settings {
	GTimeZone *tz;			/* the user's zone; not owned */
	int thank_you_delay_minutes;	/* T1: 120 after the interview ends */
	int thank_you_expire_hours;	/* T1: 72 */
	int interview_minutes;		/* default duration: 60 */
	int followup_after_decision_days; /* F1: 1 */
	int followup_no_date_days;	/* F2: 7 */
	int min_gap_days;		/* F4: 2 */
	int followup2_days;		/* F5: 7 */
	int close_days;			/* F5: 7 */
	int draft_hour;			/* F3: 9 */
	int reply_hour;			/* R1: 9 */
	int offer_default_days;		/* O1: 7 */
	int competing_margin_days;	/* O1: 2 business days */
	const gint32 *holidays;		/* sorted, as YYYYMMDD; not owned */
	size_t n_holidays;
	size_t n_references;		/* P1: one draft per reference */
	bool no_reasons;		/* leave every reason NULL (for listings
					 * that do not show them) */
	/* The engine's own calendar cache during a run; leave it NULL. */
	struct et_calendar *cal;
};

void et_settings_init(struct et_settings *s, GTimeZone *tz);

enum et_state {
	ET_OPEN = 0,
	ET_CLOSED_NO_RESPONSE,
	ET_REJECTED,
	ET_WITHDRAWN,
	ET_ACCEPTED,
	ET_CLOSED,		/* closed by the user */
	ET_IGNORED,		/* nudge mark ignore */
};

/* "open", "closed-no-response", "rejected", ... */
const char *et_state_name(enum et_state state);

struct et_draft {
	const char *thread_id;	/* points into the input */
	size_t thread;		/* the index of that thread in the input */
	enum draft_kind kind;
	int round;		/* N1: interview round, from 1 */
	int ref_index;		/* P1: which reference (0-based), else -1 */
	gint64 due;
	gint64 expires;		/* T1: not written after this; NUDGE_NOTIME if never */
	gint64 deadline;	/* competing-offer: the date to ask for; else NOTIME */
	const char *reply_to;	/* ref of the item the draft answers, or NULL */
	const char *rule;	/* "T1", "F1", ... (static) */
	/*
	 * N2 identity, owned: "THREAD/KIND[/rROUND][/OTHER-THREAD][/INDEX]/REF",
	 * REF being the triggering item's ref or "@TIME" when it has none.
	 */
	char *key;
	char *reason;		/* for the user, e.g. "F1: decision promised Fri 6
				 * Mar; +1 day is Saturday; moved to Tuesday by F3"; owned;
				 * NULL with no_reasons */
};

struct et_thread_state {
	const char *thread_id;	/* points into the input */
	enum et_state state;
	enum nudge_stage stage;	/* stage of the last employer message */
	gint64 interview;	/* current round's interview, or NOTIME */
	gint64 decision;	/* current decision date, or NOTIME */
	int round;
	int followups_sent;	/* in the current cycle */
	bool do_not_contact;	/* R2 */
	char *reason;		/* why closed, or what it waits for; owned; NULL
				 * with no_reasons */
};

struct et_result {
	struct et_draft *drafts;	/* sorted by due, then thread id */
	size_t n_drafts;
	struct et_thread_state *states;	/* one per input thread, same order */
	size_t n_states;
};

/*
 * Computes states and drafts as of `now`: items dated after `now` are left
 * out. Drafts are listed whatever their due time (past or future): the caller
 * picks those due by a time and skips the ones already written (N2) or
 * expired. Returns 0, NUDGE_E_DATA with *err set for an impossible history
 * (an item without a time, an interview ending before it starts, a thread id
 * given twice), or NUDGE_E_CONFIG for unusable settings (no zone, an hour out
 * of 0-23, a negative delay, unsorted holidays). *out is always initialised,
 * and the caller frees it with et_result_clear() in every case.
 */
int etiquette_run(const struct et_settings *s, const struct et_thread *threads,
		  size_t n_threads, gint64 now, struct et_result *out, GError **err);
void et_result_clear(struct et_result *r);

/*
 * A zone's UTC offsets, remembered by span: for turning many times into
 * local time (what GDateTime gives, without its cost per call).
 */
struct et_calendar *et_calendar_new(GTimeZone *tz);
void et_calendar_free(struct et_calendar *c);
/* t as local wall-clock seconds since the epoch. */
gint64 et_calendar_local(struct et_calendar *c, gint64 t);

/*
 * Calendar helpers shared with the CLI. F3: the first Tuesday-to-Friday
 * non-holiday on or after the local day of t, at `hour`:00.
 */
gint64 et_followup_day(const struct et_settings *s, gint64 t, int hour);
/* The first Monday-to-Friday non-holiday on or after the day of t, at hour:00. */
gint64 et_business_day(const struct et_settings *s, gint64 t, int hour);

#endif
