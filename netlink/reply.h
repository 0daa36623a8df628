/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the SMC_GEN_NETLINK readers under netlink/ hand to applets, without
 * libmnl: lists of parsed records, and where replies come from. */
#ifndef SMC_NETLINK_REPLY_H
#define SMC_NETLINK_REPLY_H

#include <stddef.h>

#include "netlink/error.h"

/* Bytes of a PNET ID; the kernel sends it as a string of at most this many. */
#define SMC_PNETID_LEN 16
/* Longest InfiniBand device name the kernel reports (IB_DEVICE_NAME_MAX). */
#define SMC_IBNAME_LEN 64
/* A GID as text: eight groups of four hex digits and seven colons. */
#define SMC_GID_TEXT_LEN 40

/* A recorded reply to parse instead of asking the kernel: the readers'
 * entry for tests. All datagrams of one dump, concatenated; it must end
 * with NLMSG_DONE (or an acknowledgement), so a cut reply is an error, not
 * a shorter list. */
struct smc_recorded {
	const void *buf;
	size_t len;
};

/* A growing array of fixed-size records, bounded so that a runaway reply
 * cannot exhaust memory. */
#define SMC_LIST_MAX 65536
struct smc_list {
	void *items;
	size_t count, cap, size;
};
#define SMC_LIST_INIT(type) { NULL, 0, 0, sizeof(type) }

/* A new zeroed record at the end, or NULL (err set) when full or out of memory. */
void *smc_list_add(struct smc_list *list, struct nl_error *err);
void smc_list_free(struct smc_list *list);

#endif
