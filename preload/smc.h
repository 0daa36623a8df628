/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The protocol numbers of socket(AF_SMC, SOCK_STREAM, proto). The kernel
 * defines them in net/smc/smc.h (SMCPROTO_SMC 0 for IPv4, SMCPROTO_SMC6 1
 * for IPv6), which is not a uapi header: neither <linux/smc.h> nor libc's
 * <sys/socket.h> has them. AF_SMC (43) comes from <sys/socket.h>. And what
 * a failed socket(AF_SMC) says, shared by the preload library and smc_run's
 * seccomp supervisor. */
#ifndef SMC_PRELOAD_SMC_H
#define SMC_PRELOAD_SMC_H

#include <errno.h>

#define SMCPROTO_SMC	0
#define SMCPROTO_SMC6	1

/* The errors that mean this kernel, namespace or sandbox gives no AF_SMC,
 * by name; 0 for any other error. */
static inline const char *no_smc_errno_name(long err)
{
	switch (err) {
	case EAFNOSUPPORT: return "EAFNOSUPPORT";
	case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
	case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
	case EPROTOTYPE: return "EPROTOTYPE";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOSYS: return "ENOSYS";
	case EINVAL: return "EINVAL";
	}
	return 0;
}

#endif
