/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_pnet's argument rules and printer, which the unit tests drive. */
#ifndef SMC_SMC_PNET_H
#define SMC_SMC_PNET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "applets/print/json.h"
#include "netlink/pnet.h"

struct pnet_opts {
	char cmd;			/* 'a', 'd', 's' or 'f' */
	bool json, has_pnetid;
	char pnetid[PNETID_MAX_LEN + 1];	/* upper-cased */
	const char *ethname, *ibname;
	uint8_t ibport;
};

struct pnet_out {
	const struct pnet_opts *opts;
	bool started;
	struct json json;
};

/* -1: run the command in *O; else the exit status (help, version, error). */
int pnet_parse_args(int argc, char **argv, struct pnet_opts *o);

/* Show the table as O asks: from the kernel, or from the recorded replies
 * in BUF when it is not NULL. */
int pnet_print(const struct pnet_opts *o, const void *buf, size_t len, struct nl_error *err);

#endif
