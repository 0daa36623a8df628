# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for smc and its applets smcd, smcr, smc_run, smcss,
# smc_pnet, smc_rnics, smc_chk and smc_dbg: applets, objects, commands,
# options, and the names of network interfaces (/sys/class/net) and RDMA
# devices (/sys/class/infiniband).
# Built on bash-completion's helpers (_init_completion, _filedir,
# _command_offset), as its own sudo and env completions are.
# SMC_COMPLETION_SYSFS names another sysfs root (for tests).

# _smc_offer WORD...: those of our own fixed WORDs that begin with the
# word being completed. Never give it a name from outside: compgen -W
# expands what it is given.
_smc_offer() {
	COMPREPLY+=($(compgen -W "$*" -- "$cur"))
}

# _smc_offer_devices CLASS: the device names in sysfs class CLASS that
# begin with the word being completed, each quoted for the shell. A name
# may hold $ ( ) ; ` and the like: it is compared and quoted, never
# expanded or run.
_smc_offer_devices() {
	local entry name
	for entry in "${SMC_COMPLETION_SYSFS:-/sys}/class/$1"/*; do
		[[ -e $entry || -L $entry ]] || continue
		name=${entry##*/}
		[[ $name == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
	done
}

# _smc_object TECH WORD: the object WORD stands for, or nothing: as in
# smc-tools, the first object in its order that WORD is a prefix of.
_smc_object() {
	local o
	case $2 in
	lgr) echo linkgroup; return ;;
	dev) echo device; return ;;
	hslimit) echo handshake-limit; return ;;
	'') return ;;
	esac
	for o in device linkgroup info stats ueid seid help handshake-limit; do
		[[ $o == "$2"* ]] && { [[ $o != seid || $1 == smcd ]] && echo "$o"; return; }
	done
}

# _smc_filters TECH OBJECT ARGS: the words after linkgroup or device.
_smc_filters() {
	local tech=$1 object=$2 args=$3 filters=all
	case $prev in
	netdev) [[ $tech == smcr ]] && _smc_offer_devices net; return ;;
	ibdev) [[ $tech == smcr ]] && _smc_offer_devices infiniband; return ;;
	esac
	[[ $tech == smcr ]] && filters+=" netdev ibdev"
	if ((args == 0)); then
		_smc_offer show $([[ $tech == smcr && $object == linkgroup ]] && echo link-show) $filters help
	elif ((args == 1)) && [[ $prev == show || $prev == link-show ]]; then
		_smc_offer $filters
	fi
}

# smcd/smcr [OPTIONS] OBJECT [COMMAND] [all | netdev NETDEV | ibdev IBDEV]
_smc_tech() {
	local tech=$1 i object= at=0 args
	for ((i = 1; i < cword; i++)); do
		[[ ${words[i]} == -* ]] && continue
		object=$(_smc_object "$tech" "${words[i]}")
		at=$i
		break
	done
	if ((at == 0)); then
		if [[ $cur == -* ]]; then
			_smc_offer -d --details -dd --ddetails -a --absolute -j --json -p --pretty -h --help -v --version
		else
			_smc_offer info linkgroup device stats ueid $([[ $tech == smcd ]] && echo seid) handshake-limit help
		fi
		return
	fi
	args=$((cword - at - 1))
	case $object in
	info) ((args == 0)) && _smc_offer show help ;;
	stats)
		if ((args == 0)); then
			_smc_offer show reset json prometheus help
		elif [[ ${words[at + 1]} == p* ]]; then
			if [[ $prev == -o || $prev == --output ]]; then
				_filedir
			elif ((args == 1)); then
				_smc_offer -o --output
			fi
		fi
		;;
	ueid) ((args == 0)) && _smc_offer show add del flush help ;;
	seid | handshake-limit) ((args == 0)) && _smc_offer show enable disable help ;;
	linkgroup | device) _smc_filters "$tech" "$object" "$args" ;;
	esac
}

# smc_run [-dhv] [-r SIZE] [-t SIZE] [-m MODE] [--] PROGRAM [ARGS...]: after
# PROGRAM, PROGRAM's own completion (_command_offset, as sudo's).
_smc_run() {
	local i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-r | -t | -m) ((i++)) ;;
		--)
			if ((i + 1 < cword)); then _command_offset $((base + i + 1)); else _smc_program; fi
			return
			;;
		-*) ;;
		*) _command_offset $((base + i)); return ;;
		esac
	done
	case $prev in
	-r | -t) _smc_offer 64k 256k 512k 1m ;;
	-m) _smc_offer auto preload seccomp ;;
	*) [[ $cur == -* ]] && _smc_offer -d -r -t -m -h --help -v --version || _smc_program ;;
	esac
}

# A program to run: a command name, or a path to one.
_smc_program() {
	if [[ $cur == */* ]]; then
		_filedir
	else
		COMPREPLY=($(compgen -c -- "$cur"))
	fi
}

_smc_smcss() {
	_smc_offer -a --all -l --listening -d --debug -R --smcr -D --smcd -W --wide -j --json -p --pretty -h --help -v --version
}

# smc_pnet [OPTIONS] [PNETID]
_smc_pnet() {
	case $prev in
	-I | --interface) _smc_offer_devices net ;;
	-D | --ibdevice) _smc_offer_devices infiniband ;;
	-P | --ibport) _smc_offer 1 2 ;;
	*)
		[[ $cur == -* ]] &&
			_smc_offer -s --show -a --add -d --delete -f --flush -I --interface -D --ibdevice \
				-P --ibport -j --json -p --pretty -h --help -v --version
		;;
	esac
}

# smc_rnics [-aIr] [FID] | -e FID | -d FID
_smc_rnics() {
	case ${words[cword - 1]} in
	-e | --enable | -d | --disable) ;;
	*)
		[[ ${words[cword]} == -* ]] &&
			_smc_offer -a --all -d --disable -e --enable -I --IB-dev -r --rawids -h --help -v --version
		;;
	esac
}

# smc_chk [OPTIONS] {-C IP | -S | -i IFACE | {-s|-l} [IFACE...]}
_smc_chk() {
	case ${words[cword - 1]} in
	-i | --pnetid) _smc_offer_devices net ;;
	-C | --connect | -p | --port) ;;
	*)
		if [[ ${words[cword]} == -* ]]; then
			_smc_offer -C --connect -d --debug -h --help -i --pnetid -j --json -l --live-test -p --port \
				-s --static-analysis -S --server -v --version -6 --ipv6
		else
			_smc_offer_devices net
		fi
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
	smc_rnics) _smc_rnics ;;
	smc_chk | chk) _smc_chk ;;
	smc_dbg | dbg) _smc_offer -h --help -j --json -t --tgz -v --version ;;
	*) return 1 ;;
	esac
	return 0
}

# smc --install [-s] [-r] [-f] DIR
_smc_install() {
	if [[ $cur == -* ]]; then
		_smc_offer -s -r -f
	else
		_filedir -d
	fi
}

# The one completion function: the applet is the command's name, or for
# smc (under any other name) its first argument. base is the index in
# COMP_WORDS of the applet's own name, for _command_offset.
_smc() {
	local cur prev words cword base=0
	_init_completion || return
	_smc_applet "${words[0]##*/}" && return
	if ((cword == 1)); then
		_smc_offer smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg run ss pnet chk dbg help -h --help -v --version --list --install
	elif [[ ${words[1]} == --install ]]; then
		_smc_install
	else
		words=("${words[@]:1}")
		((cword--))
		base=1
		_smc_applet "${words[0]}"
	fi
}

complete -F _smc smc smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg
