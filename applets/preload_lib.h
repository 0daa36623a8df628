/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Finding the copy of libsmc-preload.so that smc_run preloads. */
#ifndef SMC_PRELOAD_LIB_H
#define SMC_PRELOAD_LIB_H

#include <limits.h>
#include <stdbool.h>

struct preload_lib {
	char path[PATH_MAX];	/* absolute; empty: no copy can be handed on */
	const char *origin;	/* which copy, or why none, for -d */
};

/* $SMC_PRELOAD_LIB, a trusted installed copy, or the embedded copy in a
 * private directory; with none of them an empty path and 0. 1 (after one
 * line on stderr) for an unusable $SMC_PRELOAD_LIB. DEBUG: notes on copies
 * ignored. */
int find_preload_library(struct preload_lib *lib, bool debug);

/* Whether LD_PRELOAD holds our library already. */
bool preloaded_already(const char *ld_preload);

#endif
