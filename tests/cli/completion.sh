#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion (completion/smc.bash): sourced here, _smc called with
# COMP_WORDS and COMP_CWORD set as bash sets them, COMPREPLY checked. The
# device names come from a sysfs tree made here.
. "$(dirname "$0")/lib.sh"
. /usr/share/bash-completion/bash_completion
. "$(dirname "$0")/../../completion/smc.bash"

export SMC_COMPLETION_SYSFS=$TMP/sys
mkdir -p "$TMP"/sys/class/net/{lo,eth0,eth1,ens1f0} "$TMP"/sys/class/infiniband/{mlx5_0,rxe0}

# complete WORD...: run _smc as bash would to complete the last WORD.
complete_words() {
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	_smc
}

# complete_is WANT WORD...: completing the last WORD offers exactly WANT
# (space-separated, any order).
complete_is() {
	local want=$1 got
	shift
	complete_words "$@"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
	want=$(tr ' ' '\n' <<<"$want" | sed '/^$/d' | sort | tr '\n' ' ')
	[[ $got == "$want" ]] && ok "complete \"$*\"" || nok "complete \"$*\"" "got [$got], want [$want]"
}

# The objects and options the binary's own help lists.
smcd_objects=$("$SMC" smcd -h | sed -n 's/^where  OBJECT := {\(.*\)}$/\1/p' | tr -d '|')
smcr_objects=$("$SMC" smcr -h | sed -n 's/^where  OBJECT := {\(.*\)}$/\1/p' | tr -d '|')
help_options() { "$SMC" "$1" -h | grep -oE -- '(^|[[:space:]])--?[A-Za-z][A-Za-z-]*' | tr -d ' \t' | sort -u | tr '\n' ' '; }
smcss_options=$(help_options smcss)
pnet_options=$(help_options smc_pnet)
rnics_options=$(help_options smc_rnics)
chk_options=$("$SMC" smc_chk -h | grep -oE -- '(^|[[:space:]])--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' \t' | sort -u | tr '\n' ' ')
[[ -n $smcd_objects && -n $smcss_options ]] && ok "help lists objects and options" ||
	nok "help lists objects and options" "cannot read them from $SMC"

complete_is "smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg run ss pnet chk dbg help -h --help -v --version --list --install" smc ""
complete_is "$("$SMC" --list | tr '\n' ' ') ss" smc s
complete_is "--install" smc --in
complete_is "-s -r -f" smc --install -
complete_is "$smcd_objects help" smcd ""
complete_is "$smcr_objects help" smcr ""
complete_is "$smcd_objects help" /usr/sbin/smcd ""
complete_is "$smcr_objects help" smc smcr ""
complete_is "seid stats" smcd s
complete_is "stats" smcr s
complete_is "$smcd_objects help" smcd -d -j ""
complete_is "-d -dd" smcd -d
complete_is "--details --ddetails" smcd --d
complete_is "-a" smcr -a
complete_is "-a --absolute -d --details -dd --ddetails -j --json -p --pretty -h --help -v --version" smcr -
complete_is "show link-show all netdev ibdev help" smcr linkgroup ""
complete_is "show link-show all netdev ibdev help" smcr -d lgr ""
complete_is "all netdev ibdev" smcr linkgroup link-show ""
complete_is "eth0 eth1" smcr lgr show netdev eth
complete_is "lo eth0 eth1 ens1f0" smcr device netdev ""
complete_is "mlx5_0 rxe0" smcr dev ibdev ""
complete_is "" smcr dev ibdev rxe0 ""
complete_is "show all help" smcd device ""
complete_is "show all help" smcd linkgroup ""
complete_is "show reset json prometheus help" smcr stats ""
complete_is "show reset json prometheus help" smcd s ""	# as in smc-tools, s is stats (before seid)
complete_is "show link-show all netdev ibdev help" smcr l ""
complete_is "reset" smc smcr -d stats r
complete_is "show add del flush help" smcd ueid ""
complete_is "show enable disable help" smcd seid ""
complete_is "show enable disable help" smcr hslimit ""
complete_is "show enable disable help" smcd handshake-limit ""
complete_is "show help" smcd info ""
complete_is "" smcr bogus ""
complete_is "$smcss_options" smcss -
complete_is "--wide" smcss --w
complete_is "--smcd --smcr" smc ss --smc
complete_is "$pnet_options" smc_pnet -
complete_is "eth0 eth1" smc_pnet -a NET1 -I eth
complete_is "mlx5_0 rxe0" smc pnet -a NET1 --ibdevice ""
complete_is "1 2" smc_pnet -a NET1 -D mlx5_0 -P ""
complete_is "" smc_pnet ""
complete_is "$rnics_options" smc_rnics -
complete_is "$rnics_options" smc smc_rnics -
complete_is "" smc_rnics -e ""
complete_is "$chk_options" smc_chk -
complete_is "eth0 eth1" smc_chk -i eth
complete_is "lo eth0 eth1 ens1f0" smc chk -s ""
complete_is "" smc_chk -C ""
complete_is "" smc_chk -p ""
complete_is "$(help_options smc_dbg)" smc_dbg -
complete_is "--tgz" smc dbg --t
complete_is "--static-analysis --server" smc_chk --s
complete_is "-d -r -t -m -h --help -v --version" smc_run -
complete_is "auto preload seccomp" smc_run -m ""
complete_is "seccomp" smc run -d -m s
complete_is "--help" smc run --h
complete_is "64k 256k 512k 1m" smc_run -r ""
complete_is "1m" smc_run -d -t 1

# A program name, then the program's own completion (bash-completion's:
# sh offers scripts, curl its options; true has none: files).
touch "$TMP/afile.sh" "$TMP/afile.txt"
complete_is "$TMP/afile.sh" smc_run -r 1m sh "$TMP/af"
complete_is "$TMP/afile.sh $TMP/afile.txt" smc run -- true "$TMP/af"
complete_is "--verbose --version" smc run -d curl --ver
complete_is "--verbose --version" smc_run -- curl --ver
complete_is "$TMP/afile.sh" smc_run -m seccomp sh "$TMP/af"
complete_words smc_run -r 1m bas
printf '%s\n' "${COMPREPLY[@]}" | grep -qx bash && ok "complete \"smc_run -r 1m bas\" offers commands" ||
	nok "complete \"smc_run -r 1m bas\" offers commands" "got ${COMPREPLY[*]}"

# A device name is quoted, never expanded: this one would run touch, in
# the directory completion runs in.
hostile='$(touch${IFS}pwned)'
mkdir -p "$TMP/hostile/class/net/$hostile" "$TMP/cwd"
(
	cd "$TMP/cwd" || exit
	SMC_COMPLETION_SYSFS=$TMP/hostile complete_is "$(printf '%q' "$hostile")" smc_pnet -I ""
	SMC_COMPLETION_SYSFS=$TMP/hostile complete_is "$(printf '%q' "$hostile")" smcr device show netdev ""
)
[[ -z $(ls -A "$TMP/cwd") ]] && ok "a hostile interface name runs nothing" ||
	nok "a hostile interface name runs nothing" "created: $(ls -A "$TMP/cwd")"

# Without SMC_COMPLETION_SYSFS the names come from /sys.
unset SMC_COMPLETION_SYSFS
complete_is "$(ls /sys/class/net | tr '\n' ' ')" smc_pnet -I ""

# Every command the man pages' synopses name is offered after its object:
# the bold lowercase words of smcd-OBJECT(8)'s SYNOPSIS, less the applet,
# object and filter words.
man_commands() {
	sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$(dirname "$0")/../../man/smcd-$1.8" | grep -E '^\.(B|BR|RB) ' |
		sed -e 's/^\.[BR]* //' -e 's/\\-/-/g' -e 's/"//g' | tr ' |{}[]' '\n' | grep -x '[a-z][a-z-]*' |
		grep -vx -e smcd -e smcr -e "$1" -e all -e netdev -e ibdev | sort -u
}
for object in info linkgroup device stats ueid seid handshake-limit; do
	tech=smcd
	[[ $object == linkgroup ]] && tech=smcr
	missing=
	complete_words "$tech" "$object" ""
	for command in $(man_commands "$object"); do
		printf '%s\n' "${COMPREPLY[@]}" | grep -qx -- "$command" || missing+=" $command"
	done
	[[ -n $(man_commands "$object") && -z $missing ]] &&
		ok "completion offers every command of smcd-$object(8): $(man_commands "$object" | tr '\n' ' ')" ||
		nok "completion offers every command of smcd-$object(8)" "missing:$missing"
done
