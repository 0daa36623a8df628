#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# libsmc-preload.so under load: 16 threads creating and closing 10,000
# TCP sockets each under smc run. The host has no AF_SMC, so this is the
# fallback path: the first AF_SMC attempt fails with EAFNOSUPPORT, and
# that must be the only one in the process.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

storm=$PROGS/sockstorm-glibc
need "$storm" || exit 0

# 64k/32k stay below any default net.core.[rw]mem_max: no sysctl needed.
sockstorm() {
	local name=$1
	shift
	run "$SMC" run -r 64k -t 32k "$@"
	printf '%s\n' "$OUT" | grep '^not ok - '
	if [[ $RC -ne 0 ]]; then nok "$name" "exit status $RC (stderr: ${ERR:0:300})"
	elif [[ $(grep -c '^ok - ' <<<"$OUT") -ne 5 ]]; then nok "$name" "did not run to its end: $OUT"
	else ok "$name"; fi
}

sockstorm "preload: 16 threads x 10000 sockets under smc run: no fd leaked, every size set, no crash" \
	"$storm" 16 10000 65536 32768
[[ -z $ERR ]] && ok "preload: the storm leaves stderr empty without -d" || nok "preload: the storm leaves stderr empty without -d" "${ERR:0:300}"

run "$SMC" run -d -r 64k -t 32k "$storm" 16 200 65536 32768
count=$(grep -c 'AF_SMC unavailable' <<<"$ERR")
[[ $RC -eq 0 && $count -eq 2 && $ERR == *"unavailable for AF_INET ("*"unavailable for AF_INET6 ("* ||
	$ERR == *"unavailable for AF_INET6 ("*"unavailable for AF_INET ("* ]] &&
	ok "preload: 16 threads at once, smc run -d says once per family that AF_SMC is unavailable" ||
	nok "preload: 16 threads at once, smc run -d says once per family that AF_SMC is unavailable" "status $RC, said $count times"
tcp=$(grep -c 'stream socket is TCP, SO_SNDBUF 32768, SO_RCVBUF 65536$' <<<"$ERR")
[[ $tcp -eq 3200 ]] && ok "preload: smc run -d shows each of the 3200 sockets as TCP with its sizes" ||
	nok "preload: smc run -d shows each of the 3200 sockets as TCP with its sizes" "$tcp lines"

# One failed socket() per family in the whole process: counted by strace,
# on fewer sockets (tracing slows every call).
if ! command -v strace >/dev/null; then
	nok "preload: one failed AF_SMC socket() per family and process" "strace missing (./build.sh test installs it)"
	exit 0
fi
run strace -f -qq --seccomp-bpf -c -e trace=socket -o "$TMP/strace" "$SMC" run -r 64k -t 32k "$storm" 16 1000 65536 32768
read -r calls errors < <(awk '$NF == "socket" { print $4, (NF == 6 ? $5 : 0) }' "$TMP/strace")
[[ $RC -eq 0 && $calls -eq 16002 && $errors -eq 2 ]] &&
	ok "preload: 16 threads x 1000 sockets: $calls socket() calls, exactly two failed (each family's AF_SMC probe)" ||
	nok "preload: one failed AF_SMC socket() per family and process" "status $RC, ${calls:-?} calls, ${errors:-?} failed: $(cat "$TMP/strace")"
