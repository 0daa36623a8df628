/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcss's parts that the unit tests drive directly: the options and the
 * printer fed one socket at a time. */
#ifndef SMC_SMCSS_H
#define SMC_SMCSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "applets/print/json.h"
#include "netlink/diag.h"

struct smcss_opts {
	bool all, listening, debug, smcd, smcr, wide, json;
};

/* Where the listing stands: the header (or the JSON document's opening)
 * is written with the first socket, or by smcss_end() if there is none. */
struct smcss_out {
	const struct smcss_opts *opts;
	bool started;
	struct json json;
};

/* -1: run the listing with *O; else the exit status (help, version, error). */
int smcss_parse_args(int argc, char **argv, struct smcss_opts *o);
unsigned smcss_diag_ext(const struct smcss_opts *o);

/* The dump callback: prints SOCK if the options select it. */
int smcss_socket(const struct smc_diag_sock *sock, void *data, struct nl_error *err);
void smcss_end(struct smcss_out *out);

#endif
