/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The UEID dump parser on replies built as the kernel sends them, and the
 * name check done before any request. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"
#include "tests/unit/genl_msg.h"
#include "netlink/ueid.h"

static void put_entries(struct dump_buf *d, const char *const *ids, size_t n)
{
	d->len = 0;
	for (size_t i = 0; i < n; i++) {
		struct nlmsghdr *nlh = dump_msg(d, SMC_NETLINK_DUMP_UEID);

		mnl_attr_put_strz(nlh, SMC_NLA_EID_TABLE_ENTRY, ids[i]);
		dump_msg_end(d, nlh);
	}
	dump_done(d);
}

static const char *const two[] = { "SMC-TEST-UEID-1                 ", "A.B-9                           " };

static void test_dump(void)
{
	static struct dump_buf d;
	struct ueid_table t;
	struct nl_error err;

	put_entries(&d, two, 2);
	CHECK(ueid_parse(d.buf, d.len, &t, &err) == 0 && t.count == 2, "two UEIDs parsed");
	CHECK(strcmp(t.id[0], two[0]) == 0 && strcmp(t.id[1], two[1]) == 0, "UEIDs kept blank-padded, in order");

	{
		size_t len;
		char *want = read_fixture("tests/golden/b-smcr-ueid-show.txt", &len);

		CHECK(want && len == strlen(two[0]) + 1 && strncmp(want, t.id[0], len - 1) == 0,
		      "the entry as parsed is the line smc-tools printed (tests/golden/b-smcr-ueid-show.txt)");
		free(want);
	}

	put_entries(&d, two, 0);
	CHECK(ueid_parse(d.buf, d.len, &t, &err) == 0 && t.count == 0, "empty UEID table");
}

static void test_truncated(void)
{
	static struct dump_buf d;
	struct ueid_table t;
	struct nl_error err;
	size_t bad = 0;

	put_entries(&d, two, 2);
	for (size_t len = 0; len < d.len; len++) {
		err.text[0] = '\0';
		if (ueid_parse(d.buf, len, &t, &err) == 0 || !err.text[0])
			bad++;
	}
	CHECK(bad == 0, "every one of %zu truncations is an error with text", d.len);
}

static void test_corrupt(void)
{
	static struct dump_buf d;
	struct ueid_table t;
	struct nl_error err;
	struct nlattr *attr = (struct nlattr *)(d.buf + NLMSG_HDRLEN + GENL_HDRLEN);
	struct nlmsghdr *nlh = (struct nlmsghdr *)d.buf;
	const char *one[] = { "AB" };

	put_entries(&d, two, 2);
	attr->nla_len = 200;
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0 && strstr(err.text, "claims 200 bytes"),
	      "attribute longer than its message: %s", err.text);
	attr->nla_len = 2;
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0, "attribute shorter than its header: %s", err.text);

	put_entries(&d, two, 2);
	nlh->nlmsg_len = 4000;
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0, "message longer than the buffer: %s", err.text);
	nlh->nlmsg_len = 3;
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0, "message shorter than its header: %s", err.text);

	put_entries(&d, one, 1);
	memset(mnl_attr_get_payload(attr), 'A', 3);	/* "AAA" and no NUL */
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0 && strstr(err.text, "not a string"),
	      "entry without its NUL: %s", err.text);

	put_entries(&d, one, 1);
	((char *)mnl_attr_get_payload(attr))[1] = '\n';
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0 && strstr(err.text, "0x0a"),
	      "entry with a control character: %s", err.text);

	put_entries(&d, one, 1);
	((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->cmd = SMC_NETLINK_DUMP_SEID;
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0 && strstr(err.text, "unexpected"),
	      "reply of another command: %s", err.text);
}

static void test_oversized_and_unknown(void)
{
	static struct dump_buf d;
	struct ueid_table t;
	struct nl_error err;
	struct nlmsghdr *nlh;
	char long_id[SMC_MAX_EID_LEN + 2];

	d.len = 0;
	nlh = dump_msg(&d, SMC_NETLINK_DUMP_UEID);
	mnl_attr_put_u32(nlh, 77, 1);
	mnl_attr_put_strz(nlh, SMC_NLA_EID_TABLE_ENTRY, "X1");
	dump_msg_end(&d, nlh);
	dump_done(&d);
	CHECK(ueid_parse(d.buf, d.len, &t, &err) == 0 && t.count == 1 && strcmp(t.id[0], "X1") == 0,
	      "unknown attribute skipped");

	memset(long_id, 'A', sizeof(long_id) - 1);
	long_id[sizeof(long_id) - 1] = '\0';
	d.len = 0;
	nlh = dump_msg(&d, SMC_NETLINK_DUMP_UEID);
	mnl_attr_put_strz(nlh, SMC_NLA_EID_TABLE_ENTRY, long_id);
	dump_msg_end(&d, nlh);
	dump_done(&d);
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0, "33-character entry refused: %s", err.text);

	d.len = 0;
	for (int i = 0; i <= UEID_TABLE_SIZE; i++) {
		nlh = dump_msg(&d, SMC_NETLINK_DUMP_UEID);
		mnl_attr_put_strz(nlh, SMC_NLA_EID_TABLE_ENTRY, "A");
		dump_msg_end(&d, nlh);
	}
	dump_done(&d);
	CHECK(ueid_parse(d.buf, d.len, &t, &err) < 0 && strstr(err.text, "more than"),
	      "more entries than the table holds: %s", err.text);
}

static void test_prepare(void)
{
	static const struct { const char *name, *want; } bad[] = {
		{ "", "empty" },
		{ "   ", "empty" },
		{ "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "33 characters" },
		{ "abc", "character 1 ('a') is lower case" },
		{ "AbC", "character 2 ('b') is lower case" },
		{ ".ABC", "begin with an upper-case letter or a digit, not '.'" },
		{ "-ABC", "not '-'" },
		{ "AB C", "character 3 (' ')" },
		{ "AB_C", "character 3 ('_')" },
		{ "AB\tC", "byte 0x09" },
		{ "\xc3\x84" "B", "byte 0xc3" },
		{ "A..B", "characters 2 and 3 are consecutive dots ('..')" },
		{ "A.B-C...", "characters 6 and 7 are consecutive dots" },
	};
	char padded[SMC_MAX_EID_LEN + 1];
	struct nl_error err;

	CHECK(ueid_prepare("SMC-TEST-UEID-1", padded, &err) == 0 &&
	      strcmp(padded, "SMC-TEST-UEID-1                 ") == 0, "valid UEID padded with blanks to 32");
	CHECK(ueid_prepare("9.A-B  ", padded, &err) == 0 && strncmp(padded, "9.A-B ", 6) == 0 &&
	      strlen(padded) == SMC_MAX_EID_LEN, "trailing blanks are padding");
	CHECK(ueid_prepare("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", padded, &err) == 0 &&
	      strlen(padded) == SMC_MAX_EID_LEN, "32 characters allowed");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.text[0] = '\0';
		CHECK(ueid_prepare(bad[i].name, padded, &err) < 0 && err.code == EINVAL &&
		      strstr(err.text, bad[i].want), "UEID check %zu: \"%s\" names \"%s\"", i, err.text,
		      bad[i].want);
	}
}

int main(void)
{
	test_dump();
	test_truncated();
	test_corrupt();
	test_oversized_and_unknown();
	test_prepare();
	return 0;
}
