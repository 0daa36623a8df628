/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_SYS_INFO replies. */
#include "netlink/sysinfo.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smc_recorded rec = fuzz_recorded(data, size);
	struct smc_sysinfo info;
	struct nl_error err = { 0 };

	fuzz_outcome(smc_sysinfo_read(&rec, &info, &err), &err);
	FUZZ_TERMINATED(info.local_host);
	FUZZ_TERMINATED(info.seid);
	return 0;
}
