/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Where the stats baseline lives: the order of the places, showing creates
 * nothing, a read-only home falls back to a temporary directory, and root
 * with another user's HOME and XDG_RUNTIME_DIR never writes into them. The
 * places are directories of a private temporary tree. */
#include <dirent.h>
#include <pwd.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "tests/unit/check.h"
#include "applets/objects/snapshot.h"

static char top[64];
static char run[128], cache[128], home[128], run_user[128], tmpdir[128], tmp[128];

static const char *at(char *buf, const char *name)
{
	snprintf(buf, 128, "%s/%s", top, name);
	return buf;
}

/* A fresh tree: each place an empty directory of this user, tmp sticky. */
static void fresh(void)
{
	char cmd[256], uid_dir[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'/*", top);
	if (system(cmd) != 0)
		exit(1);
	mkdir(at(run, "run"), 0700);
	mkdir(at(cache, "cache"), 0700);
	mkdir(at(home, "home"), 0755);
	mkdir(at(run_user, "run_user"), 0755);
	snprintf(uid_dir, sizeof(uid_dir), "%s/%u", run_user, (unsigned)geteuid());
	mkdir(uid_dir, 0700);
	mkdir(at(tmpdir, "tmpdir"), 0700);
	mkdir(at(tmp, "tmp"), 0777);
	chmod(tmp, 01777);
}

static struct snapshot_places places(const char *runtime, const char *cache_home, const char *home_dir,
				     const char *tmpdir_env)
{
	return (struct snapshot_places){ runtime, cache_home, home_dir, run_user, tmpdir_env, tmp };
}

static bool locate_in(const struct snapshot_places *p, bool create, const char *want_parent, const char *want_leaf,
		      struct snapshot *s)
{
	char why[SNAPSHOT_TEXT_LEN] = "", want[300];

	snprintf(want, sizeof(want), "%s/%s", want_parent, want_leaf);
	if (snapshot_locate_at(s, p, create, why) != 0) {
		printf("# locate: %s\n", why);
		return false;
	}
	return strcmp(s->dir, want) == 0;
}

/* Entries of DIR, recursively, as a count. */
static int entries(const char *dir)
{
	char cmd[256];
	FILE *f;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "find '%s' -mindepth 1 | wc -l", dir);
	f = popen(cmd, "r");
	if (f && fscanf(f, "%d", &n) != 1)
		n = -1;
	if (f)
		pclose(f);
	return n;
}

static void test_order(void)
{
	struct snapshot_places p;
	char why[SNAPSHOT_TEXT_LEN], leaf[32], path[300];
	struct snapshot s;
	struct stat st;

	snprintf(leaf, sizeof(leaf), "smc-%u", (unsigned)geteuid());
	fresh();
	p = places(run, cache, home, tmpdir);
	CHECK(snapshot_locate_at(&s, &p, false, why) == 1, "show with no baseline anywhere: none (%s)", why);
	CHECK(entries(top) == 7, "show created nothing (%d entries, 7 made by the test)", entries(top));
	CHECK(locate_in(&p, true, run, "smc", &s), "reset: XDG_RUNTIME_DIR/smc first: %s", s.dir);
	CHECK(stat(s.dir, &st) == 0 && (st.st_mode & 0777) == 0700, "made with mode 0700");
	CHECK(strncmp(s.name, "stats-net", 9) == 0, "keyed by network namespace: %s", s.name);
	CHECK(locate_in(&p, false, run, "smc", &s), "show finds it there");
	p = places(NULL, cache, home, tmpdir);
	CHECK(locate_in(&p, true, cache, "smc", &s), "else XDG_CACHE_HOME/smc: %s", s.dir);
	p = places("relative", NULL, home, tmpdir);
	snprintf(path, sizeof(path), "%s/.cache", home);
	CHECK(locate_in(&p, true, path, "smc", &s), "else HOME/.cache/smc (a relative path is no place): %s", s.dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700, "HOME/.cache made with mode 0700");
	{
		/* HOME/./././.../missing: cut short, it would be HOME. */
		char long_home[5000];
		size_t n = (size_t)snprintf(long_home, sizeof(long_home), "%s", home);

		while (n < sizeof(long_home) - 20)
			n += (size_t)snprintf(long_home + n, sizeof(long_home) - n, "/.");
		strcpy(long_home + n, "/missing");
		p = places(NULL, NULL, long_home, tmpdir);
		CHECK(snapshot_locate_at(&s, &p, true, why) == 0 && strncmp(s.dir, home, strlen(home)) != 0,
		      "a HOME too long is no place, not cut to another directory: %.80s", s.dir);
	}
	fresh();
	p = places(NULL, NULL, NULL, tmpdir);
	snprintf(path, sizeof(path), "%s/%u", run_user, (unsigned)geteuid());
	CHECK(locate_in(&p, true, path, "smc", &s), "else /run/user/UID/smc: %s", s.dir);
	rmdir(s.dir);
	rmdir(path);
	CHECK(locate_in(&p, true, tmpdir, leaf, &s), "else TMPDIR/smc-UID: %s", s.dir);
	p = places(NULL, NULL, NULL, NULL);
	CHECK(locate_in(&p, true, tmp, leaf, &s), "else /tmp/smc-UID: %s", s.dir);
	CHECK(locate_in(&p, false, tmp, leaf, &s), "show finds /tmp/smc-UID");
	chmod(s.dir, 0777);
	CHECK(snapshot_locate_at(&s, &p, false, why) < 0 && strstr(why, "not a private directory"),
	      "a place that is there but not private is refused, not passed over: %s", why);
}

/* Root, HOME and XDG_RUNTIME_DIR of another user (sudo -E): that user's
 * directories are no places; nothing is made in them. */
static void test_foreign(const struct passwd *user)
{
	char why[SNAPSHOT_TEXT_LEN], path[300];
	struct snapshot_places p;
	struct snapshot s;

	fresh();
	if (!CHECK(chown(run, user->pw_uid, user->pw_gid) == 0 && chown(home, user->pw_uid, user->pw_gid) == 0,
		   "runtime directory and HOME of %s", user->pw_name))
		return;
	p = places(run, NULL, home, NULL);
	snprintf(path, sizeof(path), "%s/%u", run_user, (unsigned)geteuid());
	CHECK(snapshot_locate_at(&s, &p, false, why) == 1, "foreign: show finds none");
	CHECK(locate_in(&p, true, path, "smc", &s), "foreign: reset uses root's own /run/user/0: %s", s.dir);
	CHECK(entries(run) == 0 && entries(home) == 0, "foreign: nothing made in %s's directories", user->pw_name);
	rmdir(s.dir);
	rmdir(path);
	CHECK(chown(tmp, user->pw_uid, user->pw_gid) == 0 && chmod(tmp, 0777) == 0, "tmp of %s, not sticky",
	      user->pw_name);
	CHECK(snapshot_locate_at(&s, &p, true, why) < 0 && strstr(why, "no directory of this user"),
	      "foreign and no sticky tmp: refused in one line: %s", why);
	CHECK(entries(top) == 6, "foreign: nothing made anywhere (%d entries, 6 made by the test)", entries(top));
}

/* A read-only HOME and /run/user/UID (a read-only root without
 * XDG_RUNTIME_DIR): the baseline goes to TMPDIR or /tmp. In a private mount
 * namespace, where a read-only tmpfs is mounted over them. */
static void test_read_only(void)
{
	char why[SNAPSHOT_TEXT_LEN], leaf[32], path[300];
	struct snapshot_places p;
	struct snapshot s;
	int status;
	pid_t pid;

	fresh();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
		    mount("ro", home, "tmpfs", MS_RDONLY, "mode=0755") < 0 ||
		    mount("ro", run_user, "tmpfs", MS_RDONLY, "mode=0755") < 0)
			_exit(2);
		snprintf(leaf, sizeof(leaf), "smc-%u", (unsigned)geteuid());
		p = places(NULL, NULL, home, NULL);
		CHECK(locate_in(&p, true, tmp, leaf, &s), "read-only HOME: reset falls back to /tmp: %s", s.dir);
		CHECK(locate_in(&p, false, tmp, leaf, &s), "read-only HOME: show finds it");
		rmdir(s.dir);
		p = places(NULL, NULL, home, tmpdir);
		CHECK(locate_in(&p, true, tmpdir, leaf, &s), "read-only HOME: TMPDIR before /tmp: %s", s.dir);
		mount("ro", tmpdir, "tmpfs", MS_RDONLY, "mode=0700");
		mount("ro", tmp, "tmpfs", MS_RDONLY, "mode=01777");
		snprintf(path, sizeof(path), "%s/%s", tmp, leaf);
		CHECK(snapshot_locate_at(&s, &p, true, why) < 0 && strstr(why, path) && strstr(why, "Read-only"),
		      "nothing writable: the last place's error: %s", why);
		fflush(stdout);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "read-only places: checked in a private mount namespace");
}

int main(void)
{
	struct passwd *nobody = getpwnam("nobody");
	char cmd[128];

	snprintf(top, sizeof(top), "/tmp/test_snapshot_places.XXXXXX");
	if (!mkdtemp(top))
		return 1;
	test_order();
	if (geteuid() == 0 && nobody) {
		test_foreign(nobody);
		test_read_only();
	} else {
		printf("# not root: the foreign-user and read-only cases need root (not run)\n");
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd) == 0 ? 0 : 1;
}
