/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_DEV_SMCD replies (ISM devices). */
#include "tests/fuzz/objects.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_devs(data, size, 1);
}
