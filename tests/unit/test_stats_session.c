/* SPDX-License-Identifier: GPL-2.0-or-later */
/* stats_get() against a stand-in kernel: this test defines libmnl's socket
 * calls and recv() itself (the program's definitions win over the shared
 * libraries'), answers the family lookup and both dumps with the replies
 * recorded from a real kernel (tests/fixtures/stats-ueid-guest-6.12), and counts what
 * stats_get() asked for: one socket, one family lookup, two dumps. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "tests/unit/check.h"
#include "netlink/stats.h"

#define DIR "tests/fixtures/stats-ueid-guest-6.12/"
#define FAKE_PORTID 4242
#define FAKE_FAMILY_ID 0x1d
#define FAKE_FD 1000

static struct {
	int sockets_opened, sockets_open;
	int requests;
	uint8_t cmd[8];		/* generic netlink command of each request */
	uint16_t type[8];	/* nlmsg_type of each request */
	uint32_t seq;		/* of the last request */
	bool family_exists;
	char reply[8192] __attribute__((aligned(8)));
	size_t reply_len;
} kernel;

static struct mnl_socket *fake_socket = (struct mnl_socket *)&kernel;

struct mnl_socket *mnl_socket_open(int bus)
{
	kernel.sockets_opened++;
	kernel.sockets_open++;
	return fake_socket;
}

int mnl_socket_close(struct mnl_socket *nl)
{
	kernel.sockets_open--;
	return 0;
}

int mnl_socket_setsockopt(const struct mnl_socket *nl, int type, void *buf, socklen_t len)
{
	return 0;
}

int mnl_socket_bind(struct mnl_socket *nl, unsigned int groups, pid_t pid)
{
	return 0;
}

unsigned int mnl_socket_get_portid(const struct mnl_socket *nl)
{
	return FAKE_PORTID;
}

static void reply_add(const void *msgs, size_t len)
{
	memcpy(kernel.reply + kernel.reply_len, msgs, len);
	kernel.reply_len += len;
}

static void reply_fixture(const char *name)
{
	char path[256];
	size_t len = 0;
	char *buf;

	snprintf(path, sizeof(path), DIR "%s", name);
	buf = read_fixture(path, &len);
	if (buf && len <= sizeof(kernel.reply))
		reply_add(buf, len);
	free(buf);
}

/* NLMSG_ERROR answering the last request: 0 is the acknowledgement. */
static void reply_error(int error)
{
	char buf[MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct nlmsgerr))] __attribute__((aligned(8)));
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED;
	e->error = error;
	reply_add(buf, nlh->nlmsg_len);
}

static void reply_family(void)
{
	char buf[256] __attribute__((aligned(8)));
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));

	nlh->nlmsg_type = GENL_ID_CTRL;
	genl->cmd = CTRL_CMD_NEWFAMILY;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, SMC_GENL_FAMILY_NAME);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAKE_FAMILY_ID);
	reply_add(buf, nlh->nlmsg_len);
	reply_error(0);
}

ssize_t mnl_socket_sendto(const struct mnl_socket *nl, const void *req, size_t len)
{
	const struct nlmsghdr *nlh = req;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	int n = kernel.requests++;

	if (n >= (int)sizeof(kernel.cmd))
		return errno = ENOBUFS, -1;
	kernel.type[n] = nlh->nlmsg_type;
	kernel.cmd[n] = genl->cmd;
	kernel.seq = nlh->nlmsg_seq;
	kernel.reply_len = 0;
	if (nlh->nlmsg_type == GENL_ID_CTRL && kernel.family_exists)
		reply_family();
	else if (nlh->nlmsg_type == GENL_ID_CTRL)
		reply_error(-ENOENT);
	else if (genl->cmd == SMC_NETLINK_GET_STATS)
		reply_fixture("get_stats-fallbacks.bin");
	else if (genl->cmd == SMC_NETLINK_GET_FBACK_STATS)
		reply_fixture("get_fback_stats-fallbacks.bin");
	else
		reply_error(-EOPNOTSUPP);
	return (ssize_t)len;
}

int mnl_socket_get_fd(const struct mnl_socket *nl)
{
	return FAKE_FD;
}

/* The whole reply in one datagram, addressed to the last request; the
 * netlink layer peeks (MSG_PEEK | MSG_TRUNC) for its size first. */
ssize_t recv(int fd, void *buf, size_t size, int flags)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)kernel.reply;
	int left = (int)kernel.reply_len;
	size_t len = kernel.reply_len;

	if (fd != FAKE_FD || len == 0)
		return errno = EBADF, -1;
	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		nlh->nlmsg_seq = kernel.seq;
		nlh->nlmsg_pid = FAKE_PORTID;
	}
	memcpy(buf, kernel.reply, len < size ? len : size);
	if (!(flags & MSG_PEEK))
		kernel.reply_len = 0;
	return (flags & MSG_TRUNC) || len <= size ? (ssize_t)len : (ssize_t)size;
}

static int stats_get_from(bool family_exists, struct smc_stats *st, struct nl_error *err)
{
	kernel.sockets_opened = kernel.sockets_open = kernel.requests = 0;
	kernel.family_exists = family_exists;
	err->text[0] = '\0';
	return stats_get(st, err);
}

static void test_one_session(void)
{
	struct smc_stats st;
	struct nl_error err;

	CHECK(stats_get_from(true, &st, &err) == 0, "stats_get on recorded replies succeeds (%s)", err.text);
	CHECK(kernel.sockets_opened == 1, "stats_get opens one netlink socket (opened %d)", kernel.sockets_opened);
	CHECK(kernel.sockets_open == 0, "stats_get closes its socket");
	CHECK(kernel.requests == 3, "stats_get sends three requests: one family lookup, two dumps (sent %d)",
	      kernel.requests);
	CHECK(kernel.type[0] == GENL_ID_CTRL && kernel.cmd[0] == CTRL_CMD_GETFAMILY,
	      "the first request is the family lookup");
	CHECK(kernel.type[1] == FAKE_FAMILY_ID && kernel.cmd[1] == SMC_NETLINK_GET_STATS,
	      "the second is the statistics dump, to the family found");
	CHECK(kernel.type[2] == FAKE_FAMILY_ID && kernel.cmd[2] == SMC_NETLINK_GET_FBACK_STATS,
	      "the third is the fallback dump, to the family found");
	CHECK(st.fback[STATS_SERVER] == 5 && st.fback[STATS_CLIENT] == 5,
	      "both dumps' counters arrive through the one session (fallbacks %llu, %llu)",
	      (unsigned long long)st.fback[STATS_SERVER], (unsigned long long)st.fback[STATS_CLIENT]);
}

static void test_no_family(void)
{
	struct smc_stats st;
	struct nl_error err;

	CHECK(stats_get_from(false, &st, &err) < 0 && strstr(err.text, "modprobe smc"), "without the family stats_get fails naming the fix (%s)",
	      err.text);
	CHECK(kernel.sockets_opened == 1 && kernel.sockets_open == 0 && kernel.requests == 1,
	      "without the family: one socket, one lookup, no dump (%d sockets, %d requests)",
	      kernel.sockets_opened, kernel.requests);
}

int main(void)
{
	test_one_session();
	test_no_family();
	return 0;
}
