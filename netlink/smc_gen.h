/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Requests and replies of the SMC_GEN_NETLINK family, shared by the parsers
 * under netlink/. Attributes are walked strictly: libmnl's own iterator
 * stops quietly at a truncated attribute, these helpers report it, so a cut
 * or corrupted reply is an error, never a silently shorter result. */
#ifndef SMC_NETLINK_SMC_GEN_H
#define SMC_NETLINK_SMC_GEN_H

#include <stdint.h>
#include <linux/smc.h>

#include "netlink/nl.h"

/* Called for every attribute of a walk: 0 to go on, -1 with err set. */
typedef int (*gen_attr_cb)(const struct nlattr *attr, void *data, struct nl_error *err);

/* Dump CMD from the kernel and run CB on the top-level attributes of every
 * reply message. Returns 0 or -1 with err set. */
int gen_dump(uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err);

/* Several requests on one socket, the family resolved once: gen_open(),
 * then gen_dump_on() per dump (0 or -1 with nl->err set), then nl_close(). */
int gen_open(struct smc_nl *nl, struct nl_error *err);
int gen_dump_on(struct smc_nl *nl, uint8_t cmd, gen_attr_cb cb, void *data);

/* The same over recorded replies of one dump (its datagrams concatenated):
 * the framing is checked to the last byte and the dump must end with its
 * NLMSG_DONE (or an error), so a cut recording is an error, not less data. */
int gen_parse_dump(const void *buf, size_t len, uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err);

/* Send the change request CMD, with the string attribute ATTR_TYPE when
 * ATTR_STR is set, and wait for the kernel's acknowledgement. Returns 0,
 * GEN_ERR_OPEN when the family is missing (err names the fix), or
 * GEN_ERR_REQUEST when the kernel refused (err->code is its errno). */
enum { GEN_ERR_OPEN = -1, GEN_ERR_REQUEST = -2 };
int gen_do(uint8_t cmd, uint16_t attr_type, const char *attr_str, struct nl_error *err);

/* The attributes nested in NEST, which WHAT names in error messages. */
int gen_nest_walk(const struct nlattr *nest, const char *what, gen_attr_cb cb, void *data, struct nl_error *err);

/* Payload readers that check the attribute's length first. */
int gen_get_fixed(const struct nlattr *attr, const char *what, void *out, size_t size, struct nl_error *err);
int gen_get_u64(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err);
/* NLA_UINT: 4 or 8 bytes, as the kernel's nla_put_uint() chooses. */
int gen_get_uint(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err);

#endif
