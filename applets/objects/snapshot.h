/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The baseline `smcd/smcr stats reset` records, since the kernel cannot reset
 * its counters: one file per user and network namespace (the kernel keeps
 * statistics per namespace), in a private directory of the user (see
 * snapshot_locate), written to a temporary file and renamed into place
 * under an exclusive lock, never through a symbolic link. */
#ifndef SMC_SNAPSHOT_H
#define SMC_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "netlink/stats.h"

#define SNAPSHOT_TEXT_LEN 256
#define SNAPSHOT_BOOT_ID_LEN 40

struct snapshot {
	char dir[4096];		/* private directory, mode 0700 */
	char name[64];		/* "stats-net<inode>" */
	char boot_id[SNAPSHOT_BOOT_ID_LEN];	/* a baseline from another boot is foreign */
};

/* Where the directory may be, in this order: $XDG_RUNTIME_DIR/smc,
 * $XDG_CACHE_HOME/smc, $HOME/.cache/smc, /run/user/UID/smc, and, for a
 * read-only root, $TMPDIR/smc-UID and /tmp/smc-UID. A place counts only in
 * a directory of this user (a sticky one for the last two), so root with a
 * user's HOME or XDG_RUNTIME_DIR never writes into that user's tree. */
struct snapshot_places {
	const char *runtime, *cache, *home;	/* NULL or relative: not used */
	const char *run_user;			/* "/run/user" */
	const char *tmpdir, *tmp;		/* $TMPDIR, "/tmp" */
};

/* Find this user's directory and the current namespace's key: the first
 * place where it exists, or with CREATE where it exists or can be made.
 * Returns 0; 1 when none exists (only without CREATE: no baseline); -1
 * with the reason in WHY. */
int snapshot_locate(struct snapshot *s, bool create, char why[SNAPSHOT_TEXT_LEN]);
int snapshot_locate_at(struct snapshot *s, const struct snapshot_places *places, bool create,
		       char why[SNAPSHOT_TEXT_LEN]);

/* The same in DIR (created), for tests. */
int snapshot_locate_in(struct snapshot *s, const char *dir, char why[SNAPSHOT_TEXT_LEN]);

/* The boot id from LEN bytes of /proc/sys/kernel/random/boot_id into ID:
 * the UUID, or "-" when TEXT is not one (truncated, garbled, unreadable). */
void snapshot_boot_id(const char *text, size_t len, char id[SNAPSHOT_BOOT_ID_LEN]);

/* Make ST count from the recorded baseline. A baseline that is unreadable,
 * foreign, or larger than ST (module reloaded) is removed: returns 1 and
 * NOTE says why. Returns 0 when applied or when there is none, -1 with the
 * reason in NOTE when the directory or lock cannot be used. */
int snapshot_apply(const struct snapshot *s, struct smc_stats *st, char note[SNAPSHOT_TEXT_LEN]);

/* Record RAW as the new baseline. Returns 0, or -1 with the reason in WHY. */
int snapshot_save(const struct snapshot *s, const struct smc_stats *raw, char why[SNAPSHOT_TEXT_LEN]);

/* True when no counter of BASE exceeds its counterpart in CUR. */
bool stats_covers(const struct smc_stats *cur, const struct smc_stats *base);
/* CUR -= BASE, counter by counter, for a BASE that CUR covers; fallback
 * reasons left at zero are dropped. */
void stats_subtract(struct smc_stats *cur, const struct smc_stats *base);

#endif
