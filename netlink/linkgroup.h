/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Link groups and their links: SMC_NETLINK_GET_LGR_SMCR, _GET_LINK_SMCR
 * and _GET_LGR_SMCD. */
#ifndef SMC_NETLINK_LINKGROUP_H
#define SMC_NETLINK_LINKGROUP_H

#include <stdint.h>
#include <net/if.h>
#include <linux/smc.h>

#include "netlink/diag.h"
#include "netlink/reply.h"

/* Roles, types and link states as net/smc/smc_core.h numbers them. */
enum { SMC_LGR_ROLE_CLNT, SMC_LGR_ROLE_SERV };
enum { SMC_LGR_TYPE_NONE, SMC_LGR_TYPE_SINGLE, SMC_LGR_TYPE_SYM, SMC_LGR_TYPE_ASYMP, SMC_LGR_TYPE_ASYML };
enum { SMC_LINK_UNUSED, SMC_LINK_INACTIVE, SMC_LINK_ACTIVATING, SMC_LINK_ACTIVE };

/* What a link group of SMC version 2 knows of its peer (version 0: none). */
struct smc_lgr_v2 {
	uint8_t version;
	uint8_t release;		/* the peer's */
	uint8_t os;			/* the peer's: 1 z/OS, 2 Linux, 3 AIX */
	char peer_host[SMC_MAX_HOSTNAME_LEN + 1];
	char negotiated_eid[SMC_MAX_EID_LEN + 1];
};

struct smc_lgr {
	uint32_t id;
	uint8_t role;			/* SMC-R only */
	uint8_t type;			/* SMC-R only */
	uint8_t vlan_id;
	uint32_t conns_num;
	char pnetid[SMC_PNETID_LEN + 1];
	uint64_t gid, peer_gid;		/* SMC-D only */
	struct smc_lgr_v2 v2;
	uint8_t direct;			/* SMC-Rv2: the peer is in the same IP subnet */
};

struct smc_link {
	struct smc_lgr lgr;		/* the link group the link belongs to */
	uint8_t link_id;
	char ib_dev[SMC_IBNAME_LEN + 1];
	uint8_t ib_port;
	char gid[SMC_GID_TEXT_LEN + 1];
	char peer_gid[SMC_GID_TEXT_LEN + 1];
	uint32_t conn_cnt;
	uint32_t netdev_index;
	char netdev[IF_NAMESIZE];	/* filled by the caller from netdev_index */
	uint32_t link_uid;		/* in host order */
	uint32_t peer_uid;
	uint32_t state;
};

/* The link groups of the SMC-D or SMC-R side (LGRS of struct smc_lgr);
 * with LINKS not NULL, the SMC-R link groups and every link of them
 * (struct smc_link). From the kernel, or from REC when not NULL. */
int smc_lgr_read(const struct smc_recorded *rec, int smcd, struct smc_list *lgrs, struct smc_list *links,
		 struct nl_error *err);

/* The SMC version (1, 2) of the link group that SOCK's connection runs on,
 * found by its SMC-D link group id or its SMC-R link's device and GIDs;
 * 0 when no link group matches or the kernel did not say, -1 with err set.
 * From the kernel, or from REC (the GET_LGR_SMCD or GET_LINK_SMCR reply)
 * when not NULL. */
int smc_conn_version(const struct smc_recorded *rec, const struct smc_diag_sock *sock, struct nl_error *err);

#endif
