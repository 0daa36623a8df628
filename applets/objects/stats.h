/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The text, JSON and Prometheus printers of `smcd/smcr stats`, apart from the
 * netlink requests so the golden tests can render parsed replies. */
#ifndef SMC_STATS_PRINT_H
#define SMC_STATS_PRINT_H

#include <stdio.h>

#include "netlink/stats.h"

/* DETAILS: 0 or 1 (-d). The layout of smc-tools 1.8.5. */
void stats_print_text(FILE *out, const struct smc_stats *st, enum stats_tech tech, int details);
/* One line: {"SMCD"|"SMCR": {smc-tools' keys..., then ours}}. */
void stats_print_json(FILE *out, const struct smc_stats *st, enum stats_tech tech);
/* The Prometheus text exposition format: one family per counter, SMC-D and
 * SMC-R as the technology label (applets/prometheus.c). */
void stats_print_prometheus(FILE *out, const struct smc_stats *st);

#endif
