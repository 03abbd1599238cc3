/*
 * Date and fact extraction: fields separated by NUL bytes are the subject,
 * the new text, the iCalendar part and the sender; the first byte picks the
 * stage and the date order.
 */
#include <stdlib.h>

#include "facts.h"
#include "fuzz.h"

static GTimeZone *tz;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	tz = g_time_zone_new_identifier("America/New_York");
	if (!tz)
		tz = g_time_zone_new_utc();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *f[6];
	struct fact_input in = { 0 };
	struct facts out = { 0 };
	uint8_t sel = size ? data[0] : 0;

	fuzz_fields(size ? data + 1 : data, size ? size - 1 : 0, f, G_N_ELEMENTS(f));
	/* facts_extract takes UTF-8, as msg_parse makes it (fuzz-filter checks). */
	for (size_t i = 0; i < G_N_ELEMENTS(f); i++) {
		char *v = f[i] ? g_utf8_make_valid(f[i], -1) : NULL;

		g_free(f[i]);
		f[i] = v;
	}
	in.subject = f[0];
	in.fresh = f[1];
	in.ics = f[2];
	in.from_name = f[3];
	in.from_addr = f[4];
	in.organization = f[5];
	in.reply_to_addr = sel & 0x80 ? "jobs@example.org" : NULL;
	in.date = sel & 0x40 ? NUDGE_NOTIME : 1776088800; /* 2026-04-13 10:00 -04 */
	in.tz = tz;
	in.day_first = sel & 0x20;
	facts_extract(&in, (enum nudge_stage)(sel % STAGE__COUNT), &out);
	if (out.interview_end != NUDGE_NOTIME && out.interview == NUDGE_NOTIME)
		abort();
	facts_clear(&out);
	fuzz_fields_free(f, G_N_ELEMENTS(f));
	return 0;
}
