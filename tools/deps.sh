#!/bin/sh
# Install the Debian packages nudge needs that are not installed yet.
# Usage: deps.sh build [test] [fuzz] [bench]. Does nothing when everything is there.
set -eu

build="gcc make pkg-config perl libc6-dev libglib2.0-dev libgmime-3.0-dev
libetpan-dev libgpgme-dev libidn2-dev libpcre2-dev libsqlite3-dev libical-dev tzdata scdoc"
test="sqlite3 procmail dovecot-imapd dovecot-lmtpd dovecot-sieve openssl
ca-certificates python3 mutt neomutt tmux claws-mail libclaws-mail-dev libgtk-3-dev
xvfb xauth xdotool x11-apps imagemagick man-db groff-base zsh dpkg-dev debhelper
fakeroot systemd procps strace"
fuzz="clang libclang-rt-14-dev"
bench="bogofilter sqlite3"

want=
for set in "$@"; do
	case $set in
	build) want="$want $build" ;;
	test) want="$want $test" ;;
	fuzz) want="$want $fuzz" ;;
	bench) want="$want $bench" ;;
	*) echo "deps.sh: unknown package set '$set'" >&2; exit 64 ;;
	esac
done

missing=
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $status in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -n "$missing" ] || exit 0

echo "installing:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Debian's dovecot packages try to start the service; a container has no init.
$sudo apt-get install -y -qq --no-install-recommends $missing
