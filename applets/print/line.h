/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A text line built in memory and written with one fwrite: fixed-width
 * columns without printf, whose cost per conversion (about twice glibc's
 * in musl) made smcss slower over thousands of sockets (docs/PERFORMANCE.md).
 * Text beyond LINE_SIZE - 1 characters is cut. */
#ifndef SMC_LINE_H
#define SMC_LINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LINE_SIZE 1024

struct line {
	size_t len;
	char text[LINE_SIZE];
};

static inline void line_start(struct line *l)
{
	l->len = 0;
}

void line_putn(struct line *l, const char *s, size_t n);
void line_put(struct line *l, const char *s);
/* Spaces up to COLUMN characters. */
void line_pad_to(struct line *l, size_t column);
/* S left-aligned in WIDTH columns ("%-*s"), or right-aligned ("%*s"). */
void line_left(struct line *l, const char *s, int width);
void line_right(struct line *l, const char *s, int width);
/* V in lower-case hex or in decimal, zero-padded to DIGITS ("%0*x", "%0*u"). */
void line_hex(struct line *l, uint64_t v, int digits);
void line_dec(struct line *l, uint64_t v, int digits);
/* The line and a newline on F. */
void line_write(const struct line *l, FILE *f);

#endif
