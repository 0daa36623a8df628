#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc_pnet: arguments refused before anything is sent, and the answer of a
# kernel without the SMC module (this host's case).
. "$(dirname "$0")/lib.sh"

expect_ok "smc_pnet -h" '^Usage: smc_pnet \[ OPTIONS \] \[PNETID\]' "$SMC" smc_pnet -h
expect_ok "smc_pnet --help lists --ibport" '-P, --ibport PORT' "$SMC" smc_pnet --help
expect_ok "smc_pnet -v" '^smc_pnet \(smc\) ' "$SMC" smc_pnet -v
expect_ok "smc_pnet --version" '^smc_pnet \(smc\) ' "$SMC" smc_pnet --version
expect_fail "smc_pnet unknown option" 'option "-x" is unknown, try "smc_pnet -h"' "$SMC" smc_pnet -x
expect_fail "smc_pnet unknown long option" 'option "--bogus" is unknown' "$SMC" smc_pnet --bogus
expect_fail "smc_pnet PNETID with underscore" 'PNETID "NET_1" may hold only letters and digits' \
	"$SMC" smc_pnet -a NET_1 -I eth0
expect_fail "smc_pnet PNETID with blank" 'PNETID "NET 1" may hold only letters and digits' \
	"$SMC" smc_pnet -s "NET 1"
expect_fail "smc_pnet PNETID of 17 characters" 'has 17 characters, it takes 1 to 16' \
	"$SMC" smc_pnet -d 12345678901234567
expect_fail "smc_pnet empty PNETID" 'PNETID "" has 0 characters' "$SMC" smc_pnet -d ""
expect_fail "smc_pnet port 0" '^smc_pnet: port "0" is not 1 or 2$' "$SMC" smc_pnet -a NET1 -D rxe0 -P 0
expect_fail "smc_pnet port 3" 'port "3" is not 1 or 2' "$SMC" smc_pnet -a NET1 -D rxe0 -P 3
expect_fail "smc_pnet port abc" 'port "abc" is not 1 or 2' "$SMC" smc_pnet -a NET1 -D rxe0 --ibport abc
expect_fail "smc_pnet port 01" 'port "01" is not 1 or 2' "$SMC" smc_pnet -a NET1 -D rxe0 -P 01
expect_fail "smc_pnet -P without -D" '-P needs a device \(-D\)' "$SMC" smc_pnet -a NET1 -I eth0 -P 1
expect_fail "smc_pnet -a without -I or -D" '-a needs an interface \(-I\) or a device \(-D\)' "$SMC" smc_pnet -a NET1
expect_fail "smc_pnet -a without PNETID" '-a needs a PNETID' "$SMC" smc_pnet -a -I eth0
expect_fail "smc_pnet -d without PNETID" '-d needs a PNETID' "$SMC" smc_pnet -d
expect_fail "smc_pnet -f with PNETID" '-f takes no PNETID' "$SMC" smc_pnet -f NET1
expect_fail "smc_pnet -I with -s" '-I, -D and -P go only with -a' "$SMC" smc_pnet -s NET1 -I eth0
expect_fail "smc_pnet -a with -d" '-a and -d exclude each other' "$SMC" smc_pnet -a -d NET1
expect_fail "smc_pnet two PNETIDs" 'extra argument "NET2", try "smc_pnet -h"' "$SMC" smc_pnet -s NET1 NET2
expect_fail "smc_pnet PNETID without command" 'PNETID "NET1" needs -a, -d or -s' "$SMC" smc_pnet NET1
expect_fail "smc_pnet -I without value" 'missing value after "-I", try "smc_pnet -h"' "$SMC" smc_pnet -a NET1 -I
expect_fail "smc_pnet --interface without value" 'missing value after "--interface"' "$SMC" smc_pnet -a NET1 --interface
expect_fail "smc_pnet over-long interface" 'interface name "x{16}" must have 1 to 15 characters' \
	"$SMC" smc_pnet -a NET1 -I xxxxxxxxxxxxxxxx
expect_fail "smc_pnet -j with -f" '-j goes only with showing the table' "$SMC" smc_pnet -j -f

if [[ ! -d /sys/module/smc ]]; then
	for args in "" "-s" "-sj" "-s net1" "-f" "-a NET1 -I eth0" "-d NET1"; do
		expect_fail "smc_pnet $args without the SMC module names it" \
			'^smc_pnet: SMC module not loaded \(generic netlink family SMC_PNETID not found\); load it with "modprobe smc"$' \
			"$SMC" smc_pnet $args
	done
fi
