/*
 * Dates and times written in mail ("by Friday", "within three days",
 * "Tuesday, March 3 at 10:00 AM EST", "bis zum 20.", "d'ici vendredi"),
 * resolved against a reference time in the user's time zone. Pure.
 */
#ifndef NUDGE_DATES_H
#define NUDGE_DATES_H

#include "nudge.h"

struct date_ref {
	gint64 now;		/* the message's Date */
	GTimeZone *tz;		/* the user's zone; not owned */
	bool day_first;		/* 3/4 is 3 April */
};

/* What dates_find() found. */
struct date_hit {
	gint64 day;		/* local midnight of the day, or NUDGE_NOTIME */
	gint64 time;		/* day + time of day when one was written, else NOTIME */
	bool duration;		/* "within two weeks" rather than a named day */
	bool choice;		/* "Monday or Tuesday", "Tue-Thu": day is the later one */
	bool weekday;		/* a weekday without its date ("Friday", "next Tuesday") */
	size_t start, end;	/* byte offsets of the expression in the text */
};

/*
 * Finds the first date expression in text (English, German, French or
 * Spanish) at or after byte offset from and resolves it. Vague words
 * ("soon", "in a few days") are not dates. Returns false when none is found.
 */
bool dates_find(const char *text, size_t from, const struct date_ref *ref,
		struct date_hit *hit);

/*
 * Finds the first time of day ("at 10:30 a.m.", "14 Uhr", "à 14h", "2pm EST")
 * written in text between byte offsets from and to, and puts it on the day
 * whose local midnight is day ("on Tuesday, March 3. The call will start at
 * 10:00"). start, when not NULL, gets the offset of the expression.
 */
bool dates_find_time(const char *text, size_t from, size_t to, const struct date_ref *ref,
		     gint64 day, gint64 *time, size_t *start);

/* Local midnight of a civil date in tz, or NUDGE_NOTIME if it is invalid. */
gint64 dates_midnight(GTimeZone *tz, int year, int month, int day);

/* Local midnight of the day of t in tz. */
gint64 dates_day_of(GTimeZone *tz, gint64 t);

/* The day n Monday-to-Friday days after the day of t (local midnight). */
gint64 dates_add_business_days(GTimeZone *tz, gint64 t, int n);

#endif
