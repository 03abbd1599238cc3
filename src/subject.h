/* Subject lines: reply prefixes, the normalised form, the reply's subject. */
#ifndef NUDGE_SUBJECT_H
#define NUDGE_SUBJECT_H

#include "nudge.h"

/* Lower case, reply/forward prefixes ("Re:", "AW:", "Fwd:", ...) and spacing
 * removed: the key of the subject fallback. Caller g_frees. */
char *subject_normalize(const char *subject);

/* "Re: " and the subject without its reply prefixes: never "Re: Re:".
 * Caller g_frees. */
char *subject_reply(const char *subject);

/* True when the subject starts with a reply or forward prefix. */
bool subject_is_reply(const char *subject);

#endif
