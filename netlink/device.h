/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC devices: SMC_NETLINK_GET_DEV_SMCR (RoCE, one row per port) and
 * _GET_DEV_SMCD (ISM). */
#ifndef SMC_NETLINK_DEVICE_H
#define SMC_NETLINK_DEVICE_H

#include <stdint.h>
#include <net/if.h>
#include <linux/smc.h>

#include "netlink/reply.h"

#define SMC_DEV_PORTS 2

struct smc_dev_port {
	uint8_t valid;			/* 0: the device has no such port */
	uint8_t pnetid_by_user;
	char pnetid[SMC_PNETID_LEN + 1];
	uint32_t netdev_index;
	char netdev[IF_NAMESIZE];	/* filled by the caller from netdev_index */
	uint8_t state;			/* 1: active */
	uint32_t lnk_cnt;
};

struct smc_dev {
	uint32_t use_cnt;
	uint8_t is_crit;
	uint32_t pci_fid;
	uint16_t pci_chid;
	uint16_t pci_vendor;
	uint16_t pci_device;
	char pci_id[SMC_PCI_ID_STR_LEN + 1];
	char ib_name[SMC_IBNAME_LEN + 1];
	struct smc_dev_port port[SMC_DEV_PORTS];	/* SMC-D: port[0] only */
};

/* The SMC-D or SMC-R devices (DEVS of struct smc_dev), from the kernel or
 * from REC when not NULL. */
int smc_dev_read(const struct smc_recorded *rec, int smcd, struct smc_list *devs, struct nl_error *err);

#endif
