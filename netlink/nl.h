/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The netlink core: sockets, generic netlink family lookup, requests and
 * dumps, kernel errors turned into text. It never prints. Every other file
 * under netlink/ builds on it; nothing outside netlink/ includes libmnl. */
#ifndef SMC_NL_H
#define SMC_NL_H

#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "netlink/error.h"


struct smc_nl {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	uint16_t family_id;	/* generic netlink family, 0 for other protocols */
	const char *family;
	char *buf;		/* the request */
	size_t buf_size;
	char *reply;		/* every datagram of one reply, grown as needed */
	size_t reply_size;
	struct nl_error *err;
};

/* Message callback: return MNL_CB_OK to go on, MNL_CB_ERROR (with err set)
 * to stop with an error. */
typedef int (*nl_msg_cb)(const struct nlmsghdr *nlh, void *data);

/* Open a generic netlink socket and resolve FAMILY. A missing family names
 * the kernel module to load. */
int nl_open_genl(struct smc_nl *nl, const char *family, struct nl_error *err);
/* Open a socket of another netlink protocol (NETLINK_SOCK_DIAG). */
int nl_open(struct smc_nl *nl, int protocol, struct nl_error *err);
void nl_close(struct smc_nl *nl);

/* A new request in nl->buf: a generic netlink header with CMD when the
 * socket is generic, else a bare nlmsghdr of TYPE. Attributes may be added
 * with mnl_attr_put*() before nl_transact(). */
struct nlmsghdr *nl_genl_request(struct smc_nl *nl, uint8_t cmd, uint16_t flags);
struct nlmsghdr *nl_request(struct smc_nl *nl, uint16_t type, uint16_t flags);

/* Send REQ, read the whole reply (until NLMSG_DONE or NLMSG_ERROR), then
 * run CB on every message. A dump the kernel marks interrupted
 * (NLM_F_DUMP_INTR) is asked for again, a few times at most. Returns 0, or
 * -1 with nl->err set. */
int nl_transact(struct smc_nl *nl, struct nlmsghdr *req, nl_msg_cb cb, void *data);

/* Send REQ and run CB on each datagram of the reply as it arrives: memory
 * stays one datagram however long the dump, for callers that print records
 * as they come (sock_diag). Such a dump cannot be asked for again once
 * printed: one the kernel marks interrupted is an error. Returns 0, or -1
 * with nl->err set. */
int nl_stream(struct smc_nl *nl, struct nlmsghdr *req, nl_msg_cb cb, void *data);

/* Run CB on every message in a buffer of recorded replies, validating the
 * framing as the socket path does: the parsers' entry for tests. */
int nl_parse_buffer(const void *buf, size_t len, nl_msg_cb cb, void *data, struct nl_error *err);

/* 0 if the attributes after OFFSET bytes of NLH's payload fill it exactly;
 * else -1 with err naming WHAT: libmnl's iterators stop quietly at an
 * attribute cut short, so parsers check first. */
int nl_attrs_check(const struct nlmsghdr *nlh, size_t offset, const char *what, struct nl_error *err);

/* Payload of a generic netlink message after its genlmsghdr. */
#define NL_GENL_HDRLEN sizeof(struct genlmsghdr)

#endif
