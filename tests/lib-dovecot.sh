# A private Dovecot for the tests: loopback only, free ports, its own
# config, certificates, mail and logs under $TRASH. Source after tests/lib.sh.
#
#   dovecot_start [NAME [CERT]]   NAME: instance (default "main"); CERT: the
#                                 server certificate, "localhost" (default)
#                                 or "wrong" (made out to wrong.example)
#   dovecot_stop NAME
#
# dovecot_start exports, for the instance it started last:
#   DOVECOT_HOST DOVECOT_IMAP_PORT DOVECOT_IMAPS_PORT DOVECOT_USER
#   DOVECOT_PASS DOVECOT_CA DOVECOT_DRAFTS DOVECOT_DIR
# DOVECOT_DRAFTS may be set before the call to name the \Drafts mailbox,
# DOVECOT_EXTRA_CONF to add settings (e.g. imap_capability) to the config.

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
			name=${c%%:*} san=${c#*:}
			cn=${san#DNS:}; cn=${cn%%,*}
			openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
				-nodes -keyout "$name.key" -out "$name.csr" \
				-subj "/CN=$cn" || exit 1
			printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' \
				"$san" >"$name.ext"
			openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key \
				-CAcreateserial -days 2 -extfile "$name.ext" \
				-out "$name.pem" || exit 1
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
	name=${1:-main}
	cert=${2:-localhost}
	dir="$TRASH/dovecot-$name"
	drafts=${DOVECOT_DRAFTS:-Drafts}
	_dovecot_make_certs || return 1
	mkdir -p "$dir/run" "$dir/state" "$dir/mail" || return 1
	# Dovecot drops to unprivileged users that must reach these folders.
	chmod 711 "$TRASH" "$dir"

	if [ "$(id -u)" -eq 0 ]; then
		mail_user=nobody
		mail_group=$(id -gn nobody)
		users=
		chown "$mail_user:$mail_group" "$dir/mail"
	else
		mail_user=$(id -un)
		mail_group=$(id -gn)
		users="default_internal_user = $mail_user
default_login_user = $mail_user"
	fi

	set -- $(free_ports 2)
	imap_port=$1 imaps_port=$2
	printf '%s:{PLAIN}%s::::::\n' nudgetest 's3cret p@ss' >"$dir/passwd"

	cat >"$dir/dovecot.conf" <<-EOF
	base_dir = $dir/run
	state_dir = $dir/state
	log_path = $dir/log
	info_log_path = $dir/log
	instance_name = nudge-test-$name
	protocols = imap
	listen = 127.0.0.1
	$users
	ssl = yes
	ssl_cert = <$DOVECOT_TLS/$cert.pem
	ssl_key = <$DOVECOT_TLS/$cert.key
	disable_plaintext_auth = no
	auth_mechanisms = plain login
	auth_failure_delay = 0
	mail_uid = $mail_user
	mail_gid = $mail_group
	first_valid_uid = 1
	mail_location = maildir:$dir/mail/%u
	passdb {
	  driver = passwd-file
	  args = scheme=PLAIN $dir/passwd
	}
	userdb {
	  driver = static
	  args = uid=$mail_user gid=$mail_group home=$dir/mail/%u
	}
	# No penalty delay after the wrong-password tests.
	service anvil {
	  unix_listener anvil-auth-penalty {
	    mode = 0
	  }
	}
	service imap-login {
	  inet_listener imap {
	    address = 127.0.0.1
	    port = $imap_port
	  }
	  inet_listener imaps {
	    address = 127.0.0.1
	    port = $imaps_port
	    ssl = yes
	  }
	}
	namespace inbox {
	  inbox = yes
	  separator = /
	  mailbox "$drafts" {
	    special_use = \\Drafts
	    auto = create
	  }
	  mailbox Sent {
	    special_use = \\Sent
	    auto = create
	  }
	}
	${DOVECOT_EXTRA_CONF:-}
	EOF

	dovecot -c "$dir/dovecot.conf" </dev/null >"$dir/start.log" 2>&1 || {
		cat "$dir/start.log" "$dir/log" >&2 2>/dev/null
		return 1
	}
	test_at_exit "dovecot_stop $name"
	if ! _dovecot_wait "$imap_port" || ! _dovecot_wait "$imaps_port"; then
		echo "dovecot '$name' does not answer on port $imap_port/$imaps_port" >&2
		cat "$dir/log" >&2 2>/dev/null
		return 1
	fi

	export DOVECOT_HOST=127.0.0.1 DOVECOT_IMAP_PORT=$imap_port \
		DOVECOT_IMAPS_PORT=$imaps_port DOVECOT_USER=nudgetest \
		DOVECOT_PASS='s3cret p@ss' DOVECOT_CA="$DOVECOT_TLS/ca.pem" \
		DOVECOT_DRAFTS="$drafts" DOVECOT_DIR="$dir"
}

dovecot_stop() {
	dir="$TRASH/dovecot-${1:-main}"
	[ -f "$dir/run/master.pid" ] || return 0
	pid=$(cat "$dir/run/master.pid")
	kill "$pid" 2>/dev/null || return 0
	# Wait for the master to go, so that $TRASH can be removed.
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	kill -9 "$pid" 2>/dev/null
	return 0
}
