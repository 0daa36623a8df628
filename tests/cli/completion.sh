#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion (completion/smc.bash): sourced here, _smc called with
# COMP_WORDS and COMP_CWORD set as bash sets them, COMPREPLY checked. The
# device names come from a sysfs tree made here.
. "$(dirname "$0")/lib.sh"
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
help_options() { "$SMC" "$1" -h | grep -oE -- '(^|[[:space:]])--?[A-Za-z]+' | tr -d ' \t' | sort -u | tr '\n' ' '; }
smcss_options=$(help_options smcss)
pnet_options=$(help_options smc_pnet)
[[ -n $smcd_objects && -n $smcss_options ]] && ok "help lists objects and options" ||
	nok "help lists objects and options" "cannot read them from $SMC"

complete_is "smcd smcr smc_run smcss smc_pnet run ss pnet -h --help -v --version --list --install" smc ""
complete_is "$("$SMC" --list | tr '\n' ' ') ss" smc s
complete_is "--install" smc --in
complete_is "-s -f" smc --install -
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
complete_is "-a --absolute -d --details -dd --ddetails -j --json -h --help -v --version" smcr -
complete_is "show link-show all netdev ibdev help" smcr linkgroup ""
complete_is "show link-show all netdev ibdev help" smcr -d lgr ""
complete_is "all netdev ibdev" smcr linkgroup link-show ""
complete_is "eth0 eth1" smcr lgr show netdev eth
complete_is "lo eth0 eth1 ens1f0" smcr device netdev ""
complete_is "mlx5_0 rxe0" smcr dev ibdev ""
complete_is "" smcr dev ibdev rxe0 ""
complete_is "show all help" smcd device ""
complete_is "show all help" smcd linkgroup ""
complete_is "show reset json help" smcr stats ""
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
complete_is "-d -r -t -m -h --help -v --version" smc_run -
complete_is "auto preload seccomp" smc_run -m ""
complete_is "seccomp" smc run -d -m s
complete_is "--help" smc run --h
complete_is "64k 256k 512k 1m" smc_run -r ""
complete_is "1m" smc_run -d -t 1

# A program name and then its arguments: commands, then files.
touch "$TMP/afile"
complete_is "$TMP/afile" smc_run -r 1m sh "$TMP/af"
complete_is "$TMP/afile" smc run -- true "$TMP/af"
complete_is "$TMP/afile" smc_run -m seccomp sh "$TMP/af"
complete_words smc_run -r 1m bas
printf '%s\n' "${COMPREPLY[@]}" | grep -qx bash && ok "complete \"smc_run -r 1m bas\" offers commands" ||
	nok "complete \"smc_run -r 1m bas\" offers commands" "got ${COMPREPLY[*]}"

# Without SMC_COMPLETION_SYSFS the names come from /sys.
unset SMC_COMPLETION_SYSFS
complete_is "$(ls /sys/class/net | tr '\n' ' ')" smc_pnet -I ""
