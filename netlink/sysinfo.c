/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <string.h>

#include "netlink/policy.h"
#include "netlink/sysinfo.h"

static const struct nl_field sys_fields[] = {
	NL_FIELD(SMC_NLA_SYS_VER, MNL_TYPE_U8, struct smc_sysinfo, version),
	NL_FIELD(SMC_NLA_SYS_REL, MNL_TYPE_U8, struct smc_sysinfo, release),
	NL_FIELD(SMC_NLA_SYS_IS_ISM_V2, MNL_TYPE_U8, struct smc_sysinfo, is_ism_v2),
	NL_FIELD(SMC_NLA_SYS_LOCAL_HOST, MNL_TYPE_NUL_STRING, struct smc_sysinfo, local_host),
	NL_FIELD(SMC_NLA_SYS_SEID, MNL_TYPE_NUL_STRING, struct smc_sysinfo, seid),
	NL_FIELD(SMC_NLA_SYS_IS_SMCR_V2, MNL_TYPE_U8, struct smc_sysinfo, is_smcr_v2),
};
static const struct nl_policy sys_policy = NL_POLICY("system info", sys_fields);

static int sys_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	if (mnl_attr_get_type(attr) != SMC_GEN_SYS_INFO)
		return 0;
	memset(data, 0, sizeof(struct smc_sysinfo));
	return nl_parse_nest(attr, &sys_policy, data, err);
}

int smc_sysinfo_read(const struct smc_recorded *rec, struct smc_sysinfo *info, struct nl_error *err)
{
	memset(info, 0, sizeof(*info));
	return smc_gen_read(rec, SMC_NETLINK_GET_SYS_INFO, sys_attr, info, err);
}
