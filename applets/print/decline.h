/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one table of SMC CLC decline codes (the kernel's net/smc/smc_clc.h):
 * each code's name and a sentence on what to check. smcss, stats (also
 * the Prometheus reason labels) and smc_chk read it, and smcss(8) prints it. */
#ifndef SMC_DECLINE_H
#define SMC_DECLINE_H

#include <stdint.h>

/* Room for a decline code's name or its hex form "0x03030008". */
#define DECLINE_NAME_LEN 16

/* The name of a CLC decline code: smc-tools' names for the codes it knows,
 * the kernel's for the others, hex for unknown codes. */
const char *decline_name(uint32_t code, char buf[DECLINE_NAME_LEN]);

/* What the code means and what to check, one sentence; NULL when unknown. */
const char *decline_explanation(uint32_t code);

#endif
