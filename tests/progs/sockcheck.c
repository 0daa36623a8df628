/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The socket checks run under smc_run / libsmc-preload.so, built once
 * against glibc and once against musl (plain, not sanitized: a sanitizer
 * runtime refuses to come after a preloaded library).
 *
 *   sockcheck LABEL RCVBUF SNDBUF tcp|smc|any [MAPPED...]
 *
 * RCVBUF/SNDBUF: the bytes requested (0: none); tcp|smc: what the TCP
 * sockets must turn out to be; MAPPED: names that must appear in
 * /proc/self/maps. Prints "ok - LABEL: ..." / "not ok - LABEL: ...";
 * exits 1 if a check failed. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef AF_SMC
#define AF_SMC 43
#endif

static const char *label, *want_kind;
static int want_rcv, want_snd, failures;

/* A check's name, formatted; valid until the next call. */
static const char *named(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *named(const char *fmt, ...)
{
	static char name[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return name;
}

/* One result line: NAME, and on failure ": " and what was found. */
static bool check(bool ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool check(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	printf("%s - %s: %s", ok ? "ok" : "not ok", label, name);
	if (!ok) {
		fputs(": ", stdout);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
	failures += !ok;
	return ok;
}

static int sockopt(int fd, int option)
{
	int value = -1;
	socklen_t len = sizeof(value);

	if (getsockopt(fd, SOL_SOCKET, option, &value, &len) != 0)
		return -errno;
	return value;
}

static bool is_nonblock(int fd)
{
	return (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0;
}

static bool is_cloexec(int fd)
{
	return (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0;
}

static bool kind_ok(int fd)
{
	int domain = sockopt(fd, SO_DOMAIN);

	if (strcmp(want_kind, "tcp") == 0)
		return domain == AF_INET || domain == AF_INET6;
	if (strcmp(want_kind, "smc") == 0)
		return domain == AF_SMC;
	return domain == AF_INET || domain == AF_INET6 || domain == AF_SMC;
}

/* The requested sizes; the kernel reports twice what was set. */
static bool buffers_ok(int fd)
{
	return (!want_rcv || sockopt(fd, SO_RCVBUF) == 2 * want_rcv) &&
	       (!want_snd || sockopt(fd, SO_SNDBUF) == 2 * want_snd);
}

static void check_tcp_socket(int fd, const char *what)
{
	check(kind_ok(fd), named("%s is %s", what, want_kind), "SO_DOMAIN %d", sockopt(fd, SO_DOMAIN));
	check(buffers_ok(fd), named("%s has the requested buffer sizes", what),
	      "SO_RCVBUF %d (want %d), SO_SNDBUF %d (want %d)", sockopt(fd, SO_RCVBUF), 2 * want_rcv,
	      sockopt(fd, SO_SNDBUF), 2 * want_snd);
}

static bool wait_for(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	return poll(&p, 1, 5000) == 1;
}

static bool transfer(int from, int to, const char *text)
{
	char buf[64] = "";
	size_t len = strlen(text);
	ssize_t n;

	if (send(from, text, len, 0) != (ssize_t)len || !wait_for(to, POLLIN))
		return false;
	n = recv(to, buf, sizeof(buf) - 1, 0);
	return n == (ssize_t)len && memcmp(buf, text, len) == 0;
}

/* A listener and a non-blocking client in FAMILY on loopback, one message
 * each way. */
static void check_loopback(int family)
{
	const char *name = family == AF_INET ? "AF_INET" : "AF_INET6";
	struct sockaddr_storage addr = { .ss_family = (sa_family_t)family };
	socklen_t len = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	int listener, client, server = -1, err = -1, rc;

	if (family == AF_INET)
		((struct sockaddr_in *)&addr)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	else
		((struct sockaddr_in6 *)&addr)->sin6_addr = in6addr_loopback;
	listener = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	client = socket(family, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
	if (!check(listener >= 0 && client >= 0, named("%s: socket() gives two TCP sockets", name), "%s", strerror(errno)))
		goto out;
	check(is_cloexec(listener) && !is_nonblock(listener), named("%s: SOCK_CLOEXEC kept, no O_NONBLOCK added", name),
	      "flags %#x, fd flags %#x", fcntl(listener, F_GETFL), fcntl(listener, F_GETFD));
	check(is_nonblock(client) && !is_cloexec(client), named("%s: SOCK_NONBLOCK kept, no FD_CLOEXEC added", name),
	      "flags %#x, fd flags %#x", fcntl(client, F_GETFL), fcntl(client, F_GETFD));
	check_tcp_socket(listener, family == AF_INET ? "AF_INET listener" : "AF_INET6 listener");
	check_tcp_socket(client, family == AF_INET ? "AF_INET client" : "AF_INET6 client");
	if (!check(bind(listener, (struct sockaddr *)&addr, len) == 0 && listen(listener, 4) == 0 &&
			   getsockname(listener, (struct sockaddr *)&addr, &len) == 0,
		   named("%s: listener bound to loopback", name), "%s", strerror(errno)))
		goto out;
	rc = connect(client, (struct sockaddr *)&addr, len);
	if (rc != 0 && errno == EINPROGRESS && wait_for(client, POLLOUT))
		rc = sockopt(client, SO_ERROR);
	if (!check(rc == 0, named("%s: non-blocking connect to the listener", name), "%d, %s", rc, strerror(errno)))
		goto out;
	if (wait_for(listener, POLLIN))
		server = accept(listener, NULL, NULL);
	err = server >= 0 && transfer(client, server, "ping") && transfer(server, client, "pong") ? 0 : errno;
	check(err == 0, named("%s: data both ways over the connection", name), "%s", strerror(err));
out:
	close(server);
	close(client);
	close(listener);
}

/* Sockets that are not TCP stay what they are, sizes untouched. */
static void check_untouched(int domain, int type, int protocol, const char *what)
{
	int fd = socket(domain, type, protocol);

	if (!check(fd >= 0, named("%s: socket() works", what), "%s", strerror(errno)))
		return;
	check(sockopt(fd, SO_DOMAIN) == domain && sockopt(fd, SO_TYPE) == type, named("%s: domain and type untouched", what),
	      "domain %d, type %d", sockopt(fd, SO_DOMAIN), sockopt(fd, SO_TYPE));
	check((!want_rcv || sockopt(fd, SO_RCVBUF) != 2 * want_rcv) && (!want_snd || sockopt(fd, SO_SNDBUF) != 2 * want_snd),
	      named("%s: buffer sizes untouched", what), "SO_RCVBUF %d, SO_SNDBUF %d", sockopt(fd, SO_RCVBUF),
	      sockopt(fd, SO_SNDBUF));
	close(fd);
}

/* errno exactly as the plain system call leaves it. */
static void check_errno(void)
{
	struct rlimit saved, low;
	int fd;

	errno = 12345;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	check(fd >= 0 && errno == 12345, "errno untouched by a socket() that succeeds", "fd %d, errno %d", fd, errno);
	close(fd);
	errno = 0;
	fd = socket(AF_INET, SOCK_STREAM, 99);
	check(fd == -1 && errno == EPROTONOSUPPORT, "protocol 99: -1, EPROTONOSUPPORT", "%d, %s", fd, strerror(errno));
	errno = 0;
	fd = socket(AF_INET, SOCK_STREAM | 0x10000000, 0);
	check(fd == -1 && errno == EINVAL, "unknown type flag: -1, EINVAL", "%d, %s", fd, strerror(errno));
	fd = dup(0);
	close(fd);
	getrlimit(RLIMIT_NOFILE, &saved);
	low = saved;
	low.rlim_cur = (rlim_t)fd;
	setrlimit(RLIMIT_NOFILE, &low);
	errno = 0;
	fd = socket(AF_INET6, SOCK_STREAM, 0);
	setrlimit(RLIMIT_NOFILE, &saved);
	check(fd == -1 && errno == EMFILE, "no free descriptor: -1, EMFILE", "%d, %s", fd, strerror(errno));
}

#define THREADS 4
#define PER_THREAD 64

static void *make_sockets(void *arg)
{
	long bad = 0;

	for (int i = 0; i < PER_THREAD; i++) {
		int fd = socket(i % 2 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);

		bad += fd < 0 || !kind_ok(fd) || !buffers_ok(fd);
		close(fd);
	}
	return (void *)bad;
}

static void check_threads(void)
{
	pthread_t threads[THREADS];
	long bad = 0;
	void *result;

	for (int i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, make_sockets, NULL);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(threads[i], &result);
		bad += (long)result;
	}
	check(bad == 0, named("%d threads, %d TCP sockets each, all %s with the sizes", THREADS, PER_THREAD, want_kind),
	      "%ld wrong", bad);
}

static void check_mapped(const char *name)
{
	char line[512];
	bool found = false;
	FILE *maps = fopen("/proc/self/maps", "r");

	while (maps && !found && fgets(line, sizeof(line), maps))
		found = strstr(line, name) != NULL;
	if (maps)
		fclose(maps);
	check(found, named("%s is mapped", name), "not in /proc/self/maps");
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: sockcheck LABEL RCVBUF SNDBUF tcp|smc|any [MAPPED...]\n");
		return 2;
	}
	label = argv[1];
	want_rcv = atoi(argv[2]);
	want_snd = atoi(argv[3]);
	want_kind = argv[4];
	for (int i = 5; i < argc; i++)
		check_mapped(argv[i]);
	check_loopback(AF_INET);
	check_loopback(AF_INET6);
	check_untouched(AF_INET, SOCK_DGRAM, 0, "UDP");
	check_untouched(AF_INET6, SOCK_DGRAM, IPPROTO_UDP, "UDP6");
	check_untouched(AF_UNIX, SOCK_STREAM, 0, "AF_UNIX stream");
	if (geteuid() == 0)
		check_untouched(AF_INET, SOCK_RAW, IPPROTO_ICMP, "raw ICMP");
	check_errno();
	check_threads();
	check(failures == 0, "every check passed", "%d failed", failures);
	return failures ? 1 : 0;
}
