# Scenario "one host": our applets against a real SMC kernel in one guest.
. /lab/lib.sh

load_smc

# UEIDs: the kernel's table, changed and read back by our smcr and smcd.
expect_ok "ueid show (empty table)" '' smcr ueid show
expect_ok "smcr ueid add" '' smcr ueid add SMC-LAB-1
expect_ok "smcd ueid add" '' smcd ueid add SMC-LAB.2
expect_ok "smcr ueid show lists both" '^SMC-LAB-1 *$' smcr ueid show
expect_ok "smcd ueid show lists both" '^SMC-LAB\.2 *$' smcd ueid show
run smcr ueid show
[ "$(printf '%s\n' "$OUT" | grep -c .)" -eq 2 ] && ok "ueid show: two entries" || nok "ueid show: two entries" "got: $OUT"
expect_ok "ueid show json" '^\{"ueid":\["SMC-LAB-1","SMC-LAB\.2"\]\}$' smcr -j ueid show
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

# smc run on 127.0.0.1: no SMC device here, so the sockets are AF_SMC
# (the kernel's sock_diag lists them) and fall back to TCP.
smc run xfer-glibc server 7000 >/tmp/srv.out 2>&1 &
srv=$!
listening 7000 && ok "smc run: server listening" || nok "smc run: server listening" "no listener on 7000"
mkdir -p /tmp/diag
record /tmp/diag sock_diag >/dev/null
[ "$(stat -c %s /tmp/diag/sock_diag.0)" -gt 20 ] && ok "smc run: the listener is an AF_SMC socket (sock_diag)" ||
	nok "smc run: the listener is an AF_SMC socket (sock_diag)" "the kernel lists no AF_SMC socket"
expect_ok "smc run: musl client over 127.0.0.1 (TCP fallback)" '^xfer client: sent 4194304 bytes' \
	smc run xfer-musl client 127.0.0.1 7000 4
wait $srv && ok "smc run: glibc server checked the data" || nok "smc run: glibc server checked the data" "$(cat /tmp/srv.out)"

# Faults the kernel produces itself: a change refused to a user without
# CAP_NET_ADMIN, and the module unloaded while dumps run back to back.
grep -q '^nobody:' /etc/passwd 2>/dev/null || echo 'nobody:x:65534:65534:nobody:/:/bin/sh' >>/etc/passwd
chmod a+rx / /bin /bin/busybox "$(readlink -f "$(command -v smcr)")"
expect_fail "ueid add as nobody: permission denied, one line" \
	'ueid add "SMC-NOBODY": permission denied: changing UEIDs needs CAP_NET_ADMIN' \
	su -s /bin/sh nobody -c 'smcr ueid add SMC-NOBODY'
(
	for _ in $(seq 300); do
		smcd -a stats >/dev/null 2>/tmp/loop.err
		echo "$? $(grep -c . /tmp/loop.err)"
		cat /tmp/loop.err >>/tmp/loop.errors
	done >/tmp/loop.log
) &
loop=$!
sleep 0.3
unloaded=no
for _ in $(seq 50); do
	rmmod smc_diag smc 2>/dev/null && { unloaded=yes; break; }
	sleep 0.1
done
wait $loop
[ $unloaded = yes ] && ok "rmmod smc while smcd stats runs in a loop" ||
	nok "rmmod smc while smcd stats runs in a loop" "the module stayed busy"
bad=$(grep -cvE '^(0 0|1 1)$' /tmp/loop.log)
failed=$(grep -c '^1 1$' /tmp/loop.log)
[ "$bad" -eq 0 ] && [ "$(grep -c . /tmp/loop.log)" -eq 300 ] &&
	ok "module unloaded during 300 dumps: each succeeded or failed with one line ($failed failed)" ||
	nok "module unloaded during 300 dumps: each succeeded or failed with one line" "$(grep -vE '^(0 0|1 1)$' /tmp/loop.log | head -n 3)"
echo "# the loop's errors:"; sort /tmp/loop.errors | uniq -c
check "smc loaded again" modprobe -a smc smc_diag
