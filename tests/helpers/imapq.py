#!/usr/bin/env python3
"""A tiny IMAP client for the shell tests, against the test Dovecot.

Connection from the environment lib-dovecot.sh exports (IMAPS, verified
with DOVECOT_CA). Commands:
  fetch MAILBOX DIR    each message as DIR/UID.eml (CRLF turned into LF)
                       and its flags as DIR/UID.flags, one a line; prints
                       the number of messages
  append MAILBOX FILE [FLAG...]
                       stores FILE (LF turned into CRLF); prints the UID
  appendall MAILBOX FILE...
                       stores each FILE with its Date header as the
                       internal date (1 Jan 2000 when it has no valid one)
  addflag MAILBOX MESSAGE-ID FLAG
                       adds FLAG to the messages with this Message-ID
  recreate MAILBOX     deletes and creates it: a new UIDVALIDITY
  list                 the mailboxes, one a line
"""
import email.utils
import imaplib
import re
import os
import ssl
import sys


def connect():
    ctx = ssl.create_default_context(cafile=os.environ["DOVECOT_CA"])
    im = imaplib.IMAP4_SSL(os.environ["DOVECOT_HOST"],
                           int(os.environ["DOVECOT_IMAPS_PORT"]),
                           ssl_context=ctx, timeout=30)
    im.login(os.environ["DOVECOT_USER"], os.environ["DOVECOT_PASS"])
    return im


def quote(name):
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check(typ, data):
    if typ != "OK":
        sys.exit("imapq: %s %r" % (typ, data))
    return data


def fetch(im, mailbox, outdir):
    check(*im.select(quote(mailbox), readonly=True))
    uids = check(*im.uid("SEARCH", None, "ALL"))[0].split()
    os.makedirs(outdir, exist_ok=True)
    for uid in uids:
        data = check(*im.uid("FETCH", uid, "(FLAGS BODY.PEEK[])"))
        meta, body = data[0]
        flags = imaplib.ParseFlags(meta) or ()
        name = os.path.join(outdir, uid.decode())
        with open(name + ".eml", "wb") as f:
            f.write(body.replace(b"\r\n", b"\n"))
        with open(name + ".flags", "wb") as f:
            f.write(b"".join(fl + b"\n" for fl in flags))
    print(len(uids))


def append(im, mailbox, path, flags):
    with open(path, "rb") as f:
        data = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    resp = check(*im.append(quote(mailbox), "(" + " ".join(flags) + ")",
                            None, data))[0].decode()
    if resp.startswith("[APPENDUID "):
        print(resp.split("]")[0].split()[2])
    else:
        print(0)

def appendall(im, mailbox, paths):
    for path in paths:
        with open(path, "rb") as f:
            data = f.read().replace(b"\r\n", b"\n")
        when = '"01-Jan-2000 00:00:00 +0000"'
        head = data.split(b"\n\n", 1)[0]
        m = re.search(rb"^Date:[ \t]*(.*)$", head, re.M | re.I)
        if m:
            try:
                dt = email.utils.parsedate_to_datetime(m.group(1).decode("latin-1"))
                if dt.tzinfo is not None:
                    when = imaplib.Time2Internaldate(dt)
            except (TypeError, ValueError, OverflowError):
                pass
        check(*im.append(quote(mailbox), None, when,
                         data.replace(b"\n", b"\r\n")))


def main():
    im = connect()
    cmd = sys.argv[1]
    if cmd == "fetch":
        fetch(im, sys.argv[2], sys.argv[3])
    elif cmd == "append":
        append(im, sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == "appendall":
        appendall(im, sys.argv[2], sys.argv[3:])
    elif cmd == "addflag":
        check(*im.select(quote(sys.argv[2])))
        uids = check(*im.uid("SEARCH", None, "HEADER", "Message-ID",
                             quote(sys.argv[3])))[0].split()
        if not uids:
            sys.exit("imapq: no message " + sys.argv[3])
        for uid in uids:
            check(*im.uid("STORE", uid, "+FLAGS", "(" + sys.argv[4] + ")"))
    elif cmd == "recreate":
        check(*im.delete(quote(sys.argv[2])))
        check(*im.create(quote(sys.argv[2])))
    elif cmd == "list":
        for line in check(*im.list()):
            print(line.decode())
    else:
        sys.exit("imapq: unknown command " + cmd)
    im.logout()


main()
