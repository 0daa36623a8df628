#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smcss: options, refused combinations, and the answer of a kernel without
# smc_diag (this host's case; with the module loaded the header is checked).
. "$(dirname "$0")/lib.sh"

expect_ok "smcss -h" '^Usage: smcss \[ OPTIONS \]' "$SMC" smcss -h
expect_ok "smcss --help lists --smcr" '-R, --smcr ' "$SMC" smcss --help
expect_ok "smcss -h lists --json" '-j, --json ' "$SMC" smcss -h
expect_ok "smcss -v" '^smcss \(smc\) ' "$SMC" smcss -v
expect_ok "smcss --version" '^smcss \(smc\) ' "$SMC" smcss --version
expect_fail "smcss unknown option" 'option "-x" is unknown, try "smcss -h"' "$SMC" smcss -x
expect_fail "smcss unknown letter in a cluster" 'option "-z" is unknown' "$SMC" smcss -az
expect_fail "smcss unknown long option" 'option "--bogus" is unknown' "$SMC" smcss --bogus
expect_fail "smcss long option with a value" 'option "--all=1" is unknown' "$SMC" smcss --all=1
expect_fail "smcss extra argument" 'extra argument "foo", try "smcss -h"' "$SMC" smcss foo
expect_fail "smcss extra argument after options" 'extra argument "foo"' "$SMC" smcss -a foo
expect_fail "smcss -D with -R" '^smcss: --smcd together with --smcr is not supported$' "$SMC" smcss -D -R
expect_fail "smcss -l with -a" '--listening together with --all is not supported' "$SMC" smcss -la
expect_fail "smcss -l with -d" '--listening together with --debug is not supported' "$SMC" smcss -l -d
expect_fail "smcss -l with -R" '--listening together with --smcr is not supported' "$SMC" smcss --listening --smcr
expect_fail "smcss -l with -D" '--listening together with --smcd is not supported' "$SMC" smcss -lD

header='^State          UID   Inode   Local Address           Peer Address            Intf Mode '
for args in "" "-a" "-j" "-aRj"; do
	if [[ -d /sys/module/smc_diag ]]; then
		if [[ $args == *j* ]]; then
			expect_ok "smcss $args with smc_diag loaded: JSON" '^\{"sockets":\[' "$SMC" smcss $args
		else
			expect_ok "smcss $args with smc_diag loaded: header" "$header" "$SMC" smcss $args
		fi
	else
		expect_fail "smcss $args without smc_diag names the module" \
			'^smcss: SMC socket diagnostics not available: load the smc_diag module \(modprobe smc_diag\)$' \
			"$SMC" smcss $args
	fi
done
