/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text helpers shared by the applets' printers. */
#ifndef SMC_FORMAT_H
#define SMC_FORMAT_H

#include <stdint.h>

/* Room for a shortened number and its NUL. */
#define SHORT_NUM_LEN 7

/* VALUE in at most 6 characters: as it is below 1000, else four significant
 * digits, rounded half up, and K, M, G, T, P or E (powers of 1000):
 * 1049 -> "1.049K", 99999 -> "100.0K", 999999 -> "1.000M". */
const char *format_short(uint64_t value, char buf[SHORT_NUM_LEN]);

#endif
