/* Reading and printing times in the user's zone. */
#include <string.h>

#include "clock.h"

int clock_parse(const char *s, GTimeZone *tz, gint64 *out)
{
	g_autoptr(GDateTime) dt = NULL;
	g_autofree char *full = NULL;
	size_t len = strlen(s);

	/* GLib wants a time part; a date alone means its midnight. */
	if (len == 10 && s[4] == '-' && s[7] == '-')
		s = full = g_strconcat(s, "T00:00:00", NULL);
	dt = g_date_time_new_from_iso8601(s, tz);
	if (!dt)
		return NUDGE_E_DATA;
	*out = g_date_time_to_unix(dt);
	return 0;
}

char *clock_format(gint64 t, GTimeZone *tz, const char *fmt)
{
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(t);
	g_autoptr(GDateTime) local = NULL;

	if (!utc)
		return g_strdup("?");
	local = g_date_time_to_timezone(utc, tz);
	return g_date_time_format(local, fmt);
}

char *clock_iso(gint64 t, GTimeZone *tz)
{
	return clock_format(t, tz, "%Y-%m-%dT%H:%M");
}
