/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_DUMP_SEID replies. */
#include "netlink/seid.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smc_recorded rec = fuzz_recorded(data, size);
	struct nl_error err = { 0 };
	struct smc_seid seid;

	fuzz_outcome(smc_seid_read(&rec, &seid, &err), &err);
	FUZZ_TERMINATED(seid.seid);
	return 0;
}
