/* Configuration > Preferences > Plugins > nudge: not written yet. */
#include "plugin.h"

void nudge_prefs_init(void)
{
}

void nudge_prefs_done(void)
{
}
