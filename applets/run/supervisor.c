/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The seccomp supervisor behind smc_run -m seccomp.
 *
 * smc_run forks a child that forks the supervisor and exits (so the
 * supervisor is nobody's child once the program runs, and the program never
 * sees it in wait()). The child first checks on itself that the kernel has
 * user notification and SECCOMP_ADDFD_FLAG_SEND, and says so over the
 * channel. smc_run then puts itself under the filter, sends the listener to
 * the supervisor over the channel, closes its copies and execs the program:
 * the program keeps smc_run's PID, terminal, signals and exit status. The
 * supervisor runs in a session of its own with none of smc_run's
 * descriptors, and stays until the listener reports POLLHUP: no process
 * under the filter is left (a daemon's children included). */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <asm/unistd.h>	/* __NR_close_range: musl 1.2.3 has no close_range() */
#include <sys/wait.h>
#include <unistd.h>

#include "applets/run/supervisor.h"
#include "preload/smc.h"

#if defined(__x86_64__)
#define FILTER_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define FILTER_ARCH AUDIT_ARCH_AARCH64
#elif defined(__s390x__)
#define FILTER_ARCH AUDIT_ARCH_S390X
#elif defined(__powerpc64__) && __BYTE_ORDER == __LITTLE_ENDIAN
#define FILTER_ARCH AUDIT_ARCH_PPC64LE
#else
#define FILTER_ARCH 0	/* not known here: smc_run runs the program unchanged */
#endif

/* socket()'s arguments are ints: the filter looks at the low 32 bits. */
#if __BYTE_ORDER == __LITTLE_ENDIAN
#define ARG_LOW(n) (offsetof(struct seccomp_data, args[n]))
#else
#define ARG_LOW(n) (offsetof(struct seccomp_data, args[n]) + 4)
#endif

#define LOAD(offset) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (offset))
#define JUMP_EQ(value, yes, no) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (value), (yes), (no))
#define RETURN(action) BPF_STMT(BPF_RET | BPF_K, (action))

/* Probe results the child sends, besides errno: which step failed. */
enum { PROBE_OK, PROBE_NO_LISTENER, PROBE_NO_ADDFD_SEND, PROBE_NO_FORK };

struct probe_result {
	int step, err;
};

/* Set at the first failure that means no AF_SMC here (as the preload
 * library does per process): every later call runs as TCP at once, and a
 * kernel with modules is not asked to load one for every socket. */
static bool smc_unavailable;

/* Notify on socket(AF_INET or AF_INET6, SOCK_STREAM with any of
 * SOCK_NONBLOCK and SOCK_CLOEXEC, 0 or IPPROTO_TCP); allow everything
 * else, and every other architecture's calls (a compat socketcall). The
 * jumps count the instructions they skip. */
static const struct sock_filter tcp_socket_filter[] = {
	LOAD(offsetof(struct seccomp_data, arch)),
	JUMP_EQ(FILTER_ARCH, 0, 12),
	LOAD(offsetof(struct seccomp_data, nr)),
	JUMP_EQ(__NR_socket, 0, 10),
	LOAD(ARG_LOW(0)),
	JUMP_EQ(AF_INET, 1, 0),
	JUMP_EQ(AF_INET6, 0, 7),
	LOAD(ARG_LOW(1)),
	BPF_STMT(BPF_ALU | BPF_AND | BPF_K, ~(unsigned)(SOCK_NONBLOCK | SOCK_CLOEXEC)),
	JUMP_EQ(SOCK_STREAM, 0, 4),
	LOAD(ARG_LOW(2)),
	JUMP_EQ(0, 1, 0),
	JUMP_EQ(IPPROTO_TCP, 0, 1),
	RETURN(SECCOMP_RET_USER_NOTIF),
	RETURN(SECCOMP_RET_ALLOW),
};

static const struct sock_filter allow_all_filter[] = {
	RETURN(SECCOMP_RET_ALLOW),
};

/* A listener for FILTER on the calling process, or -1 with errno set. */
static int install_filter(const struct sock_filter *filter, unsigned short length)
{
	struct sock_fprog prog = { .len = length, .filter = (struct sock_filter *)filter };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/* In the child that exits anyway: can this kernel notify and hand over a
 * descriptor? An ADDFD for no pending notification is ENOENT where
 * SECCOMP_ADDFD_FLAG_SEND is known, EINVAL or ENOTTY where it is not. */
static struct probe_result probe_kernel(void)
{
	struct seccomp_notif_addfd addfd = { .flags = SECCOMP_ADDFD_FLAG_SEND };
	int listener = install_filter(allow_all_filter, 1);

	if (listener < 0)
		return (struct probe_result){ PROBE_NO_LISTENER, errno };
	addfd.srcfd = (unsigned)listener;
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd) == 0 || errno != ENOENT)
		return (struct probe_result){ PROBE_NO_ADDFD_SEND, errno ? errno : EINVAL };
	return (struct probe_result){ PROBE_OK, 0 };
}

static int send_fd(int channel, int fd)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} control = { 0 };
	char byte = 0;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
			      .msg_controllen = sizeof(control.buf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(channel, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

/* The descriptor in the channel's next message, or -1 (the sender closed). */
static int receive_fd(int channel)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} control;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
			      .msg_controllen = sizeof(control.buf) };
	struct cmsghdr *c;
	int fd;

	if (recvmsg(channel, &msg, MSG_CMSG_CLOEXEC) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(sizeof(int)))
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

/* The network namespace of /proc/PID (or self). */
static bool net_namespace(const char *pid, struct stat *ns)
{
	char path[48];

	snprintf(path, sizeof(path), "/proc/%s/ns/net", pid);
	return stat(path, ns) == 0;
}

/* A notification is valid until its caller is gone: checked after reading
 * /proc/PID, so the PID was not already someone else's. */
static bool caller_in_namespace(int listener, const struct seccomp_notif *req, const struct stat *own)
{
	char pid[16];
	struct stat ns;

	snprintf(pid, sizeof(pid), "%u", req->pid);
	return net_namespace(pid, &ns) && ns.st_dev == own->st_dev && ns.st_ino == own->st_ino &&
	       ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) == 0;
}

/* The AF_SMC socket for the call, SOCK_NONBLOCK as asked (a file status
 * flag: the program's descriptor shares it), or -1. */
static int smc_socket(const struct seccomp_data *call, const struct supervisor_opts *o)
{
	int family = (int)call->args[0], type = (int)call->args[1];
	int fd = socket(AF_SMC, SOCK_STREAM | SOCK_CLOEXEC | (type & SOCK_NONBLOCK),
			family == AF_INET6 ? SMCPROTO_SMC6 : SMCPROTO_SMC);

	if (fd < 0 && no_smc_errno_name(errno))
		smc_unavailable = true;
	if (fd >= 0 && o->snd_bytes)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &o->snd_bytes, sizeof(o->snd_bytes));
	if (fd >= 0 && o->rcv_bytes)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &o->rcv_bytes, sizeof(o->rcv_bytes));
	return fd;
}

/* The call runs as the program made it (TCP), or fails with ERR. */
static void answer(int listener, __u64 id, int err)
{
	struct seccomp_notif_resp resp = { .id = id };

	if (err)
		resp.error = -err;
	else
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

static void handle_call(int listener, const struct stat *own, const struct supervisor_opts *o)
{
	struct seccomp_notif req = { 0 };
	struct seccomp_notif_addfd addfd = { .flags = SECCOMP_ADDFD_FLAG_SEND };
	int fd;

	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) != 0)
		return;
	fd = !smc_unavailable && caller_in_namespace(listener, &req, own) ? smc_socket(&req.data, o) : -1;
	if (fd < 0) {
		answer(listener, req.id, 0);
		return;
	}
	addfd.id = req.id;
	addfd.srcfd = (unsigned)fd;
	addfd.newfd_flags = (int)req.data.args[1] & SOCK_CLOEXEC ? O_CLOEXEC : 0;
	/* Success answers the call with the new descriptor; ENOENT: the caller
	 * is gone; anything else (EMFILE) is the call's own failure. */
	if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd) < 0 && errno != ENOENT)
		answer(listener, req.id, errno);
	close(fd);
}

static void serve(int listener, const struct supervisor_opts *o)
{
	struct pollfd p = { .fd = listener, .events = POLLIN };
	struct stat own;

	if (!net_namespace("self", &own))
		memset(&own, 0xff, sizeof(own));	/* no /proc: matches no caller, all stay TCP */
	for (;;) {
		if (poll(&p, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (p.revents & POLLIN)
			handle_call(listener, &own, o);
		else if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
			return;
	}
}

/* Standard descriptors on /dev/null, all others closed but KEEP: the
 * supervisor holds no pipe or terminal of the program's. */
static void drop_descriptors(int keep)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	for (int std = 0; std < 3; std++) {
		if (null >= 0 && null != std)
			dup2(null, std);
		else if (null < 0)
			close(std);
	}
	if (keep > 3)
		syscall(__NR_close_range, 3U, (unsigned)keep - 1, 0U);
	syscall(__NR_close_range, (unsigned)keep + 1, ~0U, 0U);
}

static void supervisor_main(int channel, const struct supervisor_opts *o)
{
	int listener;

	setsid();
	drop_descriptors(channel);
	listener = receive_fd(channel);
	close(channel);
	if (listener >= 0)
		serve(listener, o);
	_exit(0);
}

/* The child between smc_run and the supervisor. */
static void middle_main(int channel, const struct supervisor_opts *o)
{
	struct probe_result r;
	pid_t pid = fork();

	if (pid == 0)
		supervisor_main(channel, o);
	r = pid < 0 ? (struct probe_result){ PROBE_NO_FORK, errno } : probe_kernel();
	_exit(send(channel, &r, sizeof(r), MSG_NOSIGNAL) == sizeof(r) ? 0 : 1);
}

static enum supervisor_result explain(const struct probe_result *r, char *why, size_t size)
{
	if (r->step == PROBE_NO_LISTENER)
		snprintf(why, size, "this kernel has no seccomp user notification (%s)", strerror(r->err));
	else if (r->step == PROBE_NO_ADDFD_SEND)
		snprintf(why, size, "this kernel cannot hand over a socket (SECCOMP_ADDFD_FLAG_SEND: %s)",
			 strerror(r->err));
	else
		snprintf(why, size, "cannot start the supervisor (%s)", strerror(r->err));
	return SUPERVISOR_UNAVAILABLE;
}

/* Ask the middle child what the kernel can do; it exits right after. */
static bool probe(int channel[2], const struct supervisor_opts *o, struct probe_result *r)
{
	pid_t middle = fork();

	if (middle == 0) {
		close(channel[0]);
		middle_main(channel[1], o);
	}
	close(channel[1]);
	if (middle < 0)
		return false;
	while (waitpid(middle, NULL, 0) < 0 && errno == EINTR)
		;
	return recv(channel[0], r, sizeof(*r), MSG_DONTWAIT) == (ssize_t)sizeof(*r);
}

enum supervisor_result supervisor_start(const struct supervisor_opts *o, char *why, size_t size)
{
	struct probe_result r = { PROBE_NO_FORK, 0 };
	int channel[2], listener = -1, sent;

	if (!FILTER_ARCH) {
		snprintf(why, size, "no seccomp filter for this architecture");
		return SUPERVISOR_UNAVAILABLE;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, channel) != 0) {
		r.err = errno;
		return explain(&r, why, size);
	}
	if (!probe(channel, o, &r))
		r = (struct probe_result){ PROBE_NO_FORK, errno ? errno : ECHILD };
	if (r.step == PROBE_OK) {
		listener = install_filter(tcp_socket_filter, sizeof(tcp_socket_filter) / sizeof(*tcp_socket_filter));
		if (listener < 0)
			r = (struct probe_result){ PROBE_NO_LISTENER, errno };
	}
	if (r.step != PROBE_OK) {
		close(channel[0]);
		return explain(&r, why, size);
	}
	sent = send_fd(channel[0], listener) == 0 ? 0 : errno;
	close(listener);
	close(channel[0]);
	if (!sent)
		return SUPERVISOR_READY;
	/* The filter is on, and nobody answers it: socket() would fail. */
	snprintf(why, size, "cannot hand the listener to the supervisor (%s)", strerror(sent));
	return SUPERVISOR_FAILED;
}
