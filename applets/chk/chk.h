/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_chk's parts: the live test (a test server, a client that reads its
 * own connection's verdict through sock_diag) and the static analysis of
 * the local interfaces (PNET IDs, devices, EIDs, subnets). */
#ifndef SMC_CHK_H
#define SMC_CHK_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>

#include "applets/print/json.h"
#include "netlink/device.h"
#include "netlink/seid.h"
#include "netlink/sysinfo.h"
#include "netlink/ueid.h"

#define CHK_DEFAULT_PORT 37373

/* Exit statuses of smc_chk (smc_chk(8)). */
enum { CHK_SMC = 0, CHK_FAILED = 1, CHK_FALLBACK = 2 };

struct chk_opts {
	bool debug, json, ipv6;
	uint16_t port;
};

/* What one connection came to. */
struct chk_verdict {
	bool connected;
	int error;			/* errno when not connected */
	uint8_t mode;			/* SMC_DIAG_MODE_* */
	int version;			/* SMC version, 0 when unknown */
	uint32_t reason, peer_reason;	/* this side's fallback reason, the peer's diagnosis */
};

/* An IP address to connect to. */
struct chk_target {
	struct sockaddr_storage addr;
	socklen_t len;
	char text[64];
};

/* TEXT as an IPv4 or IPv6 address with PORT; false when it is neither. */
bool chk_target_parse(const char *text, uint16_t port, struct chk_target *t);

/* Connect to T over AF_SMC and read the connection's verdict. Returns 0,
 * or -1 after an error of smc_chk itself (reported). */
int chk_connect(const struct chk_opts *o, const struct chk_target *t, struct chk_verdict *v);
int chk_status(const struct chk_verdict *v);
/* The verdict's lines, LOCAL and PEER naming the two sides' reasons. */
void chk_print_verdict(const struct chk_verdict *v, const char *local, const char *peer);
void chk_json_verdict(struct json *j, const struct chk_verdict *v, const char *local, const char *peer);

/* An AF_SMC listener (IPv6 when V6) on the first free port from *PORT,
 * which it updates; -1 after reporting. */
int chk_listen(bool v6, uint16_t *port);
/* Accept and drain connections on the listeners FDS (at most 2) until
 * SIGINT or SIGTERM; with REPORT, print each connection's verdict. Returns
 * 0, or 1 after reporting an error. */
int chk_serve(const struct chk_opts *o, const int *fds, int nfds, bool report);

/* Active (up) interfaces, in index order. */
struct chk_iface {
	char name[IF_NAMESIZE];
	unsigned index;
	bool loopback;
};
/* Fills at most MAX; returns the count, or -1 after reporting. */
int chk_ifaces_up(struct chk_iface *ifs, int max);
/* NAME's IFF_* flags, 0 when there is no such interface. */
unsigned chk_iface_flags(const char *name);
#define CHK_SUBNET_LEN (INET6_ADDRSTRLEN + 4)	/* "ADDRESS/PREFIXLEN" */
/* NAME's addresses that are not link-local, as ADDRESS/PREFIXLEN; the count. */
int chk_iface_subnets(const char *name, char subnets[][CHK_SUBNET_LEN], int max);
/* The first address of NAME that is not link-local, for PORT (IPv6 with
 * PORT6); false when it has none. */
bool chk_iface_address(const char *name, uint16_t port, uint16_t port6, struct chk_target *t);

/* The PNET ID of PORT in a util_string of LEN bytes (16 EBCDIC bytes per
 * port, blank-padded), in ASCII without blanks; empty when it has none. */
void chk_util_string_pnetid(const unsigned char *util, size_t len, unsigned port, char id[17]);

/* -i: the PNET ID of IFACE and where it comes from. */
struct chk_pnetid {
	char id[17];			/* empty: none */
	bool from_table;		/* the PNET table, else the hardware (sysfs) */
};
/* 0, or -1 after reporting. */
int chk_pnetid(const char *iface, struct chk_pnetid *p);
/* -i IFACE as text (the ID, with * when from the table) or JSON: the exit status. */
int chk_print_pnetid(const struct chk_opts *o, const char *iface);

/* What the static analysis reads from the kernel, once for all interfaces. */
struct chk_system {
	struct smc_sysinfo info;
	struct smc_list smcr_devs, smcd_devs;	/* struct smc_dev */
	struct ueid_table ueids;
	struct smc_seid seid;
};
/* 0, or -1 after reporting. */
int chk_system_read(struct chk_system *sys);
void chk_system_free(struct chk_system *sys);

/* -s: one interface's analysis, as text, or as members of the open JSON
 * object J when not NULL. 0, or -1 after reporting. */
int chk_static(const struct chk_system *sys, const struct chk_iface *iface, struct json *j);

#endif
