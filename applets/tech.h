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
	const char *name;
	const char *alias;	/* accepted besides prefixes of name, e.g. "lgr" */
	/* argv[0] is the object word as typed; argv[1..] its command and arguments */
	int (*run)(const struct tech_opts *opts, int argc, char **argv);
	bool unlisted;		/* left out of the usage (smcr seid) */
};

/* smcd's objects (the unit tests read smc-tools' grammar through them) */
extern const struct object smcd_objects[];
extern const size_t smcd_object_count;

int tech_main(enum smc_tech tech, const struct object *objects, size_t count, int argc, char **argv);

/* smc-tools' grammar, exposed for the unit tests. The options before the
 * object, into *O: returns the index of the first word after them, or -1
 * after an error (reported) and -2 after -h/-v (printed). */
int tech_parse_options(int argc, char **argv, struct tech_opts *o, const struct object *objects, size_t count);
/* The object ARG names, or NULL (reported); &tech_help_object for help. */
extern const struct object tech_help_object;
const struct object *tech_find_object(const char *arg, const struct object *objects, size_t count);

/* Index of the keyword ARG names as smc-tools reads words: the first one,
 * in the table's order, that ARG is a prefix of (so "s" is "show" before
 * "stats" where show comes first); -1 if none or ARG is empty. */
int match_keyword(const char *arg, const char *const *keywords, size_t count);

int obj_info(const struct tech_opts *opts, int argc, char **argv);
int obj_linkgroup(const struct tech_opts *opts, int argc, char **argv);
int obj_device(const struct tech_opts *opts, int argc, char **argv);
int obj_stats(const struct tech_opts *opts, int argc, char **argv);
int obj_ueid(const struct tech_opts *opts, int argc, char **argv);
int obj_seid(const struct tech_opts *opts, int argc, char **argv);
int obj_hslimit(const struct tech_opts *opts, int argc, char **argv);

#endif
