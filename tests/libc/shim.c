/* SPDX-License-Identifier: GPL-2.0-or-later */
/* compat/libmnl_musl.c against glibc: built once with glibc (its own
 * __fprintf_chk and class table) and once with musl and the shim; the two
 * outputs must be the same (tests/libc/run). Prints the class table for
 * every char value and libmnl's dump of a message with printable and
 * unprintable payload bytes. */
#include <libmnl/libmnl.h>
#include <stdio.h>

const unsigned short **__ctype_b_loc(void);

int main(void)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	const unsigned short *classes = *__ctype_b_loc();

	for (int c = -128; c < 256; c++)
		printf("class %d: %#06x\n", c, classes[c]);
	nlh->nlmsg_type = 16;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = 7;
	mnl_attr_put_strz(nlh, 1, "smc-R ~!\x7f\x80\xff");
	mnl_attr_put_u64(nlh, 2, 0x0123456789abcdefULL);
	mnl_nlmsg_fprintf(stdout, buf, nlh->nlmsg_len, 0);
	return ferror(stdout) != 0;
}
