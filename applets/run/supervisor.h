/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_run's second mechanism, for programs without a loader (no PT_INTERP):
 * a seccomp filter on the program stops socket(AF_INET/AF_INET6,
 * SOCK_STREAM, 0/IPPROTO_TCP) and a supervisor process answers it with an
 * AF_SMC socket of its own (SECCOMP_IOCTL_NOTIF_ADDFD), or lets the call
 * run as TCP where it cannot make one. */
#ifndef SMC_SUPERVISOR_H
#define SMC_SUPERVISOR_H

#include <stddef.h>

struct supervisor_opts {
	int rcv_bytes, snd_bytes;	/* SO_RCVBUF, SO_SNDBUF; 0: leave alone */
};

enum supervisor_result {
	SUPERVISOR_READY,	/* the filter is on this process: exec the program */
	SUPERVISOR_UNAVAILABLE,	/* the kernel cannot: exec the program unchanged */
	SUPERVISOR_FAILED,	/* the filter is on but has no supervisor: do not exec */
};

/* Starts the supervisor (a detached process that stays until the last
 * process under the filter is gone) and puts the calling process under the
 * filter. Anything but READY leaves why (of size bytes) saying what failed. */
enum supervisor_result supervisor_start(const struct supervisor_opts *o, char *why, size_t size);

#endif
