/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC statistics (SMC_NETLINK_GET_STATS) and fallback statistics
 * (SMC_NETLINK_GET_FBACK_STATS) as plain numbers. Counters the kernel does
 * not send (older kernels) stay zero; attributes it adds later are skipped. */
#ifndef SMC_NETLINK_STATS_H
#define SMC_NETLINK_STATS_H

#include <stddef.h>
#include <stdint.h>
#include <linux/smc.h>

#include "netlink/error.h"

/* Buffer-size histograms: 8K, 16K, ... 1024K, >1024K. */
#define STATS_BUCKETS SMC_NLA_STATS_PLOAD_MAX
/* Buffer counters, in the kernel's order SMC_NLA_STATS_RMB_SIZE_SM_PEER_CNT.. */
#define STATS_RMB_COUNTERS SMC_NLA_STATS_RMB_MAX

/* One technology's counters, in smc-tools' JSON order. */
enum stats_counter {
	ST_TX_RMB_SIZE,					/* buffers allocated, by size */
	ST_RX_RMB_SIZE = ST_TX_RMB_SIZE + STATS_BUCKETS,
	ST_TX_PLOAD = ST_RX_RMB_SIZE + STATS_BUCKETS,	/* requests, by size */
	ST_RX_PLOAD = ST_TX_PLOAD + STATS_BUCKETS,
	ST_TX_RMB = ST_RX_PLOAD + STATS_BUCKETS,		/* STATS_RMB_COUNTERS each */
	ST_RX_RMB = ST_TX_RMB + STATS_RMB_COUNTERS,
	ST_CLNT_V1_SUCC = ST_RX_RMB + STATS_RMB_COUNTERS,
	ST_CLNT_V2_SUCC,
	ST_SRV_V1_SUCC,
	ST_SRV_V2_SUCC,
	ST_SENDPAGE,
	ST_URG_DATA,
	ST_SPLICE,
	ST_CORK,
	ST_NDLY,
	ST_RX_BYTES,
	ST_TX_BYTES,
	ST_RX_CNT,
	ST_TX_CNT,
	ST_RX_RMB_USAGE,
	ST_TX_RMB_USAGE,
	ST_COUNT
};

/* Offsets of the buffer counters within ST_TX_RMB / ST_RX_RMB. */
#define RMB_SIZE_SM_PEER (SMC_NLA_STATS_RMB_SIZE_SM_PEER_CNT - 1)
#define RMB_SIZE_SM (SMC_NLA_STATS_RMB_SIZE_SM_CNT - 1)
#define RMB_FULL_PEER (SMC_NLA_STATS_RMB_FULL_PEER_CNT - 1)
#define RMB_FULL (SMC_NLA_STATS_RMB_FULL_CNT - 1)
#define RMB_REUSE (SMC_NLA_STATS_RMB_REUSE_CNT - 1)
#define RMB_ALLOC (SMC_NLA_STATS_RMB_ALLOC_CNT - 1)
#define RMB_DGRADE (SMC_NLA_STATS_RMB_DGRADE_CNT - 1)

enum stats_tech { STATS_SMCD, STATS_SMCR, STATS_TECHS };
enum stats_side { STATS_CLIENT, STATS_SERVER, STATS_SIDES };

/* Room for more than the kernel's 30 reasons per side (SMC_MAX_FBACK_RSN_CNT). */
#define STATS_MAX_REASONS 64

struct stats_reason {
	uint32_t code;		/* the CLC decline code */
	uint64_t count;
};

struct smc_stats {
	uint64_t tech[STATS_TECHS][ST_COUNT];
	uint64_t hs_err[STATS_SIDES];		/* handshake errors */
	uint64_t fback[STATS_SIDES];		/* TCP fallbacks */
	size_t reasons[STATS_SIDES];
	struct stats_reason reason[STATS_SIDES][STATS_MAX_REASONS];
};

/* Parse recorded replies of one dump into ST, which the caller zeroes
 * first: the parsers on their own, for tests and recorded fixtures. */
int stats_parse(const void *buf, size_t len, struct smc_stats *st, struct nl_error *err);
int stats_parse_fback(const void *buf, size_t len, struct smc_stats *st, struct nl_error *err);

/* Both dumps from the kernel. */
int stats_get(struct smc_stats *st, struct nl_error *err);

#endif
