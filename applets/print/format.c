/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "applets/print/format.h"

const char *format_short(uint64_t value, char buf[SHORT_NUM_LEN])
{
	static const char units[] = "KMGTPE";
	uint64_t scale = 1, rounded, rest;
	int digits = 4, unit, whole;
	char sig[5];

	if (value < 1000) {
		snprintf(buf, SHORT_NUM_LEN, "%" PRIu64, value);
		return buf;
	}
	while (value / scale >= 10000) {
		scale *= 10;
		digits++;
	}
	rounded = value / scale;
	rest = value % scale;
	if (rest >= scale - rest)	/* rest >= scale / 2, without overflow */
		rounded++;
	if (rounded == 10000) {
		rounded = 1000;
		digits++;
	}
	/* ROUNDED: the four significant digits; DIGITS: how many VALUE has. */
	snprintf(sig, sizeof(sig), "%04u", (unsigned)rounded);
	unit = (digits - 1) / 3;
	whole = digits - 3 * unit;
	memcpy(buf, sig, whole);
	buf[whole] = '.';
	memcpy(buf + whole + 1, sig + whole, 4 - whole);
	buf[5] = units[unit - 1];
	buf[6] = '\0';
	return buf;
}
