/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>

#include "netlink/pnet.h"
#include "netlink/nl.h"

/* The kernel's placeholders for the half of an entry it does not have. */
#define PNET_NONE_NAME "n/a"
#define PNET_NONE_PORT 0xff

struct parse_ctx {
	pnet_entry_cb cb;
	void *data;
	struct nl_error *err;
};

static bool is_alnum_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The kernel takes letters and digits, trims blanks and upper-cases on
 * add, but compares the stored form byte by byte on show and delete: so
 * upper-case here for every command, and refuse blanks outright. */
int pnetid_prepare(const char *name, char id[PNETID_MAX_LEN + 1], struct nl_error *err)
{
	size_t len = strlen(name);

	if (len == 0 || len > PNETID_MAX_LEN)
		return nl_error_set(err, EINVAL, "PNETID \"%.40s%s\" has %zu characters, it takes 1 to %d",
				    name, len > 40 ? "..." : "", len, PNETID_MAX_LEN);
	for (size_t i = 0; i < len; i++) {
		if (!is_alnum_ascii(name[i]))
			return nl_error_set(err, EINVAL, "PNETID \"%s\" may hold only letters and digits", name);
		id[i] = (name[i] >= 'a' && name[i] <= 'z') ? (char)(name[i] - 'a' + 'A') : name[i];
	}
	id[len] = '\0';
	return 0;
}

static int get_name(const struct nlattr *attr, char *dst, size_t size, const char *what, struct nl_error *err)
{
	if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0 || mnl_attr_get_payload_len(attr) > size)
		return nl_error_set(err, EBADMSG, "malformed PNET table entry: bad %s attribute", what);
	strcpy(dst, mnl_attr_get_str(attr));
	return 0;
}

static int put_attr(struct pnet_entry *e, const struct nlattr *attr, struct nl_error *err)
{
	switch (mnl_attr_get_type(attr)) {
	case SMC_PNETID_NAME:
		return get_name(attr, e->pnetid, sizeof(e->pnetid), "PNETID", err);
	case SMC_PNETID_ETHNAME:
		return get_name(attr, e->ethname, sizeof(e->ethname), "interface name", err);
	case SMC_PNETID_IBNAME:
		return get_name(attr, e->ibname, sizeof(e->ibname), "device name", err);
	case SMC_PNETID_IBPORT:
		if (mnl_attr_validate(attr, MNL_TYPE_U8) < 0)
			return nl_error_set(err, EBADMSG, "malformed PNET table entry: bad port attribute");
		e->ibport = mnl_attr_get_u8(attr);
		return 0;
	}
	return 0;
}

static int entry_cb(const struct nlmsghdr *nlh, void *data)
{
	struct parse_ctx *ctx = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *attr;
	struct pnet_entry e = { .ibport = PNET_NONE_PORT };

	if (nl_attrs_check(nlh, NL_GENL_HDRLEN, "PNET table entry", ctx->err) < 0)
		return MNL_CB_ERROR;
	if (genl->cmd != SMC_PNETID_GET)
		return nl_error_set(ctx->err, EBADMSG, "unexpected PNET reply: command %u", genl->cmd), MNL_CB_ERROR;
	mnl_attr_for_each(attr, nlh, NL_GENL_HDRLEN)
		if (put_attr(&e, attr, ctx->err) < 0)
			return MNL_CB_ERROR;
	if (!e.pnetid[0])
		return nl_error_set(ctx->err, EBADMSG, "malformed PNET table entry: no PNETID"), MNL_CB_ERROR;
	e.has_eth = e.ethname[0] && strcmp(e.ethname, PNET_NONE_NAME) != 0;
	e.has_ib = e.ibname[0] && strcmp(e.ibname, PNET_NONE_NAME) != 0;
	return ctx->cb(&e, ctx->data, ctx->err) < 0 ? MNL_CB_ERROR : MNL_CB_OK;
}

int pnet_parse(const void *buf, size_t len, pnet_entry_cb cb, void *data, struct nl_error *err)
{
	struct parse_ctx ctx = { cb, data, err };

	return nl_parse_buffer(buf, len, entry_cb, &ctx, err);
}

/* The attributes a request may carry; NULL names stay out. */
struct pnet_req {
	const char *pnetid, *ethname, *ibname;
	uint8_t ibport;
};

/* 0, -1 when the kernel (or the socket) failed the request, or -2 when
 * the family could not be opened, so that callers read err->code only as
 * the kernel's answer. */
static int request(uint8_t cmd, uint16_t flags, const struct pnet_req *r, nl_msg_cb cb, void *data,
		   struct nl_error *err)
{
	struct nlmsghdr *req;
	struct smc_nl nl;
	int rc;

	if (nl_open_genl(&nl, SMCR_GENL_FAMILY_NAME, err) < 0)
		return -2;
	req = nl_genl_request(&nl, cmd, flags);
	if (r->pnetid)
		mnl_attr_put_strz(req, SMC_PNETID_NAME, r->pnetid);
	if (r->ethname)
		mnl_attr_put_strz(req, SMC_PNETID_ETHNAME, r->ethname);
	if (r->ibname) {
		mnl_attr_put_strz(req, SMC_PNETID_IBNAME, r->ibname);
		mnl_attr_put_u8(req, SMC_PNETID_IBPORT, r->ibport);
	}
	rc = nl_transact(&nl, req, cb, data);
	nl_close(&nl);
	return rc;
}

static int no_reply(const struct nlmsghdr *nlh, void *data)
{
	return MNL_CB_OK;
}

static int check_name(const char *name, size_t max, const char *what, struct nl_error *err)
{
	if (!name || (*name && strlen(name) <= max))
		return 0;
	return nl_error_set(err, EINVAL, "%s name \"%.40s\" must have 1 to %zu characters", what, name, max);
}

/* The kernel's rule for interface names (dev_valid_name). */
static int check_ifname(const char *name, struct nl_error *err)
{
	if (check_name(name, IFNAMSIZ - 1, "interface", err) < 0)
		return -1;
	if (name && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strpbrk(name, "/: \t\n\v\f\r")))
		return nl_error_set(err, EINVAL, "interface name \"%s\" may not be \".\" or \"..\" "
				    "nor hold '/', ':' or blanks", name);
	return 0;
}

int pnet_show(const char *pnetid, pnet_entry_cb cb, void *data, struct nl_error *err)
{
	struct parse_ctx ctx = { cb, data, err };
	struct pnet_req r = { .pnetid = pnetid };

	/* One PNETID: the kernel's GET answers with its entries and DONE. */
	return request(SMC_PNETID_GET, pnetid ? 0 : NLM_F_DUMP, &r, entry_cb, &ctx, err) < 0 ? -1 : 0;
}

int pnet_add(const char *pnetid, const char *ethname, const char *ibname, uint8_t ibport, struct nl_error *err)
{
	struct pnet_req r = { pnetid, ethname, ibname, ibport };
	int rc;

	if (!ethname && !ibname)
		return nl_error_set(err, EINVAL, "a PNET table entry needs an interface or a device");
	if (check_ifname(ethname, err) < 0 ||
	    check_name(ibname, IB_DEVICE_NAME_MAX - 1, "device", err) < 0)
		return -1;
	rc = request(SMC_PNETID_ADD, NLM_F_ACK, &r, no_reply, NULL, err);
	if (rc == -1 && err->code == EEXIST)
		nl_error_set(err, EEXIST, "not added: the interface or device has an entry or a PNETID of its own");
	return rc < 0 ? -1 : 0;
}

int pnet_del(const char *pnetid, struct nl_error *err)
{
	struct pnet_req r = { .pnetid = pnetid };
	int rc = request(SMC_PNETID_DEL, NLM_F_ACK, &r, no_reply, NULL, err);

	if (rc == -1 && err->code == ENOENT)
		nl_error_set(err, ENOENT, "no PNET table entry with PNETID %s", pnetid);
	return rc < 0 ? -1 : 0;
}

int pnet_flush(struct nl_error *err)
{
	struct pnet_req r = { 0 };
	int rc = request(SMC_PNETID_FLUSH, NLM_F_ACK, &r, no_reply, NULL, err);

	/* Some kernels answer a flush of an empty table with ENOENT. */
	return rc == 0 || (rc == -1 && err->code == ENOENT) ? 0 : -1;
}
