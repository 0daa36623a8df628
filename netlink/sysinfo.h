/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_SYS_INFO: what the kernel's SMC module can do. */
#ifndef SMC_NETLINK_SYSINFO_H
#define SMC_NETLINK_SYSINFO_H

#include <stddef.h>
#include <stdint.h>
#include <linux/smc.h>

#include "netlink/reply.h"

struct smc_sysinfo {
	uint8_t version;	/* 0 when the kernel did not say */
	uint8_t release;
	uint8_t is_ism_v2;
	uint8_t is_smcr_v2;
	char local_host[SMC_MAX_HOSTNAME_LEN + 1];	/* as sent: blank-padded */
	char seid[SMC_MAX_EID_LEN + 1];			/* empty: no system EID */
};

/* From the kernel, or from REC when not NULL. */
int smc_sysinfo_read(const struct smc_recorded *rec, struct smc_sysinfo *info, struct nl_error *err);

#endif
