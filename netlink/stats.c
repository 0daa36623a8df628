/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <string.h>

#include "netlink/smc_gen.h"
#include "netlink/stats.h"

/* Kernels after 6.1 report the buffer space in use after
 * SMC_NLA_STATS_T_TX_CNT, as NLA_UINT; the 6.1 uapi header predates them. */
#define STATS_T_RX_RMB_USAGE (SMC_NLA_STATS_T_TX_CNT + 1)
#define STATS_T_TX_RMB_USAGE (SMC_NLA_STATS_T_TX_CNT + 2)

struct counters {
	uint64_t *first;
	unsigned count;
	const char *what;
};

/* A nest of u64 counters numbered from 1, as the histograms and the buffer
 * counters are; the pad attribute 0 and newer ones are skipped. */
static int counter_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct counters *c = data;
	unsigned type = mnl_attr_get_type(attr);

	if (type == 0 || type > c->count)
		return 0;
	return gen_get_u64(attr, c->what, &c->first[type - 1], err);
}

static int counter_nest(const struct nlattr *nest, uint64_t *first, unsigned count, const char *what,
			struct nl_error *err)
{
	struct counters c = { first, count, what };

	return gen_nest_walk(nest, what, counter_cb, &c, err);
}

enum { SKIP, HISTOGRAM, BUFFERS, U64, UINT };

static const struct {
	unsigned char kind, index;
} tech_attrs[] = {
	[SMC_NLA_STATS_T_TX_RMB_SIZE] = { HISTOGRAM, ST_TX_RMB_SIZE },
	[SMC_NLA_STATS_T_RX_RMB_SIZE] = { HISTOGRAM, ST_RX_RMB_SIZE },
	[SMC_NLA_STATS_T_TXPLOAD_SIZE] = { HISTOGRAM, ST_TX_PLOAD },
	[SMC_NLA_STATS_T_RXPLOAD_SIZE] = { HISTOGRAM, ST_RX_PLOAD },
	[SMC_NLA_STATS_T_TX_RMB_STATS] = { BUFFERS, ST_TX_RMB },
	[SMC_NLA_STATS_T_RX_RMB_STATS] = { BUFFERS, ST_RX_RMB },
	[SMC_NLA_STATS_T_CLNT_V1_SUCC] = { U64, ST_CLNT_V1_SUCC },
	[SMC_NLA_STATS_T_CLNT_V2_SUCC] = { U64, ST_CLNT_V2_SUCC },
	[SMC_NLA_STATS_T_SRV_V1_SUCC] = { U64, ST_SRV_V1_SUCC },
	[SMC_NLA_STATS_T_SRV_V2_SUCC] = { U64, ST_SRV_V2_SUCC },
	[SMC_NLA_STATS_T_SENDPAGE_CNT] = { U64, ST_SENDPAGE },
	[SMC_NLA_STATS_T_SPLICE_CNT] = { U64, ST_SPLICE },
	[SMC_NLA_STATS_T_CORK_CNT] = { U64, ST_CORK },
	[SMC_NLA_STATS_T_NDLY_CNT] = { U64, ST_NDLY },
	[SMC_NLA_STATS_T_URG_DATA_CNT] = { U64, ST_URG_DATA },
	[SMC_NLA_STATS_T_RX_BYTES] = { U64, ST_RX_BYTES },
	[SMC_NLA_STATS_T_TX_BYTES] = { U64, ST_TX_BYTES },
	[SMC_NLA_STATS_T_RX_CNT] = { U64, ST_RX_CNT },
	[SMC_NLA_STATS_T_TX_CNT] = { U64, ST_TX_CNT },
	[STATS_T_RX_RMB_USAGE] = { UINT, ST_RX_RMB_USAGE },
	[STATS_T_TX_RMB_USAGE] = { UINT, ST_TX_RMB_USAGE },
};

static int tech_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	uint64_t *v = data;
	unsigned type = mnl_attr_get_type(attr);

	if (type >= sizeof(tech_attrs) / sizeof(tech_attrs[0]))
		return 0;
	switch (tech_attrs[type].kind) {
	case HISTOGRAM:
		return counter_nest(attr, v + tech_attrs[type].index, STATS_BUCKETS, "size histogram", err);
	case BUFFERS:
		return counter_nest(attr, v + tech_attrs[type].index, STATS_RMB_COUNTERS, "buffer statistics", err);
	case U64:
		return gen_get_u64(attr, "statistics counter", &v[tech_attrs[type].index], err);
	case UINT:
		return gen_get_uint(attr, "buffer usage", &v[tech_attrs[type].index], err);
	}
	return 0;
}

static int stats_nest_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct smc_stats *st = data;

	switch (mnl_attr_get_type(attr)) {
	case SMC_NLA_STATS_SMCD_TECH:
		return gen_nest_walk(attr, "SMC-D statistics", tech_cb, st->tech[STATS_SMCD], err);
	case SMC_NLA_STATS_SMCR_TECH:
		return gen_nest_walk(attr, "SMC-R statistics", tech_cb, st->tech[STATS_SMCR], err);
	case SMC_NLA_STATS_CLNT_HS_ERR_CNT:
		return gen_get_u64(attr, "handshake errors", &st->hs_err[STATS_CLIENT], err);
	case SMC_NLA_STATS_SRV_HS_ERR_CNT:
		return gen_get_u64(attr, "handshake errors", &st->hs_err[STATS_SERVER], err);
	}
	return 0;
}

static int stats_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	if (mnl_attr_get_type(attr) != SMC_GEN_STATS)
		return 0;
	return gen_nest_walk(attr, "SMC statistics", stats_nest_cb, data, err);
}

/* One fallback message: totals (in the first one) and one reason. */
struct fback_entry {
	int side;		/* -1 until SMC_NLA_FBACK_STATS_TYPE */
	uint32_t code;
	uint16_t count;
};

struct fback_ctx {
	struct smc_stats *st;
	struct fback_entry e;
};

static int fback_nest_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct fback_ctx *ctx = data;
	uint8_t is_server;

	switch (mnl_attr_get_type(attr)) {
	case SMC_NLA_FBACK_STATS_TYPE:
		if (gen_get_fixed(attr, "fallback type", &is_server, sizeof(is_server), err) < 0)
			return -1;
		ctx->e.side = is_server ? STATS_SERVER : STATS_CLIENT;
		return 0;
	case SMC_NLA_FBACK_STATS_SRV_CNT:
		return gen_get_u64(attr, "fallback count", &ctx->st->fback[STATS_SERVER], err);
	case SMC_NLA_FBACK_STATS_CLNT_CNT:
		return gen_get_u64(attr, "fallback count", &ctx->st->fback[STATS_CLIENT], err);
	case SMC_NLA_FBACK_STATS_RSN_CODE:
		return gen_get_fixed(attr, "fallback reason", &ctx->e.code, sizeof(ctx->e.code), err);
	case SMC_NLA_FBACK_STATS_RSN_CNT:
		return gen_get_fixed(attr, "fallback reason count", &ctx->e.count, sizeof(ctx->e.count), err);
	}
	return 0;
}

static int add_reason(struct smc_stats *st, const struct fback_entry *e, struct nl_error *err)
{
	size_t *n;

	if (e->code == 0)
		return 0;
	if (e->side < 0)
		return nl_error_set(err, EBADMSG, "malformed fallback statistics: reason 0x%08x without its side",
				    e->code);
	n = &st->reasons[e->side];
	for (size_t i = 0; i < *n; i++)
		if (st->reason[e->side][i].code == e->code) {
			st->reason[e->side][i].count += e->count;
			return 0;
		}
	if (*n == STATS_MAX_REASONS)
		return nl_error_set(err, EBADMSG, "the kernel reported more than %d fallback reasons",
				    STATS_MAX_REASONS);
	st->reason[e->side][(*n)++] = (struct stats_reason){ e->code, e->count };
	return 0;
}

static int fback_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct fback_ctx ctx = { data, { -1, 0, 0 } };

	if (mnl_attr_get_type(attr) != SMC_GEN_FBACK_STATS)
		return 0;
	if (gen_nest_walk(attr, "fallback statistics", fback_nest_cb, &ctx, err) < 0)
		return -1;
	return add_reason(ctx.st, &ctx.e, err);
}

int stats_parse(const void *buf, size_t len, struct smc_stats *st, struct nl_error *err)
{
	return gen_parse_dump(buf, len, SMC_NETLINK_GET_STATS, stats_cb, st, err);
}

int stats_parse_fback(const void *buf, size_t len, struct smc_stats *st, struct nl_error *err)
{
	return gen_parse_dump(buf, len, SMC_NETLINK_GET_FBACK_STATS, fback_cb, st, err);
}

int stats_get(struct smc_stats *st, struct nl_error *err)
{
	struct smc_nl nl;
	int rc;

	memset(st, 0, sizeof(*st));
	if (gen_open(&nl, err) < 0)
		return -1;
	rc = gen_dump_on(&nl, SMC_NETLINK_GET_STATS, stats_cb, st);
	if (rc == 0)
		rc = gen_dump_on(&nl, SMC_NETLINK_GET_FBACK_STATS, fback_cb, st);
	nl_close(&nl);
	return rc;
}
