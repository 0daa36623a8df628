/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A daemon's start, for smc_run's seccomp supervisor (static build):
 *
 *   forker FILE
 *
 * forks and exits 0 at once; the child waits until FILE exists, makes a
 * TCP socket, and writes to FILE.out "domain N" (SO_DOMAIN) or "error
 * TEXT", then exits. Under smc run the child's socket() still reaches the
 * supervisor after smc run has returned. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char out[4096];
	int fd, domain = -1;
	socklen_t len = sizeof(domain);
	FILE *f;

	if (argc != 2 || snprintf(out, sizeof(out), "%s.out", argv[1]) >= (int)sizeof(out)) {
		fprintf(stderr, "usage: forker FILE\n");
		return 2;
	}
	if (fork() != 0)
		return 0;
	for (int tries = 0; access(argv[1], F_OK) != 0 && tries < 300; tries++)
		usleep(100000);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	f = fopen(out, "w");
	if (!f)
		return 1;
	if (fd < 0 || getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0)
		fprintf(f, "error %s\n", strerror(errno));
	else
		fprintf(f, "domain %d\n", domain);
	return fclose(f) == 0 ? 0 : 1;
}
