/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The SIZE syntax of smc_run -r/-t and SMC_SNDBUF/SMC_RCVBUF: decimal bytes,
 * optionally followed by k/K (KiB) or m/M (MiB). Freestanding: linked into
 * both smc and the preload library. */
#ifndef SMC_SIZE_H
#define SMC_SIZE_H

/* Store the size in *bytes and return 0; return -1 for an empty, zero,
 * signed, spaced, otherwise suffixed or int-overflowing value. */
int smc_parse_size(const char *text, int *bytes);

#endif
