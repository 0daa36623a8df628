/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_dbg's parts: what the bundle holds, each part run with its output
 * (and its error line, if any) captured, and the kernel facts that no
 * applet prints. */
#ifndef SMC_DBG_H
#define SMC_DBG_H

#include <stddef.h>

/* One part of the bundle: an applet's command line, or BUILTIN; parts
 * with the same FILE share it, in order. */
struct dbg_part {
	const char *file;
	const char *const *argv;	/* NULL-terminated, argv[0] an applet */
	int (*builtin)(void);		/* prints to stdout; its exit status */
	const char *title;		/* what a reader sees for BUILTIN */
};

/* A part's captured output. */
struct dbg_output {
	char *text;			/* malloc'd, NUL-terminated */
	size_t len;
	int status;			/* the exit status */
};

/* Run PART in a child process with stdout and stderr captured into OUT;
 * 0, or -1 after reporting (the bundle cannot go on). */
int dbg_run(const struct dbg_part *part, struct dbg_output *out);

/* The part's command as a reader would type it, in BUF. */
const char *dbg_command(const struct dbg_part *part, char *buf, size_t size);

/* Builtins: the kernel release, the SMC modules loaded, net.smc.* sysctls. */
int dbg_kernel(void);
int dbg_modules(void);
int dbg_sysctls(void);

#endif
