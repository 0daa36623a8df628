#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "netlink/nl.h"

#define NL_BUF_SIZE 65536
#define NL_MAX_ERRNO 4095	/* the kernel's MAX_ERRNO: the largest errno a reply carries */

int nl_error_set(struct nl_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

int nl_open(struct smc_nl *nl, int protocol, struct nl_error *err)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->err = err;
	nl->buf_size = NL_BUF_SIZE;
	nl->buf = malloc(nl->buf_size);
	if (!nl->buf)
		return nl_error_set(err, ENOMEM, "out of memory");
	nl->sock = mnl_socket_open(protocol);
	if (!nl->sock) {
		nl_error_set(err, errno, "cannot open netlink socket: %s", strerror(errno));
		nl_close(nl);
		return -1;
	}
	/* Extended acks carry the kernel's own words; older kernels lack them. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		nl_error_set(err, errno, "cannot bind netlink socket: %s", strerror(errno));
		nl_close(nl);
		return -1;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (uint32_t)getpid();
	return 0;
}

void nl_close(struct smc_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->buf);
	nl->sock = NULL;
	nl->buf = NULL;
}

struct nlmsghdr *nl_request(struct smc_nl *nl, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh;

	/* libmnl (1.0.4 at least) leaves an attribute's alignment padding as it
	 * finds it: without this the kernel would be sent uninitialised bytes. */
	memset(nl->buf, 0, nl->buf_size);
	nlh = mnl_nlmsg_put_header(nl->buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	return nlh;
}

struct nlmsghdr *nl_genl_request(struct smc_nl *nl, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = nl_request(nl, nl->family_id, flags);
	struct genlmsghdr *genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));

	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

/* NLMSG_ERROR: 0 is the acknowledgement; anything else the request's failure,
 * with the extended ack message when the kernel gave one. */
static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_error *err = data;
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	const char *msg = NULL;
	const struct nlattr *attr;
	size_t hdrlen = sizeof(*e);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return nl_error_set(err, EBADMSG, "malformed netlink error message"), MNL_CB_ERROR;
	if (e->error == 0)
		return MNL_CB_STOP;
	if (e->error > 0 || e->error < -NL_MAX_ERRNO)	/* not an errno: -e->error may overflow */
		return nl_error_set(err, EBADMSG, "malformed netlink error message: error %d", e->error), MNL_CB_ERROR;
	/* The echoed request, unless capped: its length must cover its header. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED) && e->msg.nlmsg_len >= sizeof(e->msg))
		hdrlen += e->msg.nlmsg_len - sizeof(e->msg);
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && hdrlen <= mnl_nlmsg_get_payload_len(nlh))
		mnl_attr_for_each(attr, nlh, hdrlen)
			if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
			    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
				msg = mnl_attr_get_str(attr);
	if (msg)
		nl_error_set(err, -e->error, "%s (%s)", strerror(-e->error), msg);
	else
		nl_error_set(err, -e->error, "%s", strerror(-e->error));
	return MNL_CB_ERROR;
}

struct run_ctx {
	nl_msg_cb cb;
	void *data;
	struct nl_error *err;
};

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct run_ctx *ctx = data;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		return nl_error_set(ctx->err, EINTR, "the kernel's state changed during the dump, try again"), MNL_CB_ERROR;
	return ctx->cb(nlh, ctx->data);
}

static int error_ctl_cb(const struct nlmsghdr *nlh, void *data)
{
	return error_cb(nlh, ((struct run_ctx *)data)->err);
}

/* NLMSG_DONE ends a dump; its payload is the dump's status. libmnl only
 * applies its own DONE handling when no control callbacks are given, so
 * this one must be in the table. */
static int done_ctl_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_error *err = ((struct run_ctx *)data)->err;
	int status = 0;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(status))
		memcpy(&status, mnl_nlmsg_get_payload(nlh), sizeof(status));
	if (status < -NL_MAX_ERRNO)	/* not an errno: a corrupted reply */
		return nl_error_set(err, EBADMSG, "malformed end of dump: status %d", status), MNL_CB_ERROR;
	if (status < 0)
		return nl_error_set(err, -status, "the dump failed: %s", strerror(-status)), MNL_CB_ERROR;
	return MNL_CB_STOP;
}

/* One pass of libmnl over LEN bytes: > 0 go on, 0 done, -1 error (err set). */
static int run_messages(const void *buf, size_t len, uint32_t seq, uint32_t portid, struct run_ctx *ctx)
{
	mnl_cb_t ctl[NLMSG_MIN_TYPE] = { [NLMSG_ERROR] = error_ctl_cb, [NLMSG_DONE] = done_ctl_cb };
	int rc;

	ctx->err->code = 0;
	rc = mnl_cb_run2(buf, len, seq, portid, data_cb, ctx, ctl, NLMSG_MIN_TYPE);
	if (rc == MNL_CB_ERROR && ctx->err->code == 0)
		nl_error_set(ctx->err, errno, "bad netlink reply: %s", strerror(errno));
	return rc == MNL_CB_ERROR ? -1 : rc;
}

/* When SMC_NL_RECORD names a file prefix, every reply datagram is also
 * written to PREFIX.N: the lab records real kernel replies this way. */
static void record_reply(const void *buf, size_t len)
{
	static unsigned counter;
	const char *prefix = getenv("SMC_NL_RECORD");
	char path[4096];
	int fd;

	if (!prefix || !*prefix)
		return;
	snprintf(path, sizeof(path), "%s.%u", prefix, counter++);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return;
	if (write(fd, buf, len) != (ssize_t)len)
		unlink(path);
	close(fd);
}

int nl_transact(struct smc_nl *nl, struct nlmsghdr *req, nl_msg_cb cb, void *data)
{
	struct run_ctx ctx = { cb, data, nl->err };
	uint32_t seq = req->nlmsg_seq;
	ssize_t n;
	int rc;

	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return nl_error_set(nl->err, errno, "cannot send netlink request: %s", strerror(errno));
	do {
		n = mnl_socket_recvfrom(nl->sock, nl->buf, nl->buf_size);
		if (n < 0)
			return nl_error_set(nl->err, errno, "cannot read netlink reply: %s", strerror(errno));
		record_reply(nl->buf, (size_t)n);
		rc = run_messages(nl->buf, (size_t)n, seq, nl->portid, &ctx);
	} while (rc > 0);
	return rc < 0 ? -1 : 0;
}

/* A recorded reply must consist of whole messages: libmnl stops quietly
 * before a message cut short. Nor can libmnl's walk be trusted with a
 * corrupted length: mnl_nlmsg_ok() compares nlmsg_len as an int, so one
 * above INT_MAX passes and mnl_nlmsg_next() leaves the buffer (or, when its
 * alignment wraps to 0, never moves). The lengths are checked here first. */
static int check_framing(const void *buf, size_t len, struct nl_error *err)
{
	const unsigned char *p = buf;
	size_t left = len;

	while (left >= sizeof(struct nlmsghdr)) {
		const struct nlmsghdr *nlh = (const struct nlmsghdr *)p;
		size_t step = MNL_ALIGN((size_t)nlh->nlmsg_len);

		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > left)
			return nl_error_set(err, EBADMSG, "malformed netlink reply: the message at byte %zu "
					    "claims %u bytes, %zu are left", len - left, nlh->nlmsg_len, left);
		if (step >= left)
			return 0;
		p += step;
		left -= step;
	}
	return nl_error_set(err, EBADMSG, "netlink reply truncated: %zu stray bytes after the last message", left);
}

int nl_parse_buffer(const void *buf, size_t len, nl_msg_cb cb, void *data, struct nl_error *err)
{
	struct run_ctx ctx = { cb, data, err };
	const struct nlmsghdr *first = buf;

	if (len < sizeof(*first) || len > INT_MAX)
		return nl_error_set(err, EBADMSG, "netlink reply truncated: %zu bytes", len);
	if (check_framing(buf, len, err) < 0)
		return -1;
	return run_messages(buf, len, first->nlmsg_seq, first->nlmsg_pid, &ctx) < 0 ? -1 : 0;
}

int nl_attrs_check(const struct nlmsghdr *nlh, size_t offset, const char *what, struct nl_error *err)
{
	const struct nlattr *attr;
	const char *tail = mnl_nlmsg_get_payload_tail(nlh);

	if (mnl_nlmsg_get_payload_len(nlh) < offset)
		return nl_error_set(err, EBADMSG, "malformed %s: %zu bytes, header needs %zu",
				    what, mnl_nlmsg_get_payload_len(nlh), offset);
	mnl_attr_for_each(attr, nlh, offset)
		;
	if ((const char *)attr < tail)
		return nl_error_set(err, EBADMSG, "malformed %s: attribute cut short (%td bytes left)",
				    what, tail - (const char *)attr);
	return 0;
}

struct family_ctx {
	uint16_t id;
};

static int family_attr_cb(const struct nlattr *attr, void *data)
{
	struct family_ctx *f = data;

	if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID && mnl_attr_validate(attr, MNL_TYPE_U16) == 0)
		f->id = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	mnl_attr_parse(nlh, NL_GENL_HDRLEN, family_attr_cb, data);
	return MNL_CB_OK;
}

int nl_open_genl(struct smc_nl *nl, const char *family, struct nl_error *err)
{
	struct family_ctx f = { 0 };
	struct nlmsghdr *req;

	if (nl_open(nl, NETLINK_GENERIC, err) < 0)
		return -1;
	nl->family_id = GENL_ID_CTRL;
	req = nl_genl_request(nl, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(req, CTRL_ATTR_FAMILY_NAME, family);
	if (nl_transact(nl, req, family_cb, &f) < 0 || f.id == 0) {
		if (err->code == ENOENT || f.id == 0)
			nl_error_set(err, ENOENT, "SMC module not loaded (generic netlink family %s not found); "
				     "load it with \"modprobe smc\"", family);
		nl_close(nl);
		return -1;
	}
	nl->family_id = f.id;
	nl->family = family;
	return 0;
}
