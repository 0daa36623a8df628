#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smcd/smcr ueid: arguments and the UEID rule, checked before any request
# (no kernel needed: an invalid UEID never reaches netlink).
. "$(dirname "$0")/lib.sh"

for app in smcd smcr; do
	expect_ok "$app ueid help" "^Usage: $app ueid \\[show \\| add <ueid> \\| del <ueid> \\| flush\\]" "$SMC" $app ueid help
	expect_ok "$app ueid h (prefix of help)" "^Usage: $app ueid " "$SMC" $app ueid h
	expect_fail "$app ueid add without name" "missing UEID after \"add\", try \"$app ueid help\"" "$SMC" $app ueid add
	expect_fail "$app ueid del without name" "missing UEID after \"del\"" "$SMC" $app ueid del
	expect_fail "$app ueid add with two names" "extra argument \"B\", try \"$app ueid help\"" "$SMC" $app ueid add A B
	expect_fail "$app ueid show extra" 'extra argument "x"' "$SMC" $app ueid show x
	expect_fail "$app ueid flush extra" 'extra argument "x"' "$SMC" $app ueid flush x
	expect_fail "$app ueid unknown command" 'ueid command "bogus" is unknown' "$SMC" $app ueid bogus
	expect_fail "$app ueid lower case" "UEID character 1 \\('s'\\) is lower case" "$SMC" $app ueid add smc-1
	expect_fail "$app ueid lower case later" "UEID character 5 \\('x'\\) is lower case" "$SMC" $app ueid del SMC-x
	expect_fail "$app ueid leading dot" "UEID must begin with an upper-case letter or a digit, not '\\.'" "$SMC" $app ueid add .SMC
	expect_fail "$app ueid leading dash" "not '-'" "$SMC" $app ueid add -SMC
	expect_fail "$app ueid underscore" "UEID character 4 \\('_'\\) is not allowed: use A-Z, 0-9, '\\.' or '-'" "$SMC" $app ueid add SMC_1
	expect_fail "$app ueid inner blank" "UEID character 4 \\(' '\\) is not allowed" "$SMC" $app ueid add "SMC 1"
	expect_fail "$app ueid newline" "UEID character 4 \\(byte 0x0a\\) is not allowed" "$SMC" $app ueid add "$(printf 'SMC\nX')"
	expect_fail "$app ueid non-ASCII" "UEID character 1 \\(byte 0xc3\\)" "$SMC" $app ueid add "$(printf '\xc3\x84B')"
	expect_fail "$app ueid 33 characters" "UEID is 33 characters long, at most 32 are allowed" "$SMC" $app ueid add "$(printf 'A%.0s' {1..33})"
	expect_fail "$app ueid empty" "UEID is empty" "$SMC" $app ueid add ""
	expect_fail "$app ueid blanks only" "UEID is empty" "$SMC" $app ueid del "   "
	if [[ ! -d /sys/module/smc ]]; then
		# This host has no SMC module: valid requests get as far as netlink.
		for cmd in "" show "add SMC-TEST-UEID-1" "add ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" "del X.Y-1   " flush; do
			# shellcheck disable=SC2086
			expect_fail "$app ueid ${cmd:-(default show)} without SMC module" \
				'SMC module not loaded \(generic netlink family SMC_GEN_NETLINK not found\); load it with "modprobe smc"' \
				"$SMC" $app ueid $cmd
		done
	fi
done
