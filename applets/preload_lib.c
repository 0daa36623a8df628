/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which copy of libsmc-preload.so smc_run hands to the loader. LD_PRELOAD
 * is inherited by the whole process tree, so the copy is always an absolute
 * path to a file that stays valid for every descendant: never a descriptor
 * (/proc/self/fd/N names another file, or none, in a descendant). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "applets/applet.h"
#include "applets/preload_lib.h"

#define LIB_NAME "libsmc-preload.so"

/* LD_PRELOAD separates entries with ':' or white space. */
static bool preloadable(const char *path)
{
	return !strpbrk(path, ": \t\n");
}

/* Nobody but root and the caller can change it. */
static bool safe_owner(const struct stat *st)
{
	return (st->st_uid == 0 || st->st_uid == geteuid()) && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

/* An installed copy is used only where nobody else can have put it: the
 * file and its directory owned by root or the caller, not writable by
 * group or others. */
static bool trusted_copy(const char *path, struct preload_lib *lib, bool debug)
{
	char dir[PATH_MAX];
	struct stat st;

	if (!realpath(path, lib->path))
		return false;
	snprintf(dir, sizeof(dir), "%s", lib->path);
	*strrchr(dir, '/') = '\0';
	if (stat(lib->path, &st) != 0 || !S_ISREG(st.st_mode) || access(lib->path, R_OK) != 0)
		return false;
	if (!safe_owner(&st) || stat(*dir ? dir : "/", &st) != 0 || !safe_owner(&st)) {
		if (debug)	/* fail() only prints the line; the run goes on */
			fail("ignoring %s: it or its directory is owned or writable by another user", lib->path);
		return false;
	}
	if (!preloadable(lib->path)) {
		if (debug)
			fail("ignoring %s: its path contains ':' or white space", lib->path);
		return false;
	}
	return true;
}

/* DIR_OF(FILE)/../lib/smc/libsmc-preload.so into OUT. */
static bool beside(const char *file, char *out, size_t size)
{
	const char *slash;

	if (!file || !*file)
		return false;
	slash = strrchr(file, '/');
	return snprintf(out, size, "%.*s%s../lib/smc/" LIB_NAME, slash ? (int)(slash - file) : 0, file,
			slash ? "/" : "") < (int)size;
}

/* SMC_LIBDIR/smc, then ../lib/smc beside this binary as it was invoked
 * (a link made by smc --install) and as resolved (the binary itself). */
static bool installed_library(struct preload_lib *lib, bool debug)
{
	char exe[PATH_MAX], path[PATH_MAX + 32];
	const char *invoked = (const char *)getauxval(AT_EXECFN);
	ssize_t n;

	if (trusted_copy(SMC_LIBDIR "/smc/" LIB_NAME, lib, debug))
		return true;
	if (beside(invoked, path, sizeof(path)) && trusted_copy(path, lib, debug))
		return true;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	return beside(exe, path, sizeof(path)) && trusted_copy(path, lib, debug);
}

/* Owned by root or the caller, and others cannot rename what is in it:
 * not writable by them, or sticky (/tmp). */
static bool safe_parent(const struct stat *st)
{
	return (st->st_uid == 0 || st->st_uid == geteuid()) &&
	       (!(st->st_mode & (S_IWGRP | S_IWOTH)) || (st->st_mode & S_ISVTX));
}

/* PARENT/NAME may hold the copy: PARENT absolute and safe, NAME a real
 * directory made by us (or already ours) with mode 0700, on a file system
 * that allows mapping code. */
static bool private_dir(const char *parent, const char *name, char *dir, size_t size)
{
	char real[PATH_MAX];
	struct statvfs vfs;
	struct stat st;

	if (!parent || parent[0] != '/' || !realpath(parent, real) || stat(real, &st) != 0 || !safe_parent(&st))
		return false;
	if (snprintf(dir, size, "%s/%s", strcmp(real, "/") ? real : "", name) >= (int)size || !preloadable(dir))
		return false;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return false;
	return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && !(st.st_mode & 077) &&
	       statvfs(dir, &vfs) == 0 && !(vfs.f_flag & ST_NOEXEC);
}

/* PATH is our read-only file and holds exactly the embedded library. */
static bool verified_copy(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	bool good;

	if (fd < 0)
		return false;
	good = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && !(st.st_mode & 0222) &&
	       is_preload_library(fd);
	close(fd);
	return good;
}

/* Written under a temporary name and renamed, so that a program starting
 * at the same moment sees the old copy or the whole new one. */
static void write_copy(const char *dir, const char *path)
{
	char tmp[PATH_MAX];
	bool written;
	int fd;

	if (snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, LIB_NAME) >= (int)sizeof(tmp))
		return;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return;
	written = write_preload_library(fd) == 0 && fchmod(fd, 0444) == 0;
	if (close(fd) != 0 || !written || rename(tmp, path) != 0)
		unlink(tmp);
}

/* The embedded copy as a file named after its content in the caller's
 * private directory: written once, checked before every use. */
static bool private_copy(struct preload_lib *lib)
{
	char uid_name[32], dir[PATH_MAX - 64];
	const char *tmpdir = getenv("TMPDIR");
	const struct { const char *parent, *name; } places[] = {
		{ getenv("XDG_RUNTIME_DIR"), "smc" },
		{ tmpdir && *tmpdir ? tmpdir : "/tmp", uid_name },
		{ "/dev/shm", uid_name },
	};

	snprintf(uid_name, sizeof(uid_name), "smc-%u", (unsigned)geteuid());
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		if (!private_dir(places[i].parent, places[i].name, dir, sizeof(dir)))
			continue;
		snprintf(lib->path, sizeof(lib->path), "%s/libsmc-preload-%s-%016llx.so", dir, SMC_VERSION,
			 preload_library_hash());
		if (!verified_copy(lib->path))
			write_copy(dir, lib->path);
		if (verified_copy(lib->path))
			return true;
	}
	return false;
}

static int env_library(const char *env, struct preload_lib *lib)
{
	if (!realpath(env, lib->path) || access(lib->path, R_OK) != 0)
		return fail("SMC_PRELOAD_LIB: cannot read %s: %s", env, strerror(errno));
	if (!preloadable(lib->path))
		return fail("SMC_PRELOAD_LIB: cannot preload %s: its path contains ':' or white space", lib->path);
	lib->origin = "$SMC_PRELOAD_LIB";
	return 0;
}

int find_preload_library(struct preload_lib *lib, bool debug)
{
	const char *env = getenv("SMC_PRELOAD_LIB");

	lib->path[0] = '\0';
	if (env && *env)
		return env_library(env, lib);
	if (installed_library(lib, debug)) {
		lib->origin = "the installed copy";
		return 0;
	}
	if (private_copy(lib)) {
		lib->origin = "the copy embedded in smc, in a private directory";
		return 0;
	}
	lib->path[0] = '\0';
	lib->origin = "no private directory for the copy embedded in smc "
		      "($XDG_RUNTIME_DIR/smc, $TMPDIR/smc-UID, /tmp/smc-UID or /dev/shm/smc-UID)";
	return 0;
}

/* Our library already in LD_PRELOAD (smc run under smc run): an entry
 * whose file name starts with "libsmc-preload". */
bool preloaded_already(const char *ld_preload)
{
	static const char prefix[] = "libsmc-preload";

	while (ld_preload && *ld_preload) {
		size_t len = strcspn(ld_preload, ": \t\n");
		const char *slash = memrchr(ld_preload, '/', len);
		const char *base = slash ? slash + 1 : ld_preload;

		if ((size_t)(ld_preload + len - base) >= sizeof(prefix) - 1 &&
		    memcmp(base, prefix, sizeof(prefix) - 1) == 0)
			return true;
		ld_preload += len + (ld_preload[len] != '\0');
	}
	return false;
}
