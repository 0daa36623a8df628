/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libsmc-preload.so: socket(AF_INET/AF_INET6, SOCK_STREAM, 0 or IPPROTO_TCP)
 * becomes socket(AF_SMC, same type, SMCPROTO_SMC/SMCPROTO_SMC6); where the
 * kernel cannot do AF_SMC the original TCP socket is made instead.
 *
 * Freestanding: no libc, direct system calls, no NEEDED entry, so the same
 * file loads into glibc and musl programs. The only symbols it takes from
 * the program's libc are environ and __errno_location, which both export.
 * The environment is read once, in the constructor; after that the only
 * shared state is whether AF_SMC works for each family, changed atomically. */
#include <errno.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "preload/size.h"
#include "preload/smc.h"
#include "preload/sys.h"

#define EXPORT __attribute__((visibility("default")))

extern char **environ;
extern int *__errno_location(void);

static struct {
	bool debug;
	int sndbuf, rcvbuf;	/* bytes; 0: leave the kernel's default */
} cfg;

/* Whether this process gets AF_SMC, for each family apart (a kernel
 * booted without IPv6 refuses SMCPROTO_SMC6 and still gives SMCPROTO_SMC).
 * The first TCP socket of a family finds out while the threads asking at
 * the same moment wait on a futex for the answer, so that where the kernel
 * has none exactly one call fails; once unavailable, sockets go straight to
 * TCP. While a probe runs, the state is the prober's process ID: a child
 * forked meanwhile inherits a probe that nobody in it will finish, sees
 * another process's ID and probes itself. */
enum { SMC_UNKNOWN = 0, SMC_WORKS = -1, SMC_UNAVAILABLE = -2 };
static int smc_state[2];	/* [0] AF_INET, [1] AF_INET6 */

/* How long a thread waits for another's probe before trying itself: a
 * bound, for a signal handler that interrupted the probing thread. */
#define PROBE_WAIT_NS 100000000L

/* A diagnostic line for stderr, built without stdio. */
struct line {
	char text[200];
	unsigned len;
};

static void put_str(struct line *l, const char *s)
{
	while (*s && l->len < sizeof(l->text) - 1)
		l->text[l->len++] = *s++;
}

/* Not "= { 0 }": zeroing the buffer could become a call to memset. */
static void line_start(struct line *l)
{
	l->len = 0;
	put_str(l, "libsmc-preload: ");
}

static void put_int(struct line *l, long value)
{
	char digits[24];
	unsigned n = 0;
	unsigned long v = value < 0 ? -(unsigned long)value : (unsigned long)value;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (value < 0)
		put_str(l, "-");
	while (n > 0 && l->len < sizeof(l->text) - 1)
		l->text[l->len++] = digits[--n];
}

static void emit(struct line *l)
{
	l->text[l->len++] = '\n';
	sys_call(__NR_write, 2, (long)l->text, l->len, 0, 0);
}

static void put_errno(struct line *l, long err)
{
	const char *name = no_smc_errno_name(err);

	if (name) {
		put_str(l, name);
	} else {
		put_str(l, "errno ");
		put_int(l, err);
	}
}

/* The value of NAME in the environment, or 0. */
static const char *env_value(const char *name)
{
	for (char **e = environ; e && *e; e++) {
		const char *n = name, *s = *e;

		while (*n && *s == *n)
			n++, s++;
		if (*n == '\0' && *s == '=')
			return s + 1;
	}
	return 0;
}

static int env_size(const char *name)
{
	const char *text = env_value(name);
	int bytes;
	struct line l;

	if (!text)
		return 0;
	if (smc_parse_size(text, &bytes) == 0)
		return bytes;
	if (cfg.debug) {
		line_start(&l);
		put_str(&l, name);
		put_str(&l, "=\"");
		put_str(&l, text);
		put_str(&l, "\" is not a SIZE (bytes, or with k or m), ignored");
		emit(&l);
	}
	return 0;
}

__attribute__((constructor)) static void preload_init(void)
{
	const char *debug = env_value("SMC_DEBUG");
	struct line l;

	cfg.debug = debug && debug[0] && !(debug[0] == '0' && debug[1] == '\0');
	cfg.sndbuf = env_size("SMC_SNDBUF");
	cfg.rcvbuf = env_size("SMC_RCVBUF");
	if (cfg.debug) {
		line_start(&l);
		put_str(&l, "loaded, SO_SNDBUF ");
		cfg.sndbuf ? put_int(&l, cfg.sndbuf) : put_str(&l, "default");
		put_str(&l, ", SO_RCVBUF ");
		cfg.rcvbuf ? put_int(&l, cfg.rcvbuf) : put_str(&l, "default");
		emit(&l);
	}
}

static bool is_tcp(int domain, int type, int protocol)
{
	return (domain == AF_INET || domain == AF_INET6) &&
	       (type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM &&
	       (protocol == 0 || protocol == IPPROTO_TCP);
}

static bool means_no_smc(long err)
{
	return no_smc_errno_name(err) != 0;
}

static const char *family_name(int domain)
{
	return domain == AF_INET ? "AF_INET" : "AF_INET6";
}

static void note_no_smc(int *state, int domain, long err)
{
	struct line l;

	if (__atomic_exchange_n(state, SMC_UNAVAILABLE, __ATOMIC_ACQ_REL) == SMC_UNAVAILABLE || !cfg.debug)
		return;
	line_start(&l);
	put_str(&l, "AF_SMC unavailable for ");
	put_str(&l, family_name(domain));
	put_str(&l, " (");
	put_errno(&l, err);
	put_str(&l, "): its TCP sockets stay TCP in this process");
	emit(&l);
}

/* Whether to try AF_SMC; *PROBE tells that this call finds out for all.
 * The process ID is asked for only while no answer is known. */
static bool smc_wanted(int *state, bool *probe)
{
	struct { long sec, nsec; } wait = { 0, PROBE_WAIT_NS };
	bool waited = false;
	int seen, pid;

	*probe = false;
	for (;;) {
		seen = __atomic_load_n(state, __ATOMIC_ACQUIRE);
		if (seen == SMC_WORKS || seen == SMC_UNAVAILABLE)
			return seen == SMC_WORKS;
		pid = (int)sys_call(__NR_getpid, 0, 0, 0, 0, 0);
		if (seen == SMC_UNKNOWN) {
			if (__atomic_compare_exchange_n(state, &seen, pid, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				return *probe = true;
			continue;
		}
		if (seen != pid) {	/* a probe left behind by fork() */
			__atomic_compare_exchange_n(state, &seen, SMC_UNKNOWN, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
			continue;
		}
		if (waited)
			return true;
		sys_call(__NR_futex, (long)state, FUTEX_WAIT_PRIVATE, seen, (long)&wait, 0);
		waited = true;
	}
}

/* After an AF_SMC attempt that gave FD (or -errno). */
static void smc_settle(int *state, int domain, long fd, bool probe)
{
	if (fd < 0 && means_no_smc(-fd))
		note_no_smc(state, domain, -fd);
	else if (probe)
		__atomic_store_n(state, fd >= 0 ? SMC_WORKS : SMC_UNKNOWN, __ATOMIC_RELEASE);
	if (probe)
		sys_call(__NR_futex, (long)state, FUTEX_WAKE_PRIVATE, 0x7fffffff, 0, 0);
}

/* SO_SNDBUF or SO_RCVBUF when asked for: 0, or the failure as -errno. */
static long set_buffer(int fd, int option, int bytes)
{
	if (!bytes)
		return 0;
	return sys_call(__NR_setsockopt, fd, SOL_SOCKET, option, (long)&bytes, sizeof(bytes));
}

static void put_buffer(struct line *l, const char *what, int bytes, long rc)
{
	if (!bytes)
		return;
	put_str(l, what);
	put_int(l, bytes);
	if (rc < 0) {
		put_str(l, " failed: ");
		put_errno(l, -rc);
	}
}

/* What socket() made of one TCP socket, for the SMC_DEBUG line. */
struct made {
	long fd, smc_err, sndbuf_rc, rcvbuf_rc;
	int domain;
	bool smc;
};

static void report(const struct made *m)
{
	struct line l;

	line_start(&l);
	put_str(&l, "fd ");
	put_int(&l, m->fd);
	put_str(&l, ": ");
	put_str(&l, family_name(m->domain));
	put_str(&l, m->smc ? " stream socket is AF_SMC" : " stream socket is TCP");
	if (m->smc_err) {
		put_str(&l, " (AF_SMC failed: ");
		put_errno(&l, m->smc_err);
		put_str(&l, ")");
	}
	put_buffer(&l, ", SO_SNDBUF ", cfg.sndbuf, m->sndbuf_rc);
	put_buffer(&l, ", SO_RCVBUF ", cfg.rcvbuf, m->rcvbuf_rc);
	emit(&l);
}

/* The debug line is built only when SMC_DEBUG asks for it: a program that
 * makes many sockets pays its system calls and nothing else. */
EXPORT int socket(int domain, int type, int protocol)
{
	bool tcp = is_tcp(domain, type, protocol);
	struct made m = { .fd = -1, .domain = domain };
	int *state = &smc_state[domain == AF_INET6];
	bool probe;

	if (tcp && smc_wanted(state, &probe)) {
		m.fd = sys_call(__NR_socket, AF_SMC, type, domain == AF_INET ? SMCPROTO_SMC : SMCPROTO_SMC6, 0, 0);
		m.smc = m.fd >= 0;
		smc_settle(state, domain, m.fd, probe);
		if (m.fd < 0 && !means_no_smc(-m.fd))
			m.smc_err = -m.fd;
	}
	if (!m.smc)
		m.fd = sys_call(__NR_socket, domain, type, protocol, 0, 0);
	if (m.fd < 0) {
		*__errno_location() = (int)-m.fd;
		return -1;
	}
	if (!tcp)
		return (int)m.fd;
	m.sndbuf_rc = set_buffer((int)m.fd, SO_SNDBUF, cfg.sndbuf);
	m.rcvbuf_rc = set_buffer((int)m.fd, SO_RCVBUF, cfg.rcvbuf);
	if (cfg.debug)
		report(&m);
	return (int)m.fd;
}
