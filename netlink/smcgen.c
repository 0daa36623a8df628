#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/smc.h>

#include "netlink/smcgen.h"

static int malformed(struct nl_error *err, const char *where, const char *what)
{
	return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: %s %s", where, what);
}

/* Call FN for every attribute in LEN bytes at BUF; WHERE names them. */
static int walk(const void *buf, size_t len, const char *where, nl_attr_fn fn, void *data, struct nl_error *err)
{
	const struct nlattr *attr = buf;

	while (len > 0) {
		if (!mnl_attr_ok(attr, (int)len))
			return malformed(err, where, "has a truncated or oversized attribute");
		if (fn(attr, data, err) < 0)
			return -1;
		if ((size_t)MNL_ALIGN(attr->nla_len) >= len)
			break;
		len -= (size_t)MNL_ALIGN(attr->nla_len);
		attr = (const struct nlattr *)((const char *)attr + MNL_ALIGN(attr->nla_len));
	}
	return 0;
}

static int store_uint(const struct nlattr *attr, const struct nl_field *f, char *dst)
{
	uint64_t v;

	switch (f->kind) {
	case MNL_TYPE_U8: v = mnl_attr_get_u8(attr); break;
	case MNL_TYPE_U16: v = mnl_attr_get_u16(attr); break;
	case MNL_TYPE_U32: v = mnl_attr_get_u32(attr); break;
	default: v = mnl_attr_get_u64(attr); break;
	}
	switch (f->size) {
	case 1: *(uint8_t *)dst = (uint8_t)v; return 0;
	case 2: *(uint16_t *)dst = (uint16_t)v; return 0;
	case 4: *(uint32_t *)dst = (uint32_t)v; return 0;
	case 8: *(uint64_t *)dst = v; return 0;
	}
	return -1;
}

struct nl_fields_out {
	const struct nl_policy *policy;
	void *out;
};

static int nl_field_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	const struct nl_fields_out *ctx = data;
	const struct nl_policy *p = ctx->policy;
	const struct nl_field *f = NULL;
	char *dst;

	for (size_t i = 0; i < p->count && !f; i++)
		if (p->fields[i].type == mnl_attr_get_type(attr))
			f = &p->fields[i];
	if (!f)
		return 0;
	dst = (char *)ctx->out + f->offset;
	if (mnl_attr_validate(attr, (enum mnl_attr_data_type)f->kind) < 0)
		return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: %s attribute %u has a bad length or format",
				    p->name, mnl_attr_get_type(attr));
	if (f->kind == MNL_TYPE_NESTED)
		return nl_parse_nest(attr, f->nest, dst, err);
	if (f->kind == MNL_TYPE_NUL_STRING) {
		size_t len = strlen(mnl_attr_get_str(attr));

		/* the kernel sends the string and one NUL, nothing after it */
		if (len + 1 != mnl_attr_get_payload_len(attr) || len >= f->size)
			return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: %s attribute %u is %s",
					    p->name, mnl_attr_get_type(attr), len >= f->size ? "too long" : "not one string");
		strcpy(dst, mnl_attr_get_str(attr));
		return 0;
	}
	if (store_uint(attr, f, dst) < 0)
		return nl_error_set(err, EINVAL, "internal error: %s field %u has no integer size", p->name, f->type);
	return 0;
}

int nl_parse_nest(const struct nlattr *nest, const struct nl_policy *policy, void *out, struct nl_error *err)
{
	struct nl_fields_out ctx = { policy, out };

	return walk(mnl_attr_get_payload(nest), mnl_attr_get_payload_len(nest), policy->name, nl_field_attr, &ctx, err);
}

int nl_parse_top_nest(const struct nlattr *attr, const struct nl_policy *policy, void *out, struct nl_error *err)
{
	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
		return malformed(err, policy->name, "is not a nest");
	return nl_parse_nest(attr, policy, out, err);
}

struct walk_ctx {
	nl_attr_fn fn;
	void *data;
	struct nl_error *err;
};

static int any_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	return 0;
}

/* The family's top-level attributes are all nests (SMC_GEN_*): checking
 * every one, not only those asked for, catches a nest whose length was cut
 * and whose tail would otherwise pass for other attributes. */
static int nest_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	const struct walk_ctx *ctx = data;

	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0 ||
	    walk(mnl_attr_get_payload(attr), mnl_attr_get_payload_len(attr), "nest", any_attr, NULL, err) < 0)
		return malformed(err, "message", "has a top-level attribute that is not a nest");
	return ctx->fn(attr, ctx->data, err);
}

static int message_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct walk_ctx *ctx = data;

	if (mnl_nlmsg_get_payload_len(nlh) < NL_GENL_HDRLEN)
		return malformed(ctx->err, "message", "has no generic netlink header"), MNL_CB_ERROR;
	if (walk(mnl_nlmsg_get_payload_offset(nlh, NL_GENL_HDRLEN), mnl_nlmsg_get_payload_len(nlh) - NL_GENL_HDRLEN,
		 "message", ctx->fn, ctx->data, ctx->err) < 0)
		return MNL_CB_ERROR;
	return MNL_CB_OK;
}

static int parse_recorded(const void *buf, size_t len, struct walk_ctx *ctx, struct nl_error *err)
{
	const struct nlmsghdr *nlh = buf, *last = NULL;
	int left = (int)len;

	if (len > INT32_MAX)
		return nl_error_set(err, EMSGSIZE, "netlink reply too large: %zu bytes", len);
	while (mnl_nlmsg_ok(nlh, left)) {
		last = nlh;
		nlh = mnl_nlmsg_next(nlh, &left);
	}
	if (left != 0 || !last)
		return nl_error_set(err, EBADMSG, "netlink reply truncated: %d of %zu bytes are not a whole message", left, len);
	if (last->nlmsg_type != NLMSG_DONE && last->nlmsg_type != NLMSG_ERROR)
		return nl_error_set(err, EBADMSG, "netlink reply truncated: it does not end with NLMSG_DONE or an acknowledgement");
	return nl_parse_buffer(buf, len, message_cb, ctx, err);
}

static int request(uint8_t cmd, uint16_t flags, struct walk_ctx *ctx, struct nl_error *err)
{
	struct smc_nl nl;
	int rc;

	if (nl_open_genl(&nl, SMC_GENL_FAMILY_NAME, err) < 0)
		return -1;
	rc = nl_transact(&nl, nl_genl_request(&nl, cmd, flags), message_cb, ctx);
	nl_close(&nl);
	return rc;
}

static int read_reply(const struct smc_recorded *rec, uint8_t cmd, struct walk_ctx *ctx, struct nl_error *err)
{
	if (rec)
		return parse_recorded(rec->buf, rec->len, ctx, err);
	return request(cmd, NLM_F_DUMP, ctx, err);
}

int smc_gen_read(const struct smc_recorded *rec, uint8_t cmd, nl_attr_fn fn, void *data, struct nl_error *err)
{
	struct walk_ctx nests = { fn, data, err };
	struct walk_ctx ctx = { nest_attr, &nests, err };

	return read_reply(rec, cmd, &ctx, err);
}

int smc_gen_read_flat(const struct smc_recorded *rec, uint8_t cmd, const struct nl_policy *policy, void *out,
		      struct nl_error *err)
{
	struct nl_fields_out fields = { policy, out };
	struct walk_ctx ctx = { nl_field_attr, &fields, err };

	return read_reply(rec, cmd, &ctx, err);
}

static int ignore_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	return 0;
}

int smc_gen_do(uint8_t cmd, struct nl_error *err)
{
	struct walk_ctx ctx = { ignore_attr, NULL, err };

	return request(cmd, NLM_F_ACK, &ctx, err);
}

void *smc_list_add(struct smc_list *list, struct nl_error *err)
{
	char *item;

	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		void *items;

		if (list->count >= SMC_LIST_MAX) {
			nl_error_set(err, E2BIG, "the kernel listed more than %d entries", SMC_LIST_MAX);
			return NULL;
		}
		items = realloc(list->items, cap * list->size);
		if (!items) {
			nl_error_set(err, ENOMEM, "out of memory");
			return NULL;
		}
		list->items = items;
		list->cap = cap;
	}
	item = (char *)list->items + list->count++ * list->size;
	memset(item, 0, list->size);
	return item;
}

void smc_list_free(struct smc_list *list)
{
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}
