/* Status codes, errors and stage names. */
#include <stdarg.h>
#include <string.h>

#include "nudge.h"

G_DEFINE_QUARK(nudge-error-quark, nudge_error)

const char *nudge_status_str(int status)
{
	switch (status) {
	case NUDGE_OK: return "success";
	case NUDGE_E_USAGE: return "usage error";
	case NUDGE_E_CONFIG: return "configuration error";
	case NUDGE_E_IO: return "input/output error";
	case NUDGE_E_DB: return "database error";
	case NUDGE_E_DATA: return "invalid data";
	case NUDGE_E_NOTFOUND: return "not found";
	case NUDGE_E_NET: return "network error";
	case NUDGE_E_TLS: return "TLS error";
	case NUDGE_E_AUTH: return "authentication failed";
	case NUDGE_E_BUSY: return "busy";
	case NUDGE_E_INTERNAL: return "internal error";
	}
	return "unknown error";
}

int nudge_fail(GError **err, int status, const char *fmt, ...)
{
	va_list ap;

	if (err && !*err) {
		va_start(ap, fmt);
		*err = g_error_new_valist(NUDGE_ERROR, status, fmt, ap);
		va_end(ap);
	}
	return status;
}

static const char *const stage_names[STAGE__COUNT] = {
	[STAGE_NONE] = "none",
	[STAGE_INVITATION] = "invitation",
	[STAGE_PENDING] = "pending",
	[STAGE_REFERENCES] = "references",
	[STAGE_REJECTION] = "rejection",
	[STAGE_OFFER] = "offer",
	[STAGE_DO_NOT_CONTACT] = "do-not-contact",
	[STAGE_ACCEPTANCE] = "acceptance",
};

const char *stage_name(enum nudge_stage stage)
{
	if ((unsigned)stage >= STAGE__COUNT)
		return "none";
	return stage_names[stage];
}

int stage_parse(const char *name, enum nudge_stage *out)
{
	for (int i = 0; i < STAGE__COUNT; i++) {
		if (strcmp(name, stage_names[i]) == 0) {
			*out = (enum nudge_stage)i;
			return 0;
		}
	}
	return NUDGE_E_DATA;
}
