/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>

#include "applets/objects/stats_names.h"

/* Size buckets: up to 8K, ... up to 1024K, G_1024K above (the kernel's
 * bucket I counts sizes up to 8 KiB << I, its last one all larger ones). */
static const char *const buckets[STATS_BUCKETS] = { "8K", "16K", "32K", "64K", "128K", "256K", "512K", "1024K",
						    "G_1024K" };

/* The four histograms, in the order of enum stats_counter. */
static const struct {
	const char *key, *metric, *direction;
} histograms[] = {
	{ "INT_TX", "smc_buffer_size_bytes", "tx" },
	{ "INT_RX", "smc_buffer_size_bytes", "rx" },
	{ "USR_TX", "smc_request_size_bytes", "tx" },
	{ "USR_RX", "smc_request_size_bytes", "rx" },
};

/* The buffer counters, the same for each direction. */
static const struct {
	const char *key, *metric;
} buffers[STATS_RMB_COUNTERS] = {
	[RMB_SIZE_SM_PEER] = { "SIZE_SM_PEER", "smc_buffer_too_small_remote_total" },
	[RMB_SIZE_SM] = { "SIZE_SM", "smc_buffer_too_small_total" },
	[RMB_FULL_PEER] = { "FULL_PEER", "smc_buffer_full_remote_total" },
	[RMB_FULL] = { "FULL", "smc_buffer_full_total" },
	[RMB_REUSE] = { "REUSE", "smc_buffer_reuses_total" },
	[RMB_ALLOC] = { "ALLOC", "smc_buffer_allocations_total" },
	[RMB_DGRADE] = { "DGRADE", "smc_buffer_downgrades_total" },
};

/* The counters from ST_CLNT_V1_SUCC on, in the order of enum stats_counter. */
static const struct {
	const char *key, *metric, *labels;
} scalars[ST_COUNT - ST_CLNT_V1_SUCC] = {
	{ "CLNT_V1_SUCC_CNT", "smc_connections_total", "role=\"client\",version=\"v1\"" },
	{ "CLNT_V2_SUCC_CNT", "smc_connections_total", "role=\"client\",version=\"v2\"" },
	{ "SRV_V1_SUCC_CNT", "smc_connections_total", "role=\"server\",version=\"v1\"" },
	{ "SRV_V2_SUCC_CNT", "smc_connections_total", "role=\"server\",version=\"v2\"" },
	{ "SENDPAGE_CNT", "smc_sendpage_calls_total", "" },
	{ "URG_DATA_CNT", "smc_urgent_data_calls_total", "" },
	{ "SPLICE_CNT", "smc_splice_calls_total", "" },
	{ "CORK_CNT", "smc_cork_calls_total", "" },
	{ "NDLY_CNT", "smc_nodelay_calls_total", "" },
	{ "RX_BYTES", "smc_data_bytes_total", "direction=\"rx\"" },
	{ "TX_BYTES", "smc_data_bytes_total", "direction=\"tx\"" },
	{ "RX_CNT", "smc_requests_total", "direction=\"rx\"" },
	{ "TX_CNT", "smc_requests_total", "direction=\"tx\"" },
	{ "RX_RMB_USAGE", "smc_buffer_usage_bytes", "direction=\"rx\"" },
	{ "TX_RMB_USAGE", "smc_buffer_usage_bytes", "direction=\"tx\"" },
};

void stats_counter_name(int i, struct counter_name *name)
{
	name->le[0] = '\0';
	if (i < ST_TX_RMB) {
		int h = i / STATS_BUCKETS, b = i % STATS_BUCKETS;

		snprintf(name->key, sizeof(name->key), "SMC_%s_BUF_%s", histograms[h].key, buckets[b]);
		name->metric = histograms[h].metric;
		snprintf(name->labels, sizeof(name->labels), "direction=\"%s\"", histograms[h].direction);
		if (b == STATS_BUCKETS - 1)
			snprintf(name->le, sizeof(name->le), "+Inf");
		else
			snprintf(name->le, sizeof(name->le), "%lu", 8192UL << b);
	} else if (i < ST_CLNT_V1_SUCC) {
		int rx = i >= ST_RX_RMB, b = (i - ST_TX_RMB) % STATS_RMB_COUNTERS;

		snprintf(name->key, sizeof(name->key), "SMC_INT_%s_BUF_%s_CNT", rx ? "RX" : "TX", buffers[b].key);
		name->metric = buffers[b].metric;
		snprintf(name->labels, sizeof(name->labels), "direction=\"%s\"", rx ? "rx" : "tx");
	} else {
		int s = i - ST_CLNT_V1_SUCC;

		snprintf(name->key, sizeof(name->key), "SMC_%s", scalars[s].key);
		name->metric = scalars[s].metric;
		snprintf(name->labels, sizeof(name->labels), "%s", scalars[s].labels);
	}
}
