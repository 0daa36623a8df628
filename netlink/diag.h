/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMC sockets through NETLINK_SOCK_DIAG (the smc_diag module): one dump,
 * each socket parsed into a plain struct and handed to the caller's
 * callback as its message arrives, so memory stays flat however many
 * sockets the kernel lists. */
#ifndef SMC_NETLINK_DIAG_H
#define SMC_NETLINK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/smc_diag.h>

#include "netlink/error.h"

/* Extensions to ask for, as the request's diag_ext bits. */
#define SMC_DIAG_EXT(ext) (1u << ((ext) - 1))

struct smc_diag_curs {
	uint16_t wrap;
	uint32_t count;
};

struct smc_diag_sock {
	int family;			/* AF_INET or AF_INET6: how to read the addresses */
	uint8_t state;			/* the kernel's enum smc_state */
	uint8_t mode;			/* SMC_DIAG_MODE_* */
	uint8_t src[16], dst[16];	/* network byte order, IPv4 in the first 4 */
	uint16_t sport, dport;		/* host byte order */
	uint32_t ifindex;
	uint32_t uid;
	uint64_t inode;

	bool has_shutdown;
	uint8_t shutdown;		/* RCV_SHUTDOWN 1, SEND_SHUTDOWN 2 */

	bool has_fallback;
	uint32_t fallback_reason, peer_diagnosis;

	bool has_conn;
	struct {
		uint32_t token, sndbuf_size, rmbe_size, peer_rmbe_size;
		struct smc_diag_curs rx_prod, rx_cons, tx_prod, tx_cons;
		uint8_t rx_prod_flags, rx_conn_state_flags, tx_prod_flags, tx_conn_state_flags;
		struct smc_diag_curs tx_prep, tx_sent, tx_fin;
	} conn;

	bool has_lgr;			/* SMC-R */
	struct {
		uint8_t role;		/* 0 client, 1 server */
		uint8_t link_id, ibport;
		char ibname[IB_DEVICE_NAME_MAX + 1];
		char gid[41], peer_gid[41];
	} lgr;

	bool has_dmb;			/* SMC-D */
	struct {
		uint32_t linkid;
		uint64_t my_gid, token, peer_gid, peer_token;
	} dmb;
};

/* Return 0 to go on, -1 (with err set) to stop the dump. */
typedef int (*smc_diag_cb)(const struct smc_diag_sock *sock, void *data, struct nl_error *err);

/* Dump every SMC socket (IPv4 and IPv6) with the extensions in EXT
 * (SMC_DIAG_EXT(SMC_DIAG_CONNINFO) | ...). Returns 0 or -1 with err set;
 * a kernel without smc_diag is reported as such. */
int smc_diag_dump(unsigned ext, smc_diag_cb cb, void *data, struct nl_error *err);

/* The socket whose inode is INODE, with the extensions in EXT, into *OUT:
 * returns 1 when found, 0 when the dump has no such socket, -1 with err set. */
int smc_diag_find(uint64_t inode, unsigned ext, struct smc_diag_sock *out, struct nl_error *err);

/* The same parser on recorded replies. */
int smc_diag_parse(const void *buf, size_t len, smc_diag_cb cb, void *data, struct nl_error *err);

#endif
