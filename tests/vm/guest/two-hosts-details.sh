# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by two-hosts.sh with the first SMC-Rv2 connection held open
# ($lrole is SERV or CLNT): smc-tools' grammar and linkgroup's details on
# the real kernel's state.

# same_output NAME CMD1 -- CMD2: both succeed with the same stdout.
same_output() {
	name=$1
	shift
	first=""
	while [ "$1" != -- ]; do first="$first $1"; shift; done
	shift
	# shellcheck disable=SC2086 # the words of the first command
	run $first
	want=$OUT want_rc=$RC
	run "$@"
	if [ "$want_rc" -ne 0 ] || [ "$RC" -ne 0 ] || [ -n "$ERR" ]; then
		nok "$name" "exit status $want_rc and $RC, stderr: $ERR"
	elif [ -z "$OUT" ] || [ "$OUT" != "$want" ]; then
		nok "$name" "got \"$OUT\", want \"$want\""
	else ok "$name"; fi
}

lgr_header='LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID '
same_output "smcr -d linkgroup: smc-tools' show has no detail columns" smcr linkgroup -- smcr -d linkgroup
same_output "smcr -dd linkgroup show: the same" smcr linkgroup -- smcr -dd linkgroup show
same_output "smcr linkgroup show 100: the link group by its ID" smcr linkgroup -- smcr linkgroup show 100
same_output "smcr linkgroup 101: a link's ID selects its link group" smcr linkgroup -- smcr linkgroup 101
same_output "smcr linkgroup link-show 100" smcr linkgroup link-show -- smcr linkgroup link-show 100
expect_ok "smcr linkgroup show 200: the header only" "^$lgr_header\$" smcr linkgroup show 200
[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smcr linkgroup show 200 shows no link group" ||
	nok "smcr linkgroup show 200 shows no link group" "$OUT"
json_keep "smcr -d -j linkgroup" smcr -d -j linkgroup
expect_ok "smcr -j linkgroup: SMC-Rv2 with a Linux peer, direct, the UEID negotiated" \
	'"smc_version":2,"peer_release":[0-9]+,"peer_os":"Linux","peer_host":"[^"]*","negotiated_eid":"SMC-LAB-UEID","direct":true' \
	smcr -j linkgroup

# smc-tools' abbreviations and option prefixes mean what they mean there
same_output "smcr d is device" smcr device -- smcr d
same_output "smcr l l is linkgroup link-show" smcr linkgroup link-show -- smcr l l
same_output "smcr -de d is smcr -d device" smcr -d device -- smcr -de d
same_output "smcr --d li link-s is smcr -d linkgroup link-show" smcr -d linkgroup link-show -- smcr --d li link-s
same_output "smcr -dde l l is smcr -dd linkgroup link-show" smcr -dd linkgroup link-show -- smcr -dde l l
same_output "smcr -- lgr is smcr linkgroup" smcr linkgroup -- smcr -- lgr
same_output "smcr i is info" smcr info -- smcr i
same_output "smcr u is ueid" smcr ueid show -- smcr u
expect_ok "smcr h is help" '^Usage: smcr ' smcr h
expect_ok "smcr -he is -h" '^Usage: smcr ' smcr -he
expect_fail "smcr se: SMC-D only, as smc-tools says" 'SMC-D only' smcr se

# a UEID the kernel would refuse is refused before it is sent
expect_fail "smcr ueid add A..B names the rule" "consecutive dots \\('\\.\\.'\\)" smcr ueid add A..B
expect_ok "smcr ueid show: the table unchanged" '^SMC-LAB-UEID *$' smcr ueid show
[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smcr ueid show: one UEID" || nok "smcr ueid show: one UEID" "$OUT"

# smc_rnics: rxe0 on eth0, no PCI function under it, SMC's link on it
expect_ok "smc_rnics: rxe0 on eth0, used by SMC" '^ +- +- +- +- +Software +0 +n/a +eth0 +ACTIVE +yes *$' smc_rnics
expect_ok "smc_rnics -I: rxe0 port 1" '^ +- +- +- +- +Software +1 +n/a +rxe0 +ACTIVE +yes *$' smc_rnics -I
expect_fail "smc_rnics -e 11: no such slot here" 'FID 11 does not exist|no PCI slots' smc_rnics -e 11
