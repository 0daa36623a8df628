/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "applets/objects/snapshot.h"

#define MAGIC "smc-stats-baseline"
#define MAX_FILE_SIZE 65536
#define UUID_LEN 36

static int say(char text[SNAPSHOT_TEXT_LEN], const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int say(char text[SNAPSHOT_TEXT_LEN], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, SNAPSHOT_TEXT_LEN, fmt, ap);
	va_end(ap);
	return -1;
}

/* DIR must be a real directory of ours that nobody else may write to: 0,
 * 1 when it is not there (CREATE: cannot be made, WHY says why), or -1. */
static int private_dir(const char *dir, bool create, char why[SNAPSHOT_TEXT_LEN])
{
	struct stat st;

	if (create && mkdir(dir, 0700) < 0 && errno != EEXIST)
		return say(why, "cannot create %s: %s", dir, strerror(errno)), 1;
	if (lstat(dir, &st) < 0)
		return errno == ENOENT ? 1 : say(why, "cannot use %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return say(why, "%s is not a directory", dir);
	if (st.st_uid != geteuid() || (st.st_mode & 022))
		return say(why, "%s is not a private directory (owner or mode)", dir);
	return 0;
}

/* PARENT may hold our directory: a directory of this user, or (SHARED) a
 * sticky one such as /tmp, where nobody can move our directory away. */
static bool our_parent(const char *parent, bool shared)
{
	struct stat st;

	return parent && parent[0] == '/' && stat(parent, &st) == 0 && S_ISDIR(st.st_mode) &&
	       (st.st_uid == geteuid() || (shared && (st.st_mode & S_ISVTX)));
}

/* A UUID as the kernel prints it: 8-4-4-4-12 hex digits. */
static bool is_uuid(const char *text, size_t len)
{
	if (len != UUID_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? text[i] != '-' : !isxdigit((unsigned char)text[i]))
			return false;
	}
	return true;
}

void snapshot_boot_id(const char *text, size_t len, char id[SNAPSHOT_BOOT_ID_LEN])
{
	if (len > 0 && text[len - 1] == '\n')
		len--;
	if (!is_uuid(text, len)) {
		strcpy(id, "-");
		return;
	}
	memcpy(id, text, len);
	id[len] = '\0';
}

/* The key of this network namespace and boot, once S->dir is set. */
static void name_baseline(struct snapshot *s)
{
	char text[64];
	struct stat ns;
	ssize_t n = -1;
	int fd;

	snprintf(s->name, sizeof(s->name), "stats-net%" PRIu64,
		 stat("/proc/self/ns/net", &ns) == 0 ? (uint64_t)ns.st_ino : 0);
	fd = open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, text, sizeof(text));
		close(fd);
	}
	snapshot_boot_id(text, n > 0 ? (size_t)n : 0, s->boot_id);
}

int snapshot_locate_in(struct snapshot *s, const char *dir, char why[SNAPSHOT_TEXT_LEN])
{
	memset(s, 0, sizeof(*s));
	if (strlen(dir) >= sizeof(s->dir) - 64)
		return say(why, "directory name too long: %.64s...", dir);
	strcpy(s->dir, dir);
	if (private_dir(s->dir, true, why) != 0)
		return -1;
	name_baseline(s);
	return 0;
}

/* One place for the directory: LEAF in PARENT; for HOME's, PARENT is
 * HOME/.cache, made first when HOME is ours. */
struct place {
	char parent[4000];	/* with the leaf, well within snapshot.dir */
	const char *home;
	bool shared;
	char leaf[16];
};

/* OUT: a place in BASE followed by SUFFIX; 0 when BASE is not an absolute
 * path or too long (cut short, it could name another directory). */
static size_t place_at(struct place *out, const char *base, const char *suffix, bool shared)
{
	if (!base || base[0] != '/' ||
	    (size_t)snprintf(out->parent, sizeof(out->parent), "%s%s", base, suffix) >= sizeof(out->parent))
		return 0;
	out->home = NULL;
	out->shared = shared;
	if (shared)
		snprintf(out->leaf, sizeof(out->leaf), "smc-%u", (unsigned)geteuid());
	else
		strcpy(out->leaf, "smc");
	return 1;
}

static size_t list_places(const struct snapshot_places *p, struct place out[6])
{
	char user[16];
	size_t n = 0;

	snprintf(user, sizeof(user), "/%u", (unsigned)geteuid());
	n += place_at(&out[n], p->runtime, "", false);
	n += place_at(&out[n], p->cache, "", false);
	if (place_at(&out[n], p->home, "/.cache", false))
		out[n++].home = p->home;
	n += place_at(&out[n], p->run_user, user, false);
	n += place_at(&out[n], p->tmpdir, "", true);
	n += place_at(&out[n], p->tmp, "", true);
	return n;
}

int snapshot_locate_at(struct snapshot *s, const struct snapshot_places *p, bool create, char why[SNAPSHOT_TEXT_LEN])
{
	struct place places[6];
	size_t count = list_places(p, places);

	memset(s, 0, sizeof(*s));
	say(why, "no directory of this user for the stats baseline (XDG_RUNTIME_DIR, HOME, TMPDIR or /tmp)");
	for (size_t i = 0; i < count; i++) {
		const struct place *at = &places[i];
		int rc;

		if (create && at->home && our_parent(at->home, false))
			mkdir(at->parent, 0700);
		if (!our_parent(at->parent, at->shared))
			continue;
		snprintf(s->dir, sizeof(s->dir), "%.3999s/%.15s", at->parent, at->leaf);
		rc = private_dir(s->dir, create, why);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			name_baseline(s);
			return 0;
		}
	}
	return create ? -1 : 1;
}

int snapshot_locate(struct snapshot *s, bool create, char why[SNAPSHOT_TEXT_LEN])
{
	const struct snapshot_places places = {
		.runtime = getenv("XDG_RUNTIME_DIR"),
		.cache = getenv("XDG_CACHE_HOME"),
		.home = getenv("HOME"),
		.run_user = "/run/user",
		.tmpdir = getenv("TMPDIR"),
		.tmp = "/tmp",
	};

	return snapshot_locate_at(s, &places, create, why);
}

static void path_of(const struct snapshot *s, const char *suffix, char *path, size_t size)
{
	snprintf(path, size, "%s/%s%s", s->dir, s->name, suffix);
}

/* No lock file: no reset was ever recorded in the directory. */
#define NO_LOCK_FILE (-2)

/* The lock file, locked; made with CREATE, else NO_LOCK_FILE if missing. */
static int lock(const struct snapshot *s, bool create, char text[SNAPSHOT_TEXT_LEN])
{
	char path[sizeof(s->dir) + 80];
	int fd;

	path_of(s, ".lock", path, sizeof(path));
	fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
	if (fd < 0 && !create && errno == ENOENT)
		return NO_LOCK_FILE;
	if (fd < 0)
		return say(text, "cannot open %s: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX) < 0) {
		close(fd);
		return say(text, "cannot lock %s: %s", path, strerror(errno));
	}
	return fd;
}

/* Next whitespace-separated word of *P, NUL-terminated in place. */
static char *word(char **p)
{
	char *w = *p + strspn(*p, " \n"), *end;

	if (!*w)
		return NULL;
	end = w + strcspn(w, " \n");
	*p = *end ? end + 1 : end;
	*end = '\0';
	return w;
}

static bool number(char **p, uint64_t *out)
{
	char *w = word(p), *end;

	if (!w || w[0] < '0' || w[0] > '9')
		return false;
	errno = 0;
	*out = strtoull(w, &end, 0);
	return errno == 0 && *end == '\0';
}

static bool numbers(char **p, uint64_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!number(p, &out[i]))
			return false;
	return true;
}

/* TEXT (NUL-terminated, modified) into BASE; false if it is not a baseline
 * of this boot written by snapshot_save(). */
static bool parse(char *text, const struct snapshot *s, struct smc_stats *base, const char **why)
{
	char *p = text, *w;
	uint64_t version, reasons, side, code;

	memset(base, 0, sizeof(*base));
	*why = "it is corrupt";
	w = word(&p);
	if (!w || strcmp(w, MAGIC) != 0 || !number(&p, &version) || version != 1)
		return false;
	w = word(&p);
	if (!w || strcmp(w, "boot") != 0 || !(w = word(&p)))
		return false;
	if (strcmp(w, s->boot_id) != 0) {
		*why = "it was recorded before the last boot";
		return false;
	}
	if (!numbers(&p, base->tech[0], STATS_TECHS * ST_COUNT) || !numbers(&p, base->hs_err, STATS_SIDES) ||
	    !numbers(&p, base->fback, STATS_SIDES) || !number(&p, &reasons))
		return false;
	for (uint64_t i = 0; i < reasons; i++) {
		struct stats_reason *r;

		if (!number(&p, &side) || side >= STATS_SIDES || base->reasons[side] == STATS_MAX_REASONS)
			return false;
		r = &base->reason[side][base->reasons[side]++];
		if (!number(&p, &code) || code > UINT32_MAX || !number(&p, &r->count))
			return false;
		r->code = (uint32_t)code;
	}
	return word(&p) == NULL;
}

/* The baseline's text; NULL with *WHY set if there is none or it is unusable. */
static char *read_baseline(const char *path, const char **why)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	char *text = NULL;
	struct stat st;
	ssize_t n = -1;

	*why = NULL;
	if (fd < 0) {
		if (errno != ENOENT)
			*why = errno == ELOOP ? "it is a symbolic link" : "it cannot be read";
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
		*why = "it is not a regular file of this user";
	else if (st.st_size > MAX_FILE_SIZE)
		*why = "it is too large";
	else if (!(text = malloc((size_t)st.st_size + 1)) ||
		 (n = read(fd, text, (size_t)st.st_size)) != st.st_size)
		*why = "it cannot be read";
	close(fd);
	if (*why) {
		free(text);
		return NULL;
	}
	text[n] = '\0';
	return text;
}

int snapshot_apply(const struct snapshot *s, struct smc_stats *st, char note[SNAPSHOT_TEXT_LEN])
{
	char path[sizeof(s->dir) + 80];
	struct smc_stats *base = malloc(sizeof(*base));
	const char *why = NULL;
	char *text;
	int fd, rc = 0;

	if (!base)
		return say(note, "out of memory");
	fd = lock(s, false, note);
	if (fd < 0) {
		free(base);
		return fd == NO_LOCK_FILE ? 0 : -1;
	}
	path_of(s, "", path, sizeof(path));
	text = read_baseline(path, &why);
	if (text && parse(text, s, base, &why)) {
		why = NULL;
		if (stats_covers(st, base))
			stats_subtract(st, base);
		else
			why = "the kernel's counters are lower (SMC module reloaded?)";
	}
	if (why) {
		/* A directory in its place cannot be unlinked: it is only ignored. */
		say(note, "stats baseline %s %s: %s", path, unlink(path) == 0 ? "discarded" : "ignored", why);
		rc = 1;
	}
	free(text);
	free(base);
	close(fd);
	return rc;
}

static void write_baseline(FILE *f, const struct snapshot *s, const struct smc_stats *raw)
{
	fprintf(f, "%s 1\nboot %s\n", MAGIC, s->boot_id);
	for (int t = 0; t < STATS_TECHS; t++) {
		for (int i = 0; i < ST_COUNT; i++)
			fprintf(f, "%s%" PRIu64, i ? " " : "", raw->tech[t][i]);
		fputc('\n', f);
	}
	fprintf(f, "%" PRIu64 " %" PRIu64 "\n%" PRIu64 " %" PRIu64 "\n%zu\n", raw->hs_err[0], raw->hs_err[1],
		raw->fback[0], raw->fback[1], raw->reasons[0] + raw->reasons[1]);
	for (int side = 0; side < STATS_SIDES; side++)
		for (size_t i = 0; i < raw->reasons[side]; i++)
			fprintf(f, "%d 0x%08" PRIx32 " %" PRIu64 "\n", side, raw->reason[side][i].code,
				raw->reason[side][i].count);
}

int snapshot_save(const struct snapshot *s, const struct smc_stats *raw, char why[SNAPSHOT_TEXT_LEN])
{
	char path[sizeof(s->dir) + 80], tmp[sizeof(s->dir) + 100];
	int fd, lock_fd, rc = -1;
	FILE *f;

	lock_fd = lock(s, true, why);
	if (lock_fd < 0)
		return -1;
	path_of(s, "", path, sizeof(path));
	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", path, (long)getpid());
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		say(why, "cannot write %s: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else {
		write_baseline(f, s, raw);
		if (ferror(f) | fclose(f))
			say(why, "cannot write %s: %s", tmp, strerror(errno));
		else if (rename(tmp, path) < 0)
			say(why, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
		else
			rc = 0;
	}
	if (rc < 0)
		unlink(tmp);
	close(lock_fd);
	return rc;
}

static const struct stats_reason *find_reason(const struct smc_stats *st, int side, uint32_t code)
{
	for (size_t i = 0; i < st->reasons[side]; i++)
		if (st->reason[side][i].code == code)
			return &st->reason[side][i];
	return NULL;
}

bool stats_covers(const struct smc_stats *cur, const struct smc_stats *base)
{
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++)
			if (base->tech[t][i] > cur->tech[t][i])
				return false;
	for (int side = 0; side < STATS_SIDES; side++) {
		if (base->hs_err[side] > cur->hs_err[side] || base->fback[side] > cur->fback[side])
			return false;
		for (size_t i = 0; i < base->reasons[side]; i++) {
			const struct stats_reason *now = find_reason(cur, side, base->reason[side][i].code);

			if (base->reason[side][i].count > (now ? now->count : 0))
				return false;
		}
	}
	return true;
}

void stats_subtract(struct smc_stats *cur, const struct smc_stats *base)
{
	for (int t = 0; t < STATS_TECHS; t++)
		for (int i = 0; i < ST_COUNT; i++)
			cur->tech[t][i] -= base->tech[t][i];
	for (int side = 0; side < STATS_SIDES; side++) {
		size_t kept = 0;

		cur->hs_err[side] -= base->hs_err[side];
		cur->fback[side] -= base->fback[side];
		for (size_t i = 0; i < cur->reasons[side]; i++) {
			struct stats_reason r = cur->reason[side][i];
			const struct stats_reason *was = find_reason(base, side, r.code);

			r.count -= was ? was->count : 0;
			if (r.count)
				cur->reason[side][kept++] = r;
		}
		cur->reasons[side] = kept;
	}
}
