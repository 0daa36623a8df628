/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <linux/smc.h>

#include "netlink/policy.h"
#include "netlink/device.h"

static const struct nl_field port_fields[] = {
	NL_FIELD(SMC_NLA_DEV_PORT_PNET_USR, MNL_TYPE_U8, struct smc_dev_port, pnetid_by_user),
	NL_FIELD(SMC_NLA_DEV_PORT_PNETID, MNL_TYPE_NUL_STRING, struct smc_dev_port, pnetid),
	NL_FIELD(SMC_NLA_DEV_PORT_NETDEV, MNL_TYPE_U32, struct smc_dev_port, netdev_index),
	NL_FIELD(SMC_NLA_DEV_PORT_STATE, MNL_TYPE_U8, struct smc_dev_port, state),
	NL_FIELD(SMC_NLA_DEV_PORT_VALID, MNL_TYPE_U8, struct smc_dev_port, valid),
	NL_FIELD(SMC_NLA_DEV_PORT_LNK_CNT, MNL_TYPE_U32, struct smc_dev_port, lnk_cnt),
};
static const struct nl_policy port_policy = NL_POLICY("device port", port_fields);

static const struct nl_field dev_fields[] = {
	NL_FIELD(SMC_NLA_DEV_USE_CNT, MNL_TYPE_U32, struct smc_dev, use_cnt),
	NL_FIELD(SMC_NLA_DEV_IS_CRIT, MNL_TYPE_U8, struct smc_dev, is_crit),
	NL_FIELD(SMC_NLA_DEV_PCI_FID, MNL_TYPE_U32, struct smc_dev, pci_fid),
	NL_FIELD(SMC_NLA_DEV_PCI_CHID, MNL_TYPE_U16, struct smc_dev, pci_chid),
	NL_FIELD(SMC_NLA_DEV_PCI_VENDOR, MNL_TYPE_U16, struct smc_dev, pci_vendor),
	NL_FIELD(SMC_NLA_DEV_PCI_DEVICE, MNL_TYPE_U16, struct smc_dev, pci_device),
	NL_FIELD(SMC_NLA_DEV_PCI_ID, MNL_TYPE_NUL_STRING, struct smc_dev, pci_id),
	NL_NEST(SMC_NLA_DEV_PORT, struct smc_dev, port[0], &port_policy),
	NL_NEST(SMC_NLA_DEV_PORT2, struct smc_dev, port[1], &port_policy),
	NL_FIELD(SMC_NLA_DEV_IB_NAME, MNL_TYPE_NUL_STRING, struct smc_dev, ib_name),
};
static const struct nl_policy dev_policy = NL_POLICY("device", dev_fields);

static int dev_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct smc_dev *dev;

	if (mnl_attr_get_type(attr) != SMC_GEN_DEV_SMCR && mnl_attr_get_type(attr) != SMC_GEN_DEV_SMCD)
		return 0;
	dev = smc_list_add(data, err);
	return dev ? nl_parse_nest(attr, &dev_policy, dev, err) : -1;
}

int smc_dev_read(const struct smc_recorded *rec, int smcd, struct smc_list *devs, struct nl_error *err)
{
	int rc = smc_gen_read(rec, smcd ? SMC_NETLINK_GET_DEV_SMCD : SMC_NETLINK_GET_DEV_SMCR, dev_attr, devs, err);

	if (rc < 0)
		smc_list_free(devs);
	return rc;
}
