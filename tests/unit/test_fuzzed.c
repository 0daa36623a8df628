/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Corrupted replies the fuzz targets (tests/fuzz) found crashing or
 * hanging the parsers: a message length above INT_MAX sent libmnl's walk
 * out of the buffer, one whose alignment wraps to 0 kept it in place
 * forever, and an error message carrying INT_MIN overflowed its negation.
 * Each must be refused with a message. */
#include <string.h>
#include <linux/smc.h>

#include "netlink/device.h"
#include "netlink/diag.h"
#include "netlink/nl.h"
#include "netlink/seid.h"
#include "tests/unit/check.h"

/* One message claiming 0xffffff14 bytes (fuzz target diag). */
static const unsigned char huge_len[] = {
	0x14, 0xff, 0xff, 0xff, 0xff, 0x00, 0x02, 0x00, 0xce, 0x00, 0x00, 0x00, 0xcd, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
};
/* An error message, then one claiming 0xa9ce000d bytes (fuzz target seid). */
static const unsigned char huge_len_second[] = {
	0x14, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x23, 0xab, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
	0xa9, 0x00, 0x00, 0x01, 0x0d, 0x00, 0xce, 0xa9, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0d, 0x01,
	0x00, 0x23, 0x00, 0xa9, 0x00, 0x00,
};
/* An error message, then one claiming 0xffffffff bytes, which aligns to 0
 * (fuzz target dev_smcd: a timeout). */
static const unsigned char len_aligns_to_zero[] = {
	0x14, 0x00, 0x00, 0x00, 0x02, 0x00, 0x12, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x25,
	0x00, 0x00, 0x32, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0x2a, 0xff, 0x09, 0x00,
};

/* NLMSG_ERROR with error INT_MIN (fuzz target dev_smcd). */
static const unsigned char error_int_min[] = {
	0x24, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14,
	0x00, 0x00, 0x00, 0xea,
};

/* NLMSG_ERROR of 42 bytes, its padding missing from the datagram, with an
 * extended ack string that ends in that padding (fuzz target dev_smcd). */
static const unsigned char error_unpadded[] = {
	0x2a, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x13, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
	0xfb, 0xf6, 0xff, 0xff, 0xff, 0xf7, 0x09, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x4b, 0x06,
	0x00, 0x01, 0x00, 0xff, 0x08, 0x00, 0x01, 0x00, 0xff, 0x08, 0x10,
};

static int no_msg(const struct nlmsghdr *nlh, void *data)
{
	return MNL_CB_OK;
}

static int no_sock(const struct smc_diag_sock *sock, void *data, struct nl_error *err)
{
	return 0;
}

/* The core refuses BUF before any parser sees it. */
static void check_core(const char *name, const void *buf, size_t len)
{
	struct nl_error err = { 0 };
	int rc = nl_parse_buffer(buf, len, no_msg, NULL, &err);

	CHECK(rc < 0 && err.text[0], "fuzzed: %s refused by the netlink core: %s", name, err.text);
}

int main(void)
{
	struct smc_recorded rec = { len_aligns_to_zero, sizeof(len_aligns_to_zero) };
	struct smc_list devs = SMC_LIST_INIT(struct smc_dev);
	struct nl_error err = { 0 };
	struct smc_seid seid;

	check_core("a length above INT_MAX", huge_len, sizeof(huge_len));
	check_core("a second message's length above INT_MAX", huge_len_second, sizeof(huge_len_second));
	check_core("a length that aligns to 0", len_aligns_to_zero, sizeof(len_aligns_to_zero));
	check_core("an error message with error INT_MIN", error_int_min, sizeof(error_int_min));
	check_core("a last message without its padding", error_unpadded, sizeof(error_unpadded));

	CHECK(smc_diag_parse(huge_len, sizeof(huge_len), no_sock, NULL, &err) < 0 && err.text[0],
	      "fuzzed: smcss refuses a length above INT_MAX: %s", err.text);
	rec = (struct smc_recorded){ huge_len_second, sizeof(huge_len_second) };
	CHECK(smc_seid_read(&rec, &seid, &err) < 0 && err.text[0],
	      "fuzzed: the SEID reader refuses a second length above INT_MAX: %s", err.text);
	rec = (struct smc_recorded){ len_aligns_to_zero, sizeof(len_aligns_to_zero) };
	CHECK(smc_dev_read(&rec, 1, &devs, &err) < 0 && err.text[0] && devs.count == 0,
	      "fuzzed: the SMC-D device reader refuses a length that aligns to 0: %s", err.text);
	rec = (struct smc_recorded){ error_int_min, sizeof(error_int_min) };
	CHECK(smc_dev_read(&rec, 1, &devs, &err) < 0 && strstr(err.text, "malformed") && devs.count == 0,
	      "fuzzed: the SMC-D device reader refuses error INT_MIN: %s", err.text);
	return 0;
}
