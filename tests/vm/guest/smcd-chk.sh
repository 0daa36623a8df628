# SPDX-License-Identifier: GPL-2.0-or-later
# smc_chk over loopback-ism (the UEID set by smcd.sh): the client's verdict
# is SMC-D v2, the server reports the same, and the live test on lo finds it.
. /lab/chk-lib.sh

chk_server_start 37373
expect_status "smc_chk -C 127.0.0.1: SMC-D v2" 0 \
	'^Test with target IP 127\.0\.0\.1 and port 37373$|||^     Success, using SMC-D v2$' smc_chk -C 127.0.0.1
expect_ok "smc_chk -j -C 127.0.0.1: the verdict SMC-D v2" '"verdict":"SMC-D v2","version":2,"reasons":\[\]' \
	smc_chk -j -C 127.0.0.1
expect_status "smc_chk -d -C: the socket's mode and version" 0 '^\[DEBUG\] socket inode [0-9]+: mode 2, version 2, ' \
	smc_chk -d -C 127.0.0.1
expect_status "smc_chk -S reported the connection as SMC-D v2" 0 \
	'^Connection from 127\.0\.0\.1 port [0-9]+$|||^     Success, using SMC-D v2$' cat /tmp/chk-server.out
chk_server_stop
chk_server_start 37380 -6
expect_status "smc_chk -C ::1 to the IPv6 server: SMC-D v2" 0 \
	'^Test with target IP ::1 and port 37380$|||^     Success, using SMC-D v2$' smc_chk -C ::1 -p 37380
chk_server_stop
expect_status "smc_chk -l lo: SMC-D v2" 0 '^Checking active link: +lo$|||^     Success, using SMC-D v2$' smc_chk -l lo
expect_status "smc_chk -s lo: the kernel offers SMC-D v2, the UEID" 0 \
	'^     Kernel offers: +SMC-D v1 v2, |||^     Advertising UEIDs: +SMC-LAB-UEID$|||^     IP subnets: +127\.0\.0\.1/8$|||^     Reachable subnets: +this host, where the kernel has loopback-ism \(SMC-Dv2\)$' \
	smc_chk -s lo
expect_status "smc_chk -s -l lo: both" 0 '^  Static Analysis |||^  Live test |||^     Success, using SMC-D v2$' \
	smc_chk -s -l lo
