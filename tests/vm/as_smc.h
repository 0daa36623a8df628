/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Forced into tests/progs/xfer.c (gcc -include) to build xfer-smc, which
 * opens AF_SMC sockets itself: the lab records SMC kernel replies with it
 * without depending on smc_run. The program's source stays plain TCP. */
#include <sys/socket.h>

#ifndef AF_SMC
#define AF_SMC 43
#endif

static inline int smc_instead_of_tcp(int domain, int type, int protocol)
{
	if (domain == AF_INET && type == SOCK_STREAM && protocol == 0)
		return socket(AF_SMC, type, 0);
	return socket(domain, type, protocol);
}
#define socket smc_instead_of_tcp
