/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading SMC_GEN_NETLINK replies into plain structs, for the readers under
 * netlink/ (never applets: this brings libmnl). A policy says where each
 * attribute goes; every attribute is checked for type and length, unknown
 * ones are skipped, missing ones stay zero, and a reply that does not add
 * up is an error. */
#ifndef SMC_NETLINK_POLICY_H
#define SMC_NETLINK_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "netlink/nl.h"
#include "netlink/reply.h"

/* One attribute of a policy: where its value goes in the output struct.
 * Integers (MNL_TYPE_U8..U64) must have exactly their size and land in a
 * field of SIZE bytes (1, 2, 4 or 8); NUL strings must be one string and
 * its NUL, fitting in SIZE bytes; a nested attribute is parsed with NEST
 * into the struct at OFFSET. */
struct nl_field {
	uint16_t type;
	uint8_t kind;			/* enum mnl_attr_data_type */
	uint16_t offset;
	uint16_t size;
	const struct nl_policy *nest;
};

struct nl_policy {
	const char *name;		/* names the nest in error messages */
	const struct nl_field *fields;
	size_t count;
};

#define NL_POLICY(name, fields) { name, fields, sizeof(fields) / sizeof((fields)[0]) }
#define NL_FIELD(type, kind, st, member) \
	{ type, kind, offsetof(st, member), sizeof(((st *)0)->member), NULL }
#define NL_NEST(type, st, member, policy) \
	{ type, MNL_TYPE_NESTED, offsetof(st, member), sizeof(((st *)0)->member), policy }

/* Fill OUT (zeroed by the caller) from the attributes in NEST. */
int nl_parse_nest(const struct nlattr *nest, const struct nl_policy *policy, void *out, struct nl_error *err);

/* Called for every top-level attribute of every reply message; returns 0
 * or -1 with ERR set. */
typedef int (*nl_attr_fn)(const struct nlattr *attr, void *data, struct nl_error *err);

/* Dump CMD of SMC_GEN_NETLINK through FN, or run FN on REC when not NULL.
 * The top-level attributes are the SMC_GEN_* nests; the replies of
 * SMC_NETLINK_GET_LINK_SMCR come as GET_LGR_SMCR and GET_LINK_SMCR messages. */
int smc_gen_read(const struct smc_recorded *rec, uint8_t cmd, nl_attr_fn fn, void *data, struct nl_error *err);
/* The same for replies whose attributes are not nested (SEID, handshake
 * limitation): parsed with POLICY into OUT (zeroed by the caller). */
int smc_gen_read_flat(const struct smc_recorded *rec, uint8_t cmd, const struct nl_policy *policy, void *out,
		      struct nl_error *err);
/* Send CMD without attributes and wait for the kernel's acknowledgement;
 * a kernel without the command says EOPNOTSUPP, named in ERR's text. */
int smc_gen_do(uint8_t cmd, struct nl_error *err);

#endif
