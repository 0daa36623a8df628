/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Golden tests: kernel replies carrying the counters of the reference runs
 * (the JSON lines of tests/golden/, cut from smc-tools 1.8.5 transcripts)
 * are parsed and rendered, and the text must equal smc-tools' output byte
 * for byte; the JSON must hold smc-tools' object, keys, order and values. */
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "tests/unit/stats_msg.h"
#include "applets/objects/snapshot.h"
#include "applets/objects/stats.h"

static char *golden(const char *name)
{
	char path[256];
	size_t len;

	snprintf(path, sizeof(path), "tests/golden/%s", name);
	return read_fixture(path, &len);
}

/* The counters of one reference host, as the kernel would send them. */
static int load(struct smc_stats *st, const char *host, const char *name)
{
	static struct dump_buf d;
	char json_d[64], json_r[64];
	char *jd, *jr;
	struct nl_error err;
	int missing = 0, rc;

	snprintf(json_d, sizeof(json_d), "%s-smcd-stats-json.txt", host);
	snprintf(json_r, sizeof(json_r), "%s-smcr-stats-json.txt", host);
	jd = golden(json_d);
	jr = golden(json_r);
	if (!CHECK(jd != NULL, "%s: %s readable", name, json_d))
		return -1;
	d.len = 0;
	put_stats(&d, jd, jr, 0, 0, &missing);
	memset(st, 0, sizeof(*st));
	rc = stats_parse(d.buf, d.len, st, &err);
	CHECK(rc == 0 && missing == 0, "%s: reply parsed (%s), every JSON key found (%d missing)", name,
	      rc ? err.text : "ok", missing);
	free(jd);
	free(jr);
	return rc;
}

static void text_case(const char *name, const char *host, enum stats_tech tech, int details, int after_reset)
{
	static struct smc_stats st, base;
	char *want = golden(name), *got = NULL;
	size_t len = 0;
	FILE *out;

	if (!CHECK(want != NULL, "%s readable", name) || load(&st, host, name) < 0) {
		free(want);
		return;
	}
	if (after_reset) {
		base = st;
		stats_subtract(&st, &base);
	}
	out = open_memstream(&got, &len);
	stats_print_text(out, &st, tech, details);
	fclose(out);
	if (!CHECK(strcmp(got, want) == 0, "%s: rendered text equals smc-tools' byte for byte", name)) {
		for (char *g = got, *w = want; *g || *w; g++, w++)
			if (*g != *w) {
				printf("# first difference at byte %td:\n# got:  %.60s\n# want: %.60s\n", g - got, g, w);
				break;
			}
	}
	free(got);
	free(want);
}

static int json_valid(const char *text)
{
	FILE *py = popen("python3 -m json.tool >/dev/null 2>&1", "w");

	if (!py)
		return 0;
	fputs(text, py);
	return pclose(py) == 0;
}

static void json_case(const char *name, const char *host, enum stats_tech tech)
{
	static struct smc_stats st;
	char *want = golden(name), *got = NULL, *brace;
	size_t len = 0;
	FILE *out;

	if (!CHECK(want != NULL, "%s readable", name) || load(&st, host, name) < 0) {
		free(want);
		return;
	}
	out = open_memstream(&got, &len);
	stats_print_json(out, &st, tech);
	fclose(out);
	/* smc-tools writes {"SMCR": {...}}; our writer leaves out the blank,
	 * and our extra keys follow smc-tools' last one inside the object. */
	brace = strstr(want, "\": {");
	if (brace)
		memmove(brace + 2, brace + 3, strlen(brace + 3) + 1);
	want[strcspn(want, "\n")] = '\0';
	if (strlen(want) >= 2 && strcmp(want + strlen(want) - 2, "}}") == 0)
		want[strlen(want) - 2] = '\0';
	CHECK(brace && strncmp(got, want, strlen(want)) == 0 &&
	      strncmp(got + strlen(want), ",\"SMC_CLNT_HSHAKE_ERR_CNT\":", 27) == 0,
	      "%s: smc-tools' keys, order and values come first, then ours", name);
	CHECK(len > 0 && got[len - 1] == '\n' && !memchr(got, '\n', len - 1), "%s: one line", name);
	CHECK(json_valid(got), "%s: valid JSON (python3 -m json.tool)", name);
	free(got);
	free(want);
}

int main(void)
{
	static const struct {
		const char *golden, *host;
		enum stats_tech tech;
		int details, after_reset;
	} texts[] = {
		{ "b-smcr-stats.txt", "b", STATS_SMCR, 0, 0 },
		{ "b-smcr-d-stats.txt", "b", STATS_SMCR, 1, 0 },
		{ "b-smcd-stats.txt", "b", STATS_SMCD, 0, 0 },
		{ "b-smcd-d-stats.txt", "b", STATS_SMCD, 1, 0 },
		{ "b-smcr-stats-reset.txt", "b", STATS_SMCR, 0, 0 },
		{ "b-smcr-stats-after-reset.txt", "b", STATS_SMCR, 0, 1 },
		{ "b-smcr-a-stats-after-reset.txt", "b", STATS_SMCR, 0, 0 },
		{ "a-smcr-stats.txt", "a", STATS_SMCR, 0, 0 },
		{ "a-smcr-d-stats.txt", "a", STATS_SMCR, 1, 0 },
		{ "a-smcd-d-stats.txt", "a", STATS_SMCD, 1, 0 },
		{ "a-smcr-stats-after-reset.txt", "a", STATS_SMCR, 0, 1 },
		{ "lo-smcd-d-stats.txt", "lo", STATS_SMCD, 1, 0 },
	}, jsons[] = {
		{ "b-smcr-stats-json.txt", "b", STATS_SMCR, 0, 0 },
		{ "b-smcd-stats-json.txt", "b", STATS_SMCD, 0, 0 },
		{ "a-smcr-stats-json.txt", "a", STATS_SMCR, 0, 0 },
		{ "a-smcd-stats-json.txt", "a", STATS_SMCD, 0, 0 },
		{ "lo-smcd-stats-json.txt", "lo", STATS_SMCD, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		text_case(texts[i].golden, texts[i].host, texts[i].tech, texts[i].details, texts[i].after_reset);
	for (size_t i = 0; i < sizeof(jsons) / sizeof(jsons[0]); i++)
		json_case(jsons[i].golden, jsons[i].host, jsons[i].tech);
	return 0;
}
