/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_STATS replies. */
#include "tests/fuzz/stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_stats(stats_parse, data, size);
}
