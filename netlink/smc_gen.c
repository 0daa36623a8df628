#include <errno.h>
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

int gen_msg_walk(const struct nlmsghdr *nlh, uint8_t cmd, gen_attr_cb cb, void *data, struct nl_error *err)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	if (len < GENL_HDRLEN)
		return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: %zu bytes, no generic netlink header",
				    len);
	if (genl->cmd != cmd)
		return nl_error_set(err, EBADMSG, "unexpected SMC netlink reply: command %u, expected %u",
				    genl->cmd, cmd);
	return walk((const unsigned char *)genl + GENL_HDRLEN, len - GENL_HDRLEN, "SMC netlink reply", cb, data,
		    err);
}

int gen_nest_walk(const struct nlattr *nest, const char *what, gen_attr_cb cb, void *data, struct nl_error *err)
{
	return walk(mnl_attr_get_payload(nest), mnl_attr_get_payload_len(nest), what, cb, data, err);
}

int gen_parse_dump(const void *buf, size_t len, nl_msg_cb cb, void *data, struct nl_error *err)
{
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
	return nl_parse_buffer(buf, len, cb, data, err);
}

int gen_get_u64(const struct nlattr *attr, const char *what, uint64_t *out, struct nl_error *err)
{
	if (mnl_attr_get_payload_len(attr) != sizeof(*out))
		return nl_error_set(err, EBADMSG, "malformed %s: %u bytes, expected 8", what,
				    mnl_attr_get_payload_len(attr));
	memcpy(out, mnl_attr_get_payload(attr), sizeof(*out));
	return 0;
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

int gen_request(uint8_t cmd, uint16_t flags, uint16_t attr_type, const char *attr_str,
		nl_msg_cb cb, void *data, struct nl_error *err)
{
	struct smc_nl nl;
	struct nlmsghdr *req;
	int rc;

	if (nl_open_genl(&nl, SMC_GENL_FAMILY_NAME, err) < 0)
		return GEN_ERR_OPEN;
	req = nl_genl_request(&nl, cmd, flags);
	if (attr_str)
		mnl_attr_put_strz(req, attr_type, attr_str);
	rc = nl_transact(&nl, req, cb, data);
	nl_close(&nl);
	return rc < 0 ? GEN_ERR_REQUEST : 0;
}
