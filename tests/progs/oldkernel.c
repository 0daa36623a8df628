/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Runs a command as on a kernel without a seccomp feature, by a filter of
 * its own (static build):
 *
 *   oldkernel listener|addfd CMD [ARGS...]
 *
 * listener: seccomp() fails with EINVAL (before Linux 5.0 there is no
 * SECCOMP_FILTER_FLAG_NEW_LISTENER); addfd: the SECCOMP_IOCTL_NOTIF_ADDFD
 * ioctl fails with EINVAL (before 5.14 there is no SECCOMP_ADDFD_FLAG_SEND). */
#include <errno.h>
#include <stdbool.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	bool listener = argc > 2 && strcmp(argv[1], "listener") == 0;
	unsigned nr = listener ? SYS_seccomp : SYS_ioctl;
	/* arg 1 is the ioctl's request: its low 32 bits hold the whole number */
	unsigned request = listener ? SECCOMP_SET_MODE_FILTER : (unsigned)SECCOMP_IOCTL_NOTIF_ADDFD;
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[listener ? 0 : 1])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, request, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EINVAL),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(filter) / sizeof(*filter), .filter = filter };

	if (argc < 3 || (!listener && strcmp(argv[1], "addfd") != 0)) {
		fprintf(stderr, "usage: oldkernel listener|addfd CMD [ARGS...]\n");
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
		perror("oldkernel: seccomp");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror("oldkernel: exec");
	return 127;
}
