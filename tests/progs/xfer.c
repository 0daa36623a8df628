/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A plain TCP test program with no knowledge of SMC:
 *   xfer server PORT            serve one client, then exit
 *   xfer client HOST PORT MIB   send MIB MiB, receive as much back
 *   xfer client HOST PORT MIB hold
 *                               the same, then say "holding" and keep the
 *                               connection open until stdin ends
 * The client sends an 8-byte length, then that many bytes of a pattern; the
 * server checks every byte, then sends the same amount of a second pattern,
 * which the client checks. Both print the byte counts and a checksum and
 * exit 0 only if all data matched. Everything is bounded by an alarm. */
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TIME_LIMIT 240
#define CONNECT_TRIES_SECONDS 90
#define CHUNK 65536

enum { TO_SERVER = 1, TO_CLIENT = 2 };

static const char *role = "xfer";

static void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", role, what, errno ? strerror(errno) : "failed");
	exit(1);
}

static void on_alarm(int sig)
{
	static const char msg[] = "xfer: time limit reached\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(2);
}

/* Byte OFF of the stream in direction DIR. */
static uint8_t pattern_byte(uint64_t off, unsigned dir)
{
	uint64_t x = (off >> 3) * 0x9e3779b97f4a7c15ull + dir;

	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 32;
	return (uint8_t)(x >> ((off & 7) * 8));
}

static void fill(uint8_t *buf, size_t len, uint64_t off, unsigned dir)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = pattern_byte(off + i, dir);
}

/* FNV-1a over the stream, printed so both ends can be compared by eye. */
static uint64_t fnv(uint64_t h, const uint8_t *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ buf[i]) * 0x100000001b3ull;
	return h;
}

#define FNV_INIT 0xcbf29ce484222325ull

static uint64_t send_stream(int fd, uint64_t total, unsigned dir)
{
	static uint8_t buf[CHUNK];
	uint64_t off = 0, sum = FNV_INIT;

	while (off < total) {
		size_t len = total - off < CHUNK ? (size_t)(total - off) : CHUNK;
		size_t done = 0;

		fill(buf, len, off, dir);
		sum = fnv(sum, buf, len);
		while (done < len) {
			ssize_t n = send(fd, buf + done, len - done, MSG_NOSIGNAL);

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				die("send");
			done += (size_t)n;
		}
		off += len;
	}
	return sum;
}

/* Receive TOTAL bytes and compare each with the pattern. Returns the
 * checksum, exits on a mismatch or a short stream. */
static uint64_t recv_stream(int fd, uint64_t total, unsigned dir)
{
	static uint8_t buf[CHUNK];
	uint64_t off = 0, sum = FNV_INIT;

	while (off < total) {
		size_t want = total - off < CHUNK ? (size_t)(total - off) : CHUNK;
		ssize_t n = recv(fd, buf, want, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("recv");
		if (n == 0) {
			fprintf(stderr, "%s: stream ended after %llu of %llu bytes\n", role,
				(unsigned long long)off, (unsigned long long)total);
			exit(1);
		}
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != pattern_byte(off + (uint64_t)i, dir)) {
				fprintf(stderr, "%s: data mismatch at byte %llu\n", role,
					(unsigned long long)(off + (uint64_t)i));
				exit(1);
			}
		sum = fnv(sum, buf, (size_t)n);
		off += (uint64_t)n;
	}
	return sum;
}

static void send_all(int fd, const void *buf, size_t len)
{
	while (len) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("send");
		buf = (const char *)buf + n;
		len -= (size_t)n;
	}
}

static void recv_all(int fd, void *buf, size_t len)
{
	while (len) {
		ssize_t n = recv(fd, buf, len, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("recv length");
		buf = (char *)buf + n;
		len -= (size_t)n;
	}
}

static uint16_t parse_port(const char *s)
{
	char *end;
	long port = strtol(s, &end, 10);

	if (*end || port < 1 || port > 65535) {
		fprintf(stderr, "xfer: bad port \"%s\"\n", s);
		exit(1);
	}
	return (uint16_t)port;
}

/* Read FD until its end. */
static void drain(int fd)
{
	char buf[256];
	ssize_t n;

	do
		n = read(fd, buf, sizeof(buf));
	while (n > 0 || (n < 0 && errno == EINTR));
}

static int serve(uint16_t port)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
	int one = 1, lfd, fd;
	uint64_t total, in_sum, out_sum;
	uint8_t len[8];

	role = "xfer server";
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(lfd, 1) < 0)
		die("listen");
	printf("xfer server: listening on port %u\n", port);
	fflush(stdout);
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		die("accept");
	recv_all(fd, len, sizeof(len));
	total = 0;
	for (int i = 0; i < 8; i++)
		total = total << 8 | len[i];
	in_sum = recv_stream(fd, total, TO_SERVER);
	out_sum = send_stream(fd, total, TO_CLIENT);
	printf("xfer server: received %llu bytes (checksum %016llx ok), sent %llu bytes (checksum %016llx)\n",
	       (unsigned long long)total, (unsigned long long)in_sum,
	       (unsigned long long)total, (unsigned long long)out_sum);
	fflush(stdout);
	drain(fd); /* the client closes first: a holding client keeps both ends open */
	close(fd);
	close(lfd);
	return 0;
}

static int connect_retrying(const char *host, uint16_t port)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
	time_t give_up = time(NULL) + CONNECT_TRIES_SECONDS;
	int fd;

	if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
		fprintf(stderr, "xfer: bad IPv4 address \"%s\"\n", host);
		exit(1);
	}
	for (;;) {
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd < 0)
			die("socket");
		if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
			return fd;
		if (time(NULL) >= give_up)
			die("connect");
		close(fd);
		usleep(200000);
	}
}

static int client(const char *host, uint16_t port, const char *mib, bool holding)
{
	char *end;
	unsigned long n = strtoul(mib, &end, 10);
	uint64_t total = (uint64_t)n << 20, out_sum, in_sum;
	uint8_t len[8];
	int fd;

	role = "xfer client";
	if (*end || n == 0 || n > 4096) {
		fprintf(stderr, "xfer: bad size \"%s\" (MiB, 1 to 4096)\n", mib);
		return 1;
	}
	fd = connect_retrying(host, port);
	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)(total >> (56 - 8 * i));
	send_all(fd, len, sizeof(len));
	out_sum = send_stream(fd, total, TO_SERVER);
	in_sum = recv_stream(fd, total, TO_CLIENT);
	if (holding) {
		printf("xfer client: holding the connection until stdin ends\n");
		fflush(stdout);
		drain(0);
	}
	close(fd);
	printf("xfer client: sent %llu bytes (checksum %016llx), received %llu bytes (checksum %016llx ok)\n",
	       (unsigned long long)total, (unsigned long long)out_sum,
	       (unsigned long long)total, (unsigned long long)in_sum);
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGALRM, on_alarm);
	alarm(TIME_LIMIT);
	if (argc == 3 && strcmp(argv[1], "server") == 0)
		return serve(parse_port(argv[2]));
	if ((argc == 5 || (argc == 6 && strcmp(argv[5], "hold") == 0)) && strcmp(argv[1], "client") == 0)
		return client(argv[2], parse_port(argv[3]), argv[4], argc == 6);
	fprintf(stderr, "usage: xfer server PORT | xfer client HOST PORT MIB [hold]\n");
	return 1;
}
