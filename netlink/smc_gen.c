/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <linux/genetlink.h>

#include "netlink/smc_gen.h"

static int walk(const unsigned char *p, size_t len, const char *what, gen_attr_cb cb, void *data,
		struct nl_error *err)
{
	while (len > 0) {
		const struct nlattr *attr = (const struct nlattr *)p;
		size_t step;

		if (len < sizeof(*attr))
			return nl_error_set(err, EBADMSG, "malformed %s: %zu stray bytes after the last attribute",
					    what, len);
		if (attr->nla_len < sizeof(*attr) || attr->nla_len > len)
			return nl_error_set(err, EBADMSG, "malformed %s: attribute %u claims %u bytes, %zu are left",
					    what, mnl_attr_get_type(attr), attr->nla_len, len);
		if (cb(attr, data, err) < 0)
			return -1;
		step = MNL_ALIGN(attr->nla_len);
		if (step >= len)
			break;
		p += step;
		len -= step;
	}
	return 0;
}

int gen_nest_walk(const struct nlattr *nest, const char *what, gen_attr_cb cb, void *data, struct nl_error *err)
{
	return walk(mnl_attr_get_payload(nest), mnl_attr_get_payload_len(nest), what, cb, data, err);
}

struct dump_ctx {
	uint8_t cmd;
	gen_attr_cb cb;
	void *data;
	struct nl_error *err;
};

/* A link dump sends each link group first, as a link group reply. */
static bool is_expected_cmd(uint8_t got, uint8_t asked)
{
	return got == asked || (asked == SMC_NETLINK_GET_LINK_SMCR && got == SMC_NETLINK_GET_LGR_SMCR);
}

static int dump_msg_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *ctx = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	if (len < GENL_HDRLEN)
		return nl_error_set(ctx->err, EBADMSG, "malformed SMC netlink reply: %zu bytes, "
				    "no generic netlink header", len), MNL_CB_ERROR;
	if (!is_expected_cmd(genl->cmd, ctx->cmd))
		return nl_error_set(ctx->err, EBADMSG, "unexpected SMC netlink reply: command %u, expected %u",
				    genl->cmd, ctx->cmd), MNL_CB_ERROR;
	if (walk((const unsigned char *)genl + GENL_HDRLEN, len - GENL_HDRLEN, "SMC netlink reply",
		 ctx->cb, ctx->data, ctx->err) < 0)
		return MNL_CB_ERROR;
	return MNL_CB_OK;
}

static int ack_cb(const struct nlmsghdr *nlh, void *data)
{
	return MNL_CB_OK;
}

int gen_open(struct smc_nl *nl, struct nl_error *err)
{
	return nl_open_genl(nl, SMC_GENL_FAMILY_NAME, err);
}

static int transact(struct smc_nl *nl, uint8_t cmd, uint16_t flags, uint16_t attr_type, const char *attr_str,
		    nl_msg_cb cb, void *data)
{
	struct nlmsghdr *req = nl_genl_request(nl, cmd, flags);

	if (attr_str)
		mnl_attr_put_strz(req, attr_type, attr_str);
	return nl_transact(nl, req, cb, data);
}

int gen_dump_on(struct smc_nl *nl, uint8_t cmd, gen_attr_cb cb, void *data)
{
	struct dump_ctx ctx = { cmd, cb, data, nl->err };

	return transact(nl, cmd, NLM_F_DUMP, 0, NULL, dump_msg_cb, &ctx);
}

int gen_dump(uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err)
{
	struct smc_nl nl;
	int rc;

	if (gen_open(&nl, err) < 0)
		return -1;
	rc = gen_dump_on(&nl, cmd, cb, data);
	nl_close(&nl);
	return rc;
}

int gen_do(uint8_t cmd, uint16_t attr_type, const char *attr_str, struct nl_error *err)
{
	struct smc_nl nl;
	int rc;

	if (gen_open(&nl, err) < 0)
		return GEN_ERR_OPEN;
	rc = transact(&nl, cmd, NLM_F_ACK, attr_type, attr_str, ack_cb, NULL);
	nl_close(&nl);
	return rc < 0 ? GEN_ERR_REQUEST : 0;
}

int gen_parse_dump(const void *buf, size_t len, uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err)
{
	struct dump_ctx ctx = { cmd, cb, data, err };
	const unsigned char *p = buf;
	size_t left = len;

	for (;;) {
		const struct nlmsghdr *nlh = (const struct nlmsghdr *)p;
		size_t step;

		if (left < sizeof(*nlh) || nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > left)
			return nl_error_set(err, EBADMSG, "netlink reply truncated or malformed at byte %zu of %zu",
					    len - left, len);
		if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR)
			break;
		step = MNL_ALIGN(nlh->nlmsg_len);
		if (step >= left)
			return nl_error_set(err, EBADMSG, "netlink reply truncated: the dump ends without NLMSG_DONE");
		p += step;
		left -= step;
	}
	return nl_parse_buffer(buf, len, dump_msg_cb, &ctx, err);
}

int gen_get_fixed(const struct nlattr *attr, const char *what, void *out, size_t size, struct nl_error *err)
{
	if (mnl_attr_get_payload_len(attr) != size)
		return nl_error_set(err, EBADMSG, "malformed %s: %u bytes, expected %zu", what,
				    mnl_attr_get_payload_len(attr), size);
	memcpy(out, mnl_attr_get_payload(attr), size);
	return 0;
}

int gen_get_u64(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err)
{
	return gen_get_fixed(attr, what, out, sizeof(*out), err);
}

int gen_get_uint(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err)
{
	uint32_t u32;

	if (mnl_attr_get_payload_len(attr) != sizeof(u32))
		return gen_get_u64(attr, what, out, err);
	memcpy(&u32, mnl_attr_get_payload(attr), sizeof(u32));
	*out = u32;
	return 0;
}
