/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The system EID of SMC-D: SMC_NETLINK_DUMP_SEID, _ENABLE_SEID, _DISABLE_SEID. */
#ifndef SMC_NETLINK_SEID_H
#define SMC_NETLINK_SEID_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/smc.h>

#include "netlink/reply.h"

struct smc_seid {
	bool available;			/* the kernel reported a system EID (ISM v2) */
	char seid[SMC_MAX_EID_LEN + 1];	/* may be empty even when available */
	uint8_t enabled;
};

int smc_seid_read(const struct smc_recorded *rec, struct smc_seid *seid, struct nl_error *err);
/* Enable (ON true) or disable the system EID. */
int smc_seid_set(int on, struct nl_error *err);

#endif
