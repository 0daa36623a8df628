/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parsers on real kernel replies (tests/fixtures/stats-ueid-guest-6.12,
 * see its README), and on every truncation, every bent length field and
 * many flipped bytes of them: never a crash, always an error with text. */
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "tests/unit/genl_msg.h"
#include "applets/print/decline.h"
#include "netlink/stats.h"
#include "netlink/ueid.h"

#define DIR "tests/fixtures/stats-ueid-guest-6.12/"

typedef int (*parser)(const void *buf, size_t len, void *out, struct nl_error *err);

static int parse_stats(const void *buf, size_t len, void *out, struct nl_error *err)
{
	memset(out, 0, sizeof(struct smc_stats));
	return stats_parse(buf, len, out, err);
}

static int parse_fback(const void *buf, size_t len, void *out, struct nl_error *err)
{
	memset(out, 0, sizeof(struct smc_stats));
	return stats_parse_fback(buf, len, out, err);
}

static int parse_ueid(const void *buf, size_t len, void *out, struct nl_error *err)
{
	return ueid_parse(buf, len, out, err);
}

static char *fixture(const char *name, size_t *len)
{
	char path[256];
	char *buf;

	snprintf(path, sizeof(path), DIR "%s", name);
	buf = read_fixture(path, len);
	CHECK(buf != NULL, "%s readable", path);
	return buf;
}

/* Offsets of every attribute header in the messages of BUF, nests included. */
static size_t attr_offsets(const char *buf, size_t len, size_t *off, size_t max)
{
	size_t n = 0;

	for (size_t m = 0; m + NLMSG_HDRLEN <= len;) {
		const struct nlmsghdr *nlh = (const void *)(buf + m);
		size_t end = m + nlh->nlmsg_len;

		if (nlh->nlmsg_type >= NLMSG_MIN_TYPE)
			for (size_t a = m + NLMSG_HDRLEN + GENL_HDRLEN; a + NLA_HDRLEN <= end && n < max;) {
				const struct nlattr *attr = (const void *)(buf + a);

				off[n++] = a;
				a += (attr->nla_type & NLA_F_NESTED) ? NLA_HDRLEN : MNL_ALIGN(attr->nla_len);
			}
		m += MNL_ALIGN(nlh->nlmsg_len);
	}
	return n;
}

static void abuse(const char *name, parser parse, void *out)
{
	static char copy[4096] __attribute__((aligned(8)));
	size_t len, off[512], n, lengths = 0, bad = 0, flipped_bad = 0;
	char *buf = fixture(name, &len);
	struct nl_error err;
	uint32_t seed = 12345;

	if (!buf || len > sizeof(copy))
		return;
	for (size_t cut = 0; cut < len; cut++) {
		memcpy(copy, buf, cut);
		err.text[0] = '\0';
		if (parse(copy, cut, out, &err) == 0 || !err.text[0])
			bad++;
	}
	CHECK(bad == 0, "%s: each of its %zu truncations is an error with text", name, len);

	n = attr_offsets(buf, len, off, 512);
	bad = 0;
	for (size_t i = 0; i < n; i++) {
		static const uint16_t bends[] = { 0, 2, 3, 0x7fff, 0xffff };

		for (size_t b = 0; b < sizeof(bends) / sizeof(bends[0]); b++) {
			memcpy(copy, buf, len);
			if (((struct nlattr *)(copy + off[i]))->nla_len == bends[b])
				continue;
			((struct nlattr *)(copy + off[i]))->nla_len = bends[b];
			lengths++;
			err.text[0] = '\0';
			if (parse(copy, len, out, &err) == 0 || !err.text[0])
				bad++;
		}
	}
	if (n)
		CHECK(bad == 0, "%s: each of %zu bent attribute lengths (%zu attributes) is an error", name,
		      lengths, n);

	/* Random byte flips may still leave a well-formed reply: then it must
	 * parse; otherwise there must be text. Either way, no crash. */
	for (int i = 0; i < 2000; i++) {
		memcpy(copy, buf, len);
		seed = seed * 1103515245 + 12345;
		copy[(seed >> 8) % len] ^= (char)(1u << ((seed >> 4) % 8));
		err.text[0] = '\0';
		if (parse(copy, len, out, &err) < 0 && !err.text[0])
			flipped_bad++;
	}
	CHECK(flipped_bad == 0, "%s: 2000 single-bit flips: no crash, every failure explained", name);
	free(buf);
}

static void test_values(void)
{
	static struct smc_stats st;
	static struct ueid_table t;
	struct nl_error err;
	char *buf, name[DECLINE_NAME_LEN];
	size_t len;
	bool zero = true;

	buf = fixture("dump_ueid-two.bin", &len);
	CHECK(buf && ueid_parse(buf, len, &t, &err) == 0 && t.count == 2 &&
	      strcmp(t.id[0], "SMC-TEST-UEID-1                 ") == 0 &&
	      strcmp(t.id[1], "A.2-X                           ") == 0, "real UEID dump: both UEIDs, padded");
	free(buf);

	buf = fixture("get_stats-idle.bin", &len);
	memset(&st, 0, sizeof(st));
	CHECK(buf && stats_parse(buf, len, &st, &err) == 0, "real idle stats parsed");
	for (int tech = 0; tech < STATS_TECHS; tech++)
		for (int i = 0; i < ST_COUNT; i++)
			zero = zero && st.tech[tech][i] == 0;
	CHECK(zero && !st.hs_err[0] && !st.hs_err[1], "idle: every counter zero");
	free(buf);
	buf = fixture("get_fback_stats-idle.bin", &len);
	CHECK(buf && stats_parse_fback(buf, len, &st, &err) == 0 && !st.reasons[0] && !st.reasons[1] &&
	      !st.fback[0] && !st.fback[1], "idle fallback dump: NLMSG_DONE only, nothing");
	free(buf);

	buf = fixture("get_fback_stats-fallbacks.bin", &len);
	memset(&st, 0, sizeof(st));
	CHECK(buf && stats_parse_fback(buf, len, &st, &err) == 0, "real fallback stats parsed");
	CHECK(st.fback[STATS_SERVER] == 5 && st.fback[STATS_CLIENT] == 5, "5 fallbacks per side");
	CHECK(st.reasons[STATS_SERVER] == 1 && st.reason[STATS_SERVER][0].count == 5 &&
	      strcmp(decline_name(st.reason[STATS_SERVER][0].code, name), "PEERDECL") == 0, "server: 5 x PEERDECL");
	CHECK(st.reasons[STATS_CLIENT] == 1 && st.reason[STATS_CLIENT][0].count == 5 &&
	      strcmp(decline_name(st.reason[STATS_CLIENT][0].code, name), "NOSMCDEV") == 0, "client: 5 x NOSMCDEV");
	free(buf);
}

int main(void)
{
	static struct smc_stats st;
	static struct ueid_table t;

	test_values();
	abuse("dump_ueid-two.bin", parse_ueid, &t);
	abuse("get_stats-idle.bin", parse_stats, &st);
	abuse("get_stats-fallbacks.bin", parse_stats, &st);
	abuse("get_fback_stats-fallbacks.bin", parse_fback, &st);
	abuse("get_fback_stats-idle.bin", parse_fback, &st);
	return 0;
}
