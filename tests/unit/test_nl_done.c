/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The netlink core ends a dump at its NLMSG_DONE: nothing after it is read
 * (a dump that did not end there would wait on its socket forever). */
#include "netlink/nl.h"
#include "tests/unit/check.h"
#include "tests/unit/genl_msg.h"

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	(*(int *)data)++;
	return MNL_CB_OK;
}

int main(void)
{
	static struct dump_buf d;
	struct nl_error err;
	int messages = 0, rc;

	dump_msg_end(&d, dump_msg(&d, 1));
	dump_done(&d);
	dump_msg_end(&d, dump_msg(&d, 1));	/* after the end: never a message of this dump */
	rc = nl_parse_buffer(d.buf, d.len, count_cb, &messages, &err);
	CHECK(rc == 0 && messages == 1,
	      "nl core: a dump ends at NLMSG_DONE (%d messages read, want 1)", messages);
	return 0;
}
