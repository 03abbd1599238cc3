/* Calendar invitations through libical: the calendar module (calendar.h). */
#include <libical/ical.h>

#include "calendar-module.h"
#include "dates.h"

static gint64 ical_to_unix(struct icaltimetype t, GTimeZone *tz)
{
	GDateTime *dt;
	gint64 v;

	if (icaltime_is_null_time(t))
		return NUDGE_NOTIME;
	if (t.is_date)
		return dates_midnight(tz, t.year, t.month, t.day);
	if (icaltime_is_utc(t) || t.zone)
		return (gint64)icaltime_as_timet_with_zone(t, t.zone ? t.zone :
							   icaltimezone_get_utc_timezone());
	/* A floating time is the user's local time. */
	dt = g_date_time_new(tz, t.year, t.month, t.day, t.hour, t.minute, t.second);
	if (!dt)
		return NUDGE_NOTIME;
	v = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return v;
}

int calendar_first_event(const char *ics, GTimeZone *tz, struct calendar_event *ev,
			 GError **err)
{
	icalcomponent *cal = icalparser_parse_string(ics);
	icalcomponent *vev;
	icalproperty *org;
	int ret = NUDGE_E_NOTFOUND;

	ev->start = ev->end = NUDGE_NOTIME;
	ev->organizer = NULL;
	if (!cal)
		goto out;
	if (icalcomponent_isa(cal) == ICAL_VEVENT_COMPONENT)
		vev = cal;
	else
		vev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	if (!vev || icalcomponent_get_method(cal) == ICAL_METHOD_CANCEL)
		goto out;
	ev->start = ical_to_unix(icalcomponent_get_dtstart(vev), tz);
	if (ev->start == NUDGE_NOTIME)
		goto out;
	ev->end = ical_to_unix(icalcomponent_get_dtend(vev), tz);
	if (ev->end <= ev->start)
		ev->end = NUDGE_NOTIME;
	org = icalcomponent_get_first_property(vev, ICAL_ORGANIZER_PROPERTY);
	if (org) {
		icalparameter *cn = icalproperty_get_first_parameter(org, ICAL_CN_PARAMETER);

		if (cn && icalparameter_get_cn(cn) && *icalparameter_get_cn(cn))
			ev->organizer = g_strdup(icalparameter_get_cn(cn));
	}
	ret = 0;
out:
	if (cal)
		icalcomponent_free(cal);
	/* libical reports parse problems through a global; clear it. */
	icalerror_clear_errno();
	if (ret < 0)
		return nudge_fail(err, ret, "no event with a start in the calendar");
	return 0;
}

/* Linked into the program itself (the plugin, the fuzzers): always ready. */
int calendar_ready(GError **err)
{
	(void)err;
	return 0;
}

/* The one symbol the module exports (it is built with hidden visibility). */
__attribute__((visibility("default"))) const struct calendar_module nudge_calendar_module = {
	{ NUDGE_MODULE_ABI, "calendar", NUDGE_VERSION },
	calendar_first_event,
};
