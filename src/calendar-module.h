/* The table of the calendar module (calendar.c), read by calendar-load.c. */
#ifndef NUDGE_CALENDAR_MODULE_H
#define NUDGE_CALENDAR_MODULE_H

#include "calendar.h"
#include "module.h"

struct calendar_module {
	struct module_head head;
	int (*first_event)(const char *ics, GTimeZone *tz, struct calendar_event *ev,
			   GError **err);
};

#endif
