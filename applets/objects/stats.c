/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd/smcr stats {show | reset | json | prometheus | help} */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/decline.h"
#include "applets/print/format.h"
#include "applets/print/json.h"
#include "applets/print/outfile.h"
#include "applets/objects/snapshot.h"
#include "applets/objects/stats.h"
#include "applets/objects/stats_names.h"
#include "applets/tech.h"

/* The MAX most frequent fallback reasons of SIDE into TOP, by count, ties
 * in the kernel's order; returns how many. */
static size_t top_reasons(const struct smc_stats *st, int side, struct stats_reason *top, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < st->reasons[side]; i++) {
		struct stats_reason r = st->reason[side][i];
		size_t at = n < max ? n : max;

		while (at > 0 && top[at - 1].count < r.count) {
			if (at < max)
				top[at] = top[at - 1];
			at--;
		}
		if (at < max) {
			top[at] = r;
			if (n < max)
				n++;
		}
	}
	return n;
}

static double percent(uint64_t part, uint64_t whole)
{
	return whole ? (double)part / (double)whole * 100 : 0;
}

static void count(FILE *out, const char *label, uint64_t value)
{
	fprintf(out, "  %-27s%12" PRIu64 "\n", label, value);
}

static void count_split(FILE *out, const char *label, uint64_t client, uint64_t server, int details)
{
	if (!details) {
		count(out, label, client + server);
		return;
	}
	fprintf(out, "  %-27s%12" PRIu64 " (client %" PRIu64 ", server %" PRIu64 ")\n", label, client + server,
		client, server);
}

static void bytes(FILE *out, const char *label, uint64_t value)
{
	char buf[SHORT_NUM_LEN];

	fprintf(out, "  %-25s%14" PRIu64 " (%s)\n", label, value, format_short(value, buf));
}

static void ratio(FILE *out, const char *label, uint64_t value, uint64_t whole)
{
	fprintf(out, "  %-27s%12" PRIu64 " (%.2f%%)\n", label, value, percent(value, whole));
}

static void histogram_row(FILE *out, const char *label, const uint64_t *bucket)
{
	char buf[SHORT_NUM_LEN];

	fprintf(out, "  %-5s", label);
	for (int i = 0; i < STATS_BUCKETS - 2; i++)
		fprintf(out, "  %6s", format_short(bucket[i], buf));
	/* smc-tools' last column, >512KB, holds 1024K and >1024K */
	fprintf(out, "  %6s\n", format_short(bucket[STATS_BUCKETS - 2] + bucket[STATS_BUCKETS - 1], buf));
}

static void direction(FILE *out, const uint64_t *v, int rx, int details)
{
	int rmb = rx ? ST_RX_RMB : ST_TX_RMB;
	uint64_t requests = v[rx ? ST_RX_CNT : ST_TX_CNT];

	fprintf(out, "%s Stats\n", rx ? "RX" : "TX");
	bytes(out, "Data transmitted (Bytes)", v[rx ? ST_RX_BYTES : ST_TX_BYTES]);
	count(out, "Total requests", requests);
	bytes(out, "Buffer usage (Bytes)", v[rx ? ST_RX_RMB_USAGE : ST_TX_RMB_USAGE]);
	ratio(out, "Buffer full", v[rmb + RMB_FULL], requests);
	if (!rx) {
		ratio(out, "Buffer full (remote)", v[rmb + RMB_FULL_PEER], requests);
		ratio(out, "Buffer too small", v[rmb + RMB_SIZE_SM], requests);
		ratio(out, "Buffer too small (remote)", v[rmb + RMB_SIZE_SM_PEER], requests);
	}
	if (details) {
		count(out, "Buffer downgrades", v[rmb + RMB_DGRADE]);
		count(out, "Buffer reuses", v[rmb + RMB_REUSE]);
	}
	fprintf(out, "            8KB    16KB    32KB    64KB   128KB   256KB   512KB  >512KB\n");
	histogram_row(out, "Bufs", v + (rx ? ST_RX_RMB_SIZE : ST_TX_RMB_SIZE));
	histogram_row(out, "Reqs", v + (rx ? ST_RX_PLOAD : ST_TX_PLOAD));
	fprintf(out, "\n");
}

static void fallback_reasons(FILE *out, const struct smc_stats *st)
{
	static const char *const side_name[STATS_SIDES] = { "Client", "Server" };
	struct stats_reason top[3];
	char buf[DECLINE_NAME_LEN];

	for (int side = STATS_SERVER; side >= STATS_CLIENT; side--) {
		size_t n = top_reasons(st, side, top, 3);

		if (n)
			fprintf(out, "    %s\n", side_name[side]);
		for (size_t i = 0; i < n; i++)
			fprintf(out, "     %-24s%12" PRIu64 "\n", decline_name(top[i].code, buf), top[i].count);
	}
}

void stats_print_text(FILE *out, const struct smc_stats *st, enum stats_tech tech, int details)
{
	const uint64_t *v = st->tech[tech];
	uint64_t clients = v[ST_CLNT_V1_SUCC] + v[ST_CLNT_V2_SUCC], servers = v[ST_SRV_V1_SUCC] + v[ST_SRV_V2_SUCC];
	uint64_t conns = clients + servers;
	uint64_t special = v[ST_CORK] + v[ST_NDLY] + v[ST_SENDPAGE] + v[ST_SPLICE] + v[ST_URG_DATA];

	fprintf(out, "SMC-%c Connections Summary\n", tech == STATS_SMCD ? 'D' : 'R');
	count(out, "Total connections handled", conns + st->hs_err[STATS_CLIENT] + st->hs_err[STATS_SERVER] +
						 st->fback[STATS_CLIENT] + st->fback[STATS_SERVER]);
	count_split(out, "SMC connections", clients, servers, details);
	if (details) {
		count(out, "  v1", v[ST_CLNT_V1_SUCC] + v[ST_SRV_V1_SUCC]);
		count(out, "  v2", v[ST_CLNT_V2_SUCC] + v[ST_SRV_V2_SUCC]);
	}
	count_split(out, "Handshake errors", st->hs_err[STATS_CLIENT], st->hs_err[STATS_SERVER], details);
	fprintf(out, "  %-27s%14.1f\n", "Avg requests per SMC conn",
		conns ? (double)(v[ST_RX_CNT] + v[ST_TX_CNT]) / (double)conns : 0.0);
	count_split(out, "TCP fallback", st->fback[STATS_CLIENT], st->fback[STATS_SERVER], details);
	if (details)
		fallback_reasons(out, st);
	fprintf(out, "\n");
	direction(out, v, 1, details);
	direction(out, v, 0, details);
	fprintf(out, "Extras\n");
	count(out, "Special socket calls", special);
	if (details) {
		count(out, "  cork", v[ST_CORK]);
		count(out, "  nodelay", v[ST_NDLY]);
		count(out, "  sendpage", v[ST_SENDPAGE]);
		count(out, "  splice", v[ST_SPLICE]);
		count(out, "  urgent data", v[ST_URG_DATA]);
	}
}

static void json_reasons(struct json *j, const struct smc_stats *st, int side, const char *key)
{
	struct stats_reason top[STATS_MAX_REASONS];
	size_t n = top_reasons(st, side, top, STATS_MAX_REASONS);
	char buf[DECLINE_NAME_LEN], code[DECLINE_NAME_LEN];

	json_array_begin(j, key);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j, NULL);
		snprintf(code, sizeof(code), "0x%08" PRIx32, top[i].code);
		json_string(j, "code", code);
		json_string(j, "name", decline_name(top[i].code, buf));
		json_u64(j, "count", top[i].count);
		json_object_end(j);
	}
	json_array_end(j);
}

void stats_print_json(FILE *out, const struct smc_stats *st, enum stats_tech tech)
{
	struct counter_name name;
	struct json j;

	json_start(&j, out);
	json_object_begin(&j, tech == STATS_SMCD ? "SMCD" : "SMCR");
	for (int i = 0; i < ST_COUNT; i++) {
		stats_counter_name(i, &name);
		json_u64(&j, name.key, st->tech[tech][i]);
	}
	json_u64(&j, "SMC_CLNT_HSHAKE_ERR_CNT", st->hs_err[STATS_CLIENT]);
	json_u64(&j, "SMC_SRV_HSHAKE_ERR_CNT", st->hs_err[STATS_SERVER]);
	json_u64(&j, "SMC_CLNT_FBACK_CNT", st->fback[STATS_CLIENT]);
	json_u64(&j, "SMC_SRV_FBACK_CNT", st->fback[STATS_SERVER]);
	json_reasons(&j, st, STATS_CLIENT, "SMC_CLNT_FBACK_RSN");
	json_reasons(&j, st, STATS_SERVER, "SMC_SRV_FBACK_RSN");
	json_object_end(&j);
	json_end(&j);
}

enum { STATS_SHOW, STATS_RESET, STATS_JSON, STATS_PROMETHEUS, STATS_HELP };
static const char *const commands[] = { "show", "reset", "json", "prometheus", "help" };

static void usage(void)
{
	printf("Usage: %s [-d] [-a] stats [show | reset | json | prometheus [-o FILE]]\n"
	       "  prometheus  every SMC-D and SMC-R counter in the Prometheus text format,\n"
	       "              counted since the SMC module was loaded (a reset does not apply);\n"
	       "              -o FILE, --output FILE: replace FILE whole, never half of it\n",
	       applet_name);
}

static void note(const char *text)
{
	fprintf(stderr, "%s: note: %s\n", applet_name, text);
}

/* The counters since the last reset (unless -a); with SAVE, record the
 * kernel's values as the new baseline. Without a usable baseline directory
 * show and json still work, counting from the module's start. */
static int collect(const struct tech_opts *opts, bool save, struct smc_stats *st)
{
	static struct smc_stats raw;
	char text[SNAPSHOT_TEXT_LEN];
	struct snapshot snap;
	struct nl_error err;
	int rc;

	if (stats_get(st, &err) < 0)
		return fail("%s", err.text);
	if (opts->absolute && !save)
		return 0;
	rc = snapshot_locate(&snap, save, text);
	if (rc < 0 && save)
		return fail("%s", text);
	if (rc < 0 && opts->details)
		note(text);
	if (rc != 0)
		return 0;
	raw = *st;
	if (!opts->absolute) {
		rc = snapshot_apply(&snap, st, text);
		if (rc < 0 && save)
			return fail("%s", text);
		if (rc < 0 || (rc > 0 && opts->details))
			note(text);
	}
	if (save && snapshot_save(&snap, &raw, text) < 0)
		return fail("%s", text);
	return 0;
}

/* The FILE of "prometheus -o FILE" in ARGV (stats prometheus ...), or
 * NULL having said what is wrong. */
static const char *prometheus_output(int argc, char **argv)
{
	if (strcmp(argv[2], "-o") != 0 && strcmp(argv[2], "--output") != 0) {
		fail_extra(argv[2], "stats help");
		return NULL;
	}
	if (argc < 4 || !argv[3][0]) {
		fail_missing("file name", argv[2], "stats help");
		return NULL;
	}
	if (argc > 4) {
		fail_extra(argv[4], "stats help");
		return NULL;
	}
	return argv[3];
}

static void print_prometheus(FILE *out, const void *st)
{
	stats_print_prometheus(out, st);
}

static int write_prometheus(const char *path, const struct smc_stats *st)
{
	char err[OUTFILE_ERR_LEN];

	if (outfile_write(path, print_prometheus, st, err) < 0)
		return fail("%s", err);
	return 0;
}

int obj_stats(const struct tech_opts *opts, int argc, char **argv)
{
	static struct smc_stats st;
	enum stats_tech tech = opts->tech == SMC_TECH_D ? STATS_SMCD : STATS_SMCR;
	int cmd = argc > 1 ? match_keyword(argv[1], commands, 5) : STATS_SHOW;
	struct tech_opts counting = *opts;
	const char *output = NULL;

	if (cmd < 0)
		return fail_unknown("stats command", argv[1], "stats help");
	if (cmd == STATS_PROMETHEUS && argc > 2 && !(output = prometheus_output(argc, argv)))
		return 1;
	if (argc > 2 && !output)
		return fail_extra(argv[2], "stats help");
	if (cmd == STATS_PROMETHEUS && opts->json)
		return fail("option -j does not go with stats prometheus (its format is Prometheus' own)");
	/* Prometheus takes a counter that goes down for a restart. */
	counting.absolute |= cmd == STATS_PROMETHEUS;
	if (cmd != STATS_HELP && collect(&counting, cmd == STATS_RESET, &st))
		return 1;
	if (output)
		return write_prometheus(output, &st);
	if (cmd == STATS_HELP)
		usage();
	else if (cmd == STATS_PROMETHEUS)
		stats_print_prometheus(stdout, &st);
	else if (cmd == STATS_JSON || opts->json)
		stats_print_json(stdout, &st, tech);
	else
		stats_print_text(stdout, &st, tech, opts->details);
	return 0;
}
