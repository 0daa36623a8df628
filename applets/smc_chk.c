/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_chk: does SMC work between here and there, and if not, why? The
 * options of smc-tools' smc_chk, done with AF_SMC sockets and sock_diag. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "applets/applet.h"
#include "applets/chk/chk.h"

#define MAX_IFACES 64

enum mode { MODE_NONE, MODE_STATIC, MODE_LIVE, MODE_ALL, MODE_PNETID, MODE_CONNECT, MODE_SERVER };

struct chk_args {
	struct chk_opts o;
	enum mode mode;
	const char *target;		/* -C HOST or -i IFACE */
	char **ifaces;			/* interfaces named after -s/-l */
	int nifaces;
};

static int usage(void)
{
	printf("\nUsage: smc_chk [OPTIONS] -C <IP>\n"
	       "       smc_chk [OPTIONS] -S\n"
	       "       smc_chk -i <iface>\n"
	       "       smc_chk [OPTIONS] {-s|-l} [IFACE...]\n\n"
	       "Check SMC setup\n\n"
	       "   -C, --connect <IP>           connect to specified IP\n"
	       "   -d, --debug                  show debug messages\n"
	       "   -h, --help                   display this message\n"
	       "   -i, --pnetid <IFACE>         print PNET ID and exit\n"
	       "   -j, --json                   print JSON (with -C, -i, -s, -l)\n"
	       "   -l, --live-test              test SMC on each active interface\n"
	       "   -p, --port <PORT>            use the next free port starting\n"
	       "                                with PORT (default: %d)\n"
	       "   -s, --static-analysis        show what SMC could use on each\n"
	       "                                active interface\n"
	       "   -S, --server                 start server only\n"
	       "   -v, --version                display version info\n"
	       "   -6, --ipv6                   IP address is IPv6\n\n", CHK_DEFAULT_PORT);
	return 0;
}

static const char *mode_option(enum mode m)
{
	static const char *const names[] = { "", "-s/--static-analysis", "-l/--live-test", "-s/-l",
					     "-i/--pnetid", "-C/--connect", "-S/--server" };
	return names[m];
}

/* -s and -l together are both; any other pair is an error. */
static int set_mode(struct chk_args *a, enum mode m)
{
	if (a->mode == m || a->mode == MODE_NONE) {
		a->mode = m;
		return 0;
	}
	if ((a->mode == MODE_STATIC && m == MODE_LIVE) || (a->mode == MODE_LIVE && m == MODE_STATIC)) {
		a->mode = MODE_ALL;
		return 0;
	}
	return fail("cannot combine options %s and %s", mode_option(a->mode), mode_option(m));
}

static int parse_port(const char *text, uint16_t *port)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-' || v < 1 || v > 65535)
		return fail("invalid port \"%s\": a number from 1 to 65535", text);
	*port = (uint16_t)v;
	return 0;
}

/* Option C (accepted by getopt) into A: 0, or 1 after reporting. */
static int parse_option(struct chk_args *a, int c)
{
	switch (c) {
	case 'C': a->target = optarg; return set_mode(a, MODE_CONNECT);
	case 'i': a->target = optarg; return set_mode(a, MODE_PNETID);
	case 'l': return set_mode(a, MODE_LIVE);
	case 's': return set_mode(a, MODE_STATIC);
	case 'S': return set_mode(a, MODE_SERVER);
	case 'p': return parse_port(optarg, &a->o.port);
	case 'd': a->o.debug = true; return 0;
	case 'j': a->o.json = true; return 0;
	case '6': a->o.ipv6 = true; return 0;
	}
	return 1;
}

/* -1: go on with *A; else the exit status. */
static int parse_args(int argc, char **argv, struct chk_args *a)
{
	static const struct option longopts[] = {
		{ "connect", required_argument, NULL, 'C' },	{ "debug", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },		{ "pnetid", required_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },		{ "live-test", no_argument, NULL, 'l' },
		{ "port", required_argument, NULL, 'p' },	{ "static-analysis", no_argument, NULL, 's' },
		{ "server", no_argument, NULL, 'S' },		{ "version", no_argument, NULL, 'v' },
		{ "ipv6", no_argument, NULL, '6' },		{ NULL, 0, NULL, 0 },
	};
	const char *final_arg = argv[argc - 1];
	int c;

	memset(a, 0, sizeof(*a));
	a->o.port = CHK_DEFAULT_PORT;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:C:dhi:jlp:sSv6", longopts, NULL)) != -1) {
		if (c == 'h')
			return usage();
		if (c == 'v')
			return print_version();
		if (c == ':')
			return fail_missing("argument", final_arg, "-h");
		if (c == '?')
			return fail_refused_option("C:dhi:jlp:sSv6", argv[optind - 1], "-h");
		if (parse_option(a, c))
			return 1;
	}
	a->ifaces = argv + optind;
	a->nifaces = argc - optind;
	if (a->nifaces && a->mode != MODE_STATIC && a->mode != MODE_LIVE && a->mode != MODE_ALL)
		return fail_extra(argv[optind], "-h");
	return a->mode == MODE_NONE ? usage() : -1;
}

/* -C HOST */
static int run_connect(const struct chk_args *a)
{
	struct chk_verdict v;
	struct chk_target t;
	struct json j;

	if (!chk_target_parse(a->target, a->o.port, &t))
		return fail("unknown destination \"%s\": give an IPv4 or IPv6 address", a->target);
	if (chk_connect(&a->o, &t, &v) < 0)
		return 1;
	if (a->o.json) {
		json_start(&j, stdout);
		json_string(&j, "target", t.text);
		json_u64(&j, "port", a->o.port);
		chk_json_verdict(&j, &v, "client", "server");
		json_end(&j);
	} else {
		printf("Test with target IP %s and port %u\n  Live test (SMC-D and SMC-R)\n", t.text, a->o.port);
		chk_print_verdict(&v, "Client", "Server");
		printf("\n");
	}
	return chk_status(&v);
}

/* -S */
static int run_server(const struct chk_args *a)
{
	uint16_t port = a->o.port;
	int fd = chk_listen(a->o.ipv6, &port), rc;

	if (fd < 0)
		return 1;
	printf("Server started on port %u\n", port);
	fflush(stdout);
	rc = chk_serve(&a->o, &fd, 1, true);
	close(fd);
	return rc;
}

/* The interfaces named after -s/-l (which must exist and be up), or all
 * active ones. */
static int list_ifaces(const struct chk_args *a, struct chk_iface *ifs)
{
	unsigned flags;
	int n = 0;

	if (!a->nifaces)
		return chk_ifaces_up(ifs, MAX_IFACES);
	for (int i = 0; i < a->nifaces && n < MAX_IFACES; i++, n++) {
		ifs[n].index = if_nametoindex(a->ifaces[i]);
		if (!ifs[n].index)
			return fail("interface \"%s\" does not exist", a->ifaces[i]), -1;
		flags = chk_iface_flags(a->ifaces[i]);
		if (!(flags & IFF_UP))
			return fail("\"%s\" is not an active interface", a->ifaces[i]), -1;
		snprintf(ifs[n].name, sizeof(ifs[n].name), "%s", a->ifaces[i]);
		ifs[n].loopback = flags & IFF_LOOPBACK;
	}
	return n;
}

/* The live test's servers, IPv4 on the first free port from -p and IPv6
 * on the next, run by a child process until the parent is done. */
struct live_servers {
	uint16_t port, port6;
	pid_t pid;
};

static int start_servers(const struct chk_args *a, struct live_servers *s)
{
	int fds[2];

	s->port = a->o.port;
	if ((fds[0] = chk_listen(false, &s->port)) < 0)
		return -1;
	s->port6 = s->port == UINT16_MAX ? s->port : s->port + 1;
	if ((fds[1] = chk_listen(true, &s->port6)) < 0) {
		close(fds[0]);
		return -1;
	}
	fflush(stdout);
	s->pid = fork();
	if (s->pid == 0)
		_exit(chk_serve(&a->o, fds, 2, false));
	close(fds[0]);
	close(fds[1]);
	if (s->pid < 0)
		return fail("cannot start the test server: %s", strerror(errno)), -1;
	return 0;
}

static void stop_servers(struct live_servers *s)
{
	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
}

/* One interface's live test: its status, or -1 when it has no address. */
static int live_iface(const struct chk_args *a, const struct live_servers *s, const struct chk_iface *iface,
		      struct json *j)
{
	struct chk_verdict v;
	struct chk_target t;

	if (!j)
		printf("  Live test (SMC-D and SMC-R)\n");
	if (!chk_iface_address(iface->name, s->port, s->port6, &t)) {
		if (!j)
			printf("     No usable IP address configured, skipping\n\n");
		return -1;
	}
	if (chk_connect(&a->o, &t, &v) < 0)
		return -2;
	if (j) {
		json_object_begin(j, "live_test");
		json_string(j, "target", t.text);
		chk_json_verdict(j, &v, "client", "server");
		json_object_end(j);
	} else {
		chk_print_verdict(&v, "Client", "Server");
		printf("\n");
	}
	return chk_status(&v);
}

/* The exit status over all interfaces: a failure before a fallback before
 * SMC; nothing tested is a failure. */
static int worst(int status, int next)
{
	if (next == -1)
		return status;
	if (status == CHK_FAILED || next == CHK_FAILED)
		return CHK_FAILED;
	if (status == -1)
		return next;
	return next == CHK_FALLBACK ? CHK_FALLBACK : status;
}

static int check_iface(const struct chk_args *a, const struct chk_system *sys, const struct live_servers *s,
		       const struct chk_iface *iface, struct json *j, int *status)
{
	int rc = 0;

	if (j) {
		json_object_begin(j, NULL);
		json_string(j, "interface", iface->name);
	} else if (a->mode == MODE_LIVE) {
		printf("Checking active link:    %s\n", iface->name);
	}
	if (a->mode != MODE_LIVE && chk_static(sys, iface, j) < 0)
		return -1;
	if (a->mode != MODE_STATIC && (rc = live_iface(a, s, iface, j)) < -1)
		return -1;
	if (j)
		json_object_end(j);
	*status = worst(*status, rc);
	return 0;
}

/* -s and/or -l */
static int run_ifaces(const struct chk_args *a)
{
	struct chk_iface ifs[MAX_IFACES];
	struct chk_system sys;
	struct live_servers servers = { 0, 0, 0 };
	int n = list_ifaces(a, ifs), status = a->mode == MODE_STATIC ? CHK_SMC : -1, rc = 0;
	struct json j;

	if (n < 0 || (a->mode != MODE_LIVE && chk_system_read(&sys) < 0))
		return 1;
	if (a->mode != MODE_STATIC && start_servers(a, &servers) < 0)
		rc = 1;
	if (a->o.json && !rc) {
		json_start(&j, stdout);
		json_array_begin(&j, "interfaces");
	}
	for (int i = 0; i < n && !rc; i++)
		rc = check_iface(a, &sys, &servers, &ifs[i], a->o.json ? &j : NULL, &status) < 0;
	if (a->o.json && !rc) {
		json_array_end(&j);
		json_end(&j);
	}
	if (servers.pid > 0)
		stop_servers(&servers);
	if (a->mode != MODE_LIVE)
		chk_system_free(&sys);
	return rc ? 1 : status < 0 ? CHK_FAILED : status;
}

int smc_chk_main(int argc, char **argv)
{
	struct chk_args a;
	int rc = parse_args(argc, argv, &a);

	if (rc < 0 && a.mode == MODE_CONNECT)
		rc = run_connect(&a);
	else if (rc < 0 && a.mode == MODE_SERVER)
		rc = run_server(&a);
	else if (rc < 0 && a.mode == MODE_PNETID)
		rc = chk_print_pnetid(&a.o, a.target);
	else if (rc < 0)
		rc = run_ifaces(&a);
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("cannot write the output");
	return rc;
}
