/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The live test: a connection over AF_SMC and what the kernel made of it,
 * read back through sock_diag (the socket found by its inode). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/stat.h>

#include "applets/applet.h"
#include "applets/chk/chk.h"
#include "applets/print/decline.h"
#include "netlink/diag.h"
#include "netlink/linkgroup.h"
#include "preload/smc.h"

#define CONNECT_TIMEOUT_MS 10000
#define SERVE_MAX_CONNS 64

static const unsigned diag_ext = SMC_DIAG_EXT(SMC_DIAG_LGRINFO) | SMC_DIAG_EXT(SMC_DIAG_DMBINFO) |
				 SMC_DIAG_EXT(SMC_DIAG_FALLBACK);

bool chk_target_parse(const char *text, uint16_t port, struct chk_target *t)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&t->addr;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&t->addr;

	memset(t, 0, sizeof(*t));
	if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons(port);
		t->len = sizeof(*v4);
	} else if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons(port);
		t->len = sizeof(*v6);
	} else {
		return false;
	}
	snprintf(t->text, sizeof(t->text), "%s", text);
	return true;
}

static int smc_socket(int family)
{
	return socket(AF_SMC, SOCK_STREAM | SOCK_CLOEXEC, family == AF_INET6 ? SMCPROTO_SMC6 : SMCPROTO_SMC);
}

static int no_socket(void)
{
	fail("cannot create an SMC socket: %s%s", strerror(errno),
	     errno == EAFNOSUPPORT ? " (load the smc module: modprobe smc)" : "");
	return -1;
}

/* Connect FD within the timeout: 0, or an errno. */
static int timed_connect(int fd, const struct chk_target *t)
{
	struct pollfd p = { fd, POLLOUT, 0 };
	int flags = fcntl(fd, F_GETFL), error = 0, ready;
	socklen_t len = sizeof(error);

	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return errno;
	if (connect(fd, (const struct sockaddr *)&t->addr, t->len) == 0)
		return 0;
	if (errno != EINPROGRESS)
		return errno;
	ready = poll(&p, 1, CONNECT_TIMEOUT_MS);
	if (ready <= 0)
		return ready == 0 ? ETIMEDOUT : errno;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) < 0)
		return errno;
	return error;
}

/* The verdict of the connected AF_SMC socket FD. */
static int read_verdict(const struct chk_opts *o, int fd, struct chk_verdict *v)
{
	struct smc_diag_sock sock;
	struct nl_error err;
	struct stat st;
	int found;

	if (fstat(fd, &st) < 0)
		return fail("cannot read the socket's inode: %s", strerror(errno)), -1;
	found = smc_diag_find(st.st_ino, diag_ext, &sock, &err);
	if (found < 0)
		return fail("%s", err.text), -1;
	if (!found)
		return fail("the SMC socket dump has no socket with inode %lu", (unsigned long)st.st_ino), -1;
	v->mode = sock.mode;
	v->reason = sock.has_fallback ? sock.fallback_reason : 0;
	v->peer_reason = sock.has_fallback ? sock.peer_diagnosis : 0;
	v->version = sock.mode == SMC_DIAG_MODE_FALLBACK_TCP ? 0 : smc_conn_version(NULL, &sock, &err);
	if (v->version < 0)
		v->version = 0;	/* the verdict stands without the version */
	if (o->debug)
		printf("[DEBUG] socket inode %lu: mode %u, version %d, reasons 0x%08" PRIx32 "/0x%08" PRIx32 "\n",
		       (unsigned long)st.st_ino, v->mode, v->version, v->reason, v->peer_reason);
	return 0;
}

int chk_connect(const struct chk_opts *o, const struct chk_target *t, struct chk_verdict *v)
{
	int fd = smc_socket(t->addr.ss_family), rc = 0;

	memset(v, 0, sizeof(*v));
	if (fd < 0)
		return no_socket();
	v->error = timed_connect(fd, t);
	v->connected = v->error == 0;
	if (v->connected && read_verdict(o, fd, v) < 0)
		rc = -1;
	close(fd);
	return rc;
}

int chk_status(const struct chk_verdict *v)
{
	if (!v->connected)
		return CHK_FAILED;
	return v->mode == SMC_DIAG_MODE_FALLBACK_TCP ? CHK_FALLBACK : CHK_SMC;
}

/* "SMC-R v2", "SMC-D", "TCP fallback" */
static const char *verdict_words(const struct chk_verdict *v, char buf[16])
{
	const char *tech = v->mode == SMC_DIAG_MODE_SMCD ? "SMC-D" : "SMC-R";

	if (v->mode == SMC_DIAG_MODE_FALLBACK_TCP)
		return "TCP fallback";
	if (v->version)
		snprintf(buf, 16, "%s v%d", tech, v->version);
	else
		snprintf(buf, 16, "%s", tech);
	return buf;
}

static void print_reason(const char *side, uint32_t code, const char *unknown)
{
	const char *text = decline_explanation(code);
	char name[DECLINE_NAME_LEN];

	if (text)
		printf("          %s: 0x%08" PRIx32 " %s: %s\n", side, code, decline_name(code, name), text);
	else
		printf("          %s: 0x%08" PRIx32 " (%s)\n", side, code, unknown);
}

void chk_print_verdict(const struct chk_verdict *v, const char *local, const char *peer)
{
	char words[16];

	if (!v->connected) {
		printf("     Failed, no connection: %s\n", strerror(v->error));
		return;
	}
	if (v->mode != SMC_DIAG_MODE_FALLBACK_TCP) {
		printf("     Success, using %s\n", verdict_words(v, words));
		return;
	}
	printf("     Failed  (TCP fallback), reasons:\n");
	print_reason(local, v->reason, "Unknown error code");
	if (v->peer_reason)
		print_reason(peer, v->peer_reason, "Unknown error code or non-Linux OS");
}

static void json_reason(struct json *j, const char *side, uint32_t code)
{
	const char *text = decline_explanation(code);
	char name[DECLINE_NAME_LEN];

	json_object_begin(j, NULL);
	json_string(j, "side", side);
	json_u64(j, "code", code);
	json_string(j, "name", decline_name(code, name));
	if (text)
		json_string(j, "explanation", text);
	json_object_end(j);
}

void chk_json_verdict(struct json *j, const struct chk_verdict *v, const char *local, const char *peer)
{
	char words[16];

	json_bool(j, "connected", v->connected);
	if (!v->connected) {
		json_string(j, "error", strerror(v->error));
		return;
	}
	json_string(j, "verdict", verdict_words(v, words));
	if (v->version)
		json_u64(j, "version", (uint64_t)v->version);
	json_array_begin(j, "reasons");
	if (v->mode == SMC_DIAG_MODE_FALLBACK_TCP)
		json_reason(j, local, v->reason);
	if (v->mode == SMC_DIAG_MODE_FALLBACK_TCP && v->peer_reason)
		json_reason(j, peer, v->peer_reason);
	json_array_end(j);
}

int chk_listen(bool v6, uint16_t *port)
{
	struct chk_target t;
	int fd = smc_socket(v6 ? AF_INET6 : AF_INET), one = 1;

	if (fd < 0)
		return no_socket();
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	for (uint32_t p = *port; p <= UINT16_MAX; p++) {
		chk_target_parse(v6 ? "::" : "0.0.0.0", (uint16_t)p, &t);
		if (bind(fd, (struct sockaddr *)&t.addr, t.len) == 0 && listen(fd, SERVE_MAX_CONNS) == 0) {
			*port = (uint16_t)p;
			return fd;
		}
		if (errno != EADDRINUSE)
			break;
	}
	fail("cannot listen on a port from %u: %s", *port, strerror(errno));
	close(fd);
	return -1;
}

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* The signals that end the server are blocked except while it waits, so
 * one cannot slip in between the check and the wait. */
static void catch_stop(sigset_t *waiting)
{
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, waiting);
	sigdelset(waiting, SIGINT);
	sigdelset(waiting, SIGTERM);
}

static void report_conn(const struct chk_opts *o, int fd)
{
	struct sockaddr_storage peer;
	socklen_t len = sizeof(peer);
	char addr[INET6_ADDRSTRLEN] = "?";
	struct chk_verdict v = { .connected = true };
	uint16_t port = 0;

	if (getpeername(fd, (struct sockaddr *)&peer, &len) == 0 && peer.ss_family == AF_INET) {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&peer)->sin_addr, addr, sizeof(addr));
		port = ntohs(((struct sockaddr_in *)&peer)->sin_port);
	} else if (peer.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&peer)->sin6_addr, addr, sizeof(addr));
		port = ntohs(((struct sockaddr_in6 *)&peer)->sin6_port);
	}
	printf("Connection from %s port %u\n", addr, port);
	if (read_verdict(o, fd, &v) == 0)
		chk_print_verdict(&v, "Server", "Client");
	fflush(stdout);
}

/* Accept on listener FD into CONNS (of *N); a full table drops the newcomer. */
static void accept_one(const struct chk_opts *o, int fd, struct pollfd *conns, int *n, bool report)
{
	int c = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

	if (c < 0)
		return;
	if (report)
		report_conn(o, c);
	if (*n == SERVE_MAX_CONNS) {
		close(c);
		return;
	}
	conns[(*n)++] = (struct pollfd){ c, POLLIN, 0 };
}

/* Read what a connection sends; close it at its end. */
static void drain(struct pollfd *conns, int *n, int i)
{
	char buf[4096];

	if (read(conns[i].fd, buf, sizeof(buf)) > 0)
		return;
	close(conns[i].fd);
	conns[i] = conns[--*n];
}

int chk_serve(const struct chk_opts *o, const int *fds, int nfds, bool report)
{
	struct pollfd p[2 + SERVE_MAX_CONNS];
	int n = 0;
	sigset_t waiting;

	catch_stop(&waiting);
	while (!stop_signal) {
		for (int i = 0; i < nfds; i++)
			p[i] = (struct pollfd){ fds[i], POLLIN, 0 };
		if (ppoll(p, (nfds_t)(nfds + n), NULL, &waiting) < 0) {
			if (errno == EINTR)
				continue;
			return fail("waiting for connections: %s", strerror(errno));
		}
		for (int i = nfds + n - 1; i >= nfds; i--)
			if (p[i].revents)
				drain(p + nfds, &n, i - nfds);
		for (int i = 0; i < nfds; i++)
			if (p[i].revents & POLLIN)
				accept_one(o, fds[i], p + nfds, &n, report);
	}
	for (int i = 0; i < n; i++)
		close(p[nfds + i].fd);
	return 0;
}
