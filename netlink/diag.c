/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>

#include "netlink/diag.h"
#include "netlink/nl.h"

struct dump_ctx {
	smc_diag_cb cb;
	void *data;
	struct nl_error *err;
};

/* Copy the first SIZE bytes of ATTR's payload, which must hold at least
 * that many: newer kernels append fields (the SMC-D GID extensions). The
 * copy also avoids unaligned reads of the 64-bit fields. */
static int attr_copy(const struct nlattr *attr, void *dst, size_t size, const char *what, struct nl_error *err)
{
	if (mnl_attr_get_payload_len(attr) < size)
		return nl_error_set(err, EBADMSG, "malformed SMC socket record: %s attribute has %u bytes, needs %zu",
				    what, mnl_attr_get_payload_len(attr), size);
	memcpy(dst, mnl_attr_get_payload(attr), size);
	return 0;
}

static void copy_name(char *dst, const uint8_t *src, size_t size)
{
	size_t len = strnlen((const char *)src, size);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

static void curs(struct smc_diag_curs *dst, const struct smc_diag_cursor *src)
{
	dst->wrap = src->wrap;
	dst->count = src->count;
}

static int put_conninfo(struct smc_diag_sock *s, const struct nlattr *attr, struct nl_error *err)
{
	struct smc_diag_conninfo c;

	if (attr_copy(attr, &c, sizeof(c), "CONNINFO", err) < 0)
		return -1;
	s->has_conn = true;
	s->conn.token = c.token;
	s->conn.sndbuf_size = c.sndbuf_size;
	s->conn.rmbe_size = c.rmbe_size;
	s->conn.peer_rmbe_size = c.peer_rmbe_size;
	curs(&s->conn.rx_prod, &c.rx_prod);
	curs(&s->conn.rx_cons, &c.rx_cons);
	curs(&s->conn.tx_prod, &c.tx_prod);
	curs(&s->conn.tx_cons, &c.tx_cons);
	s->conn.rx_prod_flags = c.rx_prod_flags;
	s->conn.rx_conn_state_flags = c.rx_conn_state_flags;
	s->conn.tx_prod_flags = c.tx_prod_flags;
	s->conn.tx_conn_state_flags = c.tx_conn_state_flags;
	curs(&s->conn.tx_prep, &c.tx_prep);
	curs(&s->conn.tx_sent, &c.tx_sent);
	curs(&s->conn.tx_fin, &c.tx_fin);
	return 0;
}

static int put_lgrinfo(struct smc_diag_sock *s, const struct nlattr *attr, struct nl_error *err)
{
	struct smc_diag_lgrinfo l;

	if (attr_copy(attr, &l, sizeof(l), "LGRINFO", err) < 0)
		return -1;
	s->has_lgr = true;
	s->lgr.role = l.role;
	s->lgr.link_id = l.lnk[0].link_id;
	s->lgr.ibport = l.lnk[0].ibport;
	copy_name(s->lgr.ibname, l.lnk[0].ibname, sizeof(l.lnk[0].ibname));
	copy_name(s->lgr.gid, l.lnk[0].gid, sizeof(l.lnk[0].gid));
	copy_name(s->lgr.peer_gid, l.lnk[0].peer_gid, sizeof(l.lnk[0].peer_gid));
	return 0;
}

static int put_dmbinfo(struct smc_diag_sock *s, const struct nlattr *attr, struct nl_error *err)
{
	struct smcd_diag_dmbinfo d;

	if (attr_copy(attr, &d, sizeof(d), "DMBINFO", err) < 0)
		return -1;
	s->has_dmb = true;
	s->dmb.linkid = d.linkid;
	s->dmb.my_gid = d.my_gid;
	s->dmb.token = d.token;
	s->dmb.peer_gid = d.peer_gid;
	s->dmb.peer_token = d.peer_token;
	return 0;
}

static int put_attr(struct smc_diag_sock *s, const struct nlattr *attr, struct nl_error *err)
{
	struct smc_diag_fallback fb;

	switch (mnl_attr_get_type(attr)) {
	case SMC_DIAG_SHUTDOWN:
		s->has_shutdown = true;
		return attr_copy(attr, &s->shutdown, sizeof(s->shutdown), "SHUTDOWN", err);
	case SMC_DIAG_FALLBACK:
		if (attr_copy(attr, &fb, sizeof(fb), "FALLBACK", err) < 0)
			return -1;
		s->has_fallback = true;
		s->fallback_reason = fb.reason;
		s->peer_diagnosis = fb.peer_diagnosis;
		return 0;
	case SMC_DIAG_CONNINFO:
		return put_conninfo(s, attr, err);
	case SMC_DIAG_LGRINFO:
		return put_lgrinfo(s, attr, err);
	case SMC_DIAG_DMBINFO:
		return put_dmbinfo(s, attr, err);
	}
	return 0;	/* attributes of newer kernels */
}

/* Old kernels say AF_INET or AF_INET6 in diag_family; current ones say
 * AF_SMC for both and zero the address fields before filling them, so an
 * address with only its first word set is IPv4. */
static int addr_family(const struct smc_diag_msg *m)
{
	if (m->diag_family == AF_INET || m->diag_family == AF_INET6)
		return m->diag_family;
	if (m->id.idiag_src[1] | m->id.idiag_src[2] | m->id.idiag_src[3] |
	    m->id.idiag_dst[1] | m->id.idiag_dst[2] | m->id.idiag_dst[3])
		return AF_INET6;
	return AF_INET;
}

static void put_msg(struct smc_diag_sock *s, const struct smc_diag_msg *m)
{
	memset(s, 0, sizeof(*s));
	s->family = addr_family(m);
	s->state = m->diag_state;
	s->mode = m->diag_mode;
	memcpy(s->src, m->id.idiag_src, sizeof(s->src));
	memcpy(s->dst, m->id.idiag_dst, sizeof(s->dst));
	s->sport = ntohs(m->id.idiag_sport);
	s->dport = ntohs(m->id.idiag_dport);
	s->ifindex = m->id.idiag_if;
	s->uid = m->diag_uid;
	s->inode = m->diag_inode;
}

static int sock_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *ctx = data;
	const struct nlattr *attr;
	struct smc_diag_sock s;
	struct smc_diag_msg m;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return nl_error_set(ctx->err, EBADMSG, "unexpected message type %u in the SMC socket dump",
				    nlh->nlmsg_type), MNL_CB_ERROR;
	if (nl_attrs_check(nlh, sizeof(m), "SMC socket record", ctx->err) < 0)
		return MNL_CB_ERROR;
	memcpy(&m, mnl_nlmsg_get_payload(nlh), sizeof(m));
	put_msg(&s, &m);
	mnl_attr_for_each(attr, nlh, sizeof(m))
		if (put_attr(&s, attr, ctx->err) < 0)
			return MNL_CB_ERROR;
	return ctx->cb(&s, ctx->data, ctx->err) < 0 ? MNL_CB_ERROR : MNL_CB_OK;
}

int smc_diag_parse(const void *buf, size_t len, smc_diag_cb cb, void *data, struct nl_error *err)
{
	struct dump_ctx ctx = { cb, data, err };

	return nl_parse_buffer(buf, len, sock_cb, &ctx, err);
}

int smc_diag_dump(unsigned ext, smc_diag_cb cb, void *data, struct nl_error *err)
{
	struct dump_ctx ctx = { cb, data, err };
	struct smc_diag_req *r;
	struct nlmsghdr *req;
	struct smc_nl nl;
	int rc;

	if (nl_open(&nl, NETLINK_SOCK_DIAG, err) < 0)
		return -1;
	req = nl_request(&nl, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);
	r = mnl_nlmsg_put_extra_header(req, sizeof(*r));
	r->diag_family = AF_SMC;
	r->diag_ext = (uint8_t)ext;
	rc = nl_stream(&nl, req, sock_cb, &ctx);
	nl_close(&nl);
	/* sock_diag answers ENOENT when no handler for AF_SMC is registered
	 * and none could be loaded. */
	if (rc < 0 && err->code == ENOENT)
		nl_error_set(err, ENOENT, "SMC socket diagnostics not available: "
			     "load the smc_diag module (modprobe smc_diag)");
	return rc;
}

struct find_ctx {
	uint64_t inode;
	struct smc_diag_sock *out;
	int found;
};

static int find_cb(const struct smc_diag_sock *sock, void *data, struct nl_error *err)
{
	struct find_ctx *ctx = data;

	(void)err;
	if (sock->inode != ctx->inode)
		return 0;
	*ctx->out = *sock;
	ctx->found = 1;
	return 0;
}

int smc_diag_find(uint64_t inode, unsigned ext, struct smc_diag_sock *out, struct nl_error *err)
{
	struct find_ctx ctx = { inode, out, 0 };

	if (smc_diag_dump(ext, find_cb, &ctx, err) < 0)
		return -1;
	return ctx.found;
}
