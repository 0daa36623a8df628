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
	expect_fail "$app dashes after --" 'object "-d" is unknown' "$SMC" $app -- -d stats
	expect_fail "$app three dashes" 'option "---d" is unknown' "$SMC" $app ---d stats
	expect_ok "$app help ignores what follows, as smc-tools" "^Usage: $app " "$SMC" $app help x
	expect_fail "$app non-ASCII object" 'object ".*" is unknown' "$SMC" $app "$(printf 'st\xc3\xa4ts')"
	expect_fail "$app over-long object" 'object "x{300}" is unknown' "$SMC" $app "$(printf 'x%.0s' {1..300})"
done
expect_ok "smcd help lists seid" 'ueid \| seid \| handshake-limit\}' "$SMC" smcd help
run "$SMC" smcr help
grep -q seid <<<"$OUT" && nok "smcr help does not list seid" "listed" || ok "smcr help does not list seid"
# smc-tools' object order (device, linkgroup, info, stats, ueid, seid, help)
# picks what a prefix means; the object's usage shows which one it was.
while read -r app word object; do
	expect_ok "$app $word is $object" "^Usage: $app (\\[-d\\] \\[-a\\] )?$object " "$SMC" $app $word help
done <<'WORDS'
smcd s stats
smcd se seid
smcd d device
smcd l linkgroup
smcd i info
smcd u ueid
smcd ha handshake-limit
smcr s stats
smcr d device
smcr l linkgroup
smcr i info
WORDS
for app in smcd smcr; do
	for line in "h" "he" "-he" "--he" "-- help" "- help" "--d help" "-ver help"; do
		want="^Usage: $app \\[ OPTIONS \\]"
		[[ $line == -ver* ]] && want="^$app \\(smc\\) "
		# shellcheck disable=SC2086 # the words of the line
		expect_ok "$app $line" "$want" "$SMC" $app $line
	done
done
