/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User-defined Enterprise IDs (UEIDs) of the SMC module: the kernel proposes
 * SMC-Rv2 and SMC-Dv2 only to peers that share one with it. */
#ifndef SMC_NETLINK_UEID_H
#define SMC_NETLINK_UEID_H

#include <stddef.h>
#include <linux/smc.h>

#include "netlink/error.h"

/* Room for more than SMC_MAX_UEID, so a kernel that allows more still fits. */
#define UEID_TABLE_SIZE (2 * SMC_MAX_UEID)

struct ueid_table {
	size_t count;
	char id[UEID_TABLE_SIZE][SMC_MAX_EID_LEN + 1];	/* blank-padded, as the kernel keeps them */
};

/* Check NAME against the kernel's rule (trailing blanks allowed as padding)
 * and write its padded wire form to PADDED. */
int ueid_prepare(const char *name, char padded[SMC_MAX_EID_LEN + 1], struct nl_error *err);

/* Parse recorded SMC_NETLINK_DUMP_UEID replies: the dump parser on its own. */
int ueid_parse(const void *buf, size_t len, struct ueid_table *table, struct nl_error *err);

int ueid_dump(struct ueid_table *table, struct nl_error *err);
int ueid_add(const char *name, struct nl_error *err);
/* Returns 1 when the kernel removed the last UEID and enabled the SEID again. */
int ueid_del(const char *name, struct nl_error *err);
int ueid_flush(struct nl_error *err);

#endif
