# A private Dovecot for the tests: loopback only, free ports, its own
# config, certificates, mail and logs under $TRASH. Source after tests/lib.sh.
#
#   dovecot_start [NAME [CERT]]   NAME: instance (default "main"); CERT: the
#                                 server certificate, "localhost" (default)
#                                 or "wrong" (made out to wrong.example).
#                                 Starting a stopped instance again restarts
#                                 it with its mail, config and ports.
#   dovecot_stop [NAME]           stops it and waits until it is gone
#
# Every instance is stopped at exit (all at once: Dovecot takes seconds).
# dovecot_start exports, for the instance it started last:
#   DOVECOT_HOST DOVECOT_IMAP_PORT DOVECOT_IMAPS_PORT DOVECOT_USER
#   DOVECOT_PASS DOVECOT_CA DOVECOT_DRAFTS DOVECOT_DIR
#   DOVECOT_PASSFILE (the password, for pass_cmd: overwrite it to try a
#   wrong one)
# dovecot_imap_config [PORT [TLS]] prints the [imap] section of a nudge
# config for that instance: IMAPS on its port unless told otherwise, its
# CA, pass_cmd reading DOVECOT_PASSFILE.
# DOVECOT_DRAFTS may be set before the call to name the \Drafts mailbox,
# DOVECOT_EXTRA_CONF to add settings (e.g. imap_capability) to the config,
# DOVECOT_LMTP=yes to also serve LMTP on 127.0.0.1: its port is then
# exported as DOVECOT_LMTP_PORT (the recipient is $DOVECOT_USER).

DOVECOT_TLS="$TRASH/tls"

# free_ports N: N distinct free TCP ports on 127.0.0.1, one a line.
free_ports() {
	python3 - "$1" <<-'EOF'
	import socket, sys
	socks = []
	for _ in range(int(sys.argv[1])):
	    s = socket.socket()
	    s.bind(("127.0.0.1", 0))
	    socks.append(s)
	for s in socks:
	    print(s.getsockname()[1])
	EOF
}

# A private CA, a certificate for localhost/127.0.0.1 and one for
# wrong.example, both signed by the CA. Made once per $TRASH.
_dovecot_make_certs() {
	[ -f "$DOVECOT_TLS/ca.pem" ] && return 0
	mkdir -p "$DOVECOT_TLS" || return 1
	(
		cd "$DOVECOT_TLS" || exit 1
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
			-nodes -keyout ca.key -out ca.pem -days 2 \
			-subj "/CN=nudge test CA" \
			-addext basicConstraints=critical,CA:TRUE \
			-addext keyUsage=critical,keyCertSign,cRLSign || exit 1
		for c in localhost:DNS:localhost,IP:127.0.0.1 \
			 wrong:DNS:wrong.example; do
			_dv_name=${c%%:*} san=${c#*:}
			cn=${san#DNS:}; cn=${cn%%,*}
			openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
				-nodes -keyout "$_dv_name.key" -out "$_dv_name.csr" \
				-subj "/CN=$cn" || exit 1
			printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
				"$san" >"$_dv_name.ext"
			openssl x509 -req -in "$_dv_name.csr" -CA ca.pem -CAkey ca.key \
				-CAcreateserial -days 2 -extfile "$_dv_name.ext" \
				-out "$_dv_name.pem" || exit 1
		done
	) >"$DOVECOT_TLS/openssl.log" 2>&1 || {
		cat "$DOVECOT_TLS/openssl.log" >&2
		return 1
	}
}

# _dovecot_wait PORT: until 127.0.0.1:PORT accepts connections (5 s at most).
_dovecot_wait() {
	python3 - "$1" <<-'EOF'
	import socket, sys, time
	end = time.time() + 5
	while True:
	    try:
	        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()
	        sys.exit(0)
	    except OSError:
	        if time.time() > end:
	            sys.exit(1)
	        time.sleep(0.02)
	EOF
}

dovecot_start() {
	_dv_name=${1:-main}
	_dv_cert=${2:-localhost}
	_dv_dir="$TRASH/dovecot-$_dv_name"
	_dv_drafts=${DOVECOT_DRAFTS:-Drafts}
	_dovecot_make_certs || return 1
	mkdir -p "$_dv_dir/run" "$_dv_dir/state" "$_dv_dir/mail" || return 1
	# Dovecot drops to unprivileged users that must reach these folders.
	chmod 711 "$TRASH" "$_dv_dir"

	if [ "$(id -u)" -eq 0 ]; then
		_dv_mail_user=nobody
		_dv_mail_group=$(id -gn nobody)
		_dv_users=
		chown "$_dv_mail_user:$_dv_mail_group" "$_dv_dir/mail"
	else
		_dv_mail_user=$(id -un)
		_dv_mail_group=$(id -gn)
		_dv_users="default_internal_user = $_dv_mail_user
default_internal_group = $_dv_mail_group
default_login_user = $_dv_mail_user"
	fi

	if [ -f "$_dv_dir/ports" ]; then
		read -r _dv_imap_port _dv_imaps_port _dv_lmtp_port <"$_dv_dir/ports"
		_dv_drafts=$(cat "$_dv_dir/drafts")
		_dovecot_run "$_dv_name" "$_dv_dir" "$_dv_imap_port" "$_dv_imaps_port" \
			"$_dv_lmtp_port" || return 1
		_dovecot_export "$_dv_dir" "$_dv_imap_port" "$_dv_imaps_port" "$_dv_drafts" "$_dv_lmtp_port"
		return 0
	fi

	set -- $(free_ports 3)
	_dv_imap_port=$1 _dv_imaps_port=$2 _dv_lmtp_port=
	_dv_protocols=imap
	_dv_lmtp_conf=
	if [ "${DOVECOT_LMTP:-}" = yes ]; then
		_dv_lmtp_port=$3
		_dv_protocols="imap lmtp"
		_dv_lmtp_conf="service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $_dv_lmtp_port
  }
}"
	fi
	echo "$_dv_imap_port $_dv_imaps_port $_dv_lmtp_port" >"$_dv_dir/ports"
	printf '%s\n' "$_dv_drafts" >"$_dv_dir/drafts"
	printf '%s:{PLAIN}%s::::::\n' nudgetest 's3cret p@ss' >"$_dv_dir/passwd"

	cat >"$_dv_dir/dovecot.conf" <<-EOF
	base_dir = $_dv_dir/run
	state_dir = $_dv_dir/state
	log_path = $_dv_dir/log
	info_log_path = $_dv_dir/log
	instance_name = nudge-test-$_dv_name
	protocols = $_dv_protocols
	listen = 127.0.0.1
	$_dv_users
	ssl = yes
	ssl_cert = <$DOVECOT_TLS/$_dv_cert.pem
	ssl_key = <$DOVECOT_TLS/$_dv_cert.key
	disable_plaintext_auth = no
	auth_mechanisms = plain login
	auth_failure_delay = 0
	mail_uid = $_dv_mail_user
	mail_gid = $_dv_mail_group
	first_valid_uid = 1
	mail_location = maildir:$_dv_dir/mail/%u
	passdb {
	  driver = passwd-file
	  args = scheme=PLAIN $_dv_dir/passwd
	}
	userdb {
	  driver = static
	  args = uid=$_dv_mail_user gid=$_dv_mail_group home=$_dv_dir/mail/%u
	}
	# No penalty delay after the wrong-password tests; no chroot, which
	# needs root.
	service anvil {
	  chroot =
	  unix_listener anvil-auth-penalty {
	    mode = 0
	  }
	}
	service imap-login {
	  chroot =
	  inet_listener imap {
	    address = 127.0.0.1
	    port = $_dv_imap_port
	  }
	  inet_listener imaps {
	    address = 127.0.0.1
	    port = $_dv_imaps_port
	    ssl = yes
	  }
	}
	namespace inbox {
	  inbox = yes
	  separator = /
	  mailbox "$_dv_drafts" {
	    special_use = \\Drafts
	    auto = create
	  }
	  mailbox Sent {
	    special_use = \\Sent
	    auto = create
	  }
	}
	$_dv_lmtp_conf
	${DOVECOT_EXTRA_CONF:-}
	EOF

	[ -n "${_dovecot_names:-}" ] || test_at_exit _dovecot_reap
	_dovecot_names="${_dovecot_names:-} $_dv_name"
	test_at_exit "_dovecot_kill $_dv_name"
	_dovecot_run "$_dv_name" "$_dv_dir" "$_dv_imap_port" "$_dv_imaps_port" \
		"$_dv_lmtp_port" || return 1
	_dovecot_export "$_dv_dir" "$_dv_imap_port" "$_dv_imaps_port" "$_dv_drafts" "$_dv_lmtp_port"
}

# _dovecot_run NAME DIR IMAP_PORT IMAPS_PORT [LMTP_PORT]: start it and
# wait for it.
_dovecot_run() {
	dovecot -c "$2/dovecot.conf" </dev/null >"$2/start.log" 2>&1 || {
		cat "$2/start.log" "$2/log" >&2 2>/dev/null
		return 1
	}
	if ! _dovecot_wait "$3" || ! _dovecot_wait "$4" ||
	   { [ -n "${5:-}" ] && ! _dovecot_wait "$5"; }; then
		echo "dovecot '$1' does not answer on port $3/$4" >&2
		cat "$2/log" >&2 2>/dev/null
		return 1
	fi
}

_dovecot_export() {
	export DOVECOT_HOST=127.0.0.1 DOVECOT_IMAP_PORT=$2 \
		DOVECOT_IMAPS_PORT=$3 DOVECOT_USER=nudgetest \
		DOVECOT_PASS='s3cret p@ss' DOVECOT_CA="$DOVECOT_TLS/ca.pem" \
		DOVECOT_DRAFTS="$4" DOVECOT_DIR="$1" DOVECOT_LMTP_PORT="${5:-}" \
		DOVECOT_PASSFILE="$TRASH/dovecot-pass"
	printf '%s\n' "$DOVECOT_PASS" >"$DOVECOT_PASSFILE"
}

dovecot_imap_config() {
	cat <<-EOF
	[imap]
	host = $DOVECOT_HOST
	port = ${1:-$DOVECOT_IMAPS_PORT}
	tls = ${2:-imaps}
	user = $DOVECOT_USER
	pass_cmd = cat '$DOVECOT_PASSFILE'
	tls_ca_file = $DOVECOT_CA
	EOF
}

# _dovecot_kill NAME: signal the master; prints its pid.
_dovecot_kill() {
	_pidfile="$TRASH/dovecot-$1/run/master.pid"
	[ -f "$_pidfile" ] || return 0
	_pid=$(cat "$_pidfile")
	kill "$_pid" 2>/dev/null && echo "$_pid" >>"$TRASH/.dovecot-dying"
	return 0
}

# _dovecot_reap: wait (5 s at most) for the masters signalled so far.
_dovecot_reap() {
	[ -f "$TRASH/.dovecot-dying" ] || return 0
	for _pid in $(cat "$TRASH/.dovecot-dying"); do
		_i=0
		while kill -0 "$_pid" 2>/dev/null && [ $_i -lt 100 ]; do
			sleep 0.05
			_i=$((_i + 1))
		done
		kill -9 "$_pid" 2>/dev/null
	done
	rm -f "$TRASH/.dovecot-dying"
}

dovecot_stop() {
	_dovecot_kill "${1:-main}"
	_dovecot_reap
}
