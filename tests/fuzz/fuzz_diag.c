/* SPDX-License-Identifier: GPL-2.0-or-later */
/* NETLINK_SOCK_DIAG replies for AF_SMC (what smcss lists). */
#include <sys/socket.h>

#include "netlink/diag.h"
#include "tests/fuzz/fuzz.h"

static int check_sock(const struct smc_diag_sock *sock, void *data, struct nl_error *err)
{
	FUZZ_ASSERT(sock->family == AF_INET || sock->family == AF_INET6);
	FUZZ_TERMINATED(sock->lgr.ibname);
	FUZZ_TERMINATED(sock->lgr.gid);
	FUZZ_TERMINATED(sock->lgr.peer_gid);
	++*(size_t *)data;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nl_error err = { 0 };
	size_t socks = 0;

	fuzz_outcome(smc_diag_parse(data, size, check_sock, &socks, &err), &err);
	return 0;
}
