/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The C library calls smc relies on, in the forms it uses them: built with
 * glibc and with musl, the outputs must be the same (tests/libc/run). A
 * line that differs is a glibc-only behaviour the release binary must not
 * depend on. Error texts (strerror) are left out: they are the libraries'
 * own wording. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void formats(void)
{
	const char *s = "abcdefghijklmnopqrstuvwxyz";

	printf("[%zu][%" PRIu64 "][%" PRIx64 "][%" PRIx32 "][%" PRId64 "][%td][%ld]\n", (size_t)-1, UINT64_MAX,
	       UINT64_MAX, UINT32_MAX, INT64_MIN, (ptrdiff_t)-3, LONG_MIN);
	printf("[%08x][%02x][%04x][%#x][%#x][%#4x][%04u][%6u][%5u]\n", 0xabcu, 0x5u, 0u, 0u, 0x1fu, 0x1u, 7u, 42u, 0u);
	printf("[%.*s][%.*s][%.40s][%-8.8s][%-15.15s][%-*s][%6s][%-9s]\n", 3, s, 99, "ab", s, s, "ab", 5, "x", "",
	       "smcd");
	printf("[%.2f][%.2f][%.2f][%14.1f][%.2f][%c][%%]\n", 0.005, 2.675, 99.995, 1234567.25, 0.0, 'Z');
}

static void options(const char *optstring, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "interface", required_argument, NULL, 'I' }, { "json", no_argument, NULL, 'j' },
		{ "rcvbuf", required_argument, NULL, 'r' },    { NULL, 0, NULL, 0 },
	};
	int c;

	printf("getopt_long \"%s\":", optstring);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, longs, NULL)) != -1) {
		printf(" -> %c", c);
		/* After a missing value musl has already reordered argv (smc_pnet.c). */
		if (c == ':') {
			printf(" optopt %d", optopt);
			break;
		}
		/* The argument the option came from: optind itself differs while
		 * glibc and musl permute at different times. */
		printf(" from %s", argv[optind - 1]);
		if (c == '?') {
			printf(" optopt %d", optopt);
			break;
		}
		printf(" optarg %s", optarg ? optarg : "-");
	}
	if (c == -1) {
		printf(" -> end optind %d, then:", optind);
		for (int i = optind; i < argc; i++)
			printf(" %s", argv[i]);
	}
	putchar('\n');
}

#define OPTIONS(optstring, ...)                                                        \
	do {                                                                           \
		char *argv[] = { "prog", __VA_ARGS__, NULL };                          \
		options(optstring, sizeof(argv) / sizeof(argv[0]) - 1, argv);           \
	} while (0)

static void getopts(void)
{
	/* smc_run: "+" stops at PROGRAM, ":" reports a missing SIZE. */
	OPTIONS("+:dhvr:t:", "-d", "-r", "1m", "prog", "-t", "1");
	OPTIONS("+:dhvr:t:", "-dr1m", "--rcvbuf=64k", "--", "-x");
	OPTIONS("+:dhvr:t:", "-r");
	OPTIONS("+:dhvr:t:", "-x", "prog");
	OPTIONS("+:dhvr:t:", "--nope", "prog");
	/* smcss: "+" without ":". */
	OPTIONS("+aldDRWjhv", "-al", "extra", "-D");
	OPTIONS("+aldDRWjhv", "-q");
	/* smc_pnet: permuted, ":" reports a missing value. */
	OPTIONS(":adsfI:D:P:jhv", "NET1", "-a", "-I", "eth0", "--json");
	OPTIONS(":adsfI:D:P:jhv", "-a", "NET1", "-I");
	OPTIONS(":adsfI:D:P:jhv", "-a", "NET1", "--interface");
	OPTIONS(":adsfI:D:P:jhv", "-a", "--interface=", "NET1");
	OPTIONS(":adsfI:D:P:jhv", "-z", "NET1");
}

static void strings(void)
{
	char *joined = NULL, path[PATH_MAX];
	int n = asprintf(&joined, "%s%s%s", "", "", "/lib/x.so");

	printf("asprintf %d [%s]\n", n, joined);
	free(joined);
	printf("strchrnul [%s] [%s] %d\n", strchrnul("/bin:/usr/bin", ':'), strchrnul("/bin", ':'),
	       *strchrnul("", ':'));
	printf("realpath / [%s]\n", realpath("/", path) ? path : "NULL");
	printf("realpath /proc/self/../1/.. [%s]\n", realpath("/proc/self/../1/..", path) ? path : "NULL");
	errno = 0;
	n = realpath("/nonexistent/x", path) != NULL;
	printf("realpath /nonexistent/x %d, errno ENOENT %d\n", n, errno == ENOENT);
}

static void memfd(void)
{
	int fd = memfd_create("libsmc-preload.so", MFD_ALLOW_SEALING);
	char link[64], target[PATH_MAX];
	ssize_t len;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	len = readlink(link, target, sizeof(target) - 1);
	target[len > 0 ? len : 0] = '\0';
	printf("memfd_create %s, %s\n", fd >= 0 ? "a descriptor" : "failed", target);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	formats();
	getopts();
	strings();
	memfd();
	return ferror(stdout) != 0;
}
