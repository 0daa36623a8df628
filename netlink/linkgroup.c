/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/smc.h>

#include "netlink/policy.h"
#include "netlink/linkgroup.h"

static const struct nl_field v2_fields[] = {
	NL_FIELD(SMC_NLA_LGR_V2_VER, MNL_TYPE_U8, struct smc_lgr_v2, version),
	NL_FIELD(SMC_NLA_LGR_V2_REL, MNL_TYPE_U8, struct smc_lgr_v2, release),
	NL_FIELD(SMC_NLA_LGR_V2_OS, MNL_TYPE_U8, struct smc_lgr_v2, os),
	NL_FIELD(SMC_NLA_LGR_V2_NEG_EID, MNL_TYPE_NUL_STRING, struct smc_lgr_v2, negotiated_eid),
	NL_FIELD(SMC_NLA_LGR_V2_PEER_HOST, MNL_TYPE_NUL_STRING, struct smc_lgr_v2, peer_host),
};
static const struct nl_policy v2_policy = NL_POLICY("SMC link group v2", v2_fields);

static const struct nl_field lgr_r_v2_fields[] = {
	NL_FIELD(SMC_NLA_LGR_R_V2_DIRECT, MNL_TYPE_U8, struct smc_lgr, direct),
};
static const struct nl_policy lgr_r_v2_policy = NL_POLICY("SMC-R link group v2", lgr_r_v2_fields);

static const struct nl_field lgr_r_fields[] = {
	NL_FIELD(SMC_NLA_LGR_R_ID, MNL_TYPE_U32, struct smc_lgr, id),
	NL_FIELD(SMC_NLA_LGR_R_ROLE, MNL_TYPE_U8, struct smc_lgr, role),
	NL_FIELD(SMC_NLA_LGR_R_TYPE, MNL_TYPE_U8, struct smc_lgr, type),
	NL_FIELD(SMC_NLA_LGR_R_PNETID, MNL_TYPE_NUL_STRING, struct smc_lgr, pnetid),
	NL_FIELD(SMC_NLA_LGR_R_VLAN_ID, MNL_TYPE_U8, struct smc_lgr, vlan_id),
	NL_FIELD(SMC_NLA_LGR_R_CONNS_NUM, MNL_TYPE_U32, struct smc_lgr, conns_num),
	NL_NEST(SMC_NLA_LGR_R_V2_COMMON, struct smc_lgr, v2, &v2_policy),
	/* the SMC-R part of v2: its fields land in struct smc_lgr itself */
	{ SMC_NLA_LGR_R_V2, MNL_TYPE_NESTED, 0, sizeof(struct smc_lgr), &lgr_r_v2_policy },
};
static const struct nl_policy lgr_r_policy = NL_POLICY("SMC-R link group", lgr_r_fields);

static const struct nl_field lgr_d_fields[] = {
	NL_FIELD(SMC_NLA_LGR_D_ID, MNL_TYPE_U32, struct smc_lgr, id),
	NL_FIELD(SMC_NLA_LGR_D_GID, MNL_TYPE_U64, struct smc_lgr, gid),
	NL_FIELD(SMC_NLA_LGR_D_PEER_GID, MNL_TYPE_U64, struct smc_lgr, peer_gid),
	NL_FIELD(SMC_NLA_LGR_D_VLAN_ID, MNL_TYPE_U8, struct smc_lgr, vlan_id),
	NL_FIELD(SMC_NLA_LGR_D_CONNS_NUM, MNL_TYPE_U32, struct smc_lgr, conns_num),
	NL_FIELD(SMC_NLA_LGR_D_PNETID, MNL_TYPE_NUL_STRING, struct smc_lgr, pnetid),
	NL_NEST(SMC_NLA_LGR_D_V2_COMMON, struct smc_lgr, v2, &v2_policy),
};
static const struct nl_policy lgr_d_policy = NL_POLICY("SMC-D link group", lgr_d_fields);

static const struct nl_field link_fields[] = {
	NL_FIELD(SMC_NLA_LINK_ID, MNL_TYPE_U8, struct smc_link, link_id),
	NL_FIELD(SMC_NLA_LINK_IB_DEV, MNL_TYPE_NUL_STRING, struct smc_link, ib_dev),
	NL_FIELD(SMC_NLA_LINK_IB_PORT, MNL_TYPE_U8, struct smc_link, ib_port),
	NL_FIELD(SMC_NLA_LINK_GID, MNL_TYPE_NUL_STRING, struct smc_link, gid),
	NL_FIELD(SMC_NLA_LINK_PEER_GID, MNL_TYPE_NUL_STRING, struct smc_link, peer_gid),
	NL_FIELD(SMC_NLA_LINK_CONN_CNT, MNL_TYPE_U32, struct smc_link, conn_cnt),
	NL_FIELD(SMC_NLA_LINK_NET_DEV, MNL_TYPE_U32, struct smc_link, netdev_index),
	NL_FIELD(SMC_NLA_LINK_UID, MNL_TYPE_U32, struct smc_link, link_uid),
	NL_FIELD(SMC_NLA_LINK_PEER_UID, MNL_TYPE_U32, struct smc_link, peer_uid),
	NL_FIELD(SMC_NLA_LINK_STATE, MNL_TYPE_U32, struct smc_link, state),
};
static const struct nl_policy link_policy = NL_POLICY("SMC-R link", link_fields);

struct lgr_ctx {
	struct smc_list *lgrs, *links;
	int have_lgr;			/* a link group came before the links */
};

static int lgr_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct lgr_ctx *ctx = data;
	struct smc_lgr *lgr;
	struct smc_link *link;

	switch (mnl_attr_get_type(attr)) {
	case SMC_GEN_LGR_SMCR:
	case SMC_GEN_LGR_SMCD:
		lgr = smc_list_add(ctx->lgrs, err);
		ctx->have_lgr = 1;
		return lgr ? nl_parse_nest(attr, mnl_attr_get_type(attr) == SMC_GEN_LGR_SMCD ? &lgr_d_policy
											  : &lgr_r_policy, lgr, err)
			   : -1;
	case SMC_GEN_LINK_SMCR:
		if (!ctx->links)
			return 0;
		if (!ctx->have_lgr)
			return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: a link before its link group");
		link = smc_list_add(ctx->links, err);
		if (!link || nl_parse_nest(attr, &link_policy, link, err) < 0)
			return -1;
		/* the kernel copies the UIDs' wire bytes into its u32s */
		link->link_uid = ntohl(link->link_uid);
		link->peer_uid = ntohl(link->peer_uid);
		link->lgr = ((struct smc_lgr *)ctx->lgrs->items)[ctx->lgrs->count - 1];
		return 0;
	}
	return 0;
}

int smc_lgr_read(const struct smc_recorded *rec, int smcd, struct smc_list *lgrs, struct smc_list *links,
		 struct nl_error *err)
{
	struct lgr_ctx ctx = { lgrs, links, 0 };
	uint8_t cmd = smcd ? SMC_NETLINK_GET_LGR_SMCD : links ? SMC_NETLINK_GET_LINK_SMCR : SMC_NETLINK_GET_LGR_SMCR;
	int rc = smc_gen_read(rec, cmd, lgr_attr, &ctx, err);

	if (rc < 0) {
		smc_list_free(lgrs);
		if (links)
			smc_list_free(links);
	}
	return rc;
}

static int smcd_version(const struct smc_list *lgrs, const struct smc_diag_sock *sock)
{
	const struct smc_lgr *lgr = lgrs->items;

	for (size_t i = 0; i < lgrs->count; i++)
		if (lgr[i].id == sock->dmb.linkid)
			return lgr[i].v2.version;
	return 0;
}

static int smcr_version(const struct smc_list *links, const struct smc_diag_sock *sock)
{
	const struct smc_link *link = links->items;

	for (size_t i = 0; i < links->count; i++)
		if (strcmp(link[i].ib_dev, sock->lgr.ibname) == 0 && strcmp(link[i].gid, sock->lgr.gid) == 0 &&
		    strcmp(link[i].peer_gid, sock->lgr.peer_gid) == 0)
			return link[i].lgr.v2.version;
	return 0;
}

int smc_conn_version(const struct smc_recorded *rec, const struct smc_diag_sock *sock, struct nl_error *err)
{
	struct smc_list lgrs = SMC_LIST_INIT(struct smc_lgr), links = SMC_LIST_INIT(struct smc_link);
	int smcd = sock->has_dmb, version;

	if (!sock->has_dmb && !sock->has_lgr)
		return 0;
	if (smc_lgr_read(rec, smcd, &lgrs, smcd ? NULL : &links, err) < 0)
		return -1;
	version = smcd ? smcd_version(&lgrs, sock) : smcr_version(&links, sock);
	smc_list_free(&lgrs);
	smc_list_free(&links);
	return version;
}
