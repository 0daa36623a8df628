/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `stats prometheus` rendered from the real kernel replies recorded in
 * tests/fixtures (see its README): the exposition's structure, every sample
 * against the JSON output of the same replies (through a mapping of
 * smc-tools' keys written here, not taken from the code under test), the
 * lab's transfers in the byte counters, and `promtool check metrics`. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/check.h"
#include "applets/objects/stats.h"

#define MAX_SAMPLES 512

struct sample {
	char series[160];	/* name{labels} */
	uint64_t value;
	bool checked;
};

struct exposition {
	struct sample s[MAX_SAMPLES];
	size_t count;
};

static char dump[65536] __attribute__((aligned(8)));

/* The stats and fallback dumps of one recorded scenario. */
static bool load(const char *scenario, struct smc_stats *st)
{
	char dir[128];
	struct nl_error err;
	size_t len;
	bool ok;

	snprintf(dir, sizeof(dir), "tests/fixtures/%s", scenario);
	memset(st, 0, sizeof(*st));
	len = read_datagrams(dir, "get_stats", dump, sizeof(dump));
	ok = len && len <= sizeof(dump) && stats_parse(dump, len, st, &err) == 0;
	len = read_datagrams(dir, "get_fback_stats", dump, sizeof(dump));
	ok = ok && len && len <= sizeof(dump) && stats_parse_fback(dump, len, st, &err) == 0;
	return CHECK(ok, "%s: recorded replies parsed", scenario);
}

static char *render(const struct smc_stats *st, int json_tech)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (json_tech < 0)
		stats_print_prometheus(out, st);
	else
		stats_print_json(out, st, json_tech);
	fclose(out);
	return text;
}

static bool ends_with(const char *s, const char *end)
{
	return strlen(s) >= strlen(end) && strcmp(s + strlen(s) - strlen(end), end) == 0;
}

static bool is_name(const char *s, size_t len)
{
	if (!len || isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

/* LABELS ("k=\"v\",..." without braces): names well formed, values the
 * ones each label may take. */
static bool labels_ok(const char *labels)
{
	static const struct {
		const char *name, *values;
	} allowed[] = {
		{ "technology", "|smcd|smcr|" }, { "direction", "|rx|tx|" }, { "role", "|client|server|" },
		{ "version", "|v1|v2|" },
		{ "le", "|8192|16384|32768|65536|131072|262144|524288|1048576|+Inf|" },
		{ "reason", NULL },
	};
	char copy[160], *save = NULL, value[40];

	snprintf(copy, sizeof(copy), "%s", labels);
	for (char *l = strtok_r(copy, ",", &save); l; l = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(l, '=');
		size_t i, vlen;

		if (!eq || eq[1] != '"' || (vlen = strlen(eq + 2)) < 2 || eq[2 + vlen - 1] != '"')
			return false;
		snprintf(value, sizeof(value), "|%.*s|", (int)vlen - 1, eq + 2);
		for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
			if (strlen(allowed[i].name) == (size_t)(eq - l) && strncmp(l, allowed[i].name, eq - l) == 0)
				break;
		if (i == sizeof(allowed) / sizeof(allowed[0]) ||
		    (allowed[i].values && !strstr(allowed[i].values, value)))
			return false;
	}
	return true;
}

/* Whether a sample named NAME (LEN bytes) belongs to FAMILY: a
 * histogram's samples are FAMILY_bucket and FAMILY_count. */
static bool of_family(const char *name, size_t len, const char *family, bool histogram)
{
	size_t flen = strlen(family);

	if (len < flen || strncmp(name, family, flen) != 0)
		return false;
	if (len == flen)
		return !histogram;
	return histogram && ((len - flen == 7 && strncmp(name + flen, "_bucket", 7) == 0) ||
			     (len - flen == 6 && strncmp(name + flen, "_count", 6) == 0));
}

/* One sample line into E; false if it is not "name{labels} value" of the
 * family FAMILY, or its series came before. */
static bool sample_line(const char *line, const char *family, bool histogram, struct exposition *e)
{
	const char *brace = strchr(line, '{'), *close = brace ? strstr(brace, "} ") : NULL;
	char labels[160], *end;
	struct sample *s;

	if (!brace || !close || e->count == MAX_SAMPLES || !of_family(line, brace - line, family, histogram) ||
	    (size_t)(close - line) >= sizeof(s->series) - 1)
		return false;
	snprintf(labels, sizeof(labels), "%.*s", (int)(close - brace - 1), brace + 1);
	if (!labels_ok(labels) || !isdigit((unsigned char)close[2]))
		return false;
	s = &e->s[e->count];
	snprintf(s->series, sizeof(s->series), "%.*s", (int)(close + 1 - line), line);
	s->value = strtoull(close + 2, &end, 10);
	if (*end)
		return false;
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->s[i].series, s->series) == 0)
			return false;
	e->count++;
	return true;
}

/* Every family: one HELP, then one TYPE (counter named *_total, gauge, or
 * histogram), then its samples only; no family twice. */
static void check_structure(const char *name, char *text, struct exposition *e)
{
	char family[80] = "", seen[2048] = "|", want[96], *save = NULL;
	int bad = 0, families = 0;
	bool histogram = false;

	for (char *line = strtok_r(text, "\n", &save); line && !bad; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "# HELP ", 7) == 0) {
			size_t len = strcspn(line + 7, " ");

			snprintf(family, sizeof(family), "%.*s", (int)len, line + 7);
			snprintf(want, sizeof(want), "|%s|", family);
			bad = !is_name(family, len) || strstr(seen, want) || strlen(line + 7 + len) < 3;
			strncat(seen, want + 1, sizeof(seen) - strlen(seen) - 1);
			families++;
			line = strtok_r(NULL, "\n", &save);
			snprintf(want, sizeof(want), "# TYPE %s ", family);
			bad = bad || !line || strncmp(line, want, strlen(want)) != 0;
			if (!bad) {
				const char *type = line + strlen(want);

				histogram = strcmp(type, "histogram") == 0;
				bad = strcmp(type, "gauge") != 0 && !histogram &&
				      (strcmp(type, "counter") != 0 || !ends_with(family, "_total"));
			}
		} else {
			bad = !family[0] || !sample_line(line, family, histogram, e);
		}
		if (bad)
			printf("# %s: bad line: %s\n", name, line ? line : "(missing TYPE)");
	}
	CHECK(!bad && families >= 20, "%s: %d families, each HELP, TYPE, its own samples; %zu distinct series",
	      name, families, e->count);
}

static struct sample *find(struct exposition *e, const char *series)
{
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->s[i].series, series) == 0)
			return &e->s[i];
	return NULL;
}

/* The metric of a JSON key's last part, after SMC_, SMC_INT_TX_BUF_, RX_,
 * CLNT_ and the like. */
static const char *metric_of(const char *part)
{
	static const char *const metrics[][2] = {
		{ "SIZE_SM_PEER_CNT", "smc_buffer_too_small_remote_total" },
		{ "SIZE_SM_CNT", "smc_buffer_too_small_total" },
		{ "FULL_PEER_CNT", "smc_buffer_full_remote_total" },
		{ "FULL_CNT", "smc_buffer_full_total" },
		{ "REUSE_CNT", "smc_buffer_reuses_total" },
		{ "ALLOC_CNT", "smc_buffer_allocations_total" },
		{ "DGRADE_CNT", "smc_buffer_downgrades_total" },
		{ "BYTES", "smc_data_bytes_total" },
		{ "CNT", "smc_requests_total" },
		{ "RMB_USAGE", "smc_buffer_usage_bytes" },
		{ "HSHAKE_ERR_CNT", "smc_handshake_errors_total" },
		{ "FBACK_CNT", "smc_fallbacks_total" },
		{ "SENDPAGE_CNT", "smc_sendpage_calls_total" },
		{ "URG_DATA_CNT", "smc_urgent_data_calls_total" },
		{ "SPLICE_CNT", "smc_splice_calls_total" },
		{ "CORK_CNT", "smc_cork_calls_total" },
		{ "NDLY_CNT", "smc_nodelay_calls_total" },
	};

	for (size_t i = 0; i < sizeof(metrics) / sizeof(metrics[0]); i++)
		if (strcmp(part, metrics[i][0]) == 0)
			return metrics[i][1];
	return NULL;
}

/* A bucket's upper bound in bytes from smc-tools' size name: "8K" is 8192,
 * "G_1024K" (greater than 1024K) is +Inf. */
static const char *le_of(const char *size)
{
	static char le[24];

	if (strcmp(size, "G_1024K") == 0)
		return "+Inf";
	snprintf(le, sizeof(le), "%lu", strtoul(size, NULL, 10) * 1024);
	return le;
}

/* The series smc-tools' JSON key KEY of technology TECH ("smcd") must be:
 * its metric from the key's last part, its labels from the key's words. */
static bool series_of(const char *key, const char *tech, char *out, size_t size)
{
	char kind[4], dir[3], part[24], role[5], version[2];
	const char *metric;

	if (sscanf(key, "SMC_%3[A-Z]_%2[TRX]_BUF_%23[A-Z0-9_]", kind, dir, part) == 3) {
		dir[0] = (char)tolower((unsigned char)dir[0]);
		dir[1] = (char)tolower((unsigned char)dir[1]);
		if (!ends_with(part, "_CNT"))
			return snprintf(out, size, "smc_%s_size_bytes_bucket{technology=\"%s\",direction=\"%s\",le=\"%s\"}",
					strcmp(kind, "INT") == 0 ? "buffer" : "request", tech, dir, le_of(part)) > 0;
		metric = metric_of(part);
		return metric && snprintf(out, size, "%s{technology=\"%s\",direction=\"%s\"}", metric, tech, dir) > 0;
	}
	if (sscanf(key, "SMC_%4[CLNTSRV]_V%1[12]_SUCC_CNT", role, version) == 2)
		return snprintf(out, size, "smc_connections_total{technology=\"%s\",role=\"%s\",version=\"v%s\"}", tech,
				strcmp(role, "CLNT") == 0 ? "client" : "server", version) > 0;
	if (sscanf(key, "SMC_%1[RT]X_%23s", dir, part) == 2 && (metric = metric_of(part)))
		return snprintf(out, size, "%s{technology=\"%s\",direction=\"%sx\"}", metric, tech,
				dir[0] == 'R' ? "r" : "t") > 0;
	if (sscanf(key, "SMC_%4[CLNTSRV]_%23s", role, part) == 2 && (metric = metric_of(part)))
		return snprintf(out, size, "%s{role=\"%s\"}", metric,
				strcmp(role, "CLNT") == 0 ? "client" : "server") > 0;
	metric = strncmp(key, "SMC_", 4) == 0 ? metric_of(key + 4) : NULL;
	return metric && snprintf(out, size, "%s{technology=\"%s\"}", metric, tech) > 0;
}

/* One sample of E must be SERIES with VALUE; returns 1 if not. */
static int expect(struct exposition *e, const char *name, const char *series, uint64_t value)
{
	struct sample *s = find(e, series);

	if (s && s->value == value) {
		s->checked = true;
		return 0;
	}
	printf("# %s: %s is %s, JSON says %llu\n", name, series, s ? "different" : "missing",
	       (unsigned long long)value);
	return 1;
}

/* A histogram bucket: smc-tools' JSON counts each bucket alone (VALUE),
 * Prometheus counts every size up to the bound, so the series must hold
 * the sum of this bucket and the smaller ones (at most 2^64-1); the +Inf
 * bucket's sum is also the histogram's _count. */
static int expect_bucket(struct exposition *e, const char *name, const char *series, uint64_t value,
			 uint64_t *cumulative)
{
	char count[160];
	const char *le = strstr(series, ",le=\"");
	int bad;

	if (strstr(series, "le=\"8192\""))
		*cumulative = 0;
	*cumulative = *cumulative > UINT64_MAX - value ? UINT64_MAX : *cumulative + value;
	bad = expect(e, name, series, *cumulative);
	if (le && strcmp(le, ",le=\"+Inf\"}") == 0) {
		snprintf(count, sizeof(count), "%.*s_count%.*s}", (int)(strstr(series, "_bucket{") - series), series,
			 (int)(le - strchr(series, '{')), strchr(series, '{'));
		bad += expect(e, name, count, *cumulative);
	}
	return bad;
}

/* A JSON string value at *P ("...") into OUT; *P moves past it. */
static bool json_string(const char **p, char *out, size_t size)
{
	const char *end = **p == '"' ? strchr(*p + 1, '"') : NULL;

	if (!end || (size_t)(end - *p) > size)
		return false;
	snprintf(out, size, "%.*s", (int)(end - *p - 1), *p + 1);
	*p = end + 1;
	return true;
}

/* The fallback reasons of ROLE: [{"code":"0x..","name":"N","count":C},...] */
static int reasons(const char **p, struct exposition *e, const char *name, const char *role, int *checked)
{
	char code[16], reason[24], series[160];
	int bad = 0;

	for ((*p)++; **p == '{'; (*p)++) {
		if (strncmp(*p, "{\"code\":", 8) != 0)
			return bad + 1;
		*p += 8;
		if (!json_string(p, code, sizeof(code)) || strncmp(*p, ",\"name\":", 8) != 0)
			return bad + 1;
		*p += 8;
		if (!json_string(p, reason, sizeof(reason)) || strncmp(*p, ",\"count\":", 9) != 0)
			return bad + 1;
		snprintf(series, sizeof(series), "smc_fallback_reasons_total{role=\"%s\",reason=\"%s\"}", role, reason);
		bad += expect(e, name, series, strtoull(*p + 9, (char **)p, 10));
		(*checked)++;
		if (**p != '}' || ((*p)[1] != ',' && (*p)[1] != ']'))
			return bad + 1;
		(*p)++;
		if (**p == ']')
			break;
	}
	if (**p != ']')
		return bad + 1;
	(*p)++;
	return bad;
}

/* Every member of the JSON object of technology TECH against E. */
static void cross_check(const char *name, const char *json, const char *tech, struct exposition *e)
{
	char key[48], series[160];
	const char *p = strstr(json, "\":{");
	int bad = 0, checked = 0;
	uint64_t cumulative = 0;

	for (p = p ? p + 3 : json + strlen(json); *p == '"' && !bad; p += *p == ',') {
		if (!json_string(&p, key, sizeof(key)) || *p++ != ':') {
			bad++;
		} else if (*p == '[') {
			bad += reasons(&p, e, name, strstr(key, "CLNT") ? "client" : "server", &checked);
		} else if (!series_of(key, tech, series, sizeof(series))) {
			printf("# %s: JSON key %s has no series\n", name, key);
			bad++;
		} else if (strstr(series, "_bucket{")) {
			bad += expect_bucket(e, name, series, strtoull(p, (char **)&p, 10), &cumulative);
			checked++;
		} else {
			bad += expect(e, name, series, strtoull(p, (char **)&p, 10));
			checked++;
		}
	}
	CHECK(!bad && strcmp(p, "}}\n") == 0 && checked >= 69,
	      "%s: each of the %d values of `%s stats json` is its sample's value", name, checked, tech);
}

/* What `promtool check metrics` says about TEXT (NULL: it did not run). */
static char *promtool(const char *text, int *status)
{
	char path[] = "/tmp/test_prometheus.XXXXXX", cmd[160];
	static char out[1024];
	int fd = mkstemp(path);
	size_t n;
	FILE *p;

	if (fd < 0)
		return NULL;
	n = (size_t)write(fd, text, strlen(text));
	close(fd);
	snprintf(cmd, sizeof(cmd), "promtool check metrics <%s 2>&1", path);
	p = n == strlen(text) ? popen(cmd, "r") : NULL;
	if (p) {
		out[fread(out, 1, sizeof(out) - 1, p)] = '\0';
		*status = pclose(p);
	}
	unlink(path);
	return p ? out : NULL;
}

static void check_promtool(const char *name, const char *text)
{
	int status = -1;
	const char *said = promtool(text, &status);

	CHECK(said && status == 0 && !said[0], "%s: promtool check metrics finds nothing%s%s", name,
	      said ? "" : " (promtool missing: apt-get install prometheus)", said && said[0] ? said : "");
}

/* promtool itself: a lint problem it must report, so a silent pass above
 * means something. */
static void test_promtool_reports(void)
{
	int status = -1;
	const char *said = promtool("# TYPE smc_wrong counter\nsmc_wrong 1\n", &status);

	CHECK(said && status != 0 && strstr(said, "_total"), "promtool reports a counter without _total: %.*s",
	      said ? (int)strcspn(said, "\n") : 40, said ? said : "(promtool missing: apt-get install prometheus)");
}

static void check_stats(const char *name, const struct smc_stats *st, uint64_t min_bytes)
{
	static struct exposition e;
	char *prom, *copy, *json[2], series[160];
	size_t unchecked = 0;
	bool moved = true;

	prom = render(st, -1);
	copy = strdup(prom);
	json[0] = render(st, STATS_SMCD);
	json[1] = render(st, STATS_SMCR);
	memset(&e, 0, sizeof(e));
	check_structure(name, copy, &e);
	cross_check(name, json[0], "smcd", &e);
	cross_check(name, json[1], "smcr", &e);
	for (size_t i = 0; i < e.count; i++)
		if (!e.s[i].checked) {
			printf("# %s: %s is in no JSON output\n", name, e.s[i].series);
			unchecked++;
		}
	CHECK(unchecked == 0, "%s: no sample the JSON outputs do not hold", name);
	for (int dir = 0; dir < 2 && min_bytes; dir++) {
		struct sample *s;

		snprintf(series, sizeof(series), "smc_data_bytes_total{technology=\"smcr\",direction=\"%s\"}",
			 dir ? "tx" : "rx");
		s = find(&e, series);
		moved = moved && s && s->value >= min_bytes;
	}
	if (min_bytes)
		CHECK(moved, "%s: SMC-R moved at least %llu bytes each way", name, (unsigned long long)min_bytes);
	check_promtool(name, prom);
	free(prom);
	free(copy);
	free(json[0]);
	free(json[1]);
}

int main(void)
{
	static const struct {
		const char *name;
		uint64_t min_bytes;	/* what the lab moved over SMC-R each way */
	} scenarios[] = {
		{ "idle", 0 },
		{ "fallback-listen", 0 },
		{ "fallback-held", 0 },
		{ "fallback-after", 0 },
		{ "two-hosts-server-listen", 0 },
		{ "two-hosts-server-held", 0 },
		{ "two-hosts-client-held", 0 },
		{ "two-hosts-server-after", 16 << 20 },
		{ "two-hosts-client-after", 16 << 20 },
	};

	static struct smc_stats st;

	test_promtool_reports();
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (load(scenarios[i].name, &st))
			check_stats(scenarios[i].name, &st, scenarios[i].min_bytes);
	/* Beyond what the lab recorded: the largest counters, a reason
	 * nobody names, the kernel's 30 reasons on a side. */
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++)
			st.tech[t][i] = UINT64_MAX - (uint64_t)i;
	st.reasons[STATS_CLIENT] = 30;
	for (int i = 0; i < 30; i++)
		st.reason[STATS_CLIENT][i] = (struct stats_reason){ 0x03030000 + (uint32_t)i, 65535 };
	st.reason[STATS_CLIENT][29].code = 0x0badc0de;
	check_stats("synthetic", &st, 0);
	return 0;
}
