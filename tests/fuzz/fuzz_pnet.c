/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_PNETID_GET replies (the PNET table). */
#include "netlink/pnet.h"
#include "tests/fuzz/fuzz.h"

static int check_entry(const struct pnet_entry *entry, void *data, struct nl_error *err)
{
	FUZZ_TERMINATED(entry->pnetid);
	FUZZ_TERMINATED(entry->ethname);
	FUZZ_TERMINATED(entry->ibname);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nl_error err = { 0 };

	fuzz_outcome(pnet_parse(data, size, check_entry, NULL, &err), &err);
	return 0;
}
