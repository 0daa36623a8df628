/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The statistics parsers on replies built in the kernel's layout: values,
 * missing and unknown attributes, fallback reasons, and truncated or
 * corrupted replies; and the -d rendering of fallback reasons. */
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "tests/unit/stats_msg.h"
#include "applets/objects/stats.h"

static const char *const sample = "{\"SMCR\": {\"SMC_INT_TX_BUF_64K\":2,\"SMC_USR_RX_BUF_G_1024K\":5,"
	"\"SMC_USR_RX_BUF_1024K\":1000,\"SMC_INT_TX_BUF_FULL_PEER_CNT\":504,\"SMC_INT_RX_BUF_DGRADE_CNT\":3,"
	"\"SMC_CLNT_V2_SUCC_CNT\":2,\"SMC_NDLY_CNT\":9,\"SMC_RX_BYTES\":18446744073709551615,"
	"\"SMC_TX_CNT\":257,\"SMC_RX_RMB_USAGE\":65536}}";

static struct dump_buf d;
static struct smc_stats st;

static void test_values(void)
{
	struct nl_error err;
	int missing = 0;

	d.len = 0;
	put_stats(&d, NULL, sample, 7, 11, &missing);
	memset(&st, 0, sizeof(st));
	CHECK(stats_parse(d.buf, d.len, &st, &err) == 0, "stats reply parsed");
	CHECK(st.tech[STATS_SMCR][ST_TX_RMB_SIZE + 3] == 2, "TX buffer histogram 64K");
	CHECK(st.tech[STATS_SMCR][ST_RX_PLOAD + 8] == 5 && st.tech[STATS_SMCR][ST_RX_PLOAD + 7] == 1000,
	      "RX request histogram 1024K and >1024K");
	CHECK(st.tech[STATS_SMCR][ST_TX_RMB + RMB_FULL_PEER] == 504, "TX buffer full (remote)");
	CHECK(st.tech[STATS_SMCR][ST_RX_RMB + RMB_DGRADE] == 3, "RX buffer downgrades");
	CHECK(st.tech[STATS_SMCR][ST_CLNT_V2_SUCC] == 2 && st.tech[STATS_SMCR][ST_NDLY] == 9, "scalar counters");
	CHECK(st.tech[STATS_SMCR][ST_RX_BYTES] == UINT64_MAX, "u64 counter at its maximum");
	CHECK(st.tech[STATS_SMCR][ST_RX_RMB_USAGE] == 65536, "buffer usage (attribute after TX_CNT)");
	CHECK(st.hs_err[STATS_CLIENT] == 7 && st.hs_err[STATS_SERVER] == 11, "handshake errors per side");
	CHECK(st.tech[STATS_SMCD][ST_TX_CNT] == 0 && st.tech[STATS_SMCR][ST_TX_CNT] == 257, "technologies apart");
}

/* An older kernel: a tech nest with one counter and nothing else. */
static void test_missing_and_unknown(void)
{
	struct nl_error err;
	struct nlmsghdr *nlh;
	struct nlattr *stats, *tech;

	d.len = 0;
	nlh = dump_msg(&d, SMC_NETLINK_GET_STATS);
	mnl_attr_put_u32(nlh, 99, 1);				/* unknown top-level */
	stats = mnl_attr_nest_start(nlh, SMC_GEN_STATS);
	tech = mnl_attr_nest_start(nlh, SMC_NLA_STATS_SMCD_TECH);
	mnl_attr_put_u64(nlh, SMC_NLA_STATS_T_RX_CNT, 42);
	mnl_attr_put_u32(nlh, SMC_NLA_STATS_T_TX_CNT + 3, 5);	/* newer than we know */
	mnl_attr_put(nlh, SMC_NLA_STATS_T_PAD, 0, NULL);
	mnl_attr_nest_end(nlh, tech);
	mnl_attr_put_u16(nlh, 77, 1);
	mnl_attr_nest_end(nlh, stats);
	dump_msg_end(&d, nlh);
	dump_done(&d);
	memset(&st, 0, sizeof(st));
	CHECK(stats_parse(d.buf, d.len, &st, &err) == 0 && st.tech[STATS_SMCD][ST_RX_CNT] == 42 &&
	      st.tech[STATS_SMCD][ST_TX_CNT] == 0 && st.hs_err[0] == 0, "missing counters are zero, unknown skipped");

	d.len = 0;
	nlh = dump_msg(&d, SMC_NETLINK_GET_STATS);
	stats = mnl_attr_nest_start(nlh, SMC_GEN_STATS);
	tech = mnl_attr_nest_start(nlh, SMC_NLA_STATS_SMCR_TECH);
	mnl_attr_put_u32(nlh, SMC_NLA_STATS_T_TX_CNT + 2, 4096);	/* NLA_UINT as 4 bytes */
	mnl_attr_nest_end(nlh, tech);
	mnl_attr_nest_end(nlh, stats);
	dump_msg_end(&d, nlh);
	dump_done(&d);
	memset(&st, 0, sizeof(st));
	CHECK(stats_parse(d.buf, d.len, &st, &err) == 0 && st.tech[STATS_SMCR][ST_TX_RMB_USAGE] == 4096,
	      "4-byte buffer usage accepted");
}

static void test_wrong_lengths(void)
{
	static const struct { uint16_t type; size_t len; const char *want; } bad[] = {
		{ SMC_NLA_STATS_T_RX_CNT, 4, "statistics counter: 4 bytes, expected 8" },
		{ SMC_NLA_STATS_T_RX_BYTES, 12, "12 bytes, expected 8" },
		{ SMC_NLA_STATS_T_CLNT_V1_SUCC, 0, "0 bytes" },
		{ SMC_NLA_STATS_T_TX_CNT + 1, 2, "buffer usage: 2 bytes, expected 8" },
		{ SMC_NLA_STATS_T_RXPLOAD_SIZE, 6, "malformed size histogram" },
	};
	static const char zeros[16];
	struct nl_error err;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct nlmsghdr *nlh;
		struct nlattr *stats, *tech;

		d.len = 0;
		nlh = dump_msg(&d, SMC_NETLINK_GET_STATS);
		stats = mnl_attr_nest_start(nlh, SMC_GEN_STATS);
		tech = mnl_attr_nest_start(nlh, SMC_NLA_STATS_SMCR_TECH);
		mnl_attr_put(nlh, bad[i].type, bad[i].len, zeros);
		mnl_attr_nest_end(nlh, tech);
		mnl_attr_nest_end(nlh, stats);
		dump_msg_end(&d, nlh);
		dump_done(&d);
		memset(&st, 0, sizeof(st));
		err.text[0] = '\0';
		CHECK(stats_parse(d.buf, d.len, &st, &err) < 0 && strstr(err.text, bad[i].want),
		      "attribute %u of %zu bytes refused: %s", bad[i].type, bad[i].len, err.text);
	}
}

/* Every prefix of a reply is an error with text, and so is every reply
 * whose length fields (message or attribute) are flipped or bent. */
static void test_truncated_and_corrupted(void)
{
	static struct dump_buf copy;
	struct nl_error err;
	size_t bad = 0, corrupted = 0, lengths = 0;
	int missing = 0;

	d.len = 0;
	put_stats(&d, sample, sample, 1, 2, &missing);
	for (size_t len = 0; len < d.len; len++) {
		memset(&st, 0, sizeof(st));
		err.text[0] = '\0';
		if (stats_parse(d.buf, len, &st, &err) == 0 || !err.text[0])
			bad++;
	}
	CHECK(bad == 0, "every one of %zu truncations of the stats reply is an error with text", d.len);

	/* Walk the attribute headers and corrupt each length field in turn. */
	for (size_t off = NLMSG_HDRLEN + GENL_HDRLEN; off + 4 <= d.len - NLMSG_HDRLEN - 4;) {
		struct nlattr *attr;
		static const uint16_t bends[] = { 0, 1, 3, 0xffff };

		for (size_t b = 0; b < sizeof(bends) / sizeof(bends[0]); b++) {
			copy = d;
			attr = (struct nlattr *)(copy.buf + off);
			if (attr->nla_len == bends[b])
				continue;
			attr->nla_len = bends[b];
			memset(&st, 0, sizeof(st));
			err.text[0] = '\0';
			lengths++;
			if (stats_parse(copy.buf, copy.len, &st, &err) == 0 || !err.text[0])
				corrupted++;
		}
		attr = (struct nlattr *)(d.buf + off);
		/* into nests, over leaves */
		off += (attr->nla_type & NLA_F_NESTED) ? NLA_HDRLEN : MNL_ALIGN(attr->nla_len);
	}
	CHECK(lengths > 300 && corrupted == 0, "all %zu bent attribute lengths are errors with text", lengths);

	copy = d;
	((struct nlmsghdr *)copy.buf)->nlmsg_len = (uint32_t)d.len + 8;
	CHECK(stats_parse(copy.buf, copy.len, &st, &err) < 0, "message length beyond the reply: %s", err.text);
	copy = d;
	((struct nlmsghdr *)copy.buf)->nlmsg_len = NLMSG_HDRLEN + 2;
	CHECK(stats_parse(copy.buf, copy.len, &st, &err) < 0, "message without room for its genl header: %s",
	      err.text);
	CHECK(stats_parse_fback(d.buf, d.len, &st, &err) < 0 && strstr(err.text, "unexpected"),
	      "stats reply fed to the fallback parser: %s", err.text);
}

static void test_fallbacks(void)
{
	struct nl_error err;
	size_t bad = 0;

	d.len = 0;
	put_fback(&d, 1, 0x03010000, 5, 1, 9, 120);
	put_fback(&d, 0, 0x03030008, 100, 0, 0, 0);
	put_fback(&d, 0, 0x03030042, 15, 0, 0, 0);
	put_fback(&d, 1, 0x03030007, 4, 0, 0, 0);
	put_fback(&d, 0, 0x05000000, 3, 0, 0, 0);
	put_fback(&d, 0, 0x03010000, 2, 0, 0, 0);
	dump_done(&d);
	memset(&st, 0, sizeof(st));
	CHECK(stats_parse_fback(d.buf, d.len, &st, &err) == 0, "fallback reply parsed");
	CHECK(st.fback[STATS_SERVER] == 9 && st.fback[STATS_CLIENT] == 120, "fallback totals per side");
	CHECK(st.reasons[STATS_SERVER] == 2 && st.reasons[STATS_CLIENT] == 4, "reasons per side");
	CHECK(st.reason[STATS_CLIENT][0].code == 0x03030008 && st.reason[STATS_CLIENT][0].count == 100,
	      "reason code and count");

	for (size_t len = 0; len < d.len; len++) {
		static struct smc_stats scratch;

		memset(&scratch, 0, sizeof(scratch));
		err.text[0] = '\0';
		if (stats_parse_fback(d.buf, len, &scratch, &err) == 0 || !err.text[0])
			bad++;
	}
	CHECK(bad == 0, "every one of %zu truncations of the fallback reply is an error with text", d.len);

	{
		static struct dump_buf one;
		struct nlmsghdr *nlh = dump_msg(&one, SMC_NETLINK_GET_FBACK_STATS);
		struct nlattr *nest = mnl_attr_nest_start(nlh, SMC_GEN_FBACK_STATS);
		static struct smc_stats scratch;

		mnl_attr_put_u32(nlh, SMC_NLA_FBACK_STATS_RSN_CODE, 0x03010000);
		mnl_attr_put_u32(nlh, SMC_NLA_FBACK_STATS_RSN_CNT, 1);
		mnl_attr_nest_end(nlh, nest);
		dump_msg_end(&one, nlh);
		dump_done(&one);
		CHECK(stats_parse_fback(one.buf, one.len, &scratch, &err) < 0 && strstr(err.text, "4 bytes, expected 2"),
		      "reason count of the wrong size: %s", err.text);
	}
}

static void test_fallback_text(void)
{
	/* The layout of the TCP fallback block under -d: totals per side, then
	 * per side (server first) the three most frequent reasons. */
	static const char want[] =
		"  TCP fallback                        129 (client 120, server 9)\n"
		"    Server\n"
		"     PEER_NO_SMC                        5\n"
		"     NOSMCD2DEV                         4\n"
		"    Client\n"
		"     NOUEID                           100\n"
		"     0x03030042                        15\n"
		"     PEERDECL                           3\n"
		"\n";
	char *got = NULL, *block;
	size_t len = 0;
	FILE *out = open_memstream(&got, &len);

	stats_print_text(out, &st, STATS_SMCR, 1);
	fclose(out);
	block = strstr(got, "  TCP fallback");
	CHECK(block && strncmp(block, want, strlen(want)) == 0, "-d names the top three reasons per side");
	CHECK(strstr(got, "  Total connections handled           129\n") != NULL,
	      "fallbacks count into the connections handled");
	free(got);
}

int main(void)
{
	test_values();
	test_missing_and_unknown();
	test_wrong_lengths();
	test_truncated_and_corrupted();
	test_fallbacks();
	test_fallback_text();
	return 0;
}
