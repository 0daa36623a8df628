# SPDX-License-Identifier: GPL-2.0-or-later
# Part of "two hosts", after the first curl: programs under smc run whose
# descendants open the connections (pipelines with closed and redirected
# descriptors, Python's subprocess, a daemon that closed its descriptors),
# all run from the host's root with chroot; each curl is counted as
# SMC-Rv2. Then the library's probe: a fork() during it, and a kernel that
# refuses SMCPROTO_SMC6 only. $1 is server or client.
URL=http://198.18.0.1:8081/small
# The host's programs, in the host's root, under our smc.
in_host() { chroot /host "$@"; }

case $1 in
server)
	run smcr -a -j stats
	before=$(json_num SMC_SRV_V2_SUCC_CNT)
	dd if=/dev/urandom of=/host/tmp/www/small bs=64k count=4 2>/dev/null
	in_host /tmp/smc run python3 -m http.server --bind 198.18.0.1 --directory /tmp/www 8081 >/tmp/http2.log 2>&1 &
	http=$!
	listening 8081 && ok "preload tree: http.server under smc run listening" ||
		nok "preload tree: http.server under smc run listening" "$(cat /tmp/http2.log)"
	check "preload tree: send the file's checksum" tell 198.18.0.2 7104 "$(md5sum </host/tmp/www/small | cut -d' ' -f1)"
	hear 7105 >/dev/null
	kill $http
	run smcr -a -j stats
	at_least "preload tree: the 7 descendants' connections counted as SMC-Rv2 server" \
		$(($(json_num SMC_SRV_V2_SUCC_CNT) - before)) 7
	;;
client)
	run smcr -a -j stats
	before=$(json_num SMC_CLNT_V2_SUCC_CNT)
	sum=$(hear 7104)
	# got NAME: $OUT is the file's checksum (once per line), status 0, no stderr.
	got() {
		if [ "$RC" -ne 0 ] || [ -n "$ERR" ]; then nok "$1" "status $RC, stderr: $ERR"
		elif [ -z "$sum" ] || [ -n "$(printf '%s\n' "$OUT" | grep -v "^$sum  -\$")" ] || [ -z "$OUT" ]; then
			nok "$1" "want checksum $sum, got: $OUT"
		else ok "$1"; fi
	}
	run in_host sh -c 'exec 0<&-; exec /tmp/smc run sh -c "curl -sS \"\$1\" | md5sum" sh "$1"' sh "$URL"
	got "preload tree: stdin closed, curl in a pipeline"
	run in_host /tmp/smc run bash -c 'while read -u 3 u; do curl -sS "$u" | md5sum; done 3< <(printf "%s\n%s\n" "$1" "$1")' \
		bash "$URL"
	[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 2 ] && got "preload tree: a loop reading fd 3 runs curl for each line" ||
		nok "preload tree: a loop reading fd 3 runs curl for each line" "got: $OUT $ERR"
	run timeout 60 chroot /host sh -c '/tmp/smc run bash -c "exec 3>&1; curl -sS \"\$1\" | md5sum" bash "$1" | cat' sh "$URL"
	got "preload tree: fd 3 on the program's own pipe, no hang (timeout 60)"
	run in_host /tmp/smc run python3 -c '
import subprocess, sys
subprocess.run("curl -sS %s | md5sum" % sys.argv[1], shell=True, check=True)' "$URL"
	got "preload tree: Python subprocess (descriptors closed) runs curl"
	run in_host /tmp/smc run python3 -c '
import os, sys
os.closerange(3, 1024)
fd = os.open("/etc/passwd", os.O_RDONLY)
os.set_inheritable(fd, True)
assert fd == 3
sys.exit(os.waitstatus_to_exitcode(os.system("curl -sS %s | md5sum" % sys.argv[1])))' "$URL"
	got "preload tree: a daemon's system() with a file on fd 3 runs curl"
	run in_host /tmp/smc run sh -c 'curl -sS -o /dev/null "$1" && ls -l /proc/$$/fd/' sh "$URL"
	if [ "$RC" -eq 0 ] && ! printf '%s\n' "$OUT" | grep -q -e memfd -e libsmc-preload; then
		ok "preload tree: no descriptor of smc's in the program"
	else
		nok "preload tree: no descriptor of smc's in the program" "status $RC: $OUT $ERR"
	fi
	check "preload tree: done fetching" tell 198.18.0.1 7105
	run smcr -a -j stats
	at_least "preload tree: the 7 descendants' connections counted as SMC-Rv2 client" \
		$(($(json_num SMC_CLNT_V2_SUCC_CNT) - before)) 7
	expect_ok "preload: a child forked during the AF_SMC probe makes its socket at once" '^ok - ' \
		smc run probecheck-glibc fork
	expect_ok "preload: a kernel refusing SMCPROTO_SMC6 still gives AF_SMC to IPv4 sockets" '^ok - ' \
		smc run probecheck-glibc noipv6
	;;
esac
