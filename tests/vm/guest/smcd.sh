# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "SMC-D": one guest on the lab's own kernel (SMC and loopback-ism
# built in), a UEID set by our smcd, unmodified programs under smc run
# talking SMC-Dv2 over 127.0.0.1; our smcd and smcss show what the kernel
# counted and holds.
. /lab/lib.sh
. /lab/transfer.sh
MIB=16
BYTES=$((MIB << 20))

load_smc
expect_ok "smcd info: SMC-D v2 in the kernel" '^SMC-D Features: +v1 v2 *$' smcd info
expect_ok "smcd -j info: SMC-D v2 in the kernel" '"smcd_features":\["v1","v2"\]' smcd -j info
expect_ok "smcd ueid add" '' smcd ueid add SMC-LAB-UEID
expect_ok "smcd ueid show" '^SMC-LAB-UEID *$' smcd ueid show

transfer 7000 xfer-glibc xfer-musl $MIB
transfer 7001 xfer-musl xfer-glibc $MIB

# counter SECTION LABEL: the first number after LABEL in SECTION of $OUT
# (smcd -d stats).
counter() {
	printf '%s\n' "$OUT" | awk -v sec="$1" -v label="$2" '
		/^[A-Z]/ { in_sec = index($0, sec) == 1 }
		in_sec && (i = index($0, label)) { $0 = substr($0, i + length(label)); print $1 + 0; exit }'
}
# at_least NAME GOT WANT
at_least() {
	if [ "${2:-0}" -ge "$3" ]; then ok "$1 ($2 >= $3)"; else nok "$1" "got ${2:-nothing}, want at least $3"; fi
}
expect_ok "smcd -d stats" '^SMC-D Connections Summary' smcd -d stats
at_least "smcd -d stats: SMC-D connections (2 clients, 2 servers)" "$(counter SMC-D 'SMC connections')" 4
at_least "smcd -d stats: all of them v2" "$(counter SMC-D 'v2')" 4
[ "$(counter SMC-D 'TCP fallback')" = 0 ] && ok "smcd -d stats: no TCP fallback" ||
	nok "smcd -d stats: no TCP fallback" "$(printf '%s\n' "$OUT" | grep 'TCP fallback')"
at_least "smcd -d stats: RX bytes at least those moved" "$(counter 'RX Stats' 'Data transmitted (Bytes)')" $((4 * BYTES))
at_least "smcd -d stats: TX bytes at least those moved" "$(counter 'TX Stats' 'Data transmitted (Bytes)')" $((4 * BYTES))
. /lab/smcd-prometheus.sh

# A connection held open: the client stopped once both sockets are SMCD.
smc run xfer-glibc server 7002 >/dev/null 2>&1 &
held_srv=$!
smc run xfer-musl client 127.0.0.1 7002 4096 >/dev/null 2>&1 &
held_cli=$!
smcd_rows() { smcss | grep -c ':7002 .* SMCD *$'; }
for _ in $(seq 100); do
	[ "$(smcd_rows)" -eq 2 ] && break
	sleep 0.2
done
kill -STOP $held_cli
expect_ok "smcss: the held connection's two sockets are SMCD" '127\.0\.0\.1:7002 .* SMCD *$' smcss
[ "$(printf '%s\n' "$OUT" | grep -c ':7002 .* SMCD *$')" -eq 2 ] && ok "smcss: two SMCD rows" ||
	nok "smcss: two SMCD rows" "got: $OUT"

expect_ok "smcss -D" '^State +UID +Inode +Local Address +Peer Address +Intf Mode GID +Token +Peer-GID +Peer-Token +Linkid *$' smcss -D
printf '%s\n' "$OUT" | awk '$1 == "ACTIVE" && $7 == "SMCD"' >/tmp/smcd-rows
# Over loopback-ism both ends share one GID, and each end's token is the
# other end's peer token.
if [ "$(wc -l </tmp/smcd-rows)" -eq 2 ] &&
	awk '{ gid[NR] = $8; tok[NR] = $9; pgid[NR] = $10; ptok[NR] = $11 }
	     END { exit !(gid[1] == pgid[1] && gid[1] == gid[2] && gid[2] == pgid[2] &&
	                 tok[1] == ptok[2] && tok[2] == ptok[1] && gid[1] ~ /^[0-9a-f]{16}$/) }' /tmp/smcd-rows; then
	ok "smcss -D: one GID on both ends, tokens crossed"
else
	nok "smcss -D: one GID on both ends, tokens crossed" "rows: $(cat /tmp/smcd-rows)"
fi

expect_ok "smcd linkgroup" '^LG-ID    VLAN  #Conns  PNET-ID *$' smcd linkgroup
lgrs=$(printf '%s\n' "$OUT" | awk 'NR > 1 { print $1 }')
missing=
for id in $(awk '{ print $12 }' /tmp/smcd-rows); do
	printf '%s\n' "$lgrs" | grep -qx "$id" || missing="$missing $id"
done
[ -z "$missing" ] && [ -n "$lgrs" ] && ok "smcd linkgroup lists the link groups smcss -D names" ||
	nok "smcd linkgroup lists the link groups smcss -D names" "not listed:$missing"
gid=$(awk 'NR == 1 { print $8 }' /tmp/smcd-rows)
expect_ok "smcd -j linkgroup: the loopback-ism GID" "^\\{\"linkgroups\":\\[\\{\"lgr_id\":[0-9]+,.*\"gid\":\"$gid\",\"peer_gid\":\"$gid\"\\}" \
	smcd -j linkgroup

# Devices: whatever the kernel's SMC-D device dump holds, our smcd shows it
# (6.12 leaves loopback-ism out of that dump: then nothing).
mkdir -p /tmp/dev
record /tmp/dev get_dev_smcd >/dev/null
if [ "$(stat -c %s /tmp/dev/get_dev_smcd.0)" -eq 20 ]; then
	expect_ok "smcd device: nothing, as the kernel lists no SMC-D device" '' smcd device
	expect_ok "smcd -d device: nothing" '' smcd -d device
	expect_ok "smcd -j device: an empty list" '^\{"devices":\[\]\}$' smcd -j device
else
	expect_ok "smcd device: the kernel's device" '^FID  Type  PCI-ID        PCHID  InUse  #LGs  PNET-ID *$' smcd device
	expect_ok "smcd -j device: the kernel's device" '^\{"devices":\[\{"use_cnt":[0-9]+,' smcd -j device
fi

. /lab/smcd-details.sh

kill -CONT $held_cli
kill $held_cli $held_srv
wait

. /lab/smcd-chk.sh
