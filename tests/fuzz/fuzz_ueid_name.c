/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The UEID validator of `smcd ueid add/del`: what it accepts is 32
 * characters of the kernel's alphabet, blank-padded, starting with the name. */
#include <linux/smc.h>

#include "netlink/ueid.h"
#include "tests/fuzz/fuzz.h"

static int ueid_char(char c, size_t at)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (at > 0 && (c == '.' || c == '-'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = fuzz_string(data, size), padded[SMC_MAX_EID_LEN + 1];
	struct nl_error err = { 0 };
	int rc = ueid_prepare(name, padded, &err);
	size_t len;

	fuzz_outcome(rc, &err);
	if (rc == 0) {
		FUZZ_ASSERT(strlen(padded) == SMC_MAX_EID_LEN);
		len = strcspn(padded, " ");
		FUZZ_ASSERT(len > 0 && strncmp(padded, name, len) == 0 && padded[len + strspn(padded + len, " ")] == '\0');
		for (size_t i = 0; i < len; i++)
			FUZZ_ASSERT(ueid_char(padded[i], i));
	}
	free(name);
	return 0;
}
