/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_DUMP_UEID replies. */
#include "netlink/ueid.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ueid_table table = { 0 };
	struct nl_error err = { 0 };

	fuzz_outcome(ueid_parse(data, size, &table, &err), &err);
	FUZZ_ASSERT(table.count <= UEID_TABLE_SIZE);
	for (size_t i = 0; i < table.count; i++)
		FUZZ_TERMINATED(table.id[i]);
	return 0;
}
