/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The preload library's AF_SMC probe, under smc_run (x86_64: the fork case
 * edits the trapped system call's return register).
 *
 *   probecheck fork     a fork() while the probe runs: the child's first
 *                       TCP socket must not wait for a probe nobody in it
 *                       will finish (the library's bound is 100 ms)
 *   probecheck noipv6   socket(AF_SMC, ..., SMCPROTO_SMC6) refused with
 *                       EAFNOSUPPORT, as on a kernel booted with
 *                       ipv6.disable=1: the IPv4 socket after an IPv6 one
 *                       must still be AF_SMC (needs a kernel with AF_SMC)
 *
 * A seccomp filter makes the case: for fork, socket(AF_SMC) raises SIGSYS
 * in the probing thread, whose handler forks; for noipv6 it fails the IPv6
 * attempt. Prints "ok - ..." or "not ok - ..."; exits 1 on a failure. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef AF_SMC
#define AF_SMC 43
#endif
#define SMCPROTO_SMC6 1

#define ARG(n) offsetof(struct seccomp_data, args[n])

/* socket(AF_SMC, any type, PROTO) gets ACTION; PROTO -1: any protocol. */
static int filter_smc_sockets(int proto, unsigned action)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 5),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_SMC, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG(2)),
		BPF_JUMP(BPF_JMP | (proto < 0 ? BPF_JGE : BPF_JEQ) | BPF_K, proto < 0 ? 0 : (unsigned)proto, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };

	return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static volatile sig_atomic_t in_child, forked, child_status = -1;

/* socket(AF_SMC) trapped, in the middle of the library's probe. */
static void on_sigsys(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	pid_t child;
	int status;

#ifdef __x86_64__
	uc->uc_mcontext.gregs[REG_RAX] = -EAFNOSUPPORT;
#else
#error "probecheck: set the trapped system call's return register for this architecture"
#endif
	if (in_child)
		return;
	forked = 1;
	child = fork();
	if (child == 0) {
		double start = now_ms();
		int fd;

		in_child = 1;
		fd = socket(AF_INET, SOCK_STREAM, 0);
		_exit(fd >= 0 && now_ms() - start < 50 ? 0 : 1);
	}
	if (child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status))
		child_status = WEXITSTATUS(status);
}

static int fork_case(void)
{
	/* SA_NODEFER: the child, forked in the handler, traps again. */
	struct sigaction sa = { .sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO | SA_NODEFER };
	int fd;

	if (sigaction(SIGSYS, &sa, NULL) || filter_smc_sockets(-1, SECCOMP_RET_TRAP)) {
		printf("not ok - probecheck fork: cannot install the filter: %s\n", strerror(errno));
		return 1;
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || child_status != 0) {
		printf("not ok - a child forked during the probe makes its socket at once: %s\n",
		       !forked ? "no fork in the probe (is the library preloaded?)" :
		       child_status < 0 ? "the child was killed" : "it waited 50 ms or more, or failed");
		return 1;
	}
	printf("ok - a child forked during the probe makes its socket at once\n");
	return 0;
}

static int domain_of(int fd)
{
	int domain = -1;
	socklen_t len = sizeof(domain);

	getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len);
	return domain;
}

static int noipv6_case(void)
{
	int v6, v4;

	if (filter_smc_sockets(SMCPROTO_SMC6, SECCOMP_RET_ERRNO | EAFNOSUPPORT)) {
		printf("not ok - probecheck noipv6: cannot install the filter: %s\n", strerror(errno));
		return 1;
	}
	v6 = socket(AF_INET6, SOCK_STREAM, 0);
	v4 = socket(AF_INET, SOCK_STREAM, 0);
	if (domain_of(v6) != AF_INET6 || domain_of(v4) != AF_SMC) {
		printf("not ok - without SMCPROTO_SMC6 the IPv4 socket is still AF_SMC: IPv6 socket domain %d, IPv4 %d\n",
		       domain_of(v6), domain_of(v4));
		return 1;
	}
	printf("ok - without SMCPROTO_SMC6 the IPv4 socket is still AF_SMC\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "fork") == 0)
		return fork_case();
	if (argc == 2 && strcmp(argv[1], "noipv6") == 0)
		return noipv6_case();
	fprintf(stderr, "usage: probecheck fork|noipv6\n");
	return 2;
}
