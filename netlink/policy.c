/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/smc.h>

#include "netlink/policy.h"
#include "netlink/smc_gen.h"

static int malformed(struct nl_error *err, const struct nl_policy *p, const struct nlattr *attr, const char *what)
{
	return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: %s attribute %u %s", p->name,
			    mnl_attr_get_type(attr), what);
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

struct fields_out {
	const struct nl_policy *policy;
	void *out;
};

static int field_attr(const struct nlattr *attr, void *data, struct nl_error *err)
{
	const struct fields_out *ctx = data;
	const struct nl_policy *p = ctx->policy;
	const struct nl_field *f = NULL;
	char *dst;
	size_t len;

	for (size_t i = 0; i < p->count && !f; i++)
		if (p->fields[i].type == mnl_attr_get_type(attr))
			f = &p->fields[i];
	if (!f)
		return 0;
	dst = (char *)ctx->out + f->offset;
	if (mnl_attr_validate(attr, (enum mnl_attr_data_type)f->kind) < 0)
		return malformed(err, p, attr, "has a bad length or format");
	if (f->kind == MNL_TYPE_NESTED)
		return nl_parse_nest(attr, f->nest, dst, err);
	if (f->kind != MNL_TYPE_NUL_STRING)
		return store_uint(attr, f, dst) < 0 ? malformed(err, p, attr, "has no integer field") : 0;
	/* the kernel sends the string and one NUL, nothing after it */
	len = strlen(mnl_attr_get_str(attr));
	if (len + 1 != mnl_attr_get_payload_len(attr))
		return malformed(err, p, attr, "is not one string");
	if (len >= f->size)
		return malformed(err, p, attr, "is too long");
	memcpy(dst, mnl_attr_get_str(attr), len + 1);
	return 0;
}

int nl_parse_nest(const struct nlattr *nest, const struct nl_policy *policy, void *out, struct nl_error *err)
{
	struct fields_out ctx = { policy, out };

	return gen_nest_walk(nest, policy->name, field_attr, &ctx, err);
}

struct read_ctx {
	uint8_t cmd;
	gen_attr_cb fn;
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
	const struct read_ctx *ctx = data;

	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0 || gen_nest_walk(attr, "SMC netlink nest", any_attr, NULL, err) < 0)
		return nl_error_set(err, EBADMSG, "malformed SMC netlink reply: top-level attribute %u is not a nest",
				    mnl_attr_get_type(attr));
	return ctx->fn(attr, ctx->data, err);
}

/* The kernel's refusal of a request it does not know, in words that name
 * what is missing. */
static int explain_refusal(struct nl_error *err)
{
	if (err->code == EOPNOTSUPP)
		nl_error_set(err, EOPNOTSUPP, "this kernel's SMC module does not support the request");
	return -1;
}

static int read_reply(const struct smc_recorded *rec, const struct read_ctx *ctx, struct nl_error *err)
{
	if (rec)
		return gen_parse_dump(rec->buf, rec->len, ctx->cmd, ctx->fn, ctx->data, err);
	return gen_dump(ctx->cmd, ctx->fn, ctx->data, err) == 0 ? 0 : explain_refusal(err);
}

int smc_gen_read(const struct smc_recorded *rec, uint8_t cmd, nl_attr_fn fn, void *data, struct nl_error *err)
{
	struct read_ctx nests = { cmd, fn, data, err };
	struct read_ctx ctx = { cmd, nest_attr, &nests, err };

	return read_reply(rec, &ctx, err);
}

int smc_gen_read_flat(const struct smc_recorded *rec, uint8_t cmd, const struct nl_policy *policy, void *out,
		      struct nl_error *err)
{
	struct fields_out fields = { policy, out };
	struct read_ctx ctx = { cmd, field_attr, &fields, err };

	return read_reply(rec, &ctx, err);
}

int smc_gen_do(uint8_t cmd, struct nl_error *err)
{
	return gen_do(cmd, 0, NULL, err) == 0 ? 0 : explain_refusal(err);
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
