/* calendar.h through the calendar module, loaded on first use. */
#include "calendar-module.h"

int calendar_first_event(const char *ics, GTimeZone *tz, struct calendar_event *ev,
			 GError **err)
{
	const struct calendar_module *m = module_load("calendar", err);

	ev->start = ev->end = NUDGE_NOTIME;
	ev->organizer = NULL;
	if (!m)
		return NUDGE_E_INTERNAL;
	return m->first_event(ics, tz, ev, err);
}

int calendar_ready(GError **err)
{
	return module_load("calendar", err) ? 0 : NUDGE_E_INTERNAL;
}
