/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The checks shared by the statistics targets. */
#ifndef SMC_FUZZ_STATS_H
#define SMC_FUZZ_STATS_H

#include "netlink/stats.h"
#include "tests/fuzz/fuzz.h"

typedef int (*stats_parser)(const void *buf, size_t len, struct smc_stats *st, struct nl_error *err);

static inline int fuzz_stats(stats_parser parse, const uint8_t *data, size_t size)
{
	static struct smc_stats st;
	struct nl_error err = { 0 };

	memset(&st, 0, sizeof(st));
	fuzz_outcome(parse(data, size, &st, &err), &err);
	for (int side = 0; side < STATS_SIDES; side++)
		FUZZ_ASSERT(st.reasons[side] <= STATS_MAX_REASONS);
	return 0;
}

#endif
