#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smcd/smcr info, linkgroup, device, seid, handshake-limit: arguments, and
# what each says on a host without the SMC module (no kernel reached).
. "$(dirname "$0")/lib.sh"

NOT_LOADED='SMC module not loaded .*modprobe smc'

expect_fail "smcr info: unknown argument" 'argument "bogus" is unknown, try "smcr info help"' "$SMC" smcr info bogus
expect_fail "smcr info show: extra argument" 'extra argument "x", try "smcr info help"' "$SMC" smcr info show x
expect_fail "smcr linkgroup link-show netdev: NETDEV missing" 'missing NETDEV after "netdev", try "smcr lgr help"' \
	"$SMC" smcr lgr link-show netdev
expect_fail "smcr linkgroup ibdev: IBDEV missing" 'missing IBDEV after "ibdev", try "smcr linkgroup help"' "$SMC" smcr linkgroup ibdev
expect_fail "smcr linkgroup: an LG-ID is one word" 'extra argument "bogus"' "$SMC" smcr linkgroup 100 bogus
expect_fail "smcr linkgroup: no LG-ID after all" 'extra argument "100"' "$SMC" smcr linkgroup all 100
expect_fail "smcr linkgroup show all: extra argument" 'extra argument "eth0"' "$SMC" smcr linkgroup show all eth0
expect_fail "smcr linkgroup: filter before command" 'extra argument "show"' "$SMC" smcr linkgroup all show
expect_fail "smcd linkgroup: no netdev filter for SMC-D (netdev is an LG-ID there)" 'extra argument "eth0"' \
	"$SMC" smcd lgr show netdev eth0
expect_fail "smcr device show netdev eth0: extra argument" 'extra argument "x"' \
	"$SMC" smcr dev show netdev eth0 x
expect_fail "smcr device netdev: NETDEV missing" 'missing NETDEV after "netdev", try "smcr device help"' "$SMC" smcr device netdev
expect_fail "smcd device: no ibdev filter for SMC-D" 'argument "ibdev" is unknown' "$SMC" smcd device ibdev ism0
expect_fail "smcd seid: unknown command" 'argument "bogus" is unknown, try "smcd seid help"' "$SMC" smcd seid bogus
expect_fail "smcd seid show: extra argument" 'extra argument "x", try "smcd seid help"' "$SMC" smcd seid show x
expect_fail "smcr seid: SMC-D only" 'seid: the system EID is SMC-D only, use "smcd seid"' "$SMC" smcr seid
expect_fail "smcr seid show: SMC-D only" 'SMC-D only' "$SMC" smcr seid show
expect_fail "smcr: se is seid, SMC-D only" 'se: the system EID is SMC-D only' "$SMC" smcr se
run "$SMC" smcr s
grep -q -e ambiguous -e unknown <<<"$ERR" && nok "smcr: s still means stats, not seid" "$ERR" || ok "smcr: s still means stats, not seid"
expect_fail "smcd handshake-limit: unknown command" 'argument "on" is unknown, try "smcd handshake-limit help"' \
	"$SMC" smcd handshake-limit on
expect_fail "smcr hslimit enable: extra argument" 'extra argument "x", try "smcr hslimit help"' "$SMC" smcr hslimit enable x
expect_fail "smcd info help: extra argument" 'extra argument "x", try "smcd info help"' "$SMC" smcd info help x

expect_ok "smcr info help" '^Usage: smcr info \[show\]$' "$SMC" smcr info help
expect_ok "smcr linkgroup help" '^Usage: smcr linkgroup \[show \| link-show\] \[all \| LG-ID \| netdev NETDEV \| ibdev IBDEV\]$' \
	"$SMC" smcr linkgroup help
expect_ok "smcd linkgroup help" '^Usage: smcd linkgroup \[show\] \[all \| LG-ID\]$' "$SMC" smcd lgr help
expect_ok "smcr device help" '^Usage: smcr device \[show\] \[all \| netdev NETDEV \| ibdev IBDEV\]$' "$SMC" smcr dev help
expect_ok "smcd device help" '^Usage: smcd device \[show\] \[all\]$' "$SMC" smcd device help
expect_ok "smcd seid help" '^Usage: smcd seid \[show \| enable \| disable\]$' "$SMC" smcd seid help
expect_ok "smcr handshake-limit help" '^Usage: smcr handshake-limit \[show \| enable \| disable\]$' \
	"$SMC" smcr handshake-limit help

# Every accepted command line reaches the kernel, which has no SMC here.
if [[ -e /sys/module/smc ]]; then
	echo "# the SMC module is loaded on this host: the no-kernel checks below do not apply"
	exit 0
fi
while read -r line; do
	# shellcheck disable=SC2086
	expect_fail "no kernel: $line says the SMC module is not loaded" "$NOT_LOADED" "$SMC" $line
done <<'LINES'
smcr info
smcd info show
smcr -j info
smcr i s
smcr linkgroup
smcr lgr show all
smcr lgr l
smcr -d linkgroup link-show
smcr -dd lgr link-show netdev eth0
smcr lgr show ibdev rxe0
smcd linkgroup
smcd -j lgr show all
smcr device
smcr -d dev show netdev eth0
smcr dev ibdev rxe0
smcd device
smcd -d dev s a
smcd seid
smcd seid show
smcd seid enable
smcd seid d
smcd -j seid
smcr handshake-limit
smcd hslimit show
smcr handshake-limit enable
smcd ha disable
LINES
