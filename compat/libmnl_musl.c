/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The two glibc symbols that Debian's libmnl.a needs in a musl build.
 *
 * Debian compiles libmnl against glibc with _FORTIFY_SOURCE. Its debug
 * printer, mnl_nlmsg_fprintf(), therefore calls __fprintf_chk() where the
 * source says fprintf() and reads glibc's character class table through
 * __ctype_b_loc() where it says isprint(). musl has neither. smc never calls
 * the printer, but it sits in nlmsg.o beside every mnl_nlmsg_* function smc
 * does call, so the static link needs both symbols. They are defined here
 * with glibc's meaning; tests/libc compares the printer's output and the
 * whole table against glibc's own.
 *
 * If a later libmnl.a references another glibc-only symbol (say
 * __snprintf_chk), the musl link fails naming it: it is added here, or
 * libmnl is built from source for musl. Nothing can break silently at run
 * time. Only the musl build links this file (Makefile: LIBC=musl).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>

int __fprintf_chk(FILE *stream, int fortify_level, const char *format, ...);
const unsigned short **__ctype_b_loc(void);

/* The fortify level asks glibc to check the format; musl's vfprintf does the printing. */
int __fprintf_chk(FILE *stream, int fortify_level, const char *format, ...)
{
	va_list ap;
	int n;

	va_start(ap, format);
	n = vfprintf(stream, format, ap);
	va_end(ap);
	return n;
}

/* glibc's class bits (<ctype.h>, _ISbit): on little-endian machines the
 * table holds them byte-swapped. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define GLIBC_CLASS(bit) ((bit) < 8 ? (1 << (bit)) << 8 : (1 << (bit)) >> 8)
#else
#define GLIBC_CLASS(bit) (1 << (bit))
#endif

static unsigned short glibc_classes(int c)
{
	int (*const is[])(int) = { isupper, islower, isalpha, isdigit, isxdigit, isspace,
				   isprint, isgraph, isblank, iscntrl, ispunct, isalnum };
	unsigned short bits = 0;

	for (int bit = 0; bit < (int)(sizeof(is) / sizeof(is[0])); bit++)
		if (is[bit](c))
			bits |= GLIBC_CLASS(bit);
	return bits;
}

/* glibc indexes the table with any char value, -128 to 255. In the C
 * locale, the only one a static smc has, the negative ones have no class. */
const unsigned short **__ctype_b_loc(void)
{
	static unsigned short table[384];
	static const unsigned short *origin;

	if (!origin) {
		for (int c = 0; c < 256; c++)
			table[128 + c] = glibc_classes(c);
		origin = table + 128;
	}
	return &origin;
}
