/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The SMC handshake limitation of the network namespace:
 * SMC_NETLINK_DUMP_HS_LIMITATION, _ENABLE_HS_LIMITATION, _DISABLE_HS_LIMITATION. */
#ifndef SMC_NETLINK_HSLIMIT_H
#define SMC_NETLINK_HSLIMIT_H

#include <stdint.h>

#include "netlink/reply.h"

int smc_hslimit_read(const struct smc_recorded *rec, uint8_t *enabled, struct nl_error *err);
int smc_hslimit_set(int on, struct nl_error *err);

#endif
