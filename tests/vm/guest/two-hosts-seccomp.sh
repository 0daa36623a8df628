# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "two hosts", smc run for statically linked programs: the seccomp
# supervisor makes their TCP sockets AF_SMC ones. xfer-static uses glibc's
# socket(), xfer-raw (musl) the raw system call, gohttp is Go's net/http.
# Sourced by two-hosts.sh:
# $1 is server or client, $peer and $MIB are set.

# supervisor_pid: the process holding a seccomp listener in a session of its own.
supervisor_pid() {
	for f in /proc/[0-9]*/fd/*; do
		[ "$(readlink "$f" 2>/dev/null)" = "anon_inode:seccomp notify" ] || continue
		p=${f#/proc/}
		p=${p%%/*}
		[ "$(cut -d' ' -f6 "/proc/$p/stat")" = "$p" ] && echo "$p"
	done | sort -u
}

run smcr -a -j stats
case $1 in
server)
	before=$(json_num SMC_SRV_V2_SUCC_CNT)
	smc run xfer-static server 7200 >/tmp/xfer-static.out 2>&1 &
	xfer=$!
	wait_for /tmp/xfer-static.out "^xfer server: received $((MIB << 20)) bytes" &&
		ok "seccomp: smc run xfer-static server" || nok "seccomp: smc run xfer-static server" "$(cat /tmp/xfer-static.out)"
	expect_ok "seccomp: smcss lists the static server's connection as SMCR" \
		"^ACTIVE +00000 +[0-9]+ +198\.18\.0\.1:7200 +198\.18\.0\.2:[0-9]+ +0000 SMCR *\$" smcss
	hear 7210 >/dev/null
	check "seccomp: release the held connection" tell "$peer" 7211
	wait $xfer && ok "seccomp: xfer-static server ended well" ||
		nok "seccomp: xfer-static server ended well" "$(cat /tmp/xfer-static.out)"
	expect_ok "seccomp: smc run xfer-raw server (raw socket system call)" "^xfer server: received $((MIB << 20)) bytes" \
		smc run xfer-raw server 7201
	mkdir -p /tmp/www && dd if=/dev/urandom of=/tmp/www/goblob bs=64k count=64 2>/dev/null
	smc run gohttp server 198.18.0.1:8090 /tmp/www >/tmp/gohttp.log 2>&1 &
	gohttp=$!
	listening 8090 && ok "seccomp: smc run gohttp server listening" ||
		nok "seccomp: smc run gohttp server listening" "$(cat /tmp/gohttp.log)"
	check "seccomp: send the Go file's checksum" tell "$peer" 7212 "$(md5sum </tmp/www/goblob | cut -d' ' -f1)"
	hear 7213 >/dev/null
	kill $gohttp
	run smcr -a -j stats
	at_least "seccomp: the static servers' connections (C, C, Go) counted as SMC-Rv2 server" \
		$(($(json_num SMC_SRV_V2_SUCC_CNT) - before)) 3
	;;
client)
	before=$(json_num SMC_CLNT_V2_SUCC_CNT)
	hear 7211 | smc run xfer-raw client 198.18.0.1 7200 $MIB hold >/tmp/xfer-raw.out 2>&1 &
	xfer=$!
	wait_for /tmp/xfer-raw.out '^xfer client: holding' && ok "seccomp: smc run xfer-raw client (held)" ||
		nok "seccomp: smc run xfer-raw client (held)" "$(cat /tmp/xfer-raw.out)"
	expect_ok "seccomp: smcss lists the static client's connection as SMCR" \
		"^ACTIVE +00000 +[0-9]+ +198\.18\.0\.2:[0-9]+ +198\.18\.0\.1:7200 +0000 SMCR *\$" smcss
	check "seccomp: done looking" tell "$peer" 7210
	wait $xfer && grep -q "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" /tmp/xfer-raw.out &&
		ok "seccomp: xfer-raw client checked the data" || nok "seccomp: xfer-raw client checked the data" "$(cat /tmp/xfer-raw.out)"
	expect_ok "seccomp: smc run xfer-static client" "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" \
		smc run xfer-static client 198.18.0.1 7201 $MIB
	sum=$(hear 7212)
	expect_ok "seccomp: smc run gohttp client fetches from the gohttp server" "^gohttp client: 4194304 bytes, md5 $sum\$" \
		smc run gohttp client http://198.18.0.1:8090/goblob /tmp/goblob
	check "seccomp: done fetching" tell "$peer" 7213
	run smcr -a -j stats
	at_least "seccomp: the static clients' connections (C, C, Go) counted as SMC-Rv2 client" \
		$(($(json_num SMC_CLNT_V2_SUCC_CNT) - before)) 3
	;;
esac

# The socket checks of the CLI tests, now with AF_SMC: SOCK_CLOEXEC and
# SOCK_NONBLOCK as asked, data over loopback, other sockets untouched,
# errno as the system call leaves it (EMFILE from the descriptor install).
run smc run sockcheck-static "seccomp lab" 0 0 smc
grep '^not ok - ' "$T/out" | while read -r line; do nok "seccomp: sockcheck ${line#not ok - }" "see above"; done
[ "$RC" -eq 0 ] && [ "$(tail -n 1 "$T/out")" = "ok - seccomp lab: every check passed" ] &&
	ok "seccomp: sockcheck-static, every socket AF_SMC ($(grep -c '^ok - ' "$T/out") checks)" ||
	nok "seccomp: sockcheck-static, every socket AF_SMC" "rc=$RC $ERR"

# 16 threads x 1000 AF_SMC sockets, then a daemon's start: the shell and its
# children are all under the one filter; the forker's child outlives smc run.
rm -f /tmp/go /tmp/go.out
run smc run -r 64k -t 32k sh -c 'sockstorm-static 16 1000 65536 32768 smc && forker-static /tmp/go'
[ "$RC" -eq 0 ] && [ "$(grep -c '^ok - ' "$T/out")" -eq 5 ] &&
	ok "seccomp: 16 threads x 1000 AF_SMC sockets with their sizes, no descriptor leaked in the program" ||
	nok "seccomp: 16 threads x 1000 AF_SMC sockets with their sizes, no descriptor leaked in the program" "rc=$RC $OUT $ERR"
sup=$(supervisor_pid)
held=$(for f in /proc/$sup/fd/*; do echo "${f##*/}=$(readlink "$f")"; done | sort -n | tr '\n' ' ')
echo "# supervisor $sup holds: $held"
echo "$held" | grep -Eq '^0=/dev/null 1=/dev/null 2=/dev/null [0-9]+=anon_inode:seccomp notify $' &&
	ok "seccomp: after 16000 sockets the supervisor holds the listener and /dev/null only" ||
	nok "seccomp: after 16000 sockets the supervisor holds the listener and /dev/null only" "pid ${sup:-none}: $held"
touch /tmp/go
wait_for /tmp/go.out .
[ "$(cat /tmp/go.out)" = "domain 43" ] && ok "seccomp: a daemon's child gets an AF_SMC socket after smc run returned" ||
	nok "seccomp: a daemon's child gets an AF_SMC socket after smc run returned" "$(cat /tmp/go.out)"
for _ in $(seq 50); do [ -z "$(supervisor_pid)" ] && break; sleep 0.1; done
[ -z "$(supervisor_pid)" ] && ok "seccomp: the supervisor ended with the daemon's child" ||
	nok "seccomp: the supervisor ended with the daemon's child" "still there: $(supervisor_pid)"

# A process in another network namespace than the supervisor's: a socket
# made there would be in the wrong one, so the call runs as TCP.
rm -f /tmp/ns.out && touch /tmp/ns
run smc run unshare -n forker-static /tmp/ns
wait_for /tmp/ns.out .
[ "$(cat /tmp/ns.out)" = "domain 2" ] && ok "seccomp: in another network namespace the socket stays TCP" ||
	nok "seccomp: in another network namespace the socket stays TCP" "$(cat /tmp/ns.out)"

# Status and signals as a shell reports them.
run smc run sh -c 'exit 7'
[ "$RC" -eq 7 ] && ok "seccomp: exit status passes through" || nok "seccomp: exit status passes through" "$RC"
run smc run sh -c 'kill -USR1 $$'
[ "$RC" -eq 138 ] && ok "seccomp: death by SIGUSR1 is 128+10" || nok "seccomp: death by SIGUSR1 is 128+10" "$RC"
smc run sh -c 'trap "exit 3" TERM; while :; do sleep 0.1; done' &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
rc=$?
[ $rc -eq 3 ] && ok "seccomp: SIGTERM sent to smc run reaches the program" ||
	nok "seccomp: SIGTERM sent to smc run reaches the program" "status $rc"
