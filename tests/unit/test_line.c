/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text lines without printf (applets/print/line.c) against the C library's
 * own printf conversions that they replace in smcss, and the cut at
 * LINE_SIZE. */
#include <inttypes.h>
#include <string.h>

#include "applets/print/line.h"
#include "tests/unit/check.h"

static const uint64_t values[] = { 0, 1, 9, 10, 15, 16, 255, 4096, 99999, 100000, 0xdeadbeef, UINT32_MAX,
				   UINT64_MAX };
static const int widths[] = { 0, 1, 2, 4, 5, 7, 8, 16 };
static const char *const texts[] = { "", "TCP", "SMCR", "ACTIVE", "PEERCLOSEWAIT1", "mlx5_0",
				     "a string longer than its column" };

static void test_numbers(void)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
			char want[64];
			struct line l;

			line_start(&l);
			line_hex(&l, values[i], widths[w]);
			snprintf(want, sizeof(want), "%0*" PRIx64, widths[w], values[i]);
			bad += l.len != strlen(want) || memcmp(l.text, want, l.len) != 0;
			line_start(&l);
			line_dec(&l, values[i], widths[w]);
			snprintf(want, sizeof(want), "%0*" PRIu64, widths[w], values[i]);
			bad += l.len != strlen(want) || memcmp(l.text, want, l.len) != 0;
		}
	CHECK(bad == 0, "line: line_hex and line_dec print what %%0*x and %%0*u print (%d differ)", bad);
}

static void test_columns(void)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
			char want[128];
			struct line l;

			line_start(&l);
			line_put(&l, "|");
			line_left(&l, texts[i], widths[w]);
			line_put(&l, "|");
			line_right(&l, texts[i], widths[w]);
			snprintf(want, sizeof(want), "|%-*s|%*s", widths[w], texts[i], widths[w], texts[i]);
			bad += l.len != strlen(want) || memcmp(l.text, want, l.len) != 0;
		}
	CHECK(bad == 0, "line: line_left and line_right print what %%-*s and %%*s print (%d differ)", bad);
}

static void test_cut(void)
{
	struct line l;

	line_start(&l);
	for (int i = 0; i < 100; i++)
		line_left(&l, "0123456789", 30);
	CHECK(l.len == LINE_SIZE - 1, "line: text past LINE_SIZE - 1 is cut (%zu)", l.len);
	line_hex(&l, UINT64_MAX, 16);
	line_pad_to(&l, LINE_SIZE * 2);
	CHECK(l.len == LINE_SIZE - 1, "line: a full line takes no more digits or padding (%zu)", l.len);
}

int main(void)
{
	test_numbers();
	test_columns();
	test_cut();
	return 0;
}
