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

# sockcheck NAME CMD...: CMD runs a sockcheck program. Its result lines
# count as they are; it must also end with its own "every check passed" and
# status 0, and leave stderr empty.
sockcheck() {
	local name=$1
	shift
	run "$@"
	printf '%s\n' "$OUT" | grep -E '^(not )?ok - '
	if [[ $RC -ne 0 ]]; then nok "$name" "exit status $RC (stderr: $ERR)"
	elif [[ $(tail -n 1 <<<"$OUT") != "ok - "*": every check passed" ]]; then nok "$name" "did not run to its end"
	elif [[ -n $ERR ]]; then nok "$name" "stderr not empty: $ERR"
	else ok "$name"; fi
}

# in_netns CMD...: CMD in a new network namespace with lo up, so that the
# net.core sysctls smc_run raises are the namespace's, not the host's.
if unshare -n true 2>/dev/null; then
	in_netns() { unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"; }
	NETNS=1
else
	in_netns() { "$@"; }
	NETNS=
fi
