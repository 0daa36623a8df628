/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd/smcr stats prometheus: the kernel's counters in the Prometheus text
 * exposition format, both technologies told apart by a label. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "applets/print/decline.h"
#include "applets/objects/stats.h"
#include "applets/objects/stats_names.h"

static const char *const technology[STATS_TECHS] = { [STATS_SMCD] = "smcd", [STATS_SMCR] = "smcr" };
static const char *const role[STATS_SIDES] = { [STATS_CLIENT] = "client", [STATS_SERVER] = "server" };

/* The families of the per-technology counters, in the order printed: every
 * metric that stats_counter_name() gives, with its type and help. */
static const struct family {
	const char *metric, *type, *help;
} families[] = {
	{ "smc_connections_total", "counter", "Connections that entered SMC mode, by role and SMC version" },
	{ "smc_data_bytes_total", "counter", "Bytes sent (tx) or received (rx) over SMC connections" },
	{ "smc_requests_total", "counter",
	  "Send (tx) or receive (rx) requests, including failed ones and those that moved no data" },
	{ "smc_request_size_bytes", "histogram",
	  "Sizes of send (tx) and receive (rx) calls that moved data, in bytes as the caller asked; the "
	  "kernel keeps no sum of them, so there is no _sum (smc_data_bytes_total counts the bytes moved)" },
	{ "smc_buffer_size_bytes", "histogram",
	  "Sizes of the send (tx) and receive (rx) buffers given to new connections, reused and "
	  "downgraded ones included, in bytes; the kernel keeps no sum of them, so there is no _sum" },
	{ "smc_buffer_usage_bytes", "gauge", "Bytes of send (tx) and receive (rx) buffers allocated now" },
	{ "smc_buffer_allocations_total", "counter", "Send (tx) and receive (rx) buffers newly allocated" },
	{ "smc_buffer_reuses_total", "counter",
	  "New connections given the buffer size they asked for by reusing a buffer of an earlier one" },
	{ "smc_buffer_downgrades_total", "counter",
	  "New connections given a smaller buffer than they asked for, since that size could not be allocated" },
	{ "smc_buffer_full_total", "counter",
	  "Times the send buffer could not take all data to send (tx), or the receive buffer held less than "
	  "a receive call asked for (rx)" },
	{ "smc_buffer_full_remote_total", "counter",
	  "Times data to send found the peer's receive buffer full (tx; the kernel counts no rx)" },
	{ "smc_buffer_too_small_total", "counter",
	  "Send (tx) or receive (rx) calls asking for more than the whole local send or receive buffer" },
	{ "smc_buffer_too_small_remote_total", "counter",
	  "Send calls asking for more than the peer's whole receive buffer (tx; the kernel counts no rx)" },
	{ "smc_cork_calls_total", "counter", "TCP_CORK enablements (not the sends made while corked)" },
	{ "smc_nodelay_calls_total", "counter", "TCP_NODELAY enablements" },
	{ "smc_sendpage_calls_total", "counter", "sendpage calls (kernels without sendpage report 0)" },
	{ "smc_splice_calls_total", "counter", "splice() calls" },
	{ "smc_urgent_data_calls_total", "counter", "Send and receive calls with MSG_OOB" },
};

static void header(FILE *out, const char *metric, const char *type, const char *help)
{
	fprintf(out, "# HELP %s %s.\n# TYPE %s %s\n", metric, help, metric, type);
}

static uint64_t saturating_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* A histogram bucket counter of the kernel's, which counts one bucket, as
 * Prometheus wants it: cumulative, and after the last bucket (+Inf) the
 * _count, which equals it. */
static void bucket_sample(FILE *out, const char *metric, const char *tech, const struct counter_name *name,
			  uint64_t value, uint64_t *cumulative)
{
	*cumulative = saturating_add(*cumulative, value);
	fprintf(out, "%s_bucket{technology=\"%s\",%s,le=\"%s\"} %" PRIu64 "\n", metric, tech, name->labels, name->le,
		*cumulative);
	if (strcmp(name->le, "+Inf") == 0) {
		fprintf(out, "%s_count{technology=\"%s\",%s} %" PRIu64 "\n", metric, tech, name->labels, *cumulative);
		*cumulative = 0;
	}
}

static void tech_family(FILE *out, const struct smc_stats *st, const struct family *f,
			const struct counter_name *names)
{
	uint64_t cumulative = 0;

	header(out, f->metric, f->type, f->help);
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++) {
			if (strcmp(names[i].metric, f->metric) != 0)
				continue;
			if (names[i].le[0])
				bucket_sample(out, f->metric, technology[t], &names[i], st->tech[t][i], &cumulative);
			else
				fprintf(out, "%s{technology=\"%s\"%s%s} %" PRIu64 "\n", f->metric, technology[t],
					names[i].labels[0] ? "," : "", names[i].labels, st->tech[t][i]);
		}
}

/* The kernel counts handshake errors and fallbacks per role only. */
static void role_family(FILE *out, const char *metric, const char *help, const uint64_t count[STATS_SIDES])
{
	header(out, metric, "counter", help);
	for (int side = 0; side < STATS_SIDES; side++)
		fprintf(out, "%s{role=\"%s\"} %" PRIu64 "\n", metric, role[side], count[side]);
}

static void fallback_reasons(FILE *out, const struct smc_stats *st)
{
	char buf[DECLINE_NAME_LEN];

	header(out, "smc_fallback_reasons_total", "counter",
	       "TCP fallbacks by role and CLC decline reason (the kernel keeps 30 reasons per role and "
	       "counts each in 16 bits)");
	for (int side = 0; side < STATS_SIDES; side++)
		for (size_t i = 0; i < st->reasons[side]; i++)
			fprintf(out, "smc_fallback_reasons_total{role=\"%s\",reason=\"%s\"} %" PRIu64 "\n", role[side],
				decline_name(st->reason[side][i].code, buf), st->reason[side][i].count);
}

void stats_print_prometheus(FILE *out, const struct smc_stats *st)
{
	struct counter_name names[ST_COUNT];

	for (int i = 0; i < ST_COUNT; i++)
		stats_counter_name(i, &names[i]);
	for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++)
		tech_family(out, st, &families[f], names);
	role_family(out, "smc_handshake_errors_total", "Connections that failed in the SMC handshake", st->hs_err);
	role_family(out, "smc_fallbacks_total", "Connections that fell back to TCP", st->fback);
	fallback_reasons(out, st);
}
