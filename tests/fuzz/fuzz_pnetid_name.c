/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The PNETID validator of smc_pnet: what it accepts is 1 to 16 upper-case
 * letters and digits, the name in upper case. */
#include <strings.h>

#include "netlink/pnet.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = fuzz_string(data, size), id[PNETID_MAX_LEN + 1];
	struct nl_error err = { 0 };
	int rc = pnetid_prepare(name, id, &err);

	fuzz_outcome(rc, &err);
	if (rc == 0) {
		FUZZ_ASSERT(strlen(id) >= 1 && strlen(id) <= PNETID_MAX_LEN && strcasecmp(id, name) == 0);
		for (const char *c = id; *c; c++)
			FUZZ_ASSERT((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'));
	}
	free(name);
	return 0;
}
