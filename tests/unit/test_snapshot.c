/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stats reset baseline: its arithmetic, and its file handling in a
 * private temporary directory (corrupt, foreign, symbolic link, stale,
 * not private, two processes resetting at once). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "tests/unit/check.h"
#include "applets/objects/snapshot.h"

static struct smc_stats raw, st, base;

static void fill(struct smc_stats *s, uint64_t v)
{
	memset(s, 0, sizeof(*s));
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++)
			s->tech[t][i] = v * (uint64_t)(i + 1) + (uint64_t)t;
	s->hs_err[0] = v;
	s->hs_err[1] = 2 * v;
	s->fback[0] = 3 * v;
	s->fback[1] = 4 * v;
	s->reasons[STATS_CLIENT] = 2;
	s->reason[STATS_CLIENT][0] = (struct stats_reason){ 0x03030008, 5 * v };
	s->reason[STATS_CLIENT][1] = (struct stats_reason){ 0x03010000, v };
}

static bool all_zero(const struct smc_stats *s)
{
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++)
			if (s->tech[t][i])
				return false;
	return !s->hs_err[0] && !s->hs_err[1] && !s->fback[0] && !s->fback[1] && !s->reasons[0] && !s->reasons[1];
}

static void test_arithmetic(void)
{
	fill(&raw, 10);
	fill(&base, 4);
	st = raw;
	CHECK(stats_covers(&st, &base), "a smaller baseline is covered");
	stats_subtract(&st, &base);
	CHECK(st.tech[STATS_SMCR][ST_TX_CNT] == raw.tech[STATS_SMCR][ST_TX_CNT] - base.tech[STATS_SMCR][ST_TX_CNT] &&
	      st.hs_err[1] == 12 && st.fback[1] == 24 && st.reason[STATS_CLIENT][0].count == 30,
	      "counters count from the baseline");

	st = raw;
	base = raw;
	stats_subtract(&st, &base);
	CHECK(all_zero(&st), "reset right away: everything zero, reasons dropped");

	st = raw;
	base = raw;
	base.tech[STATS_SMCD][ST_RX_BYTES]++;
	CHECK(!stats_covers(&st, &base), "one counter gone backwards: not covered");
	base = raw;
	base.reason[STATS_CLIENT][1].code = 0x05000000;
	CHECK(!stats_covers(&st, &base), "a reason the kernel no longer reports: not covered");
	base = raw;
	base.fback[STATS_SERVER]++;
	CHECK(!stats_covers(&st, &base), "fallback total gone backwards: not covered");

	fill(&base, 0);
	base.reasons[STATS_CLIENT] = 1;
	base.reason[STATS_CLIENT][0].count = 20;
	st = raw;
	stats_subtract(&st, &base);
	CHECK(st.reasons[STATS_CLIENT] == 2 && st.reason[STATS_CLIENT][0].count == 30 &&
	      st.reason[STATS_CLIENT][1].count == 10, "reason counts subtracted by code");
}

/* /proc/sys/kernel/random/boot_id as read, and cut or bent: only a whole
 * UUID is taken, anything else is "-" (no boot to compare with). */
static void test_boot_id(void)
{
	static const char good[] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\n";
	static const struct {
		const char *text, *why;
	} bad[] = {
		{ "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f", "one digit short" },
		{ "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0X\n", "one character long" },
		{ "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1fg\n", "a non-hex digit" },
		{ "0f1e2d3c 4b5a-6978-8796-a5b4c3d2e1f0\n", "a blank for a dash" },
		{ "0f1e2d3c-4b5a-6978-8796\na5b4c3d2e1f0\n", "a line break inside" },
		{ "\n", "an empty line" },
		{ "", "nothing" },
	};
	char id[SNAPSHOT_BOOT_ID_LEN], garbled[40];
	int taken = 0;

	snapshot_boot_id(good, strlen(good), id);
	CHECK(strcmp(id, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0") == 0, "boot id: the UUID, without its newline");
	snapshot_boot_id(good, strlen(good) - 1, id);
	CHECK(strcmp(id, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0") == 0, "boot id without a newline: the UUID");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(id, 'x', sizeof(id));
		snapshot_boot_id(bad[i].text, strlen(bad[i].text), id);
		CHECK(strcmp(id, "-") == 0, "boot id with %s: \"-\"", bad[i].why);
	}
	for (size_t cut = 0; cut < strlen(good) - 1; cut++) {
		snapshot_boot_id(good, cut, id);
		taken += strcmp(id, "-") != 0;
	}
	CHECK(taken == 0, "boot id cut anywhere short of 36 characters: \"-\" (%d taken)", taken);
	memcpy(garbled, good, sizeof(good));
	garbled[5] = '\0';
	snapshot_boot_id(garbled, strlen(good), id);
	CHECK(strcmp(id, "-") == 0, "boot id with a NUL byte inside: \"-\"");
}

static char dir[64];

static int locate(struct snapshot *s)
{
	char why[SNAPSHOT_TEXT_LEN];
	char sub[128];

	snprintf(sub, sizeof(sub), "%s/smc", dir);
	return snapshot_locate_in(s, sub, why);
}

static void path(const struct snapshot *s, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", s->dir, s->name);
}

static void write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	fputs(text, f);
	fclose(f);
}

static void test_files(void)
{
	char note[SNAPSHOT_TEXT_LEN], file[4200], target[128], linkpath[4300];
	struct snapshot s;
	struct stat sb;

	if (!CHECK(locate(&s) == 0, "private directory created"))
		return;
	{
		char real[64] = "";
		FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

		CHECK(f && fgets(real, sizeof(real), f) && strlen(s.boot_id) == 36 &&
		      strncmp(real, s.boot_id, 36) == 0, "this boot's id read: %s", s.boot_id);
		if (f)
			fclose(f);
	}
	CHECK(stat(s.dir, &sb) == 0 && (sb.st_mode & 0777) == 0700, "directory mode 0700");
	path(&s, file, sizeof(file));

	fill(&raw, 10);
	st = raw;
	CHECK(snapshot_apply(&s, &st, note) == 0 && memcmp(&st, &raw, sizeof(st)) == 0, "no baseline: unchanged");
	snprintf(linkpath, sizeof(linkpath), "%s.lock", file);
	CHECK(access(linkpath, F_OK) != 0 && errno == ENOENT, "no baseline: show made no lock file");
	CHECK(snapshot_save(&s, &raw, note) == 0, "baseline saved");
	CHECK(stat(file, &sb) == 0 && (sb.st_mode & 0777) == 0600, "baseline file mode 0600");
	st = raw;
	CHECK(snapshot_apply(&s, &st, note) == 0 && all_zero(&st), "show right after reset: all zero");
	fill(&st, 13);
	CHECK(snapshot_apply(&s, &st, note) == 0 && st.hs_err[1] == 6 && st.reason[STATS_CLIENT][0].count == 15,
	      "later: only what happened since the reset");

	fill(&st, 3);
	CHECK(snapshot_apply(&s, &st, note) == 1 && strstr(note, "lower"), "module reloaded: discarded (%s)", note);
	CHECK(st.hs_err[1] == 6 && access(file, F_OK) != 0, "counters unchanged, baseline removed");

	write_file(file, "smc-stats-baseline 1\nboot xyz\n1 2 3\n");
	fill(&st, 3);
	CHECK(snapshot_apply(&s, &st, note) == 1 && strstr(note, "before the last boot"),
	      "baseline of another boot is foreign: %s", note);

	snapshot_save(&s, &raw, note);
	{
		FILE *f = fopen(file, "r+");

		fseek(f, 80, SEEK_SET);	/* among the counters */
		fputs("x!", f);
		fclose(f);
	}
	st = raw;
	CHECK(snapshot_apply(&s, &st, note) == 1 && strstr(note, "corrupt") && memcmp(&st, &raw, sizeof(st)) == 0,
	      "corrupt baseline discarded: %s", note);
	for (int cut = 0; cut < 3; cut++) {
		static const char *const texts[] = { "", "smc-stats-baseline 2\n", "smc-stats-baseline 1\nboot" };

		write_file(file, texts[cut]);
		st = raw;
		CHECK(snapshot_apply(&s, &st, note) == 1 && memcmp(&st, &raw, sizeof(st)) == 0,
		      "short baseline %d discarded", cut);
	}
	snapshot_save(&s, &raw, note);
	truncate(file, 300);
	st = raw;
	CHECK(snapshot_apply(&s, &st, note) == 1, "truncated baseline discarded");

	snprintf(target, sizeof(target), "%s/target", dir);
	write_file(target, "precious\n");
	symlink(target, file);
	st = raw;
	CHECK(snapshot_apply(&s, &st, note) == 1 && strstr(note, "symbolic link"), "symbolic link refused: %s", note);
	CHECK(lstat(file, &sb) != 0, "the link is removed");
	symlink(target, file);
	CHECK(snapshot_save(&s, &raw, note) == 0 && lstat(file, &sb) == 0 && S_ISREG(sb.st_mode),
	      "save replaces a link by a file");
	{
		char buf[16] = "";
		FILE *f = fopen(target, "r");

		CHECK(f && fgets(buf, sizeof(buf), f) && strcmp(buf, "precious\n") == 0, "link target untouched");
		if (f)
			fclose(f);
	}
	snprintf(linkpath, sizeof(linkpath), "%s.lock", file);
	unlink(linkpath);
	symlink(target, linkpath);
	CHECK(snapshot_save(&s, &raw, note) < 0 && strstr(note, ".lock"), "lock file as a link refused: %s", note);
	unlink(linkpath);
}

static void test_directory(void)
{
	char sub[128], why[SNAPSHOT_TEXT_LEN];
	struct snapshot s;

	snprintf(sub, sizeof(sub), "%s/open", dir);
	mkdir(sub, 0777);
	chmod(sub, 0777);
	CHECK(snapshot_locate_in(&s, sub, why) < 0 && strstr(why, "not a private directory"),
	      "world-writable directory refused: %s", why);
	snprintf(sub, sizeof(sub), "%s/link", dir);
	symlink("/tmp", sub);
	CHECK(snapshot_locate_in(&s, sub, why) < 0, "directory as a symbolic link refused: %s", why);
	CHECK(locate(&s) == 0 && strncmp(s.name, "stats-net", 9) == 0, "keyed by network namespace: %s", s.name);
}

/* Two processes resetting (saving) at once, over and over: every read in
 * between sees one whole baseline, never a mix or a torn file. */
static void test_concurrent(void)
{
	char note[SNAPSHOT_TEXT_LEN];
	struct snapshot s;
	pid_t pid[2];
	int status, torn = 0, ok_children = 0;

	locate(&s);
	for (int c = 0; c < 2; c++) {
		pid[c] = fork();
		if (pid[c] == 0) {
			static struct smc_stats mine;

			fill(&mine, c ? 1000 : 2000);
			for (int i = 0; i < 150; i++)
				if (snapshot_save(&s, &mine, note) < 0)
					_exit(1);
			_exit(0);
		}
	}
	for (int i = 0; i < 150; i++) {
		fill(&st, 5000);
		if (snapshot_apply(&s, &st, note) != 0)
			torn++;
	}
	for (int c = 0; c < 2; c++)
		if (waitpid(pid[c], &status, 0) == pid[c] && WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ok_children++;
	CHECK(ok_children == 2, "both resetting processes succeeded");
	CHECK(torn == 0, "no read saw a torn or mixed baseline");
	fill(&st, 5000);
	CHECK(snapshot_apply(&s, &st, note) == 0 &&
	      (st.hs_err[0] == 4000 || st.hs_err[0] == 3000), "the last baseline is one of the two whole ones");
}

int main(void)
{
	char cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/test_snapshot.XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	test_arithmetic();
	test_boot_id();
	test_files();
	test_directory();
	test_concurrent();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
