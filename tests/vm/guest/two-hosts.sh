# Scenario "two hosts": SMC-Rv2 over SoftRoCE between two guests, driven by
# our smcr ueid and smc run. $1 is server (198.18.0.1) or client (.2).
. /lab/lib.sh
MIB=16

smcr_host "$1"
expect_ok "smcr ueid show" '^SMC-LAB-UEID *$' smcr ueid show

# rxe_pkts: the SoftRoCE device's packet counter $1 (sent_pkts, rcvd_pkts).
rxe_pkts() {
	rdma statistic show link rxe0/1 | tr ' ' '\n' | grep -A1 -x "$1" | tail -n 1
}

# Two transfers of MIB MiB each way: glibc server with musl client, then
# the other way round; the client retries until the server listens.
case $1 in
server)
	expect_ok "smc run xfer-glibc server" "^xfer server: received $((MIB << 20)) bytes" smc run xfer-glibc server 7000
	expect_ok "smc run xfer-musl server" "^xfer server: received $((MIB << 20)) bytes" smc run xfer-musl server 7001
	;;
client)
	expect_ok "smc run xfer-musl client" "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" \
		smc run xfer-musl client 198.18.0.1 7000 $MIB
	expect_ok "smc run xfer-glibc client" "^xfer client: sent $((MIB << 20)) bytes.*received $((MIB << 20)) bytes" \
		smc run xfer-glibc client 198.18.0.1 7001 $MIB
	;;
esac

# The data went over RDMA: the rxe device carried at least 2 x MIB MiB each
# way (RoCE packets carry at most 4 KiB).
min=$((2 * MIB * 256))
for c in sent_pkts rcvd_pkts; do
	n=$(rxe_pkts $c)
	echo "rxe0 $c: $n"
	[ "${n:-0}" -ge $min ] && ok "rxe0 $c >= $min" || nok "rxe0 $c >= $min" "rdma statistic says ${n:-nothing}"
done
