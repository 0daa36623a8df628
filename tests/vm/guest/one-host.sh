# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "one host": our applets against a real SMC kernel in one guest
# without an RDMA or ISM device, so every connection falls back to TCP.
. /lab/lib.sh

load_smc
. /lab/one-host-sysctl.sh

# A fresh module counts nothing: smc-tools' output of an idle SMC-D.
same_as "smcd stats: fresh module" b-smcd-stats.txt smcd stats
same_as "smcd -d stats: fresh module" a-smcd-d-stats.txt smcd -d stats
expect_ok "smcr stats: fresh module" '^  Total connections handled +0$' smcr stats
json_keep "smcd stats json" smcd stats json
. /lab/one-host-baseline.sh

# UEIDs: the kernel's table, changed and read back by our smcr and smcd.
expect_ok "ueid show (empty table)" '' smcr ueid show
expect_ok "smcr ueid add" '' smcr ueid add SMC-LAB-1
expect_ok "smcd ueid add" '' smcd ueid add SMC-LAB.2
expect_ok "smcr ueid show lists both" '^SMC-LAB-1 *$' smcr ueid show
expect_ok "smcd ueid show lists both" '^SMC-LAB\.2 *$' smcd ueid show
run smcr ueid show
[ "$(printf '%s\n' "$OUT" | grep -c .)" -eq 2 ] && ok "ueid show: two entries" || nok "ueid show: two entries" "got: $OUT"
expect_ok "ueid show json" '^\{"ueid":\["SMC-LAB-1","SMC-LAB\.2"\]\}$' smcr -j ueid show
json_keep "smcd -j ueid show" smcd -j ueid show
expect_fail "ueid add twice" 'UEID SMC-LAB-1 is already set' smcr ueid add SMC-LAB-1
expect_ok "ueid del" '' smcr ueid del SMC-LAB-1
expect_fail "ueid del missing" 'UEID SMC-LAB-1 is not set' smcr ueid del SMC-LAB-1
run smcr ueid show
[ "$OUT" = "$(printf '%-32s' SMC-LAB.2)" ] && ok "ueid del removed only that one" || nok "ueid del removed only that one" "got: \"$OUT\""
expect_ok "ueid flush" '' smcr ueid flush
for n in 1 2 3 4; do
	expect_ok "ueid add $n of the kernel's 4" '' smcr ueid add "SMC-FILL-$n"
done
expect_fail "ueid add a fifth" 'at most 4 UEIDs' smcr ueid add SMC-FILL-5
expect_ok "ueid flush of a full table" '' smcr ueid flush
expect_ok "ueid show after flush" '' smcr ueid show

# What the kernel reports with no device: smc-tools' output on this kernel.
same_as "smcr info" objects/smcr-info.txt smcr info
same_as "smcd info" objects/smcd-info.txt smcd info
same_as "smcr i (abbreviated)" objects/smcr-info.txt smcr i
json_keep "smcr -j info" smcr -j info
json_keep "smcd -j info" smcd -j info
same_as "smcd device: none" objects/smcd-device-none.txt smcd device
same_as "smcd linkgroup: none" objects/smcd-linkgroup-none.txt smcd linkgroup
expect_ok "smcr device: none" '' smcr device
expect_ok "smcr linkgroup: none" '' smcr linkgroup
expect_ok "smcr linkgroup link-show: none" '' smcr linkgroup link-show
expect_ok "smcr -dd lgr link-show: none" '' smcr -dd lgr link-show
for cmd in "smcr -j device" "smcd -j device" "smcr -j linkgroup" "smcr -j linkgroup link-show" "smcd -j linkgroup"; do
	# shellcheck disable=SC2086
	json_keep "$cmd: none" $cmd
done
same_as "smcd seid show: no system EID" objects/smcd-seid-show.txt smcd seid show
json_keep "smcd -j seid show" smcd -j seid show
expect_fail "smcd seid enable without a system EID" 'no system EID' smcd seid enable
expect_fail "smcr seid is refused" 'SMC-D only' smcr seid show

# The handshake limitation, set and read back (kept per network namespace).
expect_ok "handshake-limit show" '^(en|dis)abled$' smcr handshake-limit show
expect_ok "handshake-limit enable" '' smcr handshake-limit enable
expect_ok "handshake-limit show after enable" '^enabled$' smcr handshake-limit show
expect_ok "smcd hslimit shows the same setting" '^enabled$' smcd hslimit show
json_keep "smcr -j handshake-limit show" smcr -j handshake-limit show
grep -q '"enabled":true' "$T/out" && ok "handshake-limit json says enabled" || nok "handshake-limit json says enabled" "got: $OUT"
expect_ok "handshake-limit disable" '' smcd handshake-limit disable
expect_ok "handshake-limit show after disable" '^disabled$' smcr handshake-limit show

# The PNET table, on a veth pair and on a device the kernel does not know.
expect_ok "smc_pnet: empty table" '' smc_pnet
check "veth pair" modprobe veth && ip link add veth0 type veth peer name veth1
expect_ok "smc_pnet -a NET1 -I veth0" '' smc_pnet -a NET1 -I veth0
expect_ok "smc_pnet --add NET2 --interface veth1" '' smc_pnet --add NET2 --interface veth1
expect_ok "smc_pnet -a NET3 -D rxe9 -P 2 (no such device: kept)" '' smc_pnet -a NET3 -D rxe9 -P 2
expect_ok "smc_pnet -s shows NET1" '^NET1 veth0 n/a 255$' smc_pnet -s
expect_ok "smc_pnet -s shows NET2" '^NET2 veth1 n/a 255$' smc_pnet -s
expect_ok "smc_pnet -s shows NET3" '^NET3 n/a rxe9 2$' smc_pnet -s
expect_ok "smc_pnet -s NET2" '^NET2 veth1 n/a 255$' smc_pnet -s NET2
[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smc_pnet -s NET2 shows only NET2" || nok "smc_pnet -s NET2 shows only NET2" "got: $OUT"
json_keep "smc_pnet -j" smc_pnet -j
expect_fail "smc_pnet -a: veth0 already has a PNETID" 'not added: .*PNETID of its own' smc_pnet -a NET4 -I veth0
expect_ok "smc_pnet -d NET1" '' smc_pnet -d NET1
expect_fail "smc_pnet -d NET1 again" 'no PNET table entry with PNETID NET1' smc_pnet -d NET1
run smc_pnet -s
[ "$(wc -l <"$T/out")" -eq 2 ] && ! grep -q NET1 "$T/out" && ok "smc_pnet -d removed only NET1" ||
	nok "smc_pnet -d removed only NET1" "got: $OUT"
expect_ok "smc_pnet -f" '' smc_pnet -f
expect_ok "smc_pnet: empty after flush" '' smc_pnet -s
. /lab/one-host-json.sh

. /lab/one-host-output.sh

# smc run on 127.0.0.1: no SMC device here, so the sockets are AF_SMC (the
# kernel lists them to smcss) and fall back to TCP. The client holds the
# connection open until the fifo's writer (fd 4) closes.
smc run xfer-glibc server 7000 >/tmp/srv.out 2>&1 &
srv=$!
listening 7000 && ok "smc run: server listening" || nok "smc run: server listening" "no listener on 7000"
listener='^LISTEN +[0-9]{5} +[0-9]+ +0\.0\.0\.0:7000 *$'
expect_ok "smcss -l shows the smc run listener" "$listener" smcss -l
expect_ok "smcss -a shows the smc run listener" "$listener" smcss -a
expect_ok "smcss: no connection yet" '^State ' smcss
[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smcss lists no listener" || nok "smcss lists no listener" "got: $OUT"
mkfifo /tmp/hold
smc run xfer-musl client 127.0.0.1 7000 4 hold </tmp/hold >/tmp/cli.out 2>&1 &
cli=$!
exec 4>/tmp/hold
wait_for /tmp/cli.out '^xfer client: holding' && ok "smc run: musl client over 127.0.0.1 (TCP fallback)" ||
	nok "smc run: musl client over 127.0.0.1 (TCP fallback)" "$(cat /tmp/cli.out)"
expect_ok "smcss: client fell back (no SMC device)" \
	'^ACTIVE +[0-9]{5} +[0-9]+ +127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:7000 +[0-9a-f]{4} TCP 0x03030000 *$' smcss
expect_ok "smcss: server fell back (peer declined)" \
	'^ACTIVE +[0-9]{5} +[0-9]+ +127\.0\.0\.1:7000 +127\.0\.0\.1:[0-9]+ +[0-9a-f]{4} TCP 0x05000000/0x03030000 *$' smcss
expect_ok "smcss -d: debug columns" '^State .*Shutd Token' smcss -d
json_keep "smcss -a -j" smcss -a -j
grep -q 7000 "$T/out" && ok "smcss -j lists port 7000" || nok "smcss -j lists port 7000" "got: $OUT"
exec 4>&-
wait $cli && ok "smc run: musl client checked the data" || nok "smc run: musl client checked the data" "$(cat /tmp/cli.out)"
wait $srv && ok "smc run: glibc server checked the data" || nok "smc run: glibc server checked the data" "$(cat /tmp/srv.out)"

# The fallback of that one connection, counted by side and reason.
for tech in smcr smcd; do
	expect_ok "$tech -d stats: one fallback per side" '^  TCP fallback +2 \(client 1, server 1\)$' $tech -d stats
	expect_ok "$tech -d stats: client reason NOSMCDEV" '^     NOSMCDEV +1$' $tech -d stats
	expect_ok "$tech -d stats: server reason PEERDECL" '^     PEERDECL +1$' $tech -d stats
done
expect_ok "smcr stats: no SMC connection" '^  SMC connections +0$' smcr stats
json_keep "smcr stats json" smcr stats json
[ "$(json_num SMC_CLNT_FBACK_CNT)/$(json_num SMC_SRV_FBACK_CNT)" = 1/1 ] && ok "stats json: one fallback per side" ||
	nok "stats json: one fallback per side" "got: $OUT"
grep -q '"SMC_CLNT_FBACK_RSN":\[{"code":"0x03030000","name":"NOSMCDEV","count":1}\]' "$T/out" &&
	ok "stats json: client reason" || nok "stats json: client reason" "got: $OUT"
json_keep "smcr -j -d stats" smcr -j -d stats

# Reset: the counts so far are printed, then counting starts from zero;
# -a ignores the snapshot.
expect_ok "smcr stats reset prints the counts before it" '^  TCP fallback +2$' smcr stats reset
expect_ok "smcr stats after reset: zero" '^  TCP fallback +0$' smcr stats
expect_ok "smcr -a stats ignores the reset" '^  TCP fallback +2$' smcr -a stats
json_keep "smcr -a stats json" smcr -a stats json
[ "$(json_num SMC_CLNT_FBACK_CNT)" = 1 ] && ok "smcr -a stats json ignores the reset" || nok "smcr -a stats json ignores the reset" "got: $OUT"
smc run xfer-glibc server 7001 >/tmp/srv.out 2>&1 &
srv=$!
expect_ok "smc run: a second connection" '^xfer client: sent 1048576 bytes' smc run xfer-glibc client 127.0.0.1 7001 1
wait $srv
expect_ok "after reset: only the new fallback" '^  TCP fallback +2 \(client 1, server 1\)$' smcr -d stats
expect_ok "after reset: only the new reason" '^     NOSMCDEV +1$' smcr -d stats
expect_ok "smcr -da stats: both fallbacks" '^  TCP fallback +4 \(client 2, server 2\)$' smcr -da stats
expect_ok "smcr -ad stats: both reasons" '^     NOSMCDEV +2$' smcr -ad stats
expect_ok "smcr -a -d stats: -d alone, as in smc-tools (the last option decides)" '^  TCP fallback +2 \(client 1, server 1\)$' smcr -a -d stats

# Statistics are kept per network namespace: traffic and a reset in a new
# one leave the initial one's counters as they were.
unshare -n sleep 600 &
ns=$!
for _ in $(seq 100); do
	[ "$(readlink /proc/$ns/ns/net)" != "$(readlink /proc/self/ns/net)" ] && break
	sleep 0.1
done
inns() { nsenter -t $ns -n "$@"; }
inns ip link set lo up
run smcr -ad stats
before=$OUT
run smcr -d stats
before_rel=$OUT
expect_ok "netns: stats start at zero" '^  Total connections handled +0$' inns smcr -a stats
smcr handshake-limit enable
expect_ok "netns: handshake limit of its own" '^disabled$' inns smcr handshake-limit show
smcr handshake-limit disable
inns smc run xfer-glibc server 7002 >/tmp/srv.out 2>&1 &
srv=$!
expect_ok "netns: smc run connection" '^xfer client: sent 1048576 bytes' inns smc run xfer-musl client 127.0.0.1 7002 1
wait $srv
expect_ok "netns: its fallback counted" '^  TCP fallback +2 \(client 1, server 1\)$' inns smcr -ad stats
run smcr -ad stats
[ "$OUT" = "$before" ] && ok "netns traffic leaves the initial namespace's counters" ||
	nok "netns traffic leaves the initial namespace's counters" "$(printf '%s\n' "$OUT" | grep fallback)"
expect_ok "netns: stats reset" '^  TCP fallback +2$' inns smcr stats reset
expect_ok "netns: zero after its reset" '^  TCP fallback +0$' inns smcr stats
run smcr -d stats
[ "$OUT" = "$before_rel" ] && ok "netns reset leaves the initial namespace's view" ||
	nok "netns reset leaves the initial namespace's view" "$(printf '%s\n' "$OUT" | grep fallback)"
kill $ns

# Faults: an unprivileged user is refused with one line.
echo 'nobody:x:65534:65534:nobody:/tmp:/bin/sh' >>/etc/passwd
nobody() { su -s /bin/sh -c "$*" nobody; }
expect_fail "unprivileged smcr ueid add: not permitted" 'CAP_NET_ADMIN' nobody smcr ueid add SMC-NOPE
expect_ok "the refused UEID is not set" '' smcr ueid show
expect_fail "unprivileged smc_pnet -a: not permitted" 'not permitted: it needs CAP_NET_ADMIN' nobody smc_pnet -a NET9 -I veth0
expect_fail "unprivileged handshake-limit enable: not permitted" 'CAP_NET_ADMIN' nobody smcr handshake-limit enable
expect_ok "unprivileged smcr -a stats reads" '^SMC-R Connections Summary$' nobody smcr -a stats

# dump_loop LOG CMD...: CMD at most 300 times or until it failed 5 times;
# one line per call in LOG: status, stdout lines, stderr lines, first
# stderr line.
dump_loop() {
	log=$1 i=0 failures=0
	shift
	: >"$log"
	while [ $i -lt 300 ] && [ $failures -lt 5 ]; do
		"$@" >/tmp/loop.out 2>/tmp/loop.err </dev/null
		rc=$?
		echo "$rc $(wc -l </tmp/loop.out) $(wc -l </tmp/loop.err) $(head -n 1 /tmp/loop.err)" >>"$log"
		[ $rc -eq 0 ] || failures=$((failures + 1))
		i=$((i + 1))
	done
}

# unload MODULE: rmmod, retried while a dump in flight holds the module.
unload() {
	for _ in $(seq 20); do
		rmmod "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	rmmod "$1"
}

# unload_during NAME MODULE PATTERN CMD...: run CMD in a loop, unload MODULE
# after its fifth call: every call succeeds with output or fails with
# status 1, no output and one stderr line; the last says PATTERN.
unload_during() {
	name=$1 module=$2 pattern=$3
	shift 3
	dump_loop /tmp/loop.log "$@" &
	loop=$!
	for _ in $(seq 300); do
		[ "$(wc -l </tmp/loop.log)" -ge 5 ] && break
		sleep 0.1
	done
	check "rmmod $module during a dump loop" unload "$module"
	wait $loop
	echo "# $* while unloading $module:"
	sort /tmp/loop.log | uniq -c
	bad=$(awk '!(($1 == 0 && $2 > 0 && $3 == 0) || ($1 == 1 && $2 == 0 && $3 == 1))' /tmp/loop.log | head -n 1)
	if [ -n "$bad" ]; then nok "$name: each call whole or one error" "a call ended \"$bad\""
	elif ! grep -q '^0 ' /tmp/loop.log || ! grep -q '^1 ' /tmp/loop.log; then
		nok "$name: each call whole or one error" "want successes then failures"
	elif ! tail -n 1 /tmp/loop.log | grep -Eq -- "$pattern"; then
		nok "$name: each call whole or one error" "last error: $(tail -n 1 /tmp/loop.log)"
	else ok "$name: each call whole or one error"; fi
}
unload_during "smcss while smc_diag goes" smc_diag 'smcss: .*smc_diag' smcss -a
unload_during "smcr stats while smc goes" smc 'smcr: SMC module not loaded' smcr -a stats
expect_fail "smc_pnet without smc" 'SMC module not loaded' smc_pnet -s

. /lab/one-host-dbg.sh
json_check
