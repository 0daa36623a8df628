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
int smc_rnics_main(int argc, char **argv);
int smc_chk_main(int argc, char **argv);
int smc_dbg_main(int argc, char **argv);

/* smc --install [-s] [-r] [-f] DIR */
int smc_install(int argc, char **argv);

/* The preload library embedded in smc: write it to FD (0, or -1 and
 * errno); tell whether FD, read from its current offset, holds it; a
 * hash of its bytes. */
int write_preload_library(int fd);
bool is_preload_library(int fd);
unsigned long long preload_library_hash(void);

/* Name the running applet is reported under ("smcr", "smc_run", ...). */
extern const char *applet_name;

/* Print "NAME: message" as one line on stderr; returns 1 (the exit status). */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The usage mistakes, each in one wording across the applets, ending in
 * ', try "APPLET HELP"' where HELP asks for the applet's help ("help",
 * "-h", "stats help"). Each returns 1.
 *   WHAT "WORD" is unknown          WHAT "WORD" is ambiguous
 *   extra argument "WORD"           missing WHAT [after "AFTER"]      */
int fail_unknown(const char *what, const char *word, const char *help);
/* fail_unknown() for the option letter LETTER of a cluster: "-X". */
int fail_unknown_letter(char letter, const char *help);
/* What getopt_long (opterr 0) refused with '?': a letter not in OPTSTRING,
 * or ARG (argv[optind - 1]), an unknown long option. A value missing (':')
 * is always from argv's last argument: take it before getopt_long, which
 * in musl permutes argv and moves optind past its end first. */
int fail_refused_option(const char *optstring, const char *arg, const char *help);
int fail_ambiguous(const char *what, const char *word, const char *help);
int fail_extra(const char *word, const char *help);
int fail_missing(const char *what, const char *after, const char *help);

/* Hold the standard descriptors the caller closed; call first. */
void hold_std_fds(void);

/* STATUS, or 1 after one line on stderr if standard output could not be
 * written in full (a full disk, a closed descriptor): an applet that printed
 * nothing or half must not pass for a success. */
int finish_output(int status);

/* Print "NAME VERSION" on stdout; returns 0. */
int print_version(void);

/* True if ARG is the option SHORT (e.g. "-d") or LONG given with one or two
 * dashes ("-details", "--details"). */
bool is_option(const char *arg, const char *short_opt, const char *long_opt);

#endif
