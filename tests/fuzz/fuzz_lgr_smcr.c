/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_LGR_SMCR replies (SMC-R link groups). */
#include "tests/fuzz/objects.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_lgrs(data, size, 0, 0);
}
