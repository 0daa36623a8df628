/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text lines without printf (line.h). */
#include <string.h>

#include "applets/print/line.h"

void line_putn(struct line *l, const char *s, size_t n)
{
	size_t room = sizeof(l->text) - 1 - l->len;

	if (n > room)
		n = room;
	memcpy(l->text + l->len, s, n);
	l->len += n;
}

void line_put(struct line *l, const char *s)
{
	line_putn(l, s, strlen(s));
}

void line_pad_to(struct line *l, size_t column)
{
	static const char spaces[] = "                                        ";

	while (l->len < column && l->len < sizeof(l->text) - 1) {
		size_t n = column - l->len;

		line_putn(l, spaces, n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1);
	}
}

void line_left(struct line *l, const char *s, int width)
{
	size_t start = l->len;

	line_put(l, s);
	line_pad_to(l, start + (size_t)width);
}

void line_right(struct line *l, const char *s, int width)
{
	size_t n = strlen(s);

	line_pad_to(l, l->len + ((size_t)width > n ? (size_t)width - n : 0));
	line_putn(l, s, n);
}

/* V's digits in BASE, at least DIGITS of them, most significant first. */
static void put_number(struct line *l, uint64_t v, unsigned base, int digits)
{
	char buf[24];
	size_t i = sizeof(buf);

	do {
		buf[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v && i > 0);
	while (i > 0 && sizeof(buf) - i < (size_t)digits)
		buf[--i] = '0';
	line_putn(l, buf + i, sizeof(buf) - i);
}

void line_hex(struct line *l, uint64_t v, int digits)
{
	put_number(l, v, 16, digits);
}

void line_dec(struct line *l, uint64_t v, int digits)
{
	put_number(l, v, 10, digits);
}

void line_write(const struct line *l, FILE *f)
{
	fwrite(l->text, 1, l->len, f);
	putc('\n', f);
}
