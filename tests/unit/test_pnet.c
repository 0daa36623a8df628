/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_pnet on SMC_PNETID_GET replies built as the kernel's
 * smc_pnet_set_nla() lays them out: one line per entry as smc-tools prints
 * them, JSON checked by python, the PNETID rule, and cut or corrupted
 * replies refused without a crash. */
#include <errno.h>
#include <string.h>

#include "applets/smc_pnet.h"
#include "netlink/nl.h"
#include "netlink/pnet.h"
#include "tests/unit/capture.h"
#include "tests/unit/check.h"
#include "tests/unit/genl_msg.h"

static struct dump_buf d;

static void put_entry(size_t *len, uint8_t cmd, const char *pnetid, const char *eth, const char *ib, uint8_t port)
{
	struct nlmsghdr *nlh;

	d.len = *len;
	nlh = dump_msg(&d, cmd);
	if (pnetid)
		mnl_attr_put_strz(nlh, SMC_PNETID_NAME, pnetid);
	mnl_attr_put_strz(nlh, SMC_PNETID_ETHNAME, eth);
	mnl_attr_put_strz(nlh, SMC_PNETID_IBNAME, ib);
	mnl_attr_put_u8(nlh, SMC_PNETID_IBPORT, port);
	dump_msg_end(&d, nlh);
	*len = d.len;
}

static void put_done(size_t *len)
{
	d.len = *len;
	dump_done(&d);
	*len = d.len;
}

/* An interface entry, a RoCE device entry and an ISM device entry. */
static size_t table(void)
{
	size_t len = 0;

	put_entry(&len, SMC_PNETID_GET, "NET1", "eth0", "n/a", 0xff);
	put_entry(&len, SMC_PNETID_GET, "NET1", "n/a", "rxe0", 1);
	put_entry(&len, SMC_PNETID_GET, "NET2", "n/a", "loopback-ism", 1);
	put_done(&len);
	return len;
}

static char *show(const char *arg, size_t len, int *rc)
{
	char *argv[] = { "smc_pnet", (char *)arg, NULL };
	struct pnet_opts opts;
	struct nl_error err;
	struct capture cap;

	if (pnet_parse_args(arg ? 2 : 1, argv, &opts) != -1)
		return NULL;
	capture_start(&cap);
	*rc = pnet_print(&opts, d.buf, len, &err);
	return capture_end(&cap, NULL);
}

static void test_show(void)
{
	size_t len = table();
	int rc = -1;
	char *text = show(NULL, len, &rc);

	CHECK(rc == 0 && text && strcmp(text, "NET1 eth0 n/a 255\nNET1 n/a rxe0 1\nNET2 n/a loopback-ism 1\n") == 0,
	      "the table prints one \"PNETID interface device port\" line per entry");
	free(text);
	text = show("-j", len, &rc);
	CHECK(rc == 0 && text && json_valid(text) &&
	      strcmp(text, "{\"pnet_table\":[{\"pnetid\":\"NET1\",\"ethname\":\"eth0\"},"
			   "{\"pnetid\":\"NET1\",\"ibname\":\"rxe0\",\"ibport\":1},"
			   "{\"pnetid\":\"NET2\",\"ibname\":\"loopback-ism\",\"ibport\":1}]}\n") == 0,
	      "smc_pnet -j: valid JSON, the placeholders n/a and 255 left out");
	free(text);

	len = 0;
	put_done(&len);
	text = show("-s", len, &rc);
	CHECK(rc == 0 && text && !*text, "an empty table prints nothing (as smc_pnet -s in the reference)");
	free(text);
	text = show("--json", len, &rc);
	CHECK(rc == 0 && text && strcmp(text, "{\"pnet_table\":[]}\n") == 0, "an empty table in JSON is {\"pnet_table\":[]}");
	free(text);
}

static void prepare(const char *name, const char *want)
{
	char id[PNETID_MAX_LEN + 1] = "";
	struct nl_error err = { 0 };
	int rc = pnetid_prepare(name, id, &err);

	if (want)
		CHECK(rc == 0 && strcmp(id, want) == 0, "PNETID \"%s\" is taken as \"%s\"", name, want);
	else
		CHECK(rc < 0 && err.code == EINVAL, "PNETID \"%s\" is refused: %s", name, err.text);
}

static void test_pnetid(void)
{
	prepare("NET1", "NET1");
	prepare("net1", "NET1");
	prepare("Abc09xyZ", "ABC09XYZ");
	prepare("1234567890ABCDEF", "1234567890ABCDEF");
	prepare("", NULL);
	prepare("1234567890ABCDEFG", NULL);
	prepare("NET_1", NULL);
	prepare("NET 1", NULL);
	prepare(" NET1", NULL);
	prepare("N\xc3\x89T", NULL);
}

static int count_cb(const struct pnet_entry *e, void *data, struct nl_error *err)
{
	(*(int *)data)++;
	return 0;
}

static int parse(size_t len, struct nl_error *err)
{
	char *copy = malloc(len ? len : 1);
	int n = 0, rc;

	memcpy(copy, d.buf, len);
	rc = pnet_parse(copy, len, count_cb, &n, err);
	free(copy);
	return rc < 0 ? -1 : n;
}

static void expect_refused(size_t len, const char *what)
{
	struct nl_error err = { 0 };
	int n = parse(len, &err);

	CHECK(n == -1 && err.code == EBADMSG, "%s is refused: %s", what, err.text);
}

static void test_malformed(void)
{
	size_t len = table(), first = ((struct nlmsghdr *)d.buf)->nlmsg_len;
	struct nlmsghdr *nlh = (struct nlmsghdr *)d.buf;
	int refused = 0, wrong = 0, tried = 0, bad_len = 0;
	struct nl_error err;

	for (size_t cut = 0; cut < len; cut++) {
		int n = parse(cut, &err);
		bool boundary = cut == first || cut == 2 * first ||
				cut == 2 * first + ((struct nlmsghdr *)(d.buf + 2 * first))->nlmsg_len;

		if (n < 0)
			refused++;
		else if (!boundary)
			wrong++;
	}
	CHECK(wrong == 0 && refused == (int)len - 3,
	      "all %zu cuts of a 3-entry table refused but the 3 between messages (%d refused, %d wrong)", len,
	      refused, wrong);

	for (size_t off = sizeof(*nlh) + GENL_HDRLEN; off < first;) {
		struct nlattr *attr = (struct nlattr *)(d.buf + off);
		uint16_t orig = attr->nla_len;
		uint16_t bad[] = { 0, 3, 4, (uint16_t)(orig - 1), (uint16_t)(first - off + 1), 0xffff,
				   (uint16_t)((orig << 8) | (orig >> 8)) };

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			attr->nla_len = bad[i];
			tried++;
			if (parse(len, &err) == -1)
				bad_len++;
			else
				printf("# attribute %u nla_len %u -> %u accepted\n", attr->nla_type, orig, bad[i]);
		}
		attr->nla_len = orig;
		off += MNL_ALIGN(orig);
	}
	CHECK(tried > 0 && bad_len == tried, "%d corrupted nla_len values refused out of %d", bad_len, tried);

	len = 0;
	put_entry(&len, SMC_PNETID_GET, NULL, "eth0", "n/a", 0xff);
	expect_refused(len, "an entry without PNETID");
	len = 0;
	put_entry(&len, SMC_PNETID_ADD, "NET1", "eth0", "n/a", 0xff);
	expect_refused(len, "a reply of another command");
	len = 0;
	put_entry(&len, SMC_PNETID_GET, "NET1", "an-interface-name-too-long", "n/a", 0xff);
	expect_refused(len, "an interface name longer than IFNAMSIZ");
	len = 0;
	put_entry(&len, SMC_PNETID_GET, "NET1", "eth0", "n/a", 0xff);
	*((char *)d.buf + sizeof(*nlh) + GENL_HDRLEN + 4 + 4) = 'X';	/* the PNETID's NUL */
	expect_refused(len, "a PNETID without its NUL");
}

/* A real kernel's table: tests/fixtures/guest-pnet (see its README). */
static void test_fixture(void)
{
	size_t len0, len1;
	char *part0 = read_fixture("tests/fixtures/guest-pnet/pnetid_get.0", &len0);
	char *part1 = read_fixture("tests/fixtures/guest-pnet/pnetid_get.1", &len1);
	int rc = -1;
	char *text = NULL;

	if (part0 && part1 && len0 + len1 <= sizeof(d.buf)) {
		memcpy(d.buf, part0, len0);
		memcpy(d.buf + len0, part1, len1);
		text = show(NULL, len0 + len1, &rc);
	}
	CHECK(rc == 0 && text && strcmp(text, "NET1 lo n/a 255\nNET2 eth9 n/a 255\nNET3 n/a rxe0 2\n") == 0,
	      "6.12 PNET table: the three entries added, net2 upper-cased, placeholders as the kernel sent them");
	free(text);
	rc = -1;
	text = part0 && part1 ? show("-j", len0 + len1, &rc) : NULL;
	CHECK(rc == 0 && text && json_valid(text), "6.12 PNET table as JSON is valid");
	free(text);
	free(part0);
	free(part1);
}

int main(void)
{
	test_show();
	test_pnetid();
	test_malformed();
	test_fixture();
	return 0;
}
