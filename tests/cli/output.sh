#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Standard output that cannot be written: every help, version and list path
# of every applet, with stdout on /dev/full and with stdout closed, must exit
# 1 with one line naming the write error, not 0 having printed nothing.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C

paths=("-h" "--help" "-v" "--version" "--list")
for app in smcd smcr smcss smc_pnet smc_run; do
	paths+=("$app -h" "$app --help" "$app -v" "$app --version")
done
for tech in smcd smcr; do
	paths+=("$tech help" "$tech stats help")
	for obj in info linkgroup device ueid seid handshake-limit; do
		[[ $tech == smcr && $obj == seid ]] || paths+=("$tech $obj help")
	done
done

# written NAME WANT_ERR STATUS ERR: the verdict on one run.
written() {
	if [[ $3 -eq 1 && $4 == "$2" ]]; then ok "$1"
	else nok "$1" "status $3, stderr: ${4:0:300}"; fi
}

for args in "${paths[@]}"; do
	app=${args%% *}
	[[ $app == -* ]] && app=smc
	if [[ -w /dev/full ]]; then
		# shellcheck disable=SC2086 # the arguments are split on purpose
		"$SMC" $args >/dev/full 2>"$TMP/err"
		written "smc $args >/dev/full" "$app: write error: No space left on device" $? "$(cat "$TMP/err")"
	fi
	# shellcheck disable=SC2086
	"$SMC" $args >&- 2>"$TMP/err"
	written "smc $args >&-" "$app: write error: Bad file descriptor" $? "$(cat "$TMP/err")"
done

# Closed stdout and stderr: the status alone tells.
"$SMC" --version >&- 2>&-
rc=$?
[[ $rc -eq 1 ]] && ok "smc --version >&- 2>&-: status 1" || nok "smc --version >&- 2>&-: status 1" "status $rc"

# A closed stdout is held, not reused: the netlink socket does not land on
# descriptor 1, and a program run by smc_run finds it closed as it was left.
if [[ ! -d /sys/module/smc ]]; then
	"$SMC" smcr stats >&- 2>"$TMP/err"
	rc=$? err=$(cat "$TMP/err")
	[[ $rc -eq 1 && $err == "smcr: SMC module not loaded"* ]] &&
		ok "smcr stats >&- without SMC: the netlink error, not a write error" ||
		nok "smcr stats >&- without SMC: the netlink error, not a write error" "status $rc, stderr: $err"
fi
"$SMC" run /bin/sh -c 'if [ -e /proc/self/fd/1 ]; then echo open >&2; else echo closed >&2; fi' >&- 2>"$TMP/err"
rc=$? err=$(cat "$TMP/err")
[[ $rc -eq 0 && $err == closed ]] && ok "smc run >&-: the program finds stdout closed" ||
	nok "smc run >&-: the program finds stdout closed" "status $rc, stderr: $err"

# Output that is written in full is not an error.
expect_ok "smc --list to a pipe still works" '^smcd$' "$SMC" --list
