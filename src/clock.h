/* Reading and printing times in the user's zone. */
#ifndef NUDGE_CLOCK_H
#define NUDGE_CLOCK_H

#include "nudge.h"

/*
 * Parses an ISO 8601 time ("2026-03-10T09:00", seconds and offset optional;
 * a date alone is its midnight) in tz when it names no offset.
 * Returns 0 or NUDGE_E_DATA.
 */
int clock_parse(const char *s, GTimeZone *tz, gint64 *out);

/* Formats t in tz with a strftime-like GDateTime format; caller g_frees. */
char *clock_format(gint64 t, GTimeZone *tz, const char *fmt);

/* "2026-03-10T09:00" in tz: the form `nudge due` prints. Caller g_frees. */
char *clock_iso(gint64 t, GTimeZone *tz);
/* The same from local wall-clock seconds since the epoch (years 1000 to
 * 9999). Caller g_frees. */
char *clock_iso_local(gint64 local);

#endif
