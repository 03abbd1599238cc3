/* Reading and printing times in the user's zone. */

#include "clock.h"

/* Reads n digits at *p into *v, advancing *p. */
static bool digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!g_ascii_isdigit(**p))
			return false;
		*v = *v * 10 + (**p - '0');
	}
	return true;
}

int clock_parse(const char *s, GTimeZone *tz, gint64 *out)
{
	g_autoptr(GTimeZone) zone = NULL;
	g_autoptr(GDateTime) dt = NULL;
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0;

	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) ||
	    *p++ != '-' || !digits(&p, 2, &d))
		return NUDGE_E_DATA;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
			return NUDGE_E_DATA;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &sec))
				return NUDGE_E_DATA;
			if (*p == '.' || *p == ',')	/* fractions of a second */
				for (p++; g_ascii_isdigit(*p); p++)
					;
		}
	}
	if (*p == 'Z' && p[1] == '\0') {
		zone = g_time_zone_new_utc();
	} else if ((*p == '+' || *p == '-') && p[1]) {
		int oh, om = 0;
		const char *q = p + 1;

		if (!digits(&q, 2, &oh))
			return NUDGE_E_DATA;
		if (*q == ':')
			q++;
		if (*q && !digits(&q, 2, &om))
			return NUDGE_E_DATA;
		if (*q || oh > 23 || om > 59)
			return NUDGE_E_DATA;
		zone = g_time_zone_new_offset((*p == '-' ? -1 : 1) * (oh * 3600 + om * 60));
	} else if (*p == '\0') {
		zone = g_time_zone_ref(tz);
	} else {
		return NUDGE_E_DATA;
	}
	if (!zone || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 60 ||
	    !g_date_valid_dmy((GDateDay)d, (GDateMonth)mo, (GDateYear)y))
		return NUDGE_E_DATA;
	dt = g_date_time_new(zone, y, mo, d, h, mi, sec);
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
