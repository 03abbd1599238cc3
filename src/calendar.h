/*
 * Calendar invitations (text/calendar) through libical, in the calendar
 * module (module.h): mail without a calendar part never loads libical.
 */
#ifndef NUDGE_CALENDAR_H
#define NUDGE_CALENDAR_H

#include "nudge.h"

struct calendar_event {
	gint64 start;		/* DTSTART */
	gint64 end;		/* DTEND after start, else NUDGE_NOTIME */
	char *organizer;	/* the ORGANIZER's CN, or NULL; g_free */
};

/*
 * The first event of the calendar ics that is not cancelled and has a
 * start; a floating time or a date is read in tz. 0 and *ev filled;
 * NUDGE_E_NOTFOUND when there is no such event (or ics does not parse);
 * NUDGE_E_INTERNAL when the module cannot be loaded.
 */
int calendar_first_event(const char *ics, GTimeZone *tz, struct calendar_event *ev,
			 GError **err);

/* 0 when calendar_first_event() can run; NUDGE_E_INTERNAL (with the
 * reason) when the module does not load. */
int calendar_ready(GError **err);

#endif
