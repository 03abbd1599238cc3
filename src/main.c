#include <stdio.h>
#include "nudge.h"
int main(void) { puts(nudge_status_str(NUDGE_OK)); return 0; }
