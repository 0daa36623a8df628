/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Local interfaces for smc_chk: which are up, their addresses, and their
 * PNET IDs (hardware-defined in sysfs, or from the PNET table). */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>

#include "applets/applet.h"
#include "applets/chk/chk.h"
#include "netlink/pnet.h"

int chk_ifaces_up(struct chk_iface *ifs, int max)
{
	struct if_nameindex *all = if_nameindex();
	int n = 0;

	if (!all)
		return fail("cannot list the network interfaces: %s", strerror(errno)), -1;
	for (struct if_nameindex *i = all; i->if_index && n < max; i++) {
		unsigned flags = chk_iface_flags(i->if_name);

		if (!(flags & IFF_UP))
			continue;
		snprintf(ifs[n].name, sizeof(ifs[n].name), "%s", i->if_name);
		ifs[n].loopback = flags & IFF_LOOPBACK;
		ifs[n++].index = i->if_index;
	}
	if_freenameindex(all);
	return n;
}

unsigned chk_iface_flags(const char *name)
{
	struct ifaddrs *list, *a;
	unsigned flags = 0;

	if (getifaddrs(&list) < 0)
		return 0;
	for (a = list; a; a = a->ifa_next)
		if (strcmp(a->ifa_name, name) == 0)
			flags |= a->ifa_flags;
	freeifaddrs(list);
	return flags;
}

/* Link-local addresses are left out, as smc-tools leaves out "scope link". */
static bool usable(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 16) != 0xa9fe;	/* 169.254/16 */
	if (sa->sa_family == AF_INET6)
		return !IN6_IS_ADDR_LINKLOCAL(&((const struct sockaddr_in6 *)sa)->sin6_addr);
	return false;
}

static int prefix_len(const struct sockaddr *mask)
{
	const unsigned char *b = mask->sa_family == AF_INET
		? (const unsigned char *)&((const struct sockaddr_in *)mask)->sin_addr
		: (const unsigned char *)&((const struct sockaddr_in6 *)mask)->sin6_addr;
	int bytes = mask->sa_family == AF_INET ? 4 : 16, bits = 0;

	for (int i = 0; i < bytes; i++)
		bits += __builtin_popcount(b[i]);
	return bits;
}

static void addr_text(const struct sockaddr *sa, char *buf, size_t size)
{
	const void *in = sa->sa_family == AF_INET ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
						  : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;

	if (!inet_ntop(sa->sa_family, in, buf, (socklen_t)size))
		snprintf(buf, size, "?");
}

int chk_iface_subnets(const char *name, char subnets[][CHK_SUBNET_LEN], int max)
{
	struct ifaddrs *list, *a;
	char addr[INET6_ADDRSTRLEN];
	int n = 0;

	if (getifaddrs(&list) < 0)
		return 0;
	for (a = list; a && n < max; a = a->ifa_next) {
		if (strcmp(a->ifa_name, name) != 0 || !a->ifa_addr || !a->ifa_netmask || !usable(a->ifa_addr))
			continue;
		addr_text(a->ifa_addr, addr, sizeof(addr));
		snprintf(subnets[n++], CHK_SUBNET_LEN, "%s/%u", addr, (unsigned)(uint8_t)prefix_len(a->ifa_netmask));
	}
	freeifaddrs(list);
	return n;
}

bool chk_iface_address(const char *name, uint16_t port, uint16_t port6, struct chk_target *t)
{
	char subnets[1][CHK_SUBNET_LEN], *slash;

	if (chk_iface_subnets(name, subnets, 1) < 1)
		return false;
	if ((slash = strchr(subnets[0], '/')) != NULL)
		*slash = '\0';
	return chk_target_parse(subnets[0], strchr(subnets[0], ':') ? port6 : port, t);
}

/* ---- PNET IDs ---- */

/* An EBCDIC (code page 1047) letter, digit or blank in ASCII; others as '?'. */
static char from_ebcdic(unsigned char c)
{
	static const struct { unsigned char first; char ascii; int count; } runs[] = {
		{ 0xc1, 'A', 9 }, { 0xd1, 'J', 9 }, { 0xe2, 'S', 8 }, { 0xf0, '0', 10 },
	};

	if (c == 0x40 || c == 0)
		return ' ';
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++)
		if (c >= runs[i].first && c < runs[i].first + runs[i].count)
			return (char)(runs[i].ascii + (c - runs[i].first));
	return '?';
}

void chk_util_string_pnetid(const unsigned char *util, size_t len, unsigned port, char id[PNETID_MAX_LEN + 1])
{
	size_t n = 0;

	for (size_t i = (size_t)port * PNETID_MAX_LEN; i < len && i < (size_t)(port + 1) * PNETID_MAX_LEN; i++) {
		char c = from_ebcdic(util[i]);

		if (c != ' ')
			id[n++] = c;
	}
	id[n] = '\0';
}

static size_t read_sysfs(const char *path, void *buf, size_t size)
{
	FILE *f = fopen(path, "rbe");
	size_t n;

	if (!f)
		return 0;
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

static unsigned read_sysfs_number(const char *path, int base)
{
	char text[32] = "";

	read_sysfs(path, text, sizeof(text) - 1);
	return (unsigned)strtoul(text, NULL, base);
}

/* The hardware-defined PNET ID: a PCI function's util_string, or that of
 * the channel path of a CCW device, 16 EBCDIC bytes per port. */
static void hardware_pnetid(const char *iface, char id[PNETID_MAX_LEN + 1])
{
	unsigned char util[4 * PNETID_MAX_LEN];
	char path[128], chpid[8] = "";
	unsigned port;
	size_t len;

	snprintf(path, sizeof(path), "/sys/class/net/%s/device/util_string", iface);
	port = 0;
	len = read_sysfs(path, util, sizeof(util));
	if (len) {
		snprintf(path, sizeof(path), "/sys/class/net/%s/dev_port", iface);
		port = read_sysfs_number(path, 10);
	} else {
		snprintf(path, sizeof(path), "/sys/class/net/%s/device/chpid", iface);
		if (read_sysfs(path, chpid, sizeof(chpid) - 1)) {
			chpid[strcspn(chpid, "\n")] = '\0';
			for (char *c = chpid; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			snprintf(path, sizeof(path), "/sys/class/net/%s/device/portno", iface);
			port = read_sysfs_number(path, 10);
			snprintf(path, sizeof(path), "/sys/devices/css0/chp0.%s/util_string", chpid);
			len = read_sysfs(path, util, sizeof(util));
		}
	}
	chk_util_string_pnetid(util, len, port, id);
}

struct table_ctx {
	const char *iface;
	char *id;
};

static int table_entry(const struct pnet_entry *e, void *data, struct nl_error *err)
{
	struct table_ctx *ctx = data;

	(void)err;
	if (e->has_eth && strcmp(e->ethname, ctx->iface) == 0)
		snprintf(ctx->id, PNETID_MAX_LEN + 1, "%s", e->pnetid);
	return 0;
}

int chk_pnetid(const char *iface, struct chk_pnetid *p)
{
	struct table_ctx ctx = { iface, p->id };
	struct nl_error err;

	memset(p, 0, sizeof(*p));
	hardware_pnetid(iface, p->id);
	if (p->id[0])
		return 0;
	if (pnet_show(NULL, table_entry, &ctx, &err) < 0)
		return fail("%s", err.text), -1;
	p->from_table = p->id[0] != '\0';
	return 0;
}

int chk_print_pnetid(const struct chk_opts *o, const char *iface)
{
	struct chk_pnetid p;
	struct json j;

	if (!if_nametoindex(iface))
		return fail("interface \"%s\" does not exist", iface);
	if (chk_pnetid(iface, &p) < 0)
		return 1;
	if (!o->json) {
		if (p.id[0])
			printf("%s%s\n", p.id, p.from_table ? "*" : "");
		return 0;
	}
	json_start(&j, stdout);
	json_string(&j, "interface", iface);
	if (p.id[0]) {
		json_string(&j, "pnet_id", p.id);
		json_string(&j, "source", p.from_table ? "pnet_table" : "hardware");
	}
	json_end(&j);
	return 0;
}
