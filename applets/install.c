/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc --install [-s] [-r] [-f] DIR: a link named after every applet in DIR,
 * and the preload library in DIR/../lib, where smc_run looks for it. The
 * links name DIR/smc when it is this binary or a copy of it (symbolic ones
 * as the relative "smc", so that they stay right when DIR becomes an
 * image's /bin), or with -r; else the running binary's absolute path. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/applet.h"

struct install_opts {
	bool symbolic, relative, force;
	const char *dir;
	char self[PATH_MAX], dir_smc[PATH_MAX];
	const char *target;	/* what the links name: self, dir_smc or "smc" */
	struct stat self_st;
};

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* An existing entry may be replaced if it already is this binary, or the
 * symbolic link this install would make. */
static bool is_link_to_self(const char *path, const struct install_opts *o)
{
	char dest[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (stat(path, &st) == 0 && same_file(&st, &o->self_st))
		return true;
	n = o->symbolic ? readlink(path, dest, sizeof(dest) - 1) : -1;
	return n > 0 && (size_t)n == strlen(o->target) && memcmp(dest, o->target, (size_t)n) == 0;
}

static bool same_contents(const char *a, const char *b)
{
	FILE *fa = fopen(a, "re"), *fb = fopen(b, "re");
	char bufa[4096], bufb[4096];
	bool same = fa && fb;
	size_t n;

	while (same && (n = fread(bufa, 1, sizeof(bufa), fa)) > 0)
		same = fread(bufb, 1, n, fb) == n && memcmp(bufa, bufb, n) == 0;
	same = same && !ferror(fa) && fgetc(fb) == EOF;
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* DIR/smc is this binary or a byte-for-byte copy of it. */
static bool dir_holds_self(const struct install_opts *o)
{
	struct stat st;

	if (stat(o->dir_smc, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	return same_file(&st, &o->self_st) ||
	       (st.st_size == o->self_st.st_size && same_contents(o->dir_smc, o->self));
}

static int choose_target(struct install_opts *o)
{
	bool in_dir;

	if (snprintf(o->dir_smc, sizeof(o->dir_smc), "%s/smc", o->dir) >= (int)sizeof(o->dir_smc))
		return fail("install: path too long: %s/smc", o->dir);
	in_dir = dir_holds_self(o);
	if (o->symbolic && (o->relative || in_dir))
		o->target = "smc";
	else
		o->target = in_dir ? o->dir_smc : o->self;
	return 0;
}

static int link_applet(const char *name, const struct install_opts *o)
{
	char path[PATH_MAX];
	struct stat st;
	int rc;

	if (snprintf(path, sizeof(path), "%s/%s", o->dir, name) >= (int)sizeof(path))
		return fail("install: path too long: %s/%s", o->dir, name);
	if (lstat(path, &st) == 0) {
		if (!o->force && !is_link_to_self(path, o))
			return fail("install: %s exists and is not a link to %s (use -f to replace it)", path, o->target);
		if (unlink(path) != 0)
			return fail("install: cannot remove %s: %s", path, strerror(errno));
	}
	rc = o->symbolic ? symlink(o->target, path) : link(o->target, path);
	if (rc != 0 && errno == EXDEV)
		return fail("install: %s is on another file system than %s; use -s for symbolic links", o->dir, o->target);
	if (rc != 0)
		return fail("install: cannot create %s: %s", path, strerror(errno));
	return 0;
}

/* Not being able to write the library is no error: smc_run then uses the
 * copy embedded in smc. */
static int library_not_written(const char *path, const char *why)
{
	fprintf(stderr, "%s: install: cannot write %s (%s); smc_run will use the copy embedded in smc, "
		"or put a copy there or name one in SMC_PRELOAD_LIB\n", applet_name, path, why);
	return 0;
}

static int install_library(const struct install_opts *o)
{
	char dir[PATH_MAX - 32], path[PATH_MAX], tmp[PATH_MAX];
	int fd;

	if (snprintf(dir, sizeof(dir), "%s/../lib", o->dir) >= (int)sizeof(dir))
		return fail("install: path too long: %s/../lib", o->dir);
	snprintf(path, sizeof(path), "%s/libsmc-preload.so", dir);
	snprintf(tmp, sizeof(tmp), "%s/.libsmc-preload.so.XXXXXX", dir);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return library_not_written(path, strerror(errno));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && !o->force && !is_preload_library(fd)) {
		close(fd);
		return fail("install: %s exists and is not this smc's library (use -f to replace it)", path);
	}
	if (fd >= 0)
		close(fd);
	fd = mkstemp(tmp);
	if (fd < 0)
		return library_not_written(path, strerror(errno));
	if (write_preload_library(fd) != 0 || fchmod(fd, 0644) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		int err = errno;

		unlink(tmp);
		return library_not_written(path, strerror(err));
	}
	return 0;
}

static int parse_install_args(int argc, char **argv, struct install_opts *o)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-s") == 0)
			o->symbolic = true;
		else if (strcmp(argv[i], "-r") == 0)
			o->symbolic = o->relative = true;
		else if (strcmp(argv[i], "-f") == 0)
			o->force = true;
		else
			return fail_unknown("option", argv[i], "--help");
	}
	if (i == argc)
		return fail_missing("DIR", argv[0], "--help");
	if (i != argc - 1)
		return fail_extra(argv[i + 1], "--help");
	o->dir = argv[i];
	return 0;
}

int smc_install(int argc, char **argv)
{
	struct install_opts o = { 0 };
	ssize_t n;

	if (parse_install_args(argc, argv, &o))
		return 1;
	n = readlink("/proc/self/exe", o.self, sizeof(o.self) - 1);
	if (n <= 0 || stat(o.self, &o.self_st) != 0)
		return fail("install: cannot find this binary through /proc/self/exe (is /proc mounted?)");
	o.self[n] = '\0';
	if (choose_target(&o))
		return 1;
	for (size_t i = 0; i < applet_count; i++)
		if (link_applet(applets[i].name, &o))
			return 1;
	return install_library(&o);
}
