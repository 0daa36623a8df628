/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A few-line test harness: every CHECK prints one "ok - NAME" or
 * "not ok - NAME" line, which tests/run counts. Tests run from the
 * repository's top directory. */
#ifndef SMC_CHECK_H
#define SMC_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int check_report(int ok, const char *expr, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static inline int check_report(int ok, const char *expr, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf(ok ? "ok - " : "not ok - ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf("  [%s:%d: %s]", file, line, expr);
	putchar('\n');
	return ok;
}

#define CHECK(cond, ...) check_report(!!(cond), #cond, __FILE__, __LINE__, __VA_ARGS__)

/* The whole file at PATH in a malloc'd buffer; NULL if unreadable. */
static inline void *read_fixture(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
		buf[size] = '\0';
		*len = (size_t)size;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* The datagrams DIR/NAME.0, .1, ... of one reply recorded by tests/vm/record,
 * joined into OUT; their total length (more than SIZE: not all copied). */
static inline size_t read_datagrams(const char *dir, const char *name, char *out, size_t size)
{
	size_t len = 0, n;
	char path[256];
	char *part;

	for (int i = 0;; i++) {
		snprintf(path, sizeof(path), "%s/%s.%d", dir, name, i);
		if (!(part = read_fixture(path, &n)))
			return len;
		if (len + n <= size)
			memcpy(out + len, part, n);
		len += n;
		free(part);
	}
}

#endif
