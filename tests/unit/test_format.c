/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Number shortening against every row of the specification
 * (tests/golden/abbreviations.tsv, third column), and decline code names. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "applets/print/decline.h"
#include "applets/print/format.h"

static void test_abbreviations(void)
{
	size_t len, rows = 0;
	char *tsv = read_fixture("tests/golden/abbreviations.tsv", &len);
	char *line, *save = NULL;

	if (!CHECK(tsv != NULL, "tests/golden/abbreviations.tsv readable"))
		return;
	for (line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *value = line, *old, *want, buf[SHORT_NUM_LEN];

		if (line[0] == '#')
			continue;
		old = strchr(value, '\t');
		want = old ? strchr(old + 1, '\t') : NULL;
		if (!CHECK(want != NULL, "row \"%s\" has three columns", line))
			continue;
		*old = *want++ = '\0';
		format_short(strtoull(value, NULL, 10), buf);
		CHECK(strcmp(buf, want) == 0, "shorten %s: \"%s\", want \"%s\"", value, buf, want);
		rows++;
	}
	CHECK(rows >= 50, "%zu rows of abbreviations.tsv checked", rows);
	free(tsv);
}

static void test_boundaries(void)
{
	static const struct { uint64_t value; const char *want; } more[] = {
		{ 999, "999" }, { 9994, "9.994K" }, { 9995, "9.995K" }, { 99995, "100.0K" },
		{ 9999499, "9.999M" }, { 9999500, "10.00M" }, { 999950000000000000ull, "1.000E" },
		{ UINT64_MAX - 1, "18.45E" },
	};
	char buf[SHORT_NUM_LEN];

	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		CHECK(strcmp(format_short(more[i].value, buf), more[i].want) == 0,
		      "shorten %" PRIu64 ": \"%s\", want \"%s\"", more[i].value, buf, more[i].want);
	for (uint64_t v = 1, bad = 0;; v = v * 3 + 7) {
		if (strlen(format_short(v, buf)) > 6)
			bad++;
		if (v > UINT64_MAX / 4) {
			CHECK(bad == 0, "shortened numbers never exceed 6 characters");
			break;
		}
	}
}

static void test_decline_names(void)
{
	char buf[DECLINE_NAME_LEN];

	CHECK(strcmp(decline_name(0x03010000, buf), "PEER_NO_SMC") == 0, "0x03010000 is PEER_NO_SMC");
	CHECK(strcmp(decline_name(0x03030008, buf), "NOUEID") == 0, "0x03030008 is NOUEID (smc-tools: unknown)");
	CHECK(strcmp(decline_name(0x09990003, buf), "ERR_REGBUF") == 0, "0x09990003 is ERR_REGBUF");
	CHECK(strcmp(decline_name(0x03030042, buf), "0x03030042") == 0, "an unknown code prints as hex");
	CHECK(strcmp(decline_name(0xffffffff, buf), "0xffffffff") == 0, "0xffffffff prints as hex");
}

int main(void)
{
	test_abbreviations();
	test_boundaries();
	test_decline_names();
	return 0;
}
