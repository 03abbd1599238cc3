#!/bin/sh
: "${NUDGE_UNIT:?run through make check}"
exec "$NUDGE_UNIT/test-front" --tap
