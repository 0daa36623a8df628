/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_run [-dhv] [-r SIZE] [-t SIZE] [--] PROGRAM [ARGS...]: exec PROGRAM
 * with libsmc-preload.so preloaded, so that its TCP sockets are SMC
 * sockets. The library is $SMC_PRELOAD_LIB, an installed copy, or the copy
 * embedded in this binary, written out to a private directory
 * (applets/preload_lib.c). */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/applet.h"
#include "applets/preload_lib.h"
#include "applets/run/supervisor.h"
#include "preload/size.h"

#define LIB_NAME "libsmc-preload.so"

/* How PROGRAM's sockets become SMC sockets (-m). */
enum mechanism { MECH_AUTO, MECH_PRELOAD, MECH_SECCOMP };
static const char *const mechanism_names[] = { "auto", "preload", "seccomp" };

struct run_opts {
	bool debug;
	enum mechanism mechanism;
	const char *rcvbuf, *sndbuf;	/* SIZE as given, or NULL */
	int rcv_bytes, snd_bytes;
};

/* A line on stderr that does not end the run. */
static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", applet_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int run_usage(void)
{
	printf("Usage: %s [-dhv] [-r SIZE] [-t SIZE] [-m MODE] [--] PROGRAM [ARGS...]\n"
	       "Run PROGRAM with its TCP sockets as SMC sockets (they stay TCP where the kernel\n"
	       "offers no AF_SMC): " LIB_NAME " preloaded, or a seccomp supervisor\n"
	       "making them for a program without PT_INTERP (statically linked).\n"
	       "  -d             diagnostic messages on stderr (SMC_DEBUG=1)\n"
	       "  -r SIZE        request receive buffers of SIZE (SO_RCVBUF, SMC_RCVBUF)\n"
	       "  -t SIZE        request transmit buffers of SIZE (SO_SNDBUF, SMC_SNDBUF)\n"
	       "  -m MODE        auto (the default): seccomp for a program without PT_INTERP,\n"
	       "                 else preload; preload: " LIB_NAME "; seccomp: a supervisor\n"
	       "                 that makes the sockets through seccomp user notification\n"
	       "  -h, --help     this help\n"
	       "  -v, --version  the version\n"
	       "SIZE is in bytes, or with k or m: 8k ... 1024k/1m.\n"
	       "The library: $SMC_PRELOAD_LIB, else %s/smc/" LIB_NAME " or ../lib/smc/\n"
	       "beside this binary, else the copy embedded in this binary.\n",
	       applet_name, SMC_LIBDIR);
	return 0;
}

static int parse_mechanism(const char *text, enum mechanism *m)
{
	for (unsigned i = 0; i < sizeof(mechanism_names) / sizeof(*mechanism_names); i++) {
		if (strcmp(text, mechanism_names[i]) == 0) {
			*m = (enum mechanism)i;
			return 0;
		}
	}
	return fail("invalid MODE \"%s\" for -m (auto, preload or seccomp)", text);
}

static int parse_size_option(char opt, const char *text, const char **given, int *bytes)
{
	if (smc_parse_size(text, bytes))
		return fail("invalid SIZE \"%s\" for -%c (bytes, or with k or m: 8k ... 1024k/1m, at most 2047m)",
			    text, opt);
	*given = text;
	return 0;
}

/* Returns the index of PROGRAM in argv, 0 after -h/-v, -1 on an error. */
static int parse_run_args(int argc, char **argv, struct run_opts *o)
{
	static const struct option longs[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const char *final_arg = argv[argc - 1];	/* see fail_refused_option() */
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:dhvm:r:t:", longs, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->debug = true;
			break;
		case 'h':
			return run_usage();
		case 'v':
			return print_version();
		case 'm':
			if (parse_mechanism(optarg, &o->mechanism))
				return -1;
			break;
		case 'r':
			if (parse_size_option('r', optarg, &o->rcvbuf, &o->rcv_bytes))
				return -1;
			break;
		case 't':
			if (parse_size_option('t', optarg, &o->sndbuf, &o->snd_bytes))
				return -1;
			break;
		case ':':
			return -fail_missing(optopt == 'm' ? "MODE" : "SIZE", final_arg, "-h");
		default:
			return -fail_refused_option("dhvm:r:t:", argv[optind - 1], "-h");
		}
	}
	if (optind == argc)
		return -fail_missing("PROGRAM", NULL, "-h");
	return optind;
}

/* The number in a /proc/sys file, or -1. (No stdio scanf: it would pull
 * glibc's wide-character scanner into the static binary.) */
static long read_sysctl(const char *path)
{
	char text[32], *end;
	ssize_t n = -1;
	long value;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		n = read(fd, text, sizeof(text) - 1);
		close(fd);
	}
	if (n <= 0)
		return -1;
	text[n] = '\0';
	errno = 0;
	value = strtol(text, &end, 10);
	return errno || end == text || value < 0 ? -1 : value;
}

/* Raise net.core.NAME (rmem_max, wmem_max) to BYTES if it is lower. */
static void raise_sysctl(const char *name, int bytes, bool debug)
{
	char path[64];
	long current;
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/net/core/%s", name);
	current = read_sysctl(path);
	if (current < 0) {
		note("cannot read net.core.%s: buffers may stay smaller than %d bytes", name, bytes);
		return;
	}
	if (current >= bytes)
		return;
	fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0 || dprintf(fd, "%d\n", bytes) < 0) {
		note("cannot raise net.core.%s from %ld to %d (%s): buffers stay at most %ld bytes", name, current,
		     bytes, strerror(errno), current);
	} else if (debug) {
		note("raised net.core.%s from %ld to %d", name, current, bytes);
	}
	if (fd >= 0)
		close(fd);
}

/* Nothing to add where our library is preloaded already (smc run under
 * smc run): a second copy would only be loaded twice. */
static int choose_library(const struct run_opts *o, struct preload_lib *lib)
{
	if (!preloaded_already(getenv("LD_PRELOAD")))
		return find_preload_library(lib, o->debug);
	lib->path[0] = '\0';
	lib->origin = "a libsmc-preload library is in LD_PRELOAD already";
	return 0;
}

/* The user's LD_PRELOAD stays first: a sanitizer runtime must be first. */
static int set_environment(const struct run_opts *o, const struct preload_lib *lib)
{
	const char *old = getenv("LD_PRELOAD");
	bool keep = old && *old;
	char *preload;
	int rc = lib->path[0] ? -1 : 0;

	if (lib->path[0] && asprintf(&preload, "%s%s%s", keep ? old : "", keep ? ":" : "", lib->path) >= 0) {
		rc = setenv("LD_PRELOAD", preload, 1);
		free(preload);
	}
	if (rc == 0 && o->rcvbuf)
		rc = setenv("SMC_RCVBUF", o->rcvbuf, 1);
	if (rc == 0 && o->sndbuf)
		rc = setenv("SMC_SNDBUF", o->sndbuf, 1);
	if (rc == 0 && o->debug)
		rc = setenv("SMC_DEBUG", "1", 1);
	return rc == 0 ? 0 : fail("cannot set the environment: %s", strerror(errno));
}

/* As env, exec and shells: 127 for a program not found, 126 for one found
 * that cannot be executed. */
#define EXIT_NOT_FOUND 127
#define EXIT_CANNOT_EXEC 126

static int exec_failure(const char *path, int err)
{
	fail("cannot execute %s: %s", path, strerror(err));
	return err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

static int check_executable(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return exec_failure(path, errno);
	if (S_ISDIR(st.st_mode))
		return exec_failure(path, EISDIR);
	if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0)
		return exec_failure(path, EACCES);
	return 0;
}

/* PROGRAM as execvp() finds it: as given if it has a '/', else in $PATH. */
static int find_program(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH"), *end;
	bool denied = false;
	struct stat st;

	if (strchr(name, '/')) {
		if (snprintf(path, size, "%s", name) >= (int)size)
			return exec_failure(name, ENAMETOOLONG);
		return check_executable(path);
	}
	if (!dirs)
		dirs = "/bin:/usr/bin";
	for (; *name && dirs; dirs = *end ? end + 1 : NULL) {
		int len;

		end = strchrnul(dirs, ':');
		len = (int)(end - dirs);
		if (snprintf(path, size, "%.*s%s%s", len, dirs, len ? "/" : "", name) >= (int)size ||
		    stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (access(path, X_OK) == 0)
			return 0;
		denied = true;
	}
	if (denied)
		return exec_failure(name, EACCES);
	fail("cannot find \"%s\" in PATH", name);
	return EXIT_NOT_FOUND;
}

/* False only for an ELF file without PT_INTERP: no loader, no preloading. */
static bool has_interpreter(const char *path)
{
	union {
		unsigned char ident[EI_NIDENT];
		Elf32_Ehdr h32;
		Elf64_Ehdr h64;
	} eh;
	unsigned long long offset;
	unsigned count, size;
	bool found = true;
	uint32_t type;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) || memcmp(eh.ident, ELFMAG, SELFMAG) != 0)
		goto out;
	if (eh.ident[EI_CLASS] == ELFCLASS64) {
		offset = eh.h64.e_phoff, count = eh.h64.e_phnum, size = eh.h64.e_phentsize;
	} else {
		offset = eh.h32.e_phoff, count = eh.h32.e_phnum, size = eh.h32.e_phentsize;
	}
	found = false;
	for (unsigned i = 0; i < count && !found; i++)
		found = pread(fd, &type, sizeof(type), (off_t)(offset + (unsigned long long)i * size)) != (ssize_t)sizeof(type) ||
			type == PT_INTERP;
out:
	if (fd >= 0)
		close(fd);
	return found;
}

/* execv(), and for a file the kernel cannot run, sh as execvp() does. */
static int exec_program(const char *path, int argc, char **argv)
{
	char **sh_argv;

	execv(path, argv);
	if (errno != ENOEXEC)
		return exec_failure(path, errno);
	sh_argv = calloc((size_t)argc + 2, sizeof(*sh_argv));
	if (!sh_argv)
		return exec_failure(path, errno);
	sh_argv[0] = "sh";
	sh_argv[1] = (char *)path;
	memcpy(sh_argv + 2, argv + 1, (size_t)argc * sizeof(*sh_argv));
	execv("/bin/sh", sh_argv);
	free(sh_argv);
	fail("cannot execute %s through /bin/sh: %s", path, strerror(errno));
	return errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}

static void raise_buffer_limits(const struct run_opts *o)
{
	if (o->rcvbuf)
		raise_sysctl("rmem_max", o->rcv_bytes, o->debug);
	if (o->sndbuf)
		raise_sysctl("wmem_max", o->snd_bytes, o->debug);
}

/* -m seccomp, or -m auto for a program without a loader to preload into. */
static bool wants_supervisor(const struct run_opts *o, const char *path)
{
	if (o->mechanism == MECH_AUTO && !has_interpreter(path)) {
		if (o->debug)
			note("%s has no PT_INTERP (statically linked): a seccomp supervisor makes its sockets", path);
		return true;
	}
	if (o->mechanism == MECH_SECCOMP && o->debug)
		note("-m seccomp: a seccomp supervisor makes the sockets of %s", path);
	return o->mechanism == MECH_SECCOMP;
}

/* Under the filter, or unchanged where the kernel cannot supervise. */
static int run_supervised(const struct run_opts *o, const char *path, int argc, char **argv)
{
	struct supervisor_opts so = { .rcv_bytes = o->rcv_bytes, .snd_bytes = o->snd_bytes };
	char why[160];

	raise_buffer_limits(o);
	switch (supervisor_start(&so, why, sizeof(why))) {
	case SUPERVISOR_READY:
		break;
	case SUPERVISOR_UNAVAILABLE:
		note("%s: %s runs unchanged, its sockets stay TCP", why, path);
		break;
	case SUPERVISOR_FAILED:
		return fail("%s", why);
	}
	fflush(NULL);
	return exec_program(path, argc, argv);
}

int smc_run_main(int argc, char **argv)
{
	struct run_opts opts = { 0 };
	struct preload_lib lib;
	char path[PATH_MAX];
	int first = parse_run_args(argc, argv, &opts), rc;

	if (first <= 0)
		return -first;
	rc = find_program(argv[first], path, sizeof(path));
	if (rc)
		return rc;
	if (wants_supervisor(&opts, path))
		return run_supervised(&opts, path, argc - first, argv + first);
	if (choose_library(&opts, &lib) || set_environment(&opts, &lib))
		return 1;
	raise_buffer_limits(&opts);
	if (opts.debug) {
		if (lib.path[0])
			note("preloading %s (%s)", lib.path, lib.origin);
		else
			note("not preloading " LIB_NAME ": %s", lib.origin);
		if (!has_interpreter(path))
			note("%s is statically linked: the preload library cannot take effect", path);
	}
	fflush(NULL);
	return exec_program(path, argc - first, argv + first);
}
