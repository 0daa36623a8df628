/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd and smcr: one option parser and object dispatcher, two object tables. */
#ifndef SMC_TECH_H
#define SMC_TECH_H

#include <stdbool.h>
#include <stddef.h>

enum smc_tech { SMC_TECH_D, SMC_TECH_R };

struct tech_opts {
	enum smc_tech tech;
	int details;		/* 0, 1 (-d) or 2 (-dd) */
	bool absolute;		/* -a: ignore the stats reset snapshot */
	bool json;		/* -j: JSON instead of text */
};

struct object {
	const char *name;	/* NULL: not listed, reached by its alias only */
	const char *alias;	/* accepted besides prefixes of name, e.g. "lgr" */
	/* argv[0] is the object word as typed; argv[1..] its command and arguments */
	int (*run)(const struct tech_opts *opts, int argc, char **argv);
};

int tech_main(enum smc_tech tech, const struct object *objects, size_t count, int argc, char **argv);

/* Index of the keyword ARG names: an exact match or the only keyword it is a
 * prefix of; -1 if none, -2 if ARG is a prefix of several. */
int match_keyword(const char *arg, const char *const *keywords, size_t count);

int obj_info(const struct tech_opts *opts, int argc, char **argv);
int obj_linkgroup(const struct tech_opts *opts, int argc, char **argv);
int obj_device(const struct tech_opts *opts, int argc, char **argv);
int obj_stats(const struct tech_opts *opts, int argc, char **argv);
int obj_ueid(const struct tech_opts *opts, int argc, char **argv);
int obj_seid(const struct tech_opts *opts, int argc, char **argv);
int obj_hslimit(const struct tech_opts *opts, int argc, char **argv);

#endif
