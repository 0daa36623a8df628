/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's PNET table through the generic netlink family SMC_PNETID:
 * which Ethernet interface and which RDMA/ISM device share a physical
 * network (PNETID). */
#ifndef SMC_NETLINK_PNET_H
#define SMC_NETLINK_PNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include <linux/smc.h>
#include <rdma/ib_user_verbs.h>

#include "netlink/error.h"

#define PNETID_MAX_LEN 16	/* the kernel's SMC_MAX_PNETID_LEN */

/* One table entry: the kernel keeps an interface or a device per entry and
 * says "n/a" and port 255 for the half an entry does not have. */
struct pnet_entry {
	char pnetid[PNETID_MAX_LEN + 1];
	char ethname[IFNAMSIZ];
	char ibname[IB_DEVICE_NAME_MAX];
	uint8_t ibport;
	bool has_eth, has_ib;
};

typedef int (*pnet_entry_cb)(const struct pnet_entry *entry, void *data, struct nl_error *err);

/* Check NAME as a PNETID (1 to 16 letters and digits) and write it in
 * upper case, the form the kernel stores and matches, to ID. */
int pnetid_prepare(const char *name, char id[PNETID_MAX_LEN + 1], struct nl_error *err);

/* Every entry, or those of PNETID (already prepared) when not NULL. */
int pnet_show(const char *pnetid, pnet_entry_cb cb, void *data, struct nl_error *err);
/* ETHNAME and/or IBNAME (with IBPORT) may be NULL, not both. */
int pnet_add(const char *pnetid, const char *ethname, const char *ibname, uint8_t ibport, struct nl_error *err);
int pnet_del(const char *pnetid, struct nl_error *err);
int pnet_flush(struct nl_error *err);

/* The entry parser on recorded SMC_PNETID_GET replies. */
int pnet_parse(const void *buf, size_t len, pnet_entry_cb cb, void *data, struct nl_error *err);

#endif
