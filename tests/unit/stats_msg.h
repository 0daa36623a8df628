/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC_NETLINK_GET_STATS replies built in the kernel's layout
 * (net/smc/smc_stats.c) from smc-tools' JSON keys and values, so the
 * reference transcripts' JSON lines become kernel messages. */
#ifndef SMC_TEST_STATS_MSG_H
#define SMC_TEST_STATS_MSG_H

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/genl_msg.h"
#include <linux/smc.h>

/* The value of "KEY": in the JSON text J (0 when J is NULL); *MISSING counts
 * keys not found. */
static inline uint64_t json_value(const char *j, const char *key, int *missing)
{
	char pattern[80];
	const char *at;

	if (!j)
		return 0;
	snprintf(pattern, sizeof(pattern), "\"%s\":", key);
	at = strstr(j, pattern);
	if (!at) {
		(*missing)++;
		return 0;
	}
	return strtoull(at + strlen(pattern), NULL, 10);
}

static inline void put_counters(struct nlmsghdr *nlh, uint16_t type, const char *j, const char *prefix,
				const char *const *names, int n, int *missing)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	char key[64];

	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s%s", prefix, names[i]);
		mnl_attr_put_u64(nlh, i + 1, json_value(j, key, missing));
	}
	mnl_attr_nest_end(nlh, nest);
}

static inline void put_tech(struct nlmsghdr *nlh, uint16_t type, const char *j, int *missing)
{
	static const char *const rmb[] = { "SIZE_SM_PEER_CNT", "SIZE_SM_CNT", "FULL_PEER_CNT", "FULL_CNT",
					   "REUSE_CNT", "ALLOC_CNT", "DGRADE_CNT" };
	static const char *const sizes[] = { "8K", "16K", "32K", "64K", "128K", "256K", "512K", "1024K", "G_1024K" };
	static const struct { uint16_t type; const char *key; } scalars[] = {
		{ SMC_NLA_STATS_T_CLNT_V1_SUCC, "SMC_CLNT_V1_SUCC_CNT" },
		{ SMC_NLA_STATS_T_CLNT_V2_SUCC, "SMC_CLNT_V2_SUCC_CNT" },
		{ SMC_NLA_STATS_T_SRV_V1_SUCC, "SMC_SRV_V1_SUCC_CNT" },
		{ SMC_NLA_STATS_T_SRV_V2_SUCC, "SMC_SRV_V2_SUCC_CNT" },
		{ SMC_NLA_STATS_T_RX_BYTES, "SMC_RX_BYTES" },
		{ SMC_NLA_STATS_T_TX_BYTES, "SMC_TX_BYTES" },
		{ SMC_NLA_STATS_T_TX_CNT + 1, "SMC_RX_RMB_USAGE" },	/* SMC_NLA_STATS_T_RX_RMB_USAGE */
		{ SMC_NLA_STATS_T_TX_CNT + 2, "SMC_TX_RMB_USAGE" },	/* SMC_NLA_STATS_T_TX_RMB_USAGE */
		{ SMC_NLA_STATS_T_RX_CNT, "SMC_RX_CNT" },
		{ SMC_NLA_STATS_T_TX_CNT, "SMC_TX_CNT" },
		{ SMC_NLA_STATS_T_SENDPAGE_CNT, "SMC_SENDPAGE_CNT" },
		{ SMC_NLA_STATS_T_CORK_CNT, "SMC_CORK_CNT" },
		{ SMC_NLA_STATS_T_NDLY_CNT, "SMC_NDLY_CNT" },
		{ SMC_NLA_STATS_T_SPLICE_CNT, "SMC_SPLICE_CNT" },
		{ SMC_NLA_STATS_T_URG_DATA_CNT, "SMC_URG_DATA_CNT" },
	};
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	put_counters(nlh, SMC_NLA_STATS_T_TX_RMB_STATS, j, "SMC_INT_TX_BUF_", rmb, 7, missing);
	put_counters(nlh, SMC_NLA_STATS_T_RX_RMB_STATS, j, "SMC_INT_RX_BUF_", rmb, 7, missing);
	put_counters(nlh, SMC_NLA_STATS_T_TXPLOAD_SIZE, j, "SMC_USR_TX_BUF_", sizes, 9, missing);
	put_counters(nlh, SMC_NLA_STATS_T_RXPLOAD_SIZE, j, "SMC_USR_RX_BUF_", sizes, 9, missing);
	put_counters(nlh, SMC_NLA_STATS_T_TX_RMB_SIZE, j, "SMC_INT_TX_BUF_", sizes, 9, missing);
	put_counters(nlh, SMC_NLA_STATS_T_RX_RMB_SIZE, j, "SMC_INT_RX_BUF_", sizes, 9, missing);
	for (size_t i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++)
		mnl_attr_put_u64(nlh, scalars[i].type, json_value(j, scalars[i].key, missing));
	mnl_attr_nest_end(nlh, nest);
}

/* One GET_STATS dump: SMC-D counters from JSON_D, SMC-R from JSON_R. */
static inline void put_stats(struct dump_buf *d, const char *json_d, const char *json_r, uint64_t hs_clnt,
			     uint64_t hs_srv, int *missing)
{
	struct nlmsghdr *nlh = dump_msg(d, SMC_NETLINK_GET_STATS);
	struct nlattr *stats = mnl_attr_nest_start(nlh, SMC_GEN_STATS);

	put_tech(nlh, SMC_NLA_STATS_SMCD_TECH, json_d, missing);
	put_tech(nlh, SMC_NLA_STATS_SMCR_TECH, json_r, missing);
	mnl_attr_put_u64(nlh, SMC_NLA_STATS_CLNT_HS_ERR_CNT, hs_clnt);
	mnl_attr_put_u64(nlh, SMC_NLA_STATS_SRV_HS_ERR_CNT, hs_srv);
	mnl_attr_nest_end(nlh, stats);
	dump_msg_end(d, nlh);
	dump_done(d);
}

/* One GET_FBACK_STATS message: a reason of one side; the totals go with
 * the first message only, as the kernel sends them. */
static inline void put_fback(struct dump_buf *d, int is_server, uint32_t code, uint16_t count, int with_totals,
			     uint64_t srv_total, uint64_t clnt_total)
{
	struct nlmsghdr *nlh = dump_msg(d, SMC_NETLINK_GET_FBACK_STATS);
	struct nlattr *nest = mnl_attr_nest_start(nlh, SMC_GEN_FBACK_STATS);

	mnl_attr_put_u8(nlh, SMC_NLA_FBACK_STATS_TYPE, (uint8_t)is_server);
	if (with_totals) {
		mnl_attr_put_u64(nlh, SMC_NLA_FBACK_STATS_SRV_CNT, srv_total);
		mnl_attr_put_u64(nlh, SMC_NLA_FBACK_STATS_CLNT_CNT, clnt_total);
	}
	mnl_attr_put_u32(nlh, SMC_NLA_FBACK_STATS_RSN_CODE, code);
	mnl_attr_put_u16(nlh, SMC_NLA_FBACK_STATS_RSN_CNT, count);
	mnl_attr_nest_end(nlh, nest);
	dump_msg_end(d, nlh);
}

#endif
