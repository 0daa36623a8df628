/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Socket workloads for the benchmarks.
 *   sockets churn COUNT tcp|smc   create and close COUNT stream sockets:
 *       tcp: socket(AF_INET, SOCK_STREAM, 0), which the preload library
 *       turns into AF_SMC when loaded; smc: socket(AF_SMC) made directly.
 *       Prints the nanoseconds per socket, timed inside the loop only.
 *   sockets calls COUNT   COUNT getppid() calls, nanoseconds per call: what
 *       any other system call pays under smc run's seccomp filter.
 *   sockets hold LISTENERS CONNECTIONS   listen on LISTENERS sockets of
 *       127.0.0.1 and make CONNECTIONS connections to the first one
 *       (2 sockets each), print "ready N" and wait for a signal. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef AF_SMC
#define AF_SMC 43
#endif
#define SMCPROTO_SMC 0

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static long count_arg(const char *text)
{
	char *end;
	long n = strtol(text, &end, 10);

	if (*end || n < 0) {
		fprintf(stderr, "sockets: \"%s\" is not a count\n", text);
		exit(1);
	}
	return n;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int churn(long count, int smc)
{
	double start = now_ns();

	for (long i = 0; i < count; i++) {
		int fd = smc ? socket(AF_SMC, SOCK_STREAM, SMCPROTO_SMC) : socket(AF_INET, SOCK_STREAM, 0);

		if (fd < 0)
			die("socket");
		close(fd);
	}
	printf("%.1f ns per socket (%ld sockets, %s)\n", (now_ns() - start) / (double)count, count,
	       smc ? "AF_SMC" : "AF_INET");
	return 0;
}

static int calls(long count)
{
	double start = now_ns();

	for (long i = 0; i < count; i++)
		syscall(SYS_getppid);	/* not glibc's getppid(): never cached */
	printf("%.1f ns per call (%ld getppid calls)\n", (now_ns() - start) / (double)count, count);
	return 0;
}

static int tcp_socket(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	return fd;
}

static int listener(struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int fd = tcp_socket();

	addr->sin_family = AF_INET;
	addr->sin_port = 0;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)addr, len) < 0 || listen(fd, 16) < 0 ||
	    getsockname(fd, (struct sockaddr *)addr, &len) < 0)
		die("listen");
	return fd;
}

static void nothing(int sig __attribute__((unused)))
{
}

static int hold(long listeners, long connections)
{
	struct rlimit lim = { listeners + 2 * connections + 64, listeners + 2 * connections + 64 };
	struct sockaddr_in first, addr;
	int server = -1;

	if (listeners < 1)
		die("hold needs a listener");
	if (setrlimit(RLIMIT_NOFILE, &lim) < 0)
		die("setrlimit");
	for (long i = 0; i < listeners; i++) {
		int fd = listener(&addr);

		if (i == 0)
			server = fd, first = addr;
	}
	for (long i = 0; i < connections; i++) {
		int fd = tcp_socket();

		if (connect(fd, (struct sockaddr *)&first, sizeof(first)) < 0 || accept(server, NULL, NULL) < 0)
			die("connect");
	}
	signal(SIGTERM, nothing);
	printf("ready %ld\n", listeners + 2 * connections);
	fflush(stdout);
	pause();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "churn") == 0 && (!strcmp(argv[3], "tcp") || !strcmp(argv[3], "smc")))
		return churn(count_arg(argv[2]), strcmp(argv[3], "smc") == 0);
	if (argc == 3 && strcmp(argv[1], "calls") == 0)
		return calls(count_arg(argv[2]));
	if (argc == 4 && strcmp(argv[1], "hold") == 0)
		return hold(count_arg(argv[2]), count_arg(argv[3]));
	fprintf(stderr, "usage: sockets churn COUNT tcp|smc | sockets calls COUNT | sockets hold LISTENERS CONNECTIONS\n");
	return 1;
}
