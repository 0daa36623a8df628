/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stats reset baseline under load and against hostile paths, on real
 * replies (tests/fixtures/fallback-*, no kernel): 8 processes doing 100
 * show/reset cycles each at once; a baseline path that is a symbolic link,
 * a directory, another user's file or unreadable is refused with a
 * message and never followed. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "tests/unit/check.h"
#include "applets/objects/snapshot.h"
#include "applets/objects/stats.h"

#define PROCS 8
#define CYCLES 100

static char dir[64];
static struct smc_stats held, after, diff;

/* One recorded dump (NAME.0, NAME.1 in DIR) parsed by PARSE into ST. */
static bool load(const char *fixture, const char *name, struct smc_stats *st,
		 int (*parse)(const void *, size_t, struct smc_stats *, struct nl_error *))
{
	char path[256], *buf, *part;
	size_t len = 0, n;
	struct nl_error err;
	bool ok;

	buf = malloc(1 << 16);
	for (int i = 0; buf && i < 2; i++) {
		snprintf(path, sizeof(path), "tests/fixtures/%s/%s.%d", fixture, name, i);
		part = read_fixture(path, &n);
		if (!part || len + n > 1 << 16) {
			free(part);
			free(buf);
			return false;
		}
		memcpy(buf + len, part, n);
		len += n;
		free(part);
	}
	ok = buf && parse(buf, len, st, &err) == 0;
	free(buf);
	return ok;
}

static bool load_stats(const char *fixture, struct smc_stats *st)
{
	memset(st, 0, sizeof(*st));
	return load(fixture, "get_stats", st, stats_parse) && load(fixture, "get_fback_stats", st, stats_parse_fback);
}

static char *text_of(const struct smc_stats *st)
{
	char *text = NULL;
	size_t size;
	FILE *f = open_memstream(&text, &size);

	stats_print_text(f, st, STATS_SMCR, 1);
	stats_print_text(f, st, STATS_SMCD, 1);
	fclose(f);
	return text;
}

/* A negative number, or one so large that a subtraction must have wrapped. */
static bool garbled(const char *text)
{
	for (const char *c = text; *c; c++) {
		size_t digits = strspn(c, "0123456789");

		if ((*c == '-' && c[1] >= '0' && c[1] <= '9') || digits >= 19)
			return true;
		c += digits ? digits - 1 : 0;
	}
	return false;
}

/* A directory where a reset happened (a show reads only there): its lock
 * file exists, its baseline is removed. */
static int locate(struct snapshot *s, const char *sub)
{
	static const struct smc_stats zero;
	char why[SNAPSHOT_TEXT_LEN], path[128], file[4200];

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	if (snapshot_locate_in(s, path, why) < 0 || snapshot_save(s, &zero, why) < 0)
		return -1;
	snprintf(file, sizeof(file), "%s/%s", s->dir, s->name);
	return unlink(file);
}

/* One process: show (counters of "after" minus the baseline) then reset
 * (baseline "held"), CYCLES times. Exit status: how many shows were wrong. */
static int cycles(const struct snapshot *s, int start_fd, const char *want_raw, const char *want_diff)
{
	static struct smc_stats st;
	char note[SNAPSHOT_TEXT_LEN], go;
	int wrong = 0;

	if (read(start_fd, &go, 1) < 0)
		return 100;
	for (int i = 0; i < CYCLES; i++) {
		char *text;

		st = after;
		if (snapshot_apply(s, &st, note) != 0)
			wrong++;
		text = text_of(&st);
		if (garbled(text) || (strcmp(text, want_diff) != 0 && strcmp(text, want_raw) != 0))
			wrong++;
		free(text);
		if (snapshot_save(s, &held, note) < 0)
			wrong++;
	}
	return wrong > 100 ? 100 : wrong;
}

static void test_race(void)
{
	char *want_raw, *want_diff;
	struct snapshot s;
	int start[2], status, clean = 0;
	pid_t pid[PROCS];

	if (!CHECK(load_stats("fallback-held", &held) && load_stats("fallback-after", &after),
		   "recorded statistics of fallback-held and fallback-after parse"))
		return;
	CHECK(stats_covers(&after, &held) && memcmp(&after, &held, sizeof(held)) != 0,
	      "the later recording counts more than the earlier one");
	diff = after;
	stats_subtract(&diff, &held);
	want_raw = text_of(&after);
	want_diff = text_of(&diff);
	if (!CHECK(locate(&s, "race") == 0 && pipe(start) == 0, "baseline directory and start pipe"))
		return;
	fflush(stdout);
	for (int p = 0; p < PROCS; p++) {
		pid[p] = fork();
		if (pid[p] == 0) {
			int wrong;

			close(start[1]);
			wrong = cycles(&s, start[0], want_raw, want_diff);
			free(want_raw);
			free(want_diff);
			_exit(wrong);
		}
	}
	close(start[0]);
	close(start[1]);	/* every process starts now */
	for (int p = 0; p < PROCS; p++)
		if (waitpid(pid[p], &status, 0) == pid[p] && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			clean++;
	CHECK(clean == PROCS, "%d processes x %d show/reset cycles at once: %d saw only whole baselines, "
	      "every show the recorded counters or exactly their difference", PROCS, CYCLES, clean);
	{
		static struct smc_stats st;
		char note[SNAPSHOT_TEXT_LEN], *text;

		st = after;
		CHECK(snapshot_apply(&s, &st, note) == 0 && memcmp(&st, &diff, sizeof(st)) == 0,
		      "the baseline left behind is whole and valid");
		text = text_of(&st);
		CHECK(!garbled(text) && !garbled(want_raw), "no negative or wrapped number printed");
		free(text);
	}
	free(want_raw);
	free(want_diff);
}

/* The baseline path replaced by something else: apply and save refuse it
 * with a message naming why, and the thing itself is left as it was. */
static void refused(const char *what, const struct snapshot *s, const char *note_part, const char *target)
{
	static struct smc_stats st;
	char note[SNAPSHOT_TEXT_LEN], buf[32] = "";
	int fd;

	st = after;
	CHECK(snapshot_apply(s, &st, note) == 1 && strstr(note, note_part) && memcmp(&st, &after, sizeof(st)) == 0,
	      "%s: show refuses it, counters untouched (%s)", what, note);
	if (!target)
		return;
	fd = open(target, O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof(buf) - 1) > 0 && strcmp(buf, "precious\n") == 0,
	      "%s: never followed, %s untouched", what, target);
	if (fd >= 0)
		close(fd);
}

static void write_precious(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd >= 0) {
		if (write(fd, "precious\n", 9) != 9)
			perror(path);
		close(fd);
	}
}

/* Root reads anything: the unreadable case runs as USER, in a directory
 * of USER's own. */
static void unreadable_as(const struct passwd *user)
{
	char sub[128];
	int status;
	pid_t pid;

	snprintf(sub, sizeof(sub), "%s/other", dir);
	if (!CHECK(mkdir(sub, 0700) == 0 && chown(sub, user->pw_uid, user->pw_gid) == 0 && chmod(dir, 0711) == 0,
		   "a directory of %s's", user->pw_name))
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char file[4200];
		struct snapshot mine;

		if (setgid(user->pw_gid) || setuid(user->pw_uid) || locate(&mine, "other") < 0)
			_exit(2);
		snprintf(file, sizeof(file), "%s/%s", mine.dir, mine.name);
		write_precious(file);
		chmod(file, 0);
		refused("unreadable file (as nobody)", &mine, "cannot be read", NULL);
		fflush(stdout);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "unreadable file: checked as %s", user->pw_name);
}

static void test_paths(void)
{
	char file[4200], target[128], inside[4300], note[SNAPSHOT_TEXT_LEN];
	struct passwd *nobody = getpwnam("nobody");
	struct snapshot s;
	struct stat sb;

	if (!CHECK(locate(&s, "paths") == 0, "baseline directory"))
		return;
	snprintf(file, sizeof(file), "%s/%s", s.dir, s.name);
	snprintf(target, sizeof(target), "%s/target", dir);
	write_precious(target);

	CHECK(symlink(target, file) == 0, "baseline path made a symbolic link");
	refused("symbolic link", &s, "symbolic link", target);

	CHECK(mkdir(file, 0700) == 0, "baseline path made a directory");
	snprintf(inside, sizeof(inside), "%s/keep", file);
	write_precious(inside);
	refused("directory", &s, "not a regular file", inside);
	CHECK(snapshot_apply(&s, &held, note) == 1 && strstr(note, " ignored: "),
	      "directory: the note says ignored, not discarded (%s)", note);
	CHECK(snapshot_save(&s, &held, note) < 0 && strstr(note, file), "directory: reset refuses it: %s", note);
	CHECK(stat(file, &sb) == 0 && S_ISDIR(sb.st_mode), "directory: still there");
	unlink(inside);
	rmdir(file);

	if (geteuid() == 0 && nobody) {
		write_precious(file);
		CHECK(chown(file, nobody->pw_uid, nobody->pw_gid) == 0, "baseline path owned by nobody");
		refused("another user's file", &s, "not a regular file of this user", NULL);
		unlink(file);
	}
	write_precious(file);
	chmod(file, 0);
	if (geteuid() == 0 && nobody)
		unreadable_as(nobody);
	else
		refused("unreadable file", &s, "cannot be read", NULL);
}

int main(void)
{
	char cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/test_snapshot_race.XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	test_race();
	test_paths();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
