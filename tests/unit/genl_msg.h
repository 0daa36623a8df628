/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Building SMC_GEN_NETLINK replies in tests, laid out as the kernel sends
 * them: generic netlink messages of one dump, then NLMSG_DONE. */
#ifndef SMC_TEST_GENL_MSG_H
#define SMC_TEST_GENL_MSG_H

#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#define TEST_FAMILY_ID 0x1d

struct dump_buf {
	char buf[16384] __attribute__((aligned(8)));
	size_t len;
};

static inline struct nlmsghdr *dump_msg(struct dump_buf *d, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(d->buf + d->len);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = TEST_FAMILY_ID;
	nlh->nlmsg_flags = NLM_F_MULTI;
	nlh->nlmsg_seq = 7;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

static inline void dump_msg_end(struct dump_buf *d, struct nlmsghdr *nlh)
{
	d->len += MNL_ALIGN(nlh->nlmsg_len);
}

static inline void dump_done(struct dump_buf *d)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(d->buf + d->len);
	int *status;

	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI;
	nlh->nlmsg_seq = 7;
	status = mnl_nlmsg_put_extra_header(nlh, sizeof(*status));
	*status = 0;
	d->len += nlh->nlmsg_len;
}

#endif
