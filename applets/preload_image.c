/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The preload library embedded in smc (preload/embed.S), for smc_run to
 * hand to the loader and for smc --install to write out. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "applets/applet.h"

extern const unsigned char smc_preload_image[], smc_preload_image_end[];

int write_preload_library(int fd)
{
	const unsigned char *p = smc_preload_image;

	while (p < smc_preload_image_end) {
		ssize_t n = write(fd, p, (size_t)(smc_preload_image_end - p));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
	}
	return 0;
}

bool is_preload_library(int fd)
{
	const unsigned char *p = smc_preload_image;
	unsigned char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (n > smc_preload_image_end - p || memcmp(buf, p, (size_t)n) != 0)
			return false;
		p += n;
	}
	return n == 0 && p == smc_preload_image_end;
}

/* FNV-1a: names the copy smc_run writes out after its content. */
unsigned long long preload_library_hash(void)
{
	unsigned long long hash = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = smc_preload_image; p < smc_preload_image_end; p++)
		hash = (hash ^ *p) * 0x100000001b3ULL;
	return hash;
}
