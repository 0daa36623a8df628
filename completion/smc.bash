# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for smc and its applets smcd, smcr, smc_run, smcss and
# smc_pnet: applets, objects, commands, options, and the names of network
# interfaces (/sys/class/net) and RDMA devices (/sys/class/infiniband).
# SMC_COMPLETION_SYSFS names another sysfs root (for tests).

# _smc_devices CLASS: the device names in sysfs class CLASS.
_smc_devices() {
	local entry
	for entry in "${SMC_COMPLETION_SYSFS:-/sys}/class/$1"/*; do
		[[ -e $entry || -L $entry ]] && printf '%s\n' "${entry##*/}"
	done
}

# _smc_offer WORD...: the WORDs that begin with the word being completed.
_smc_offer() {
	local cur=${words[cword]}
	COMPREPLY+=($(compgen -W "$*" -- "$cur"))
}

_smc_offer_devices() {
	_smc_offer "$(_smc_devices "$1")"
}

# _smc_object TECH WORD: the object WORD stands for, or nothing.
_smc_object() {
	local objects="info linkgroup device stats ueid handshake-limit" o
	local -a found=()
	[[ $1 == smcd ]] && objects+=" seid"
	case $2 in
	lgr) echo linkgroup; return ;;
	dev) echo device; return ;;
	hslimit) echo handshake-limit; return ;;
	esac
	for o in $objects; do
		[[ $o == "$2" ]] && { echo "$o"; return; }
		[[ $o == "$2"* ]] && found+=("$o")
	done
	((${#found[@]} == 1)) && echo "${found[0]}"
}

# smcd/smcr [OPTIONS] OBJECT [COMMAND] [all | netdev NETDEV | ibdev IBDEV]
_smc_tech() {
	local tech=$1 i object= at=0 prev=${words[cword - 1]} args
	for ((i = 1; i < cword; i++)); do
		[[ ${words[i]} == -* ]] && continue
		object=$(_smc_object "$tech" "${words[i]}")
		at=$i
		break
	done
	if ((at == 0)); then
		if [[ ${words[cword]} == -* ]]; then
			_smc_offer -d --details -dd --ddetails -a --absolute -j --json -h --help -v --version
		else
			_smc_offer info linkgroup device stats ueid $([[ $tech == smcd ]] && echo seid) handshake-limit help
		fi
		return
	fi
	args=$((cword - at - 1))
	case $object in
	info) ((args == 0)) && _smc_offer show help ;;
	stats) ((args == 0)) && _smc_offer show reset json help ;;
	ueid) ((args == 0)) && _smc_offer show add del flush help ;;
	seid | handshake-limit) ((args == 0)) && _smc_offer show enable disable help ;;
	linkgroup | device)
		case $prev in
		netdev) [[ $tech == smcr ]] && _smc_offer_devices net ;;
		ibdev) [[ $tech == smcr ]] && _smc_offer_devices infiniband ;;
		*)
			local filters=all
			[[ $tech == smcr ]] && filters+=" netdev ibdev"
			if ((args == 0)); then
				_smc_offer show $([[ $tech == smcr && $object == linkgroup ]] && echo link-show) $filters help
			elif ((args == 1)) && [[ $prev == show || $prev == link-show ]]; then
				_smc_offer $filters
			fi
			;;
		esac
		;;
	esac
}

# smc_run [-dhv] [-r SIZE] [-t SIZE] [-m MODE] [--] PROGRAM [ARGS...]
_smc_run() {
	local i program=0 prev=${words[cword - 1]}
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-r | -t | -m) ((i++)) ;;
		--) program=$((i + 1)); break ;;
		-*) ;;
		*) program=$i; break ;;
		esac
	done
	if ((program && cword > program)); then
		COMPREPLY=($(compgen -f -- "${words[cword]}"))
		compopt -o filenames 2>/dev/null
	elif [[ $prev == -[rt] ]]; then
		_smc_offer 64k 256k 512k 1m
	elif [[ $prev == -m ]]; then
		_smc_offer auto preload seccomp
	elif [[ ${words[cword]} == -* ]]; then
		_smc_offer -d -r -t -m -h --help -v --version
	else
		COMPREPLY=($(compgen -c -- "${words[cword]}"))
	fi
}

_smc_smcss() {
	_smc_offer -a --all -l --listening -d --debug -R --smcr -D --smcd -W --wide -j --json -h --help -v --version
}

# smc_pnet [OPTIONS] [PNETID]
_smc_pnet() {
	case ${words[cword - 1]} in
	-I | --interface) _smc_offer_devices net ;;
	-D | --ibdevice) _smc_offer_devices infiniband ;;
	-P | --ibport) _smc_offer 1 2 ;;
	*)
		[[ ${words[cword]} == -* ]] &&
			_smc_offer -s --show -a --add -d --delete -f --flush -I --interface -D --ibdevice \
				-P --ibport -j --json -h --help -v --version
		;;
	esac
}

# _smc_applet NAME: complete words[1..] for applet NAME (or short name).
_smc_applet() {
	case $1 in
	smcd | smcr) _smc_tech "$1" ;;
	smc_run | run) _smc_run ;;
	smcss | ss) _smc_smcss ;;
	smc_pnet | pnet) _smc_pnet ;;
	*) return 1 ;;
	esac
	return 0
}

# The one completion function: the applet is the command's name, or for
# smc (under any other name) its first argument.
_smc() {
	local -a words=("${COMP_WORDS[@]}")
	local cword=$COMP_CWORD
	COMPREPLY=()
	_smc_applet "${words[0]##*/}" && return
	if ((cword == 1)); then
		_smc_offer smcd smcr smc_run smcss smc_pnet run ss pnet -h --help -v --version --list --install
	elif [[ ${words[1]} == --install ]]; then
		if [[ ${words[cword]} == -* ]]; then
			_smc_offer -s -f
		else
			COMPREPLY=($(compgen -d -- "${words[cword]}"))
			compopt -o filenames 2>/dev/null
		fi
	else
		words=("${words[@]:1}")
		((cword--))
		_smc_applet "${words[0]}"
	fi
	return 0
}

complete -F _smc smc smcd smcr smc_run smcss smc_pnet
