/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "netlink/nl.h"

#define NL_BUF_SIZE 65536		/* a request, and the first reply buffer */
#define NL_REPLY_MAX (64 << 20)		/* a reply past this is refused, not grown */
#define NL_DUMP_TRIES 3			/* asks for a dump the kernel keeps interrupting */
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
	nl->reply_size = NL_BUF_SIZE;
	nl->reply = malloc(nl->reply_size);
	if (!nl->buf || !nl->reply) {
		nl_close(nl);
		return nl_error_set(err, ENOMEM, "out of memory");
	}
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
	free(nl->reply);
	nl->sock = NULL;
	nl->buf = NULL;
	nl->reply = NULL;
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
	if (e->error == -EPERM)
		nl_error_set(err, EPERM, "operation not permitted: it needs CAP_NET_ADMIN (root)");
	else if (msg)
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

		/* With its padding: libmnl walks attributes up to the aligned end,
		 * and the kernel always sends the padding. */
		if (nlh->nlmsg_len < sizeof(*nlh) || step > left)
			return nl_error_set(err, EBADMSG, "malformed netlink reply: the message at byte %zu "
					    "claims %u bytes, %zu are left", len - left, nlh->nlmsg_len, left);
		if (step == left)
			return 0;
		p += step;
		left -= step;
	}
	return nl_error_set(err, EBADMSG, "netlink reply truncated: %zu stray bytes after the last message", left);
}

#ifdef SMC_FAULT_INJECTION
/* Test seam (sanitizer and test builds only): SMC_NL_FAULT is a comma
 * separated script, one step per datagram read, replacing the kernel:
 *   FILE        the recorded datagram in FILE (sequence and port set to 0)
 *   intr:FILE   the same with NLM_F_DUMP_INTR on every message
 *   family      a generic netlink family lookup answered (id 0x7ff0)
 *   nlerr:NAME  an NLMSG_ERROR carrying errno NAME
 *   NAME        the read itself fails with errno NAME
 * NAME is EPERM, ENOENT, EINTR or ENOBUFS. Past the script reads fail
 * with EPIPE. */
struct fault_step {
	char data[NL_BUF_SIZE];
	char *big;		/* a FILE larger than data */
	size_t len;
	int read_errno;
};

static int fault_errno(const char *name)
{
	static const struct { const char *name; int code; } names[] = {
		{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EINTR", EINTR }, { "ENOBUFS", ENOBUFS },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i].name) == 0)
			return names[i].code;
	return EPIPE;
}

static void fault_file(struct fault_step *st, const char *path, bool intr)
{
	FILE *f = fopen(path, "rb");
	long size = -1;
	struct nlmsghdr *nlh;
	int left;

	if (f && fseek(f, 0, SEEK_END) == 0)
		size = ftell(f);
	if (f && size > 0 && fseek(f, 0, SEEK_SET) == 0 && (size_t)size > sizeof(st->data))
		st->big = malloc((size_t)size);
	if (size <= 0 || ((size_t)size > sizeof(st->data) && !st->big) ||
	    !fread(st->big ? st->big : st->data, (size_t)size, 1, f)) {
		st->read_errno = EPIPE;
	} else {
		st->len = (size_t)size;
		nlh = (struct nlmsghdr *)(st->big ? st->big : st->data);
		for (left = (int)size; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
			nlh->nlmsg_seq = nlh->nlmsg_pid = 0;
			nlh->nlmsg_flags |= intr ? NLM_F_DUMP_INTR : 0;
		}
	}
	if (f)
		fclose(f);
}

static void fault_ack(struct fault_step *st, int code)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(st->data + st->len);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED;
	e->error = -code;
	e->msg.nlmsg_len = sizeof(e->msg);
	st->len += nlh->nlmsg_len;
}

static void fault_load(struct fault_step *st, const char *step)
{
	bool intr = strncmp(step, "intr:", 5) == 0;
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	free(st->big);
	st->big = NULL;
	st->len = 0;
	st->read_errno = 0;
	if (strcmp(step, "family") == 0) {
		nlh = mnl_nlmsg_put_header(st->data);
		nlh->nlmsg_type = GENL_ID_CTRL;
		genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
		genl->cmd = CTRL_CMD_NEWFAMILY;
		mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x7ff0);
		st->len = nlh->nlmsg_len;
		fault_ack(st, 0);
	} else if (strncmp(step, "nlerr:", 6) == 0) {
		fault_ack(st, fault_errno(step + 6));
	} else if (step[0] == 'E') {
		st->read_errno = fault_errno(step);
	} else {
		fault_file(st, step + (intr ? 5 : 0), intr);
	}
}

/* recv() on the script: MSG_PEEK leaves the step for the next read. */
static ssize_t fault_recv(const char *script, void *buf, size_t len, int flags)
{
	static struct fault_step st;
	static size_t at;
	static bool loaded;
	char step[4096];
	size_t n = strcspn(script + at, ",");

	if (!loaded) {
		if (script[at] == '\0' || n >= sizeof(step)) {
			errno = EPIPE;
			return -1;
		}
		snprintf(step, sizeof(step), "%.*s", (int)n, script + at);
		at += n + (script[at + n] == ',');
		fault_load(&st, step);
		loaded = true;
	}
	if (st.read_errno) {
		loaded = false;
		errno = st.read_errno;
		return -1;
	}
	memcpy(buf, st.big ? st.big : st.data, len < st.len ? len : st.len);
	loaded = (flags & MSG_PEEK) != 0;
	return (flags & MSG_TRUNC) || st.len <= len ? (ssize_t)st.len : (ssize_t)len;
}
#endif

static int family_gone(struct smc_nl *nl);

static ssize_t nl_recv(struct smc_nl *nl, void *buf, size_t len, int flags)
{
#ifdef SMC_FAULT_INJECTION
	const char *script = getenv("SMC_NL_FAULT");

	if (script)
		return fault_recv(script, buf, len, flags);
#endif
	return recv(mnl_socket_get_fd(nl->sock), buf, len, flags);
}

static int recv_error(struct smc_nl *nl)
{
	if (errno == ENOBUFS)
		return nl_error_set(nl->err, ENOBUFS, "netlink replies were lost: the socket's receive queue "
				    "overflowed (ENOBUFS), try again");
	return nl_error_set(nl->err, errno, "cannot read netlink reply: %s", strerror(errno));
}

static int grow_reply(struct smc_nl *nl, size_t need)
{
	size_t size = nl->reply_size;
	char *grown;

	while (size < need && size <= NL_REPLY_MAX / 2)
		size *= 2;
	if (size < need)
		return nl_error_set(nl->err, EMSGSIZE, "netlink reply larger than %d MiB", NL_REPLY_MAX >> 20);
	grown = realloc(nl->reply, size);
	if (!grown)
		return nl_error_set(nl->err, ENOMEM, "out of memory for a %zu byte netlink reply", need);
	nl->reply = grown;
	nl->reply_size = size;
	return 0;
}

/* The next datagram, appended at USED: its length, or -1. Peeking with
 * MSG_TRUNC tells its whole size first, so that a datagram larger than the
 * buffer grows the buffer instead of being cut. */
static ssize_t recv_datagram(struct smc_nl *nl, size_t used)
{
	ssize_t n = nl_recv(nl, nl->reply + used, nl->reply_size - used, MSG_PEEK | MSG_TRUNC);

	if (n < 0)
		return recv_error(nl);
	if ((size_t)n > nl->reply_size - used && grow_reply(nl, used + (size_t)n) < 0)
		return -1;
	n = nl_recv(nl, nl->reply + used, nl->reply_size - used, 0);
	if (n < 0)
		return recv_error(nl);
	if (n == 0)
		return nl_error_set(nl->err, EBADMSG, "empty netlink reply");
	record_reply(nl->reply + used, (size_t)n);
	return check_framing(nl->reply + used, (size_t)n, nl->err) < 0 ? -1 : n;
}

/* Whether a datagram ends the reply (NLMSG_DONE or NLMSG_ERROR) and
 * whether the kernel marked a message of it interrupted. */
static void scan_datagram(const char *buf, size_t len, bool *last, bool *intr)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)buf;
	int left = (int)len;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		*intr |= (nlh->nlmsg_flags & NLM_F_DUMP_INTR) != 0;
		*last |= nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR;
	}
}

static int send_request(struct smc_nl *nl, struct nlmsghdr *req)
{
	req->nlmsg_seq = ++nl->seq;
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return nl_error_set(nl->err, errno, "cannot send netlink request: %s", strerror(errno));
	return 0;
}

/* Send REQ and read its whole reply into nl->reply: its length, or -1.
 * *INTR tells whether the kernel marked it interrupted. */
static ssize_t read_reply(struct smc_nl *nl, struct nlmsghdr *req, bool *intr)
{
	bool last = false;
	size_t used = 0;
	ssize_t n;

	*intr = false;
	if (send_request(nl, req) < 0)
		return -1;
	while (!last) {
		n = recv_datagram(nl, used);
		if (n < 0)
			return -1;
		scan_datagram(nl->reply + used, (size_t)n, &last, intr);
		used += (size_t)n;
	}
	return (ssize_t)used;
}

int nl_transact(struct smc_nl *nl, struct nlmsghdr *req, nl_msg_cb cb, void *data)
{
	struct run_ctx ctx = { cb, data, nl->err };
	bool intr = true;
	ssize_t len = -1;

	for (int tries = 0; intr && tries < NL_DUMP_TRIES; tries++) {
		len = read_reply(nl, req, &intr);
		if (len < 0)
			return family_gone(nl);
	}
	if (intr)
		return nl_error_set(nl->err, EAGAIN, "the kernel's state kept changing during the dump "
				    "(%d attempts), try again", NL_DUMP_TRIES);
	if (run_messages(nl->reply, (size_t)len, req->nlmsg_seq, nl->portid, &ctx) < 0)
		return family_gone(nl);
	return 0;
}

int nl_stream(struct smc_nl *nl, struct nlmsghdr *req, nl_msg_cb cb, void *data)
{
	struct run_ctx ctx = { cb, data, nl->err };
	bool last = false, intr = false;
	ssize_t n;

	if (send_request(nl, req) < 0)
		return -1;
	while (!last) {
		n = recv_datagram(nl, 0);
		if (n < 0)
			return -1;
		scan_datagram(nl->reply, (size_t)n, &last, &intr);
		if (intr)
			return nl_error_set(nl->err, EAGAIN, "the kernel's table changed during the dump "
					    "and what was listed may be inconsistent, try again");
		if (run_messages(nl->reply, (size_t)n, req->nlmsg_seq, nl->portid, &ctx) < 0)
			return -1;
	}
	return 0;
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

/* FAMILY's id into *ID: 0, or -1 with nl->err set. */
static int resolve_family(struct smc_nl *nl, const char *family, uint16_t *id)
{
	struct family_ctx f = { 0 };
	uint16_t own = nl->family_id;
	struct nlmsghdr *req;
	int rc;

	nl->family_id = GENL_ID_CTRL;
	req = nl_genl_request(nl, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(req, CTRL_ATTR_FAMILY_NAME, family);
	rc = nl_transact(nl, req, family_cb, &f);
	nl->family_id = own;
	*id = f.id;
	if (rc == 0 && f.id == 0)
		return nl_error_set(nl->err, ENOENT, "no generic netlink family %s", family);
	return rc;
}

/* After a request failed with ENOENT: if the family itself is gone (its
 * module unloaded), say so instead. Returns -1. */
static int family_gone(struct smc_nl *nl)
{
	struct nl_error first = *nl->err;
	uint16_t id;

	if (first.code != ENOENT || !nl->family || nl->family_id == GENL_ID_CTRL)
		return -1;
	if (resolve_family(nl, nl->family, &id) == 0 && id == nl->family_id) {
		*nl->err = first;
		return -1;
	}
	return nl_error_set(nl->err, ENOENT, "the SMC module went away during the request "
			    "(generic netlink family %s is gone)", nl->family);
}

int nl_open_genl(struct smc_nl *nl, const char *family, struct nl_error *err)
{
	uint16_t id;

	if (nl_open(nl, NETLINK_GENERIC, err) < 0)
		return -1;
	if (resolve_family(nl, family, &id) < 0) {
		if (err->code == ENOENT)
			nl_error_set(err, ENOENT, "SMC module not loaded (generic netlink family %s not found); "
				     "load it with \"modprobe smc\"", family);
		nl_close(nl);
		return -1;
	}
	nl->family_id = id;
	nl->family = family;
	return 0;
}
