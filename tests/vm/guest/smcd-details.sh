# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by smcd.sh with two SMC-Dv2 connections over loopback-ism held
# open: seid, linkgroup's details and filter, and smc-tools' grammar on the
# SMC-D kernel's state.

# ISM v2 (loopback-ism) but no s390 machine: the kernel reports an empty
# system EID, which smc-tools prints with its state.
expect_ok "smcd seid show: the empty SEID and its state" '^ \[disabled\]$' smcd seid show
expect_ok "smcd -j seid show" '^\{"seid":"","enabled":false\}$' smcd -j seid show

run smcd linkgroup
all_lgrs=$OUT
first=$(printf '%s\n' "$OUT" | awk 'NR == 2 { print $1 }')
expect_ok "smcd -d linkgroup: smc-tools' show has no detail columns" '^LG-ID ' smcd -d linkgroup
[ "$OUT" = "$all_lgrs" ] && ok "smcd -d linkgroup prints what smcd linkgroup prints" ||
	nok "smcd -d linkgroup prints what smcd linkgroup prints" "got \"$OUT\", want \"$all_lgrs\""
expect_ok "smcd linkgroup show $first: that link group only" "^$first " smcd linkgroup show "$first"
[ "$(wc -l <"$T/out")" -eq 2 ] && ok "smcd linkgroup show $first: one row" ||
	nok "smcd linkgroup show $first: one row" "$OUT"
expect_ok "smcd linkgroup ${first%?}f: no such link group, the header only" '^LG-ID ' smcd linkgroup "${first%?}f"
[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smcd linkgroup ${first%?}f: no row" || nok "smcd linkgroup ${first%?}f: no row" "$OUT"
run smcd l link-show
[ "$RC" -eq 0 ] && [ "$OUT" = "$all_lgrs" ] && ok "smcd l link-show is smcd linkgroup, as in smc-tools" ||
	nok "smcd l link-show is smcd linkgroup, as in smc-tools" "rc $RC, got \"$OUT\""
expect_ok "smcd -j linkgroup: SMC-Dv2 with a Linux peer, the UEID negotiated" \
	'"smc_version":2,"peer_release":[0-9]+,"peer_os":"Linux","peer_host":"[^"]*","negotiated_eid":"SMC-LAB-UEID","gid"' \
	smcd -j linkgroup

run smcd info
info=$OUT
for line in "i" "-de i" "-- i" "--d in"; do
	# shellcheck disable=SC2086 # the words of the line
	run smcd $line
	[ "$RC" -eq 0 ] && [ "$OUT" = "$info" ] && ok "smcd $line is smcd info" || nok "smcd $line is smcd info" "rc $RC: $ERR"
done
expect_ok "smcd s: stats, as in smc-tools" '^SMC-D Connections Summary' smcd s
expect_ok "smcd se: seid" '^ \[disabled\]$' smcd se
