/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The decline table against its printed copy in man/smcss.8: every row
 * there (".B 0xCODE NAME" and its sentence) must be the code's name and
 * explanation in the code, so the page cannot drift from what smc_chk says. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "applets/print/decline.h"

#define KNOWN_CODES 36	/* rows of net/smc/smc_clc.h's SMC_CLC_DECL_* the table holds */

/* The sentence after a row's ".B" line: its text lines joined by blanks,
 * "\-" read as "-", the final period dropped. It consumes the directive
 * after the row, a .TP or the section's end. */
static void row_text(char **save, char *out, size_t size)
{
	char *line;
	size_t n = 0;

	out[0] = '\0';
	while ((line = strtok_r(NULL, "\n", save)) != NULL && line[0] != '.') {
		for (char *c = line; *c && n + 2 < size; c++) {
			if (c[0] == '\\' && c[1] == '-')
				continue;
			out[n++] = *c;
		}
		out[n++] = ' ';
		out[n] = '\0';
	}
	if (n >= 2 && out[n - 2] == '.')
		out[n - 2] = '\0';
}

static void test_man_table(void)
{
	size_t len, rows = 0;
	char *page = read_fixture("man/smcss.8", &len);
	char *line, *save = NULL;

	if (!CHECK(page != NULL, "man/smcss.8 readable"))
		return;
	for (line = strtok_r(page, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[32], text[512], buf[DECLINE_NAME_LEN];
		const char *want;
		uint32_t code;

		if (sscanf(line, ".B 0x%" SCNx32 " %31s", &code, name) != 2)
			continue;
		row_text(&save, text, sizeof(text));
		want = decline_explanation(code);
		CHECK(strcmp(decline_name(code, buf), name) == 0, "smcss(8): 0x%08" PRIx32 " is %s", code, name);
		CHECK(want && strcmp(want, text) == 0, "smcss(8): 0x%08" PRIx32 " explained as in the code (\"%s\")",
		      code, text);
		rows++;
	}
	CHECK(rows == KNOWN_CODES, "smcss(8) lists %zu decline codes, the table %d", rows, KNOWN_CODES);
	free(page);
}

static void test_unknown(void)
{
	CHECK(decline_explanation(0x03030042) == NULL, "an unknown code has no explanation");
	CHECK(decline_explanation(0) == NULL, "code 0 (no fallback) has no explanation");
}

int main(void)
{
	test_man_table();
	test_unknown();
	return 0;
}
