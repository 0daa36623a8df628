/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The SIZE parser shared by smc_run and the preload library. */
#include <string.h>

#include "preload/size.h"
#include "tests/unit/check.h"

static const struct {
	const char *text;
	int ok;
	int bytes;
} cases[] = {
	{ "1", 1, 1 },
	{ "4096", 1, 4096 },
	{ "1k", 1, 1024 },
	{ "1K", 1, 1024 },
	{ "8k", 1, 8192 },
	{ "512k", 1, 524288 },
	{ "1024k", 1, 1048576 },
	{ "1m", 1, 1048576 },
	{ "1M", 1, 1048576 },
	{ "2047m", 1, 2146435072 },
	{ "2097151k", 1, 2147482624 },
	{ "2147483647", 1, 2147483647 },
	{ "007k", 1, 7168 },
	{ "2048m", 0, 0 },
	{ "2097152k", 0, 0 },
	{ "2147483648", 0, 0 },
	{ "4096m", 0, 0 },
	{ "99999999999", 0, 0 },
	{ "18446744073709551617", 0, 0 },
	{ "99999999999999999999k", 0, 0 },
	{ "0", 0, 0 },
	{ "0k", 0, 0 },
	{ "", 0, 0 },
	{ "k", 0, 0 },
	{ "m", 0, 0 },
	{ "1g", 0, 0 },
	{ "1G", 0, 0 },
	{ "-1", 0, 0 },
	{ "+1", 0, 0 },
	{ " 1", 0, 0 },
	{ "1 ", 0, 0 },
	{ "1kk", 0, 0 },
	{ "1km", 0, 0 },
	{ "1.5m", 0, 0 },
	{ "0x10", 0, 0 },
	{ "1kb", 0, 0 },
	{ "\xc3\xa9", 0, 0 },
};

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int bytes = -7;
		int rc = smc_parse_size(cases[i].text, &bytes);

		if (cases[i].ok)
			CHECK(rc == 0 && bytes == cases[i].bytes, "size \"%s\" is %d bytes", cases[i].text, cases[i].bytes);
		else
			CHECK(rc == -1 && bytes == -7, "size \"%s\" is refused, output untouched", cases[i].text);
	}
	CHECK(smc_parse_size(NULL, &(int){ 0 }) == -1, "size NULL is refused");
	return 0;
}
