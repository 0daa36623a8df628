# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the CLI tests that run tests/progs programs under smc_run or
# libsmc-preload.so; sourced after tests/cli/lib.sh.
PROGS=${O:-build}/progs
LIB=${O:-build}/libsmc-preload.so

# need FILE...: true if every FILE was built, else one "not ok" line.
need() {
	local f
	for f in "$@"; do
		[[ -e $f ]] || { nok "$f is built" "missing (make progs; the musl one needs musl-gcc from musl-tools)"; return 1; }
	done
}

# sockcheck NAME CMD...: CMD runs a sockcheck program: one result, NAME,
# that passes if the program ran to its "every check passed" with status 0
# and left stderr empty; its failed checks are passed on as they are.
sockcheck() {
	local name=$1 checks
	shift
	run "$@"
	printf '%s\n' "$OUT" | grep '^not ok - '
	checks=$(grep -c '^ok - ' <<<"$OUT")
	if [[ $RC -ne 0 ]]; then nok "$name" "exit status $RC (stderr: $ERR)"
	elif [[ $(tail -n 1 <<<"$OUT") != "ok - "*": every check passed" ]]; then nok "$name" "did not run to its end"
	elif [[ -n $ERR ]]; then nok "$name" "stderr not empty: $ERR"
	else ok "$name ($checks checks)"; fi
}

