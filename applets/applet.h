/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What every applet shares: its entry point, the name it runs under, and
 * the one-line error reporting that all usage and runtime errors go through. */
#ifndef SMC_APPLET_H
#define SMC_APPLET_H

#include <stdbool.h>
#include <stddef.h>

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
};

/* The applet table, defined in smc.c: the single list of applets. */
extern const struct applet applets[];
extern const size_t applet_count;

int smcd_main(int argc, char **argv);
int smcr_main(int argc, char **argv);
int smc_run_main(int argc, char **argv);
int smcss_main(int argc, char **argv);
int smc_pnet_main(int argc, char **argv);
int smc_chk_main(int argc, char **argv);
int smc_dbg_main(int argc, char **argv);

/* smc --install [-s] [-f] DIR */
int smc_install(int argc, char **argv);

/* The preload library embedded in smc: write it to FD (0, or -1 and
 * errno); tell whether FD, read from its current offset, holds it. */
int write_preload_library(int fd);
bool is_preload_library(int fd);

/* Name the running applet is reported under ("smcr", "smc_run", ...). */
extern const char *applet_name;

/* Print "NAME: message" as one line on stderr; returns 1 (the exit status). */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "NAME VERSION" on stdout; returns 0. */
int print_version(void);

/* True if ARG is the option SHORT (e.g. "-d") or LONG given with one or two
 * dashes ("-details", "--details"). */
bool is_option(const char *arg, const char *short_opt, const char *long_opt);

#endif
