# SPDX-License-Identifier: GPL-2.0-or-later
# JSON on names that are not UTF-8 and pretty JSON (sourced by one-host.sh):
# an interface whose name holds bytes that are no UTF-8 (the kernel takes
# any byte but '/', ':' and white space) in the PNET table. Every document
# kept here is parsed by the host's python3 in json_check.
bad_name=$(printf 'v\377\303x')
check "veth pair named with non-UTF-8 bytes" ip link add "$bad_name" type veth peer name vutf1
expect_ok "smc_pnet -a on the non-UTF-8 name" '' smc_pnet -a NETU -I "$bad_name"
json_keep "smc_pnet -j: a non-UTF-8 interface name" smc_pnet -j
grep -q '"v\\u00ff\\u00c3x"' "$T/out" && ok "smc_pnet -j: each stray byte as \\u00XX" ||
	nok "smc_pnet -j: each stray byte as \\u00XX" "got: $OUT"
json_keep "smc_pnet -j -p: pretty" smc_pnet -j -p
[ "$(wc -l <"$T/out")" -gt 3 ] && grep -q '^    "pnet_table": \[$' "$T/out" && ok "smc_pnet -jp: one member a line, indented" ||
	nok "smc_pnet -jp: one member a line, indented" "got: $OUT"
json_keep "smc_pnet --json --pretty -s NETU" smc_pnet --json --pretty -s NETU
expect_ok "smc_pnet -d NETU" '' smc_pnet -d NETU
check "non-UTF-8 veth removed" ip link del "$bad_name"
json_keep "smcr -j -p info" smcr -j -p info
json_keep "smcd --json --pretty stats" smcd --json --pretty stats
json_keep "smcss -j -p -a" smcss -j -p -a
