/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc --install [-s] [-r] [-f] DIR: a link named after every applet in DIR,
 * and the preload library in DIR/../lib/smc, where smc_run looks for it.
 * Every check runs before the first change: a refused install changes
 * nothing. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/applet.h"

#define LIB_SUBDIR "/../lib/smc"
#define LIB_FILE "/libsmc-preload.so"

struct install_opts {
	bool symbolic, relative, force;
	const char *dir;
	/* What the links point to: DIR/smc where it exists, so that the links
	 * stay valid when DIR becomes another root's /bin, else this binary.
	 * LINK_TEXT is what a symbolic link holds: "smc", also with -r before
	 * DIR/smc is there, or else this binary's absolute path. */
	char target[PATH_MAX], link_text[PATH_MAX];
	struct stat target_st;
	char lib_dir[PATH_MAX], lib_path[PATH_MAX];
};

static int path_in(char *path, size_t size, const char *dir, const char *name)
{
	if (snprintf(path, size, "%s/%s", dir, name) >= (int)size)
		return fail("install: path too long: %s/%s", dir, name);
	return 0;
}

/* The links name DIR/smc when it is there (a copy of this binary, or one
 * built for the image's machine), else this binary. */
static int choose_target(struct install_opts *o)
{
	ssize_t n;

	if (path_in(o->target, sizeof(o->target), o->dir, "smc"))
		return 1;
	if (stat(o->target, &o->target_st) == 0 && S_ISREG(o->target_st.st_mode)) {
		snprintf(o->link_text, sizeof(o->link_text), "smc");
		return 0;
	}
	n = readlink("/proc/self/exe", o->target, sizeof(o->target) - 1);
	if (n <= 0)
		return fail("install: cannot find this binary through /proc/self/exe (is /proc mounted?)");
	o->target[n] = '\0';
	if (stat(o->target, &o->target_st) != 0)
		return fail("install: cannot find this binary through /proc/self/exe (is /proc mounted?)");
	snprintf(o->link_text, sizeof(o->link_text), "%s", o->relative ? "smc" : o->target);
	return 0;
}

/* An existing entry may be replaced if it already is the target, or the
 * symbolic link this install makes (with -r, DIR/smc may not be there). */
static bool is_link_to_target(const char *path, const struct install_opts *o)
{
	char text[PATH_MAX];
	ssize_t n = o->symbolic ? readlink(path, text, sizeof(text) - 1) : -1;
	struct stat st;

	if (n >= 0 && (size_t)n == strlen(o->link_text) && memcmp(text, o->link_text, (size_t)n) == 0)
		return true;
	return stat(path, &st) == 0 && st.st_dev == o->target_st.st_dev && st.st_ino == o->target_st.st_ino;
}

static int check_applet_link(const char *name, const struct install_opts *o)
{
	char path[PATH_MAX];
	struct stat st;

	if (path_in(path, sizeof(path), o->dir, name))
		return 1;
	if (lstat(path, &st) == 0 && !o->force && !is_link_to_target(path, o))
		return fail("install: %s exists and is not a link to %s (use -f to replace it)", path, o->target);
	return 0;
}

static int check_dir(const struct install_opts *o)
{
	struct stat st;

	if (stat(o->dir, &st) != 0)
		return fail("install: %s: %s", o->dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return fail("install: %s: %s", o->dir, strerror(ENOTDIR));
	if (access(o->dir, W_OK | X_OK) != 0)
		return fail("install: cannot write in %s: %s", o->dir, strerror(errno));
	if (!o->symbolic && st.st_dev != o->target_st.st_dev)
		return fail("install: %s is on another file system than %s; use -s for symbolic links", o->dir,
			    o->target);
	return 0;
}

/* A library there already must be this binary's, or -f. */
static int check_library(struct install_opts *o)
{
	int fd;

	if (snprintf(o->lib_dir, sizeof(o->lib_dir), "%s" LIB_SUBDIR, o->dir) >= (int)sizeof(o->lib_dir) ||
	    snprintf(o->lib_path, sizeof(o->lib_path), "%s" LIB_FILE, o->lib_dir) >= (int)sizeof(o->lib_path))
		return fail("install: path too long: %s" LIB_SUBDIR LIB_FILE, o->dir);
	fd = open(o->lib_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (!o->force && !is_preload_library(fd)) {
		close(fd);
		return fail("install: %s exists and is not this smc's library (use -f to replace it)", o->lib_path);
	}
	close(fd);
	return 0;
}

static int link_applet(const char *name, const struct install_opts *o)
{
	char path[PATH_MAX];
	int rc;

	path_in(path, sizeof(path), o->dir, name);
	if (unlink(path) != 0 && errno != ENOENT)
		return fail("install: cannot remove %s: %s", path, strerror(errno));
	rc = o->symbolic ? symlink(o->link_text, path) : link(o->target, path);
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

/* DIR/../lib, then DIR/../lib/smc. */
static int make_lib_dirs(char *dir)
{
	char *last = strrchr(dir, '/');
	int rc;

	*last = '\0';
	rc = mkdir(dir, 0755);
	*last = '/';
	if (rc != 0 && errno != EEXIST)
		return -1;
	return mkdir(dir, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

static int install_library(struct install_opts *o)
{
	char tmp[PATH_MAX];
	bool written;
	int fd;

	if (make_lib_dirs(o->lib_dir) != 0)
		return library_not_written(o->lib_path, strerror(errno));
	if (snprintf(tmp, sizeof(tmp), "%s/.libsmc-preload.so.XXXXXX", o->lib_dir) >= (int)sizeof(tmp))
		return library_not_written(o->lib_path, strerror(ENAMETOOLONG));
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return library_not_written(o->lib_path, strerror(errno));
	written = write_preload_library(fd) == 0 && fchmod(fd, 0644) == 0;
	if (close(fd) != 0 || !written || rename(tmp, o->lib_path) != 0) {
		int err = errno;

		unlink(tmp);
		return library_not_written(o->lib_path, strerror(err));
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

	if (parse_install_args(argc, argv, &o) || choose_target(&o) || check_dir(&o))
		return 1;
	for (size_t i = 0; i < applet_count; i++)
		if (check_applet_link(applets[i].name, &o))
			return 1;
	if (check_library(&o))
		return 1;
	for (size_t i = 0; i < applet_count; i++)
		if (link_applet(applets[i].name, &o))
			return 1;
	return install_library(&o);
}
