/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_DUMP_HS_LIMITATION replies. */
#include "netlink/hslimit.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smc_recorded rec = fuzz_recorded(data, size);
	struct nl_error err = { 0 };
	uint8_t enabled;

	fuzz_outcome(smc_hslimit_read(&rec, &enabled, &err), &err);
	return 0;
}
