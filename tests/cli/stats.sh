#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smcd/smcr stats: commands, options and errors on a host without SMC (no
# kernel needed; the counters themselves are checked by the unit tests).
. "$(dirname "$0")/lib.sh"

export XDG_RUNTIME_DIR=$TMP/run
mkdir -m 0700 "$XDG_RUNTIME_DIR"
nosmc='SMC module not loaded \(generic netlink family SMC_GEN_NETLINK not found\); load it with "modprobe smc"'

for app in smcd smcr; do
	expect_ok "$app stats help" "^Usage: $app \\[-d\\] \\[-a\\] stats \\[show \\| reset \\| json \\| prometheus \\[-o FILE\\]\\]" "$SMC" $app stats help
	expect_ok "$app stats help: prometheus ignores a reset" "counted since the SMC module was loaded \\(a reset does not apply\\)" "$SMC" $app stats help
	expect_fail "$app stats prometheus extra argument" "extra argument \"x\", try \"$app stats help\"" "$SMC" $app stats prometheus x
	expect_fail "$app stats prometheus -o without a file" 'missing file name after "-o"' "$SMC" $app stats prometheus -o
	expect_fail "$app stats prometheus --output empty" 'missing file name after "--output"' "$SMC" $app stats prometheus --output ""
	expect_fail "$app stats prometheus -o FILE extra" "extra argument \"x\", try \"$app stats help\"" "$SMC" $app stats prometheus -o f x
	expect_fail "$app -j stats prometheus: refused" 'option -j does not go with stats prometheus' "$SMC" $app -j stats prometheus
	expect_fail "$app --json stats prometheus -o FILE: refused" 'option -j does not go with stats prometheus' \
		"$SMC" $app --json stats prometheus -o "$TMP/never.prom"
	[[ ! -e $TMP/never.prom ]] && ok "$app stats prometheus refused: no file created" ||
		nok "$app stats prometheus refused: no file created" "$TMP/never.prom exists"
	expect_fail "$app stats unknown command" "stats command \"bogus\" is unknown, try \"$app stats help\"" "$SMC" $app stats bogus
	expect_fail "$app stats extra argument" 'extra argument "now"' "$SMC" $app stats reset now
	expect_fail "$app stats show extra argument" 'extra argument "x"' "$SMC" $app stats show x
	expect_fail "$app stats empty command" 'stats command "" is unknown' "$SMC" $app stats ""
	if [[ ! -d /sys/module/smc ]]; then
		# This host has no SMC module: every form reaches netlink and says so.
		for args in "stats" "stats show" "stats sh" "stats json" "stats j" "-d stats" "-dd stats" \
			"-a stats" "-da stats json" "-ad stats" "--details stats" "-details stats show" \
			"--absolute stats" "-j stats" "--json stats show" "stats reset" "-d stats reset" \
			"stats prometheus" "stats p" "-d stats prometheus" "stats prometheus -o $TMP/none.prom"; do
			# shellcheck disable=SC2086
			expect_fail "$app $args without SMC module" "$nosmc" "$SMC" $app $args
		done
	fi
done
if [[ ! -d /sys/module/smc ]]; then
	if [[ -z $(find "$XDG_RUNTIME_DIR" -mindepth 1 2>/dev/null) ]]; then
		ok "a failed reset leaves no baseline behind"
	else
		nok "a failed reset leaves no baseline behind" "$(find "$XDG_RUNTIME_DIR" -mindepth 1)"
	fi
fi
