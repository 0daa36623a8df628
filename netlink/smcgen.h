/* Requests to the SMC_GEN_NETLINK family and the strict attribute parsing
 * its per-object files share: every attribute is checked for type and
 * length, unknown ones are skipped, missing ones stay zero, and a reply
 * that does not add up is an error. */
#ifndef SMC_NETLINK_SMCGEN_H
#define SMC_NETLINK_SMCGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netlink/nl.h"

/* Bytes of a PNET ID; the kernel sends it as a string of at most this many. */
#define SMC_PNETID_LEN 16
/* Longest InfiniBand device name the kernel reports (IB_DEVICE_NAME_MAX). */
#define SMC_IBNAME_LEN 64
/* A GID as text: eight groups of four hex digits and seven colons. */
#define SMC_GID_TEXT_LEN 40

/* One attribute of a policy: where its value goes in the output struct.
 * Integers (MNL_TYPE_U8..U64) must have exactly their size and land in a
 * field of SIZE bytes (1, 2, 4 or 8); NUL strings must fit in SIZE bytes
 * with their terminator; a nested attribute is parsed with NEST into the
 * struct at OFFSET. */
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

/* Fill OUT (zeroed by the caller) from the attributes inside NEST. */
int nl_parse_nest(const struct nlattr *nest, const struct nl_policy *policy, void *out, struct nl_error *err);

/* Called for every top-level attribute of every reply message (after its
 * genetlink header); returns 0 or -1 with ERR set. Any byte of a message
 * that is not part of a well-formed attribute is an error. */
typedef int (*nl_attr_fn)(const struct nlattr *attr, void *data, struct nl_error *err);

/* A recorded reply to parse instead of asking the kernel: the parsers'
 * entry for tests. It must hold only whole messages and end the exchange
 * (NLMSG_DONE or an acknowledgement): a cut reply is an error, not a
 * shorter list. */
struct smc_recorded {
	const void *buf;
	size_t len;
};

/* Dump CMD of SMC_GEN_NETLINK through FN, or run FN on REC when not NULL.
 * The top-level attributes are the SMC_GEN_* nests. */
int smc_gen_read(const struct smc_recorded *rec, uint8_t cmd, nl_attr_fn fn, void *data, struct nl_error *err);
/* The same for replies whose attributes are not nested (SEID, handshake
 * limitation): parsed with POLICY into OUT (zeroed by the caller). */
int smc_gen_read_flat(const struct smc_recorded *rec, uint8_t cmd, const struct nl_policy *policy, void *out,
		      struct nl_error *err);

/* The nest ATTR of a top-level attribute function, checked and parsed. */
int nl_parse_top_nest(const struct nlattr *attr, const struct nl_policy *policy, void *out, struct nl_error *err);
/* Send CMD without attributes and wait for the kernel's acknowledgement. */
int smc_gen_do(uint8_t cmd, struct nl_error *err);

/* A growing array of fixed-size items, bounded so that a runaway reply
 * cannot exhaust memory. */
#define SMC_LIST_MAX 65536
struct smc_list {
	void *items;
	size_t count, cap, size;
};

/* A new zeroed item at the end, or NULL (err set) when full or out of memory. */
void *smc_list_add(struct smc_list *list, struct nl_error *err);
void smc_list_free(struct smc_list *list);
#define SMC_LIST_INIT(type) { NULL, 0, 0, sizeof(type) }

#endif
