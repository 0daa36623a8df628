/* Replies of the SMC_GEN_NETLINK family: strict attribute walking shared by
 * the parsers under netlink/. libmnl's own iterator stops quietly at a
 * truncated attribute; these helpers report it, so a cut or corrupted
 * reply is an error, never a silently shorter result. */
#ifndef SMC_NETLINK_SMC_GEN_H
#define SMC_NETLINK_SMC_GEN_H

#include <stdint.h>
#include <linux/smc.h>

#include "netlink/nl.h"

/* Called for every attribute of a walk: 0 to go on, -1 with err set. */
typedef int (*gen_attr_cb)(const struct nlattr *attr, void *data, struct nl_error *err);

/* The attributes of a generic netlink message whose command must be CMD. */
int gen_msg_walk(const struct nlmsghdr *nlh, uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err);
/* The attributes nested in NEST, which WHAT names in error messages. */
int gen_nest_walk(const struct nlattr *nest, const char *what, gen_attr_cb cb, void *data, struct nl_error *err);

/* Recorded replies of one dump (all its datagrams, concatenated): the
 * framing is checked to the last byte and the dump must end with its
 * NLMSG_DONE (or an error), so a cut recording is an error, not less data.
 * Then CB runs on every message as nl_parse_buffer() does. */
int gen_parse_dump(const void *buf, size_t len, nl_msg_cb cb, void *data, struct nl_error *err);

/* Payload readers that check the attribute's length first. */
int gen_get_u64(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err);
/* NLA_UINT: 4 or 8 bytes, as the kernel's nla_put_uint() chooses. */
int gen_get_uint(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err);

/* Open the SMC_GEN_NETLINK family, send CMD with FLAGS (and the string
 * attribute ATTR_TYPE when ATTR_STR is set) and run CB on every reply.
 * Returns 0, GEN_ERR_OPEN when the family is missing (err names the fix),
 * or GEN_ERR_REQUEST when the request failed (err->code is the kernel's). */
enum { GEN_ERR_OPEN = -1, GEN_ERR_REQUEST = -2 };
int gen_request(uint8_t cmd, uint16_t flags, uint16_t attr_type, const char *attr_str,
		nl_msg_cb cb, void *data, struct nl_error *err);

#endif
