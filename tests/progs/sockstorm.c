/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Many threads creating and closing TCP sockets at once, run under
 * smc_run / libsmc-preload.so:
 *
 *   sockstorm THREADS SOCKETS RCVBUF SNDBUF [smc]
 *
 * Every thread creates and closes SOCKETS sockets (AF_INET and AF_INET6 in
 * turn); every one must be a stream socket with the requested buffer
 * sizes (the kernel reports twice the bytes asked for; 0: any size), and the process
 * must hold as many descriptors at the end as at the start. With "smc" every
 * one must be an AF_SMC socket. Prints
 * "ok - ..." / "not ok - ..." lines; exits 1 if a check failed. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static long per_thread;
static int want_rcv, want_snd;
static bool want_smc;

static int sockopt(int fd, int name)
{
	int value = -1;
	socklen_t len = sizeof(value);

	return getsockopt(fd, SOL_SOCKET, name, &value, &len) == 0 ? value : -1;
}

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

struct tally {
	long failed, wrong_kind, wrong_size, close_failed;
};

static void *storm(void *arg)
{
	struct tally *t = arg;

	for (long i = 0; i < per_thread; i++) {
		int fd = socket(i % 2 ? AF_INET6 : AF_INET, SOCK_STREAM | (i % 3 ? SOCK_CLOEXEC : 0), 0);

		if (fd < 0) {
			t->failed++;
			continue;
		}
		t->wrong_kind += sockopt(fd, SO_TYPE) != SOCK_STREAM || (want_smc && sockopt(fd, SO_DOMAIN) != AF_SMC);
		t->wrong_size += (want_rcv && sockopt(fd, SO_RCVBUF) != 2 * want_rcv) ||
				(want_snd && sockopt(fd, SO_SNDBUF) != 2 * want_snd);
		t->close_failed += close(fd) != 0;
	}
	return NULL;
}

static bool report(bool ok, const char *what, long count)
{
	printf("%s - sockstorm: %s", ok ? "ok" : "not ok", what);
	if (!ok)
		printf(": %ld", count);
	putchar('\n');
	return ok;
}

int main(int argc, char **argv)
{
	struct tally *tally, sum = { 0 };
	pthread_t *threads;
	int threads_n, before, after;
	bool ok = true;
	char what[160];

	if (argc != 5 && (argc != 6 || strcmp(argv[5], "smc") != 0)) {
		fprintf(stderr, "usage: sockstorm THREADS SOCKETS RCVBUF SNDBUF [smc]\n");
		return 2;
	}
	threads_n = atoi(argv[1]);
	per_thread = atol(argv[2]);
	want_rcv = atoi(argv[3]);
	want_snd = atoi(argv[4]);
	want_smc = argc == 6;
	threads = calloc((size_t)threads_n, sizeof(*threads));
	tally = calloc((size_t)threads_n, sizeof(*tally));
	if (!threads || !tally || threads_n <= 0 || per_thread <= 0)
		return 2;
	before = open_fds();
	for (int i = 0; i < threads_n; i++)
		if (pthread_create(&threads[i], NULL, storm, &tally[i]) != 0)
			return 2;
	for (int i = 0; i < threads_n; i++) {
		pthread_join(threads[i], NULL);
		sum.failed += tally[i].failed;
		sum.wrong_kind += tally[i].wrong_kind;
		sum.wrong_size += tally[i].wrong_size;
		sum.close_failed += tally[i].close_failed;
	}
	after = open_fds();
	snprintf(what, sizeof(what), "%d threads x %ld sockets: every socket() succeeded", threads_n, per_thread);
	ok &= report(sum.failed == 0, what, sum.failed);
	ok &= report(sum.wrong_kind == 0, want_smc ? "every socket is an AF_SMC stream socket" : "every socket is a stream socket",
		     sum.wrong_kind);
	snprintf(what, sizeof(what), "every socket has SO_RCVBUF %d and SO_SNDBUF %d (0: any)", 2 * want_rcv, 2 * want_snd);
	ok &= report(sum.wrong_size == 0, what, sum.wrong_size);
	ok &= report(sum.close_failed == 0, "every close() succeeded", sum.close_failed);
	snprintf(what, sizeof(what), "no descriptor leaked (%d open before, %d after)", before, after);
	ok &= report(before == after, what, after - before);
	free(threads);
	free(tally);
	return ok ? 0 : 1;
}
