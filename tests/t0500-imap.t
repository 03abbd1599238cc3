#!/bin/sh
# The IMAP client (src/imap.c) against a private Dovecot: its GTest binary
# prints the TAP. Three servers: one with a certificate for localhost and a
# \Drafts mailbox named "Entwürfe", one with a certificate for another host,
# one without UIDPLUS.

. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

unit=${NUDGE_UNIT:-$SRC_DIR/build/san/tests}/test-imap
if ! command -v dovecot >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
	echo "1..0 # SKIP dovecot or openssl missing (make deps-test)"
	exit 0
fi

DOVECOT_DRAFTS=Drafts
dovecot_start wrong wrong || { echo "Bail out! cannot start dovecot"; exit 1; }
export DOVECOT_WRONG_IMAP_PORT=$DOVECOT_IMAP_PORT
export DOVECOT_WRONG_IMAPS_PORT=$DOVECOT_IMAPS_PORT

# A server without UIDPLUS (so without APPENDUID and UID EXPUNGE).
DOVECOT_EXTRA_CONF='imap_capability = IMAP4rev1 LITERAL+ SPECIAL-USE'
dovecot_start plain || { echo "Bail out! cannot start dovecot"; exit 1; }
export DOVECOT_PLAIN_IMAPS_PORT=$DOVECOT_IMAPS_PORT
DOVECOT_EXTRA_CONF=

DOVECOT_DRAFTS=Entwürfe
dovecot_start main || { echo "Bail out! cannot start dovecot"; exit 1; }
export DOVECOT_DRAFTS_WIRE='Entw&APw-rfe'

# Not exec: the at-exit hook must stop Dovecot afterwards.
"$unit" --tap
