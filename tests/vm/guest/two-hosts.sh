# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "two hosts": SMC-Rv2 over SoftRoCE between two guests, driven by
# our smcr ueid and smc run. $1 is server (198.18.0.1) or client (.2).
. /lab/lib.sh
# 8 MiB is 128 times the 64 KiB buffers; moving data over rxe under TCG is
# most of the scenario's time, which a loaded host multiplies.
MIB=8
GID0=0000:0000:0000:0000:0000:ffff:c612:000
case $1 in
server) me=198.18.0.1 peer=198.18.0.2 lrole=SERV my_gid=${GID0}1 peer_gid=${GID0}2 ;;
client) me=198.18.0.2 peer=198.18.0.1 lrole=CLNT my_gid=${GID0}2 peer_gid=${GID0}1 ;;
esac

smcr_host "$1"
expect_ok "smcr ueid show" '^SMC-LAB-UEID *$' smcr ueid show

# The RDMA device, before any connection.
device='^eth0 +rxe0 +1 +ACTIVE '
expect_ok "smcr device shows rxe0 on eth0" "$device" smcr device
expect_ok "smcr device show netdev eth0" "$device" smcr device show netdev eth0
expect_ok "smcr dev show ibdev rxe0" "$device" smcr dev show ibdev rxe0
expect_ok "smcr -d device" "$device" smcr -d device
json_keep "smcr -j device" smcr -j device
expect_ok "smcr linkgroup: none yet" '' smcr linkgroup

# rxe_pkts: the SoftRoCE device's packet counter $1 (sent_pkts, rcvd_pkts).
rxe_pkts() {
	rdma statistic show link rxe0/1 | tr ' ' '\n' | grep -A1 -x "$1" | tail -n 1
}

# held_checks: with the first connection held open, what both hosts see.
held_checks() {
	if [ "$1" = server ]; then
		sock="198\.18\.0\.1:7000 +198\.18\.0\.2:[0-9]+"
		expect_ok "smcss -l: the listener" '^LISTEN +00000 +[0-9]+ +0\.0\.0\.0:7000 *$' smcss -l
	else
		sock="198\.18\.0\.2:[0-9]+ +198\.18\.0\.1:7000"
	fi
	expect_ok "smcss: the connection is SMCR" "^ACTIVE +00000 +[0-9]+ +$sock +0000 SMCR *\$" smcss
	expect_ok "smcss -a: the connection is SMCR" "^ACTIVE +00000 +[0-9]+ +$sock +0000 SMCR *\$" smcss -a
	expect_ok "smcss -R: $lrole on rxe0 port 1, both GIDs" \
		"^ACTIVE +00000 +[0-9]+ +$sock +0000 SMCR $lrole rxe0 +01 +01 +$my_gid +$peer_gid\$" smcss -R
	expect_ok "smcss -d: token and buffers" "^ACTIVE .* SMCR +<-> +[0-9a-f]{8} " smcss -d
	expect_ok "smcss -D: no SMC-D socket" '^State ' smcss -D
	[ "$(wc -l <"$T/out")" -eq 1 ] && ok "smcss -D lists no socket" || nok "smcss -D lists no socket" "got: $OUT"
	json_keep "smcss -j" smcss -j
	same_as "smcr device: one link on rxe0" objects/host-a-smcr-device.txt smcr device
	expect_ok "smcr linkgroup: $lrole" "^00000100 $lrole +SINGLE +0 +[0-9]+ *\$" smcr linkgroup
	expect_ok "smcr linkgroup link-show: the link on eth0" \
		"^00000100 $lrole +SINGLE +eth0 +LINK_ACTIVE +[0-9]+ *\$" smcr linkgroup link-show
	expect_ok "smcr -d linkgroup link-show: rxe0 port 1" \
		"^00000100 $lrole .* LINK_ACTIVE +[0-9]+ +[0-9a-f]{8} +[0-9a-f]{8} +rxe0 +1 *\$" smcr -d linkgroup link-show
	expect_ok "smcr -dd linkgroup link-show: the peer's GID" \
		"^00000100 $lrole .* rxe0 +1 +$my_gid +$peer_gid *\$" smcr -dd linkgroup link-show
	expect_ok "smcr lgr link-show ibdev rxe0" "^00000100 $lrole " smcr lgr link-show ibdev rxe0
	json_keep "smcr -j linkgroup" smcr -j linkgroup
	json_keep "smcr -j linkgroup link-show" smcr -j linkgroup link-show
	. /lab/two-hosts-details.sh
	. /lab/two-hosts-output.sh
}

# First the musl client and glibc server, held open for the checks above,
# then the other way round; each moves MIB MiB each way. The client retries
# until the server listens; the hosts tell each other over nc when they are
# done looking. A wait lasts as long as the program it waits for runs (a
# loaded host slows the guests down by any factor); the guest's time limit
# bounds them all.
case $1 in
server)
	smc run xfer-glibc server 7000 >/tmp/xfer.out 2>&1 &
	xfer=$!
	wait_for /tmp/xfer.out "^xfer server: received $((MIB << 20)) bytes" $xfer &&
		ok "smc run xfer-glibc server" || nok "smc run xfer-glibc server" "$(cat /tmp/xfer.out)"
	held_checks server
	hear 7100 >/dev/null
	check "release the held connection" tell $peer 7101
	wait $xfer && ok "xfer-glibc server ended well" || nok "xfer-glibc server ended well" "$(cat /tmp/xfer.out)"
	expect_ok "smc run xfer-musl server" "^xfer server: received $((MIB << 20)) bytes" smc run xfer-musl server 7001
	;;
client)
	hear 7101 | smc run xfer-musl client 198.18.0.1 7000 $MIB hold >/tmp/xfer.out 2>&1 &
	xfer=$!
	wait_for /tmp/xfer.out '^xfer client: holding' $xfer && ok "smc run xfer-musl client (held)" ||
		nok "smc run xfer-musl client (held)" "$(cat /tmp/xfer.out)"
	held_checks client
	check "done looking" tell $peer 7100
	wait $xfer && grep -q "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" /tmp/xfer.out &&
		ok "xfer-musl client checked the data" || nok "xfer-musl client checked the data" "$(cat /tmp/xfer.out)"
	expect_ok "smc run xfer-glibc client" "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" \
		smc run xfer-glibc client 198.18.0.1 7001 $MIB
	;;
esac

# Real programs from the host, unmodified: curl fetches a file from
# python3's http.server, both started with our smc run in a chroot of the
# host's root; the connection is counted as SMC-Rv2 on both sides.
check "host root over 9p" host_root
run smcr -a -j stats
case $1 in
server)
	before=$(json_num SMC_SRV_V2_SUCC_CNT)
	mkdir -p /host/tmp/www && dd if=/dev/urandom of=/host/tmp/www/blob bs=64k count=64 2>/dev/null
	chroot /host /tmp/smc run python3 -m http.server --bind 198.18.0.1 --directory /tmp/www 8080 >/tmp/http.log 2>&1 &
	http=$!
	listening 8080 $http && ok "python3 http.server under smc run listening" ||
		nok "python3 http.server under smc run listening" "$(cat /tmp/http.log)"
	check "send the file's checksum" tell $peer 7102 "$(md5sum </host/tmp/www/blob | cut -d' ' -f1)"
	hear 7103 >/dev/null
	kill $http
	grep -q '"GET /blob HTTP/1.1" 200' /tmp/http.log && ok "http.server served the file" ||
		nok "http.server served the file" "$(cat /tmp/http.log)"
	run smcr -a -j stats
	at_least "http.server's connection counted as SMC-Rv2 server" $(($(json_num SMC_SRV_V2_SUCC_CNT) - before)) 1
	;;
client)
	before=$(json_num SMC_CLNT_V2_SUCC_CNT)
	sum=$(hear 7102)
	expect_ok "curl under smc run fetches from http.server" '' \
		chroot /host /tmp/smc run curl -sS -o /tmp/blob http://198.18.0.1:8080/blob
	[ -n "$sum" ] && [ "$(md5sum </host/tmp/blob | cut -d' ' -f1)" = "$sum" ] && ok "curl's copy has the right checksum" ||
		nok "curl's copy has the right checksum" "want \"$sum\""
	check "done fetching" tell $peer 7103
	run smcr -a -j stats
	at_least "curl's connection counted as SMC-Rv2 client" $(($(json_num SMC_CLNT_V2_SUCC_CNT) - before)) 1
	;;
esac

# Our statistics counted the SMC-Rv2 connections on the right side and at
# least the bytes moved: 2 x MIB MiB each way.
min=$((2 * MIB << 20))
run smcr -d stats
at_least "smcr -d stats: SMC-Rv2 connections" "$(field '^    v2 ' 2)" 3
case $1 in
server) expect_ok "smcr -d stats: all as server" '^  SMC connections +[0-9]+ \(client 0, server [0-9]+\)$' smcr -d stats ;;
client) expect_ok "smcr -d stats: all as client" '^  SMC connections +[0-9]+ \(client [0-9]+, server 0\)$' smcr -d stats ;;
esac
at_least "smcr -d stats: RX bytes" "$(field '^  Data transmitted' 4)" $min
json_keep "smcr -d stats json" smcr -d stats json
at_least "smcr stats json: TX bytes" "$(json_num SMC_TX_BYTES)" $min
at_least "smcr stats json: RX bytes" "$(json_num SMC_RX_BYTES)" $min

# The data went over RDMA: the rxe device carried at least 2 x MIB MiB each
# way (RoCE packets carry at most 4 KiB).
min=$((2 * MIB * 256))
for c in sent_pkts rcvd_pkts; do
	n=$(rxe_pkts $c)
	echo "rxe0 $c: $n"
	[ "${n:-0}" -ge $min ] && ok "rxe0 $c >= $min" || nok "rxe0 $c >= $min" "rdma statistic says ${n:-nothing}"
done

. /lab/two-hosts-preload.sh "$1"
. /lab/two-hosts-seccomp.sh "$1"
# Last: smc_chk's checks end by deleting the server's RDMA device.
. /lab/two-hosts-chk.sh
json_check
