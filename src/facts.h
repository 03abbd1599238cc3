/*
 * The facts of an employer message that the rules need: who, for what job,
 * when the interview is, when they promised to decide. Pure: strings in,
 * struct out; relative dates resolve against the message's Date.
 */
#ifndef NUDGE_FACTS_H
#define NUDGE_FACTS_H

#include "nudge.h"

struct fact_input {
	const char *subject;		/* decoded; may be NULL */
	const char *fresh;		/* new text of the body; may be NULL */
	const char *quoted;		/* quoted history; may be NULL */
	const char *from_name, *from_addr;
	const char *reply_to_name, *reply_to_addr;
	const char *organization;	/* Organization header; may be NULL */
	const char *ics;		/* first text/calendar part; may be NULL */
	gint64 date;			/* the message's Date */
	GTimeZone *tz;			/* the user's zone; not owned */
	bool day_first;			/* 3/4 is 3 April (else 4 March) */
};

struct facts {
	char *company;		/* all strings owned, NULL when unknown */
	char *position;
	char *contact_addr;	/* whom to reply to: a human over a no-reply */
	char *contact_name;
	char *interviewer;
	gint64 interview;	/* start, or NUDGE_NOTIME */
	gint64 interview_end;	/* or NUDGE_NOTIME */
	gint64 decision;	/* local midnight of the decision day, or NOTIME */
	bool decision_is_time;	/* "check in next Wednesday": F1 uses it as is */
	gint64 offer_deadline;	/* local midnight, or NOTIME */
};

void facts_extract(const struct fact_input *in, enum nudge_stage stage,
		   struct facts *out);
void facts_clear(struct facts *f);

#endif
