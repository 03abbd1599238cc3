# bash completion for nudge(1)

_nudge()
{
	local cur prev words cword
	local commands="filter due drafts list show mark init doctor classify sendmail sync watch help"
	local global="--home --now --help"
	local cmd= i opts

	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}

	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--home|--now) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	--home|--maildir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--sendmail)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--now|--until|--since|--keyword|--interval|--name|--address|--imap-host|--imap-port|--imap-user|--imap-pass-cmd|--imap-drafts)
		COMPREPLY=()
		return ;;
	--timezone)
		local zones
		zones=$(cd /usr/share/zoneinfo 2>/dev/null &&
			find . -type f -name '[A-Z]*' | sed 's|^\./||' | grep -v '^posix\|^right')
		COMPREPLY=($(compgen -W "$zones" -- "$cur"))
		return ;;
	--draft-hour)
		COMPREPLY=($(compgen -W "$(seq 0 23)" -- "$cur"))
		return ;;
	esac

	case $cmd in
	"")
		case $cur in
		-*) opts="$global --version" ;;
		*) opts=$commands ;;
		esac ;;
	filter) opts="--outgoing $global" ;;
	due) opts="--dry-run -n --until $global" ;;
	drafts) opts="--check --tsv $global" ;;
	list) opts="--open --tsv $global" ;;
	show) opts="$global" ;;
	mark)
		opts="$global"
		case $cur in
		-*) ;;
		*)
			# THREAD first, then what to mark.
			local n=0
			for ((i = i + 1; i < COMP_CWORD; i++)); do
				case ${COMP_WORDS[i]} in -*) ;; *) ((n++)) ;; esac
			done
			[ "$n" -ge 1 ] && opts="interview= decision= sent accept close reopen ignore"
			;;
		esac ;;
	init) opts="--force --non-interactive --name --address --timezone --maildir
		--imap-host --imap-port --imap-user --imap-pass-cmd --imap-drafts --draft-hour $global" ;;
	doctor) opts="--offline $global" ;;
	classify)
		case $cur in
		-*) opts="--outgoing --json --explain $global" ;;
		*) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
		esac ;;
	sendmail) opts="--sendmail $global" ;;
	sync) opts="--since --keyword --verbose -v $global" ;;
	watch) opts="--keyword --interval --verbose -v $global" ;;
	help) opts="$commands" ;;
	esac
	COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	[ "${COMPREPLY[0]-}" != "${COMPREPLY[0]%=}" ] && compopt -o nospace 2>/dev/null
	return 0
}
complete -F _nudge nudge
