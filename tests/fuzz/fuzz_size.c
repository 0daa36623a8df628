/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The SIZE of smc_run -r/-t and SMC_SNDBUF/SMC_RCVBUF (preload/size.c):
 * an accepted size is positive and exactly what the text says. */
#include "preload/size.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), *end;
	long long value;
	int bytes = 0;

	if (smc_parse_size(text, &bytes) == 0) {
		value = strtoll(text, &end, 10);
		value *= *end == 'k' || *end == 'K' ? 1024 : *end == 'm' || *end == 'M' ? 1024 * 1024 : 1;
		FUZZ_ASSERT(bytes > 0 && value == bytes);
	}
	free(text);
	return 0;
}
