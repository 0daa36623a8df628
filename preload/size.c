/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "preload/size.h"

#define SIZE_MAX_BYTES 2147483647LL	/* INT_MAX: setsockopt takes an int */

static long long suffix_scale(const char *suffix)
{
	if (suffix[0] == '\0')
		return 1;
	if (suffix[1] != '\0')
		return 0;
	if (suffix[0] == 'k' || suffix[0] == 'K')
		return 1024;
	if (suffix[0] == 'm' || suffix[0] == 'M')
		return 1024 * 1024;
	return 0;
}

int smc_parse_size(const char *text, int *bytes)
{
	long long value = 0, scale;
	const char *p = text;

	if (!p || *p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		value = value * 10 + (*p - '0');
		if (value > SIZE_MAX_BYTES)
			return -1;
	}
	scale = suffix_scale(p);
	if (scale == 0 || value == 0 || value > SIZE_MAX_BYTES / scale)
		return -1;
	*bytes = (int)(value * scale);
	return 0;
}
