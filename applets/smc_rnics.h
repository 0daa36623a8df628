/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_rnics's printer, which the unit tests feed a fake sysfs tree's rows. */
#ifndef SMC_SMC_RNICS_H
#define SMC_SMC_RNICS_H

#include <stdbool.h>
#include <stdio.h>

#include "netlink/reply.h"

struct rnics_opts {
	bool all;		/* -a */
	bool ib_dev;		/* -I: IB port and device instead of physical port and network device */
	bool raw_ids;		/* -r */
	bool has_fid;		/* FID: only that function */
	unsigned long fid;
};

/* What SMC uses, from the kernel's device dumps (struct smc_dev); NULL
 * lists when the SMC module is not there. */
struct rnics_in_use {
	const struct smc_list *smcr, *smcd;
};

/* One line per row of ROWS (struct rnic) that O selects, after a header;
 * returns how many rows were printed. */
size_t rnics_print(FILE *out, const struct smc_list *rows, const struct rnics_opts *o, const struct rnics_in_use *use);

#endif
