/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What each counter of enum stats_counter is called: smc-tools' JSON key
 * and our Prometheus metric with its labels, from one set of tables, so the
 * JSON and Prometheus printers cannot disagree about a counter. */
#ifndef SMC_STATS_NAMES_H
#define SMC_STATS_NAMES_H

#include "netlink/stats.h"

struct counter_name {
	char key[40];		/* "SMC_INT_TX_BUF_8K" */
	const char *metric;	/* "smc_buffer_size_bytes" */
	char labels[40];	/* all but technology and le: "direction=\"tx\"" */
	char le[12];		/* a histogram bucket's upper bound in bytes, "+Inf"; else "" */
};

/* The names of counter I, 0 <= I < ST_COUNT. */
void stats_counter_name(int i, struct counter_name *name);

#endif
