/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The protocol numbers of socket(AF_SMC, SOCK_STREAM, proto). The kernel
 * defines them in net/smc/smc.h (SMCPROTO_SMC 0 for IPv4, SMCPROTO_SMC6 1
 * for IPv6), which is not a uapi header: neither <linux/smc.h> nor libc's
 * <sys/socket.h> has them. AF_SMC (43) comes from <sys/socket.h>. */
#ifndef SMC_PRELOAD_SMC_H
#define SMC_PRELOAD_SMC_H

#define SMCPROTO_SMC	0
#define SMCPROTO_SMC6	1

#endif
