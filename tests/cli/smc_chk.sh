#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc_chk on this host: help, version, the option grammar, bad input (one
# line on stderr, status 1, nothing on stdout), and a kernel without SMC.
# The verdicts themselves are checked on a real kernel (tests/vm).
. "$(dirname "$0")/lib.sh"

expect_ok "smc_chk -h" '^Usage: smc_chk \[OPTIONS\] -C <IP>$' "$SMC" smc_chk -h
expect_ok "smc_chk --help lists --static-analysis" '^   -s, --static-analysis ' "$SMC" smc_chk --help
expect_ok "smc_chk -h names the default port" 'with PORT \(default: 37373\)' "$SMC" smc_chk -h
expect_ok "smc_chk without a mode prints the usage, as smc-tools does" '^Check SMC setup$' "$SMC" smc_chk
expect_ok "smc_chk -v" '^smc_chk \(smc\) ' "$SMC" smc_chk -v
expect_ok "smc chk -v (the short name)" '^smc_chk \(smc\) ' "$SMC" chk -v

expect_fail "unknown option" 'option "-x" is unknown, try "smc_chk -h"' "$SMC" smc_chk -x
expect_fail "unknown long option" 'option "--bogus" is unknown' "$SMC" smc_chk --bogus
expect_fail "-C without its argument" 'missing argument after "-C"' "$SMC" smc_chk -C
expect_fail "-i without its argument" 'missing argument after "-i"' "$SMC" smc_chk -i
expect_fail "-p without its argument" 'missing argument after "-p"' "$SMC" smc_chk -S -p
expect_fail "-C with a name" 'unknown destination "host\.example": give an IPv4 or IPv6 address' \
	"$SMC" smc_chk -C host.example
expect_fail "-C with a bad address" 'unknown destination "1\.2\.3\.256"' "$SMC" smc_chk -C 1.2.3.256
for port in 0 65536 -1 12x ""; do
	expect_fail "-p \"$port\"" "invalid port \"$port\": a number from 1 to 65535" "$SMC" smc_chk -p "$port" -C 127.0.0.1
done
expect_fail "-s with -C" 'cannot combine options -s/--static-analysis and -C/--connect' "$SMC" smc_chk -s -C 127.0.0.1
expect_fail "-S with -i" 'cannot combine options -S/--server and -i/--pnetid' "$SMC" smc_chk -S -i lo
expect_fail "-l with -S" 'cannot combine options -l/--live-test and -S/--server' "$SMC" smc_chk -l -S
expect_fail "-s and -l with -C" 'cannot combine options -s/-l and -C/--connect' "$SMC" smc_chk -s -l -C 127.0.0.1
expect_fail "an argument after -C IP" 'extra argument "extra"' "$SMC" smc_chk -C 127.0.0.1 extra
expect_fail "an argument after -S" 'extra argument "eth0"' "$SMC" smc_chk -S eth0
expect_fail "-i with an unknown interface" 'interface "nosuch0" does not exist' "$SMC" smc_chk -i nosuch0
expect_fail "-s with an unknown interface" 'interface "nosuch0" does not exist' "$SMC" smc_chk -s nosuch0
expect_fail "-l with an unknown interface" 'interface "nosuch0" does not exist' "$SMC" smc_chk -l nosuch0

# An interface that is down: lo in a new network namespace (where allowed).
if unshare -n true 2>/dev/null; then
	expect_fail "-s with an interface that is down" '"lo" is not an active interface' unshare -n "$SMC" smc_chk -s lo
	expect_fail "-l with an interface that is down" '"lo" is not an active interface' unshare -n "$SMC" smc_chk -l lo
fi

# This host's kernel has no AF_SMC: every mode that needs it says what to load.
if ! grep -qw smc /proc/modules 2>/dev/null && [[ ! -d /sys/module/smc ]]; then
	expect_fail "-C without the smc module" 'cannot create an SMC socket: .*modprobe smc' "$SMC" smc_chk -C 127.0.0.1
	expect_fail "-S without the smc module" 'cannot create an SMC socket: .*modprobe smc' "$SMC" smc_chk -S
	expect_fail "-l without the smc module" 'cannot create an SMC socket: .*modprobe smc' "$SMC" smc_chk -l lo
	expect_fail "-s without the smc module" 'SMC module not loaded.*modprobe smc' "$SMC" smc_chk -s
	expect_fail "-i without the smc module" 'SMC module not loaded.*modprobe smc' "$SMC" smc_chk -i lo
	expect_fail "-j -C without the smc module" 'cannot create an SMC socket' "$SMC" smc_chk -j -C ::1
fi

# A full stdout is an error, not a silent loss.
if [[ -w /dev/full ]]; then
	"$SMC" smc_chk -h >/dev/full 2>"$TMP/err"
	rc=$?
	[[ $rc -eq 1 ]] && grep -q 'cannot write' "$TMP/err" && ok "smc_chk -h to a full stdout fails" ||
		nok "smc_chk -h to a full stdout fails" "rc=$rc $(cat "$TMP/err")"
fi
