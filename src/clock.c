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

static void put2(char *at, int n)
{
	at[0] = (char)('0' + n / 10 % 10);
	at[1] = (char)('0' + n % 10);
}

/*
 * What GDateTime does (UTC plus the offset of the zone's interval that
 * holds t), without its allocations and formatting machinery: listings
 * print two of these per thread.
 */
char *clock_iso(gint64 t, GTimeZone *tz)
{
	if (t < 86400 || t > (gint64)253402214400)	/* 9999-12-31 */
		return clock_format(t, tz, "%Y-%m-%dT%H:%M");
	return clock_iso_local(t + g_time_zone_get_offset(tz,
			       g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, t)));
}

char *clock_iso_local(gint64 local)
{
	gint64 days, sec;
	char *out;
	GDate d;
	int y;

	days = local / 86400;
	sec = local % 86400;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)(days + 719163));	/* 1970-01-01 */
	y = g_date_get_year(&d);
	out = g_malloc(17);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	put2(out + 2, y % 100);
	out[4] = '-';
	put2(out + 5, g_date_get_month(&d));
	out[7] = '-';
	put2(out + 8, g_date_get_day(&d));
	out[10] = 'T';
	put2(out + 11, (int)(sec / 3600));
	out[13] = ':';
	put2(out + 14, (int)(sec / 60 % 60));
	out[16] = '\0';
	return out;
}
