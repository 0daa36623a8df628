/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Run a printer with stdout sent to a temporary file and get what it
 * wrote, for comparing the applets' output with golden files. */
#ifndef SMC_CAPTURE_H
#define SMC_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tests/unit/check.h"

struct capture {
	int saved_fd;
	char path[64];
};

static inline int capture_start(struct capture *c)
{
	int fd;

	snprintf(c->path, sizeof(c->path), "/tmp/smc-capture-XXXXXX");
	fflush(stdout);
	fd = mkstemp(c->path);
	c->saved_fd = dup(STDOUT_FILENO);
	if (fd < 0 || c->saved_fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
		return -1;
	close(fd);
	return 0;
}

/* The captured text, malloc'd (NUL-terminated); stdout restored. */
static inline char *capture_end(struct capture *c, size_t *len)
{
	char *text;
	size_t n;

	fflush(stdout);
	dup2(c->saved_fd, STDOUT_FILENO);
	close(c->saved_fd);
	text = read_fixture(c->path, len ? len : &n);
	unlink(c->path);
	return text;
}

/* Whether the JSON document in TEXT parses (python3 -m json.tool). */
static inline int json_valid(const char *text)
{
	char path[] = "/tmp/smc-json-XXXXXX";
	int fd = mkstemp(path), rc;
	FILE *f;

	if (fd < 0 || !(f = fdopen(fd, "w")))
		return 0;
	fputs(text, f);
	fclose(f);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "python3 -m json.tool %s >/dev/null 2>&1", path);
	rc = system(cmd);
	unlink(path);
	return rc == 0;
}

#endif
