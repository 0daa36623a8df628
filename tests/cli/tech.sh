#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smcd/smcr: options, objects, help, errors (no kernel needed for these).
. "$(dirname "$0")/lib.sh"

for app in smcd smcr; do
	expect_ok "$app help" "^Usage: $app \\[ OPTIONS \\] OBJECT" "$SMC" $app help
	expect_ok "$app -h" "^where  OBJECT := \\{info \\| linkgroup" "$SMC" $app -h
	expect_ok "$app --help" "^Usage: $app " "$SMC" $app --help
	expect_ok "$app -help" "^Usage: $app " "$SMC" $app -help
	expect_ok "$app -v" "^$app \\(smc\\) " "$SMC" $app -v
	expect_ok "$app --version" "^$app \\(smc\\) " "$SMC" $app --version
	expect_ok "$app -version" "^$app \\(smc\\) " "$SMC" $app -version
	expect_fail "$app without object" "missing object, try \"$app help\"" "$SMC" $app
	expect_fail "$app unknown object" "object \"bogus\" is unknown, try \"$app help\"" "$SMC" $app bogus
	expect_fail "$app empty object" 'object "" is unknown' "$SMC" $app ""
	expect_fail "$app unknown short option" 'option "-x" is unknown' "$SMC" $app -x stats
	expect_fail "$app unknown long option" 'option "--bogus" is unknown' "$SMC" $app --bogus stats
	expect_fail "$app bad letter in option cluster" 'option "-dz" is unknown' "$SMC" $app -dz stats
	expect_fail "$app lone dash" 'option "-" is unknown' "$SMC" $app - stats
	expect_fail "$app double dash alone" 'option "--" is unknown' "$SMC" $app -- stats
	expect_fail "$app help with extra argument" "extra argument \"x\", try \"$app help\"" "$SMC" $app help x
	expect_fail "$app non-ASCII object" 'object ".*" is unknown' "$SMC" $app "$(printf 'st\xc3\xa4ts')"
	expect_fail "$app over-long object" 'object "x{300}" is unknown' "$SMC" $app "$(printf 'x%.0s' {1..300})"
done
expect_ok "smcd help lists seid" 'ueid \| seid \| handshake-limit\}' "$SMC" smcd help
run "$SMC" smcr help
grep -q seid <<<"$OUT" && nok "smcr help does not list seid" "listed" || ok "smcr help does not list seid"
expect_fail "smcd: s is ambiguous (stats, seid)" 'object "s" is ambiguous' "$SMC" smcd s
