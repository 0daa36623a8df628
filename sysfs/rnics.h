/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The devices SMC can use, as sysfs shows them: every RDMA device port
 * (/sys/class/infiniband, software RoCE included) and every ISM function,
 * with the s390 PCI attributes (FID, PCHID, firmware PNET IDs) and slot
 * power where the platform has them. Read into plain structs; never prints. */
#ifndef SMC_SYSFS_RNICS_H
#define SMC_SYSFS_RNICS_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

#include "netlink/reply.h"

struct rnic {
	char ib_dev[SMC_IBNAME_LEN + 1];	/* "" for ISM and powered-off slots */
	unsigned ib_port;			/* from 1; 0: none */
	char netdev[IF_NAMESIZE];		/* "" if none */
	char state[16];				/* the port's state ("ACTIVE", "DOWN"), "" if none */
	bool roce;				/* the port's link layer is Ethernet */
	bool pci;				/* a PCI function: the fields below */
	char pci_id[32];
	uint16_t vendor, device;
	bool has_fid, has_pchid;		/* s390 */
	uint32_t fid;
	uint16_t pchid;
	int power;				/* the slot's power: 1 or 0; -1 without a slot */
	char pnetid[SMC_PNETID_LEN + 1];	/* the firmware's, for this port; "" if none */
};

/* The devices under ROOT ("" for the system's /sys): RDMA ports with an
 * Ethernet link layer and ISM functions; when ALL, also the other RDMA
 * ports and, on s390, the other PCI functions and the slots that are
 * powered off; in LIST (struct rnic). Returns 0 or -1 with ERR set. */
int rnics_scan(const char *root, bool all, struct smc_list *list, struct nl_error *err);

/* Power PCI function FID on or off through ROOT/sys/bus/pci/slots. */
int rnic_set_power(const char *root, uint32_t fid, bool on, struct nl_error *err);

#endif
