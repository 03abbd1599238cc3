#!/bin/sh
# N2 under real faults: nudge due killed (SIGKILL, from a test hook) after
# the draft reached the Maildir or the IMAP server but before the outcome
# was recorded; and the connection cut mid-APPEND by a proxy after the
# server stored the message, before nudge saw the answer. Each time the
# next run finds the draft and never writes a second copy.
. "$(dirname "$0")/lib.sh"
. "$TESTS_DIR/lib-dovecot.sh"

M=$TESTS_DIR/mail
export NUDGE_TEST_TZ=America/New_York
DB=$NUDGE_HOME/state.db
write_config </dev/null

# due_killed: nudge due with the fault hook; it must die by SIGKILL.
due_killed() {
	NUDGE_TEST_FAULT=after-put "$NUDGE_BIN" due "$@" >killed.out 2>killed.err
	rc=$?
	test "$rc" = 137 || { echo "exit $rc, wanted death by SIGKILL"; cat killed.err; return 1; }
}

test_expect_success 'Maildir: killed after the put, before the record' '
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null &&
	due_killed --now 2026-03-03T13:05 &&
	test_cmp /dev/null killed.out &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = 1 &&
	test "$(sqlite3 "$DB" "SELECT state, coalesce(location, \"none\") FROM drafts")" = "pending|none"
'
test_expect_success 'Maildir: the next run finds it by its tag, writes no copy' '
	f=$(ls "$TRASH"/Drafts/cur/*) &&
	nudge due --now 2026-03-03T13:06 >out &&
	test_grep "	thank-you	" out &&
	test "$(ls "$TRASH"/Drafts/cur/*)" = "$f" &&
	test "$(sqlite3 "$DB" "SELECT state, location FROM drafts")" = "written|$f" &&
	nudge due --now 2026-03-03T14:00 >out &&
	test_cmp /dev/null out &&
	test "$(ls "$TRASH"/Drafts/cur | wc -l)" = 1
'

if ! command -v dovecot >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
	test_skip "dovecot or openssl missing (make deps-test)"
	test_done
	exit
fi

export NUDGE_HOME="$TRASH/imap-home"
mkdir -p "$NUDGE_HOME"
DB=$NUDGE_HOME/state.db
dovecot_start main || { echo "Bail out! cannot start dovecot"; exit 1; }

# imap_config PORT TLS: drafts to the test Dovecot (or the proxy before it).
imap_config() {
	{ echo "target = imap"; dovecot_imap_config "$1" "$2"; echo "timeout = 5"; } | write_config
}

# imap_ids: the Message-ID of every message in Drafts, one a line, sorted.
imap_ids() {
	python3 - <<-'EOF'
	import imaplib, os, ssl
	ctx = ssl.create_default_context(cafile=os.environ["DOVECOT_CA"])
	m = imaplib.IMAP4_SSL("127.0.0.1", int(os.environ["DOVECOT_IMAPS_PORT"]),
	                      ssl_context=ctx, timeout=10)
	m.login(os.environ["DOVECOT_USER"], os.environ["DOVECOT_PASS"])
	m.select("Drafts", readonly=True)
	typ, data = m.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
	ids = [d[1].decode().split(":", 1)[1].strip() for d in data if isinstance(d, tuple)]
	for i in sorted(ids):
	    print(i)
	m.logout()
	EOF
}

test_expect_success 'IMAP: killed after the APPEND, before the record' '
	imap_config "$DOVECOT_IMAPS_PORT" imaps &&
	nudge filter <"$M/ex1-invite.eml" >/dev/null &&
	nudge filter <"$M/ex1-confirm.eml" >/dev/null &&
	due_killed --now 2026-03-03T13:05 &&
	imap_ids >ids && test "$(wc -l <ids)" = 1 &&
	test "$(sqlite3 "$DB" "SELECT state, coalesce(location, \"none\") FROM drafts")" = "pending|none" &&
	test "$(sqlite3 "$DB" "SELECT \"<\" || message_id || \">\" FROM drafts")" = "$(cat ids)"
'
test_expect_success 'IMAP: the next run finds it by Message-ID, appends no copy' '
	nudge due --now 2026-03-03T13:06 >out &&
	test_grep "	thank-you	" out &&
	imap_ids >ids2 && test_cmp ids ids2 &&
	test "$(sqlite3 "$DB" "SELECT state, location FROM drafts")" = "written|Drafts/1"
'

# A proxy before the plain IMAP port. It forwards both ways, but once, after
# the client sent a whole APPEND (command line, literal, line end), it waits
# for the server's tagged answer (the message is stored then), drops it and
# closes both sides. Later connections pass untouched.
cat >"$TRASH/cut-append.py" <<'EOF'
import re, select, socket, sys, threading

listen = socket.socket()
listen.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listen.bind(("127.0.0.1", 0))
listen.listen(8)
with open(sys.argv[2], "w") as f:
    f.write("%d\n" % listen.getsockname()[1])
upstream = int(sys.argv[1])
cut_done = threading.Event()

def serve(c):
    s = socket.create_connection(("127.0.0.1", upstream), 10)
    c.settimeout(10)
    buf = b""        # client bytes not parsed yet
    literal = 0      # literal bytes of an APPEND still to come
    tag = None       # the APPEND's tag, once its literal started
    cutting = False  # the APPEND went through: drop the answer, then close
    answer = b""
    try:
        while True:
            r, _, _ = select.select([c, s], [], [], 15)
            if not r:
                return
            if s in r:
                d = s.recv(65536)
                if not d:
                    return
                if cutting:
                    answer += d
                    if re.search(rb"(^|\r\n)" + re.escape(tag) + rb" ", answer):
                        cut_done.set()
                        return
                else:
                    c.sendall(d)
            if c in r:
                d = c.recv(65536)
                if not d:
                    return
                s.sendall(d)
                if cut_done.is_set():
                    continue
                buf += d
                while buf and not cutting:
                    if literal:
                        n = min(literal, len(buf))
                        literal -= n
                        buf = buf[n:]
                        continue
                    if b"\r\n" not in buf:
                        break
                    line, buf = buf.split(b"\r\n", 1)
                    m = re.match(rb"(\S+) APPEND .*\{(\d+)\+?\}$", line, re.I)
                    if m:
                        tag, literal = m.group(1), int(m.group(2))
                    elif tag is not None:
                        cutting = True    # the line end after the literal
    except OSError:
        return
    finally:
        c.close()
        s.close()

while True:
    c, _ = listen.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
EOF

test_at_exit 'kill $(cat "$TRASH/proxy.pid") 2>/dev/null'
test_expect_success 'IMAP: connection cut mid-APPEND after the server stored it' '
	python3 "$TRASH/cut-append.py" "$DOVECOT_IMAP_PORT" "$TRASH/proxy.port" &
	echo $! >"$TRASH/proxy.pid" &&
	i=0 && while [ ! -s "$TRASH/proxy.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done &&
	imap_config "$(cat "$TRASH/proxy.port")" none &&
	nudge filter <"$M/fallback-reply.eml" >/dev/null &&
	test_exit_code 75 nudge due --now 2026-03-10T09:30 >out 2>err &&
	test_grep "follow-up-1 for thread .* not written" err &&
	test "$(sqlite3 "$DB" "SELECT state, attempts, retry_at - strftime(\"%s\", \"2026-03-10T13:30:00\") FROM drafts WHERE kind = \"follow-up-1\"")" = "failed|1|60" &&
	imap_ids >ids && test "$(wc -l <ids)" = 2 &&
	sqlite3 "$DB" "SELECT \"<\" || message_id || \">\" FROM drafts" | sort >want &&
	test_cmp want ids
'
test_expect_success 'IMAP: the retry after the wait finds it there; one copy' '
	nudge due --now 2026-03-10T09:30 >out 2>err &&
	test_grep "next try after 2026-03-10T09:31" err &&
	nudge list --tsv --now 2026-03-10T09:30 >list &&
	test_grep "	follow-up-1 2026-03-10T09:00 (failed 1 times, next try 2026-03-10T09:31)$" list &&
	nudge list --tsv --now 2026-03-10T09:31 >list &&
	test_grep "	follow-up-1 2026-03-10T09:00 (failed 1 times, next try on the next run)$" list &&
	nudge due --now 2026-03-10T09:31 >out 2>err &&
	test_grep "	follow-up-1	" out &&
	test "$(sqlite3 "$DB" "SELECT state, attempts, location FROM drafts WHERE kind = \"follow-up-1\"")" = "written|2|Drafts/2" &&
	imap_ids >ids2 && test_cmp ids ids2 &&
	nudge drafts --check --tsv >list &&
	test "$(cut -f2,4,5 list)" = "thank-you	in Drafts	Drafts/1
follow-up-1	in Drafts	Drafts/2"
'
test_done
