/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <string.h>

#include "netlink/policy.h"
#include "netlink/seid.h"

static const struct nl_field seid_fields[] = {
	NL_FIELD(SMC_NLA_SEID_ENTRY, MNL_TYPE_NUL_STRING, struct smc_seid, seid),
	NL_FIELD(SMC_NLA_SEID_ENABLED, MNL_TYPE_U8, struct smc_seid, enabled),
};
static const struct nl_policy seid_policy = NL_POLICY("system EID", seid_fields);

/* A value of SMC_NLA_SEID_ENABLED no kernel sends (it sends 0 or 1): the
 * mark that the attribute was missing, as it is without ISM v2. */
#define SEID_ENABLED_MISSING 0xff

int smc_seid_read(const struct smc_recorded *rec, struct smc_seid *seid, struct nl_error *err)
{
	memset(seid, 0, sizeof(*seid));
	seid->enabled = SEID_ENABLED_MISSING;
	if (smc_gen_read_flat(rec, SMC_NETLINK_DUMP_SEID, &seid_policy, seid, err) < 0)
		return -1;
	seid->available = seid->enabled != SEID_ENABLED_MISSING;
	if (!seid->available)
		seid->enabled = 0;
	return 0;
}

int smc_seid_set(int on, struct nl_error *err)
{
	if (smc_gen_do(on ? SMC_NETLINK_ENABLE_SEID : SMC_NETLINK_DISABLE_SEID, err) == 0)
		return 0;
	if (!on && err->code == ENOENT)
		nl_error_set(err, ENOENT, "the system EID cannot be disabled while no user EID is defined");
	return -1;
}
