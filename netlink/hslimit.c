/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <linux/smc.h>

#include "netlink/policy.h"
#include "netlink/hslimit.h"

static const struct nl_field hs_fields[] = {
	{ SMC_NLA_HS_LIMITATION_ENABLED, MNL_TYPE_U8, 0, 1, NULL },
};
static const struct nl_policy hs_policy = NL_POLICY("handshake limitation", hs_fields);

int smc_hslimit_read(const struct smc_recorded *rec, uint8_t *enabled, struct nl_error *err)
{
	*enabled = 0;
	return smc_gen_read_flat(rec, SMC_NETLINK_DUMP_HS_LIMITATION, &hs_policy, enabled, err);
}

int smc_hslimit_set(int on, struct nl_error *err)
{
	return smc_gen_do(on ? SMC_NETLINK_ENABLE_HS_LIMITATION : SMC_NETLINK_DISABLE_HS_LIMITATION, err);
}
