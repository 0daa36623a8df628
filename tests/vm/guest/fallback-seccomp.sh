# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "preload fallback", smc run for statically linked programs: with
# no AF_SMC the seccomp supervisor lets every socket() run ("continue"), so
# the programs talk TCP. Sourced by fallback.sh (transfer.sh loaded, $MIB set).
transfer 7002 xfer-static xfer-raw "$MIB"
transfer 7003 xfer-raw xfer-static "$MIB" -m seccomp
run smc run sockcheck-static "seccomp fallback" 0 0 tcp
grep '^not ok - ' "$T/out" | while read -r line; do nok "seccomp: sockcheck ${line#not ok - }" "see above"; done
[ "$RC" -eq 0 ] && [ "$(tail -n 1 "$T/out")" = "ok - seccomp fallback: every check passed" ] && [ -z "$ERR" ] &&
	ok "seccomp: sockcheck-static without AF_SMC, every socket TCP ($(grep -c '^ok - ' "$T/out") checks)" ||
	nok "seccomp: sockcheck-static without AF_SMC, every socket TCP" "rc=$RC $ERR"
check "seccomp: smc module still not loaded" no_smc_module
