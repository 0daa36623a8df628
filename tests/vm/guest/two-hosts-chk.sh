# SPDX-License-Identifier: GPL-2.0-or-later
# smc_chk between the two hosts: SMC-Rv2 to smc_chk -S, TCP fallback to a
# plain TCP listener, and TCP fallback once the server's RDMA device is
# gone (it is not restored: two-hosts.sh sources this last). $1 is server
# or client.
. /lab/chk-lib.sh

case $1 in
server)
	chk_server_start 37373
	nc -l -p 7300 </dev/null >/dev/null 2>&1 &
	expect_status "smc_chk -i eth0: no PNET ID, nothing printed" 0 '' smc_chk -i eth0
	[ -z "$OUT" ] && ok "smc_chk -i eth0 prints nothing without a PNET ID" || nok "smc_chk -i eth0 prints nothing" "$OUT"
	expect_status "smc_chk -s eth0: rxe0, the UEID, the subnet" 0 \
		'^Checking active link: +eth0$|||^     SMC-R devices: +rxe0 port 1$|||^     Advertising UEIDs: +SMC-LAB-UEID$|||^     IP subnets: +198\.18\.0\.1/24$|||^     Reachable subnets: +any \(SMCv2\)$' \
		smc_chk -s eth0
	json_keep "smc_chk -j -s" smc_chk -j -s
	check "tell the client the servers listen" tell 198.18.0.2 7200
	hear 7201 >/dev/null
	expect_status "smc_chk -S reported the client's SMC-R v2 connection" 0 \
		'^Connection from 198\.18\.0\.2 port [0-9]+$|||^     Success, using SMC-R v2$' cat /tmp/chk-server.out
	check "rdma link delete rxe0" rdma link delete rxe0
	check "tell the client rxe0 is gone" tell 198.18.0.2 7202
	hear 7203 >/dev/null
	expect_status "smc_chk -S: the connection without rxe0 fell back, this side without a device" 0 \
		'^     Failed  \(TCP fallback\), reasons:$|||^          Server: 0x03030002 NOSMCRDEV: ' cat /tmp/chk-server.out
	expect_status "smc_chk -s eth0 without rxe0: no SMC-R device" 0 \
		'^     SMC-R devices: +none$|||^     Reachable subnets: +none \(no SMC device\)$' smc_chk -s eth0
	chk_server_stop
	;;
client)
	hear 7200 >/dev/null
	expect_status "smc_chk -C: SMC-R v2" 0 \
		'^Test with target IP 198\.18\.0\.1 and port 37373$|||^  Live test \(SMC-D and SMC-R\)$|||^     Success, using SMC-R v2$' \
		smc_chk -C 198.18.0.1
	json_keep "smc_chk -j -C" smc_chk -j -C 198.18.0.1
	expect_ok "smc_chk -j -C: the verdict SMC-R v2" '"verdict":"SMC-R v2","version":2,"reasons":\[\]' \
		smc_chk -j -C 198.18.0.1
	expect_status "smc_chk -C to a plain TCP listener: fallback, status 2" 2 \
		'^     Failed  \(TCP fallback\), reasons:$|||^          Client: 0x03010000 PEER_NO_SMC: ' smc_chk -C 198.18.0.1 -p 7300
	expect_status "smc_chk -C to a closed port: no connection, status 1" 1 \
		'^     Failed, no connection: Connection refused$' smc_chk -C 198.18.0.1 -p 7399
	expect_status "smc_chk -s: eth0 with rxe0" 0 '^     SMC-R devices: +rxe0 port 1$' smc_chk -s
	expect_status "smc_chk -l eth0: a verdict" '0 2' '^Checking active link: +eth0$|||^     (Success|Failed)' smc_chk -l eth0
	check "tell the server the first checks are done" tell 198.18.0.1 7201
	hear 7202 >/dev/null
	expect_status "smc_chk -C to the server without rxe0: the peer declined, with its reason" 2 \
		'^     Failed  \(TCP fallback\), reasons:$|||^          Client: 0x05000000 PEERDECL: |||^          Server: 0x03030002 NOSMCRDEV: ' \
		smc_chk -C 198.18.0.1
	check "tell the server the fallback check is done" tell 198.18.0.1 7203
	expect_ok "smc_pnet -a LABNET -I eth0" '' smc_pnet -a LABNET -I eth0
	expect_status "smc_chk -i eth0: the PNET table's ID, marked *" 0 '^LABNET\*$' smc_chk -i eth0
	expect_ok "smc_chk -j -i eth0: its source" '^\{"interface":"eth0","pnet_id":"LABNET","source":"pnet_table"\}$' \
		smc_chk -j -i eth0
	expect_status "smc_chk -s eth0: the PNET ID" 0 '^     PNET ID: +LABNET\*$' smc_chk -s eth0
	expect_ok "smc_pnet -d LABNET" '' smc_pnet -d LABNET
	;;
esac
