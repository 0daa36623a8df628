/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the smcd/smcr objects info, linkgroup, device, seid and
 * handshake-limit share: their argument grammar, and their printers (text
 * laid out as smc-tools prints it, or JSON), which the unit tests call. */
#ifndef SMC_OBJECTS_H
#define SMC_OBJECTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "applets/tech.h"
#include "netlink/device.h"
#include "netlink/linkgroup.h"
#include "netlink/seid.h"
#include "netlink/sysinfo.h"

/* Which link group IDs to show: smc-tools reads an LG-ID as hex with
 * strtol(), takes 0 for no filter and a word without a hex digit for one
 * that matches no link group. */
enum obj_lgid { OBJ_LGID_ANY, OBJ_LGID_ONE, OBJ_LGID_NONE };

/* Which rows to show: all, those on one network or InfiniBand device, or
 * those of one link group. */
struct obj_filter {
	const char *netdev;
	const char *ibdev;
	enum obj_lgid lgid_kind;
	uint32_t lgid;			/* with OBJ_LGID_ONE */
};

/* An object's grammar: "OBJECT [COMMAND] [all | LG-ID | netdev NAME | ibdev NAME]". */
struct obj_syntax {
	const char *const *commands;	/* NULL-terminated; the first is the default */
	bool all;			/* "all" is accepted */
	bool devices;			/* "netdev NAME" and "ibdev NAME" too */
	bool lgid;			/* an LG-ID too (not after "all") */
	const char *usage;		/* after "Usage: APPLET " */
};

struct obj_args {
	int command;			/* index into the commands */
	struct obj_filter filter;
};

/* Returns true when the applet is done ("help", or an error already
 * reported): *STATUS is then its exit status. */
bool obj_parse(int argc, char **argv, const struct obj_syntax *syntax, struct obj_args *args, int *status);

/* The name of network interface INDEX, or "" (also for index 0). */
void obj_netdev_name(uint32_t index, char name[IF_NAMESIZE]);
/* S without leading and trailing blanks, in BUF of SIZE bytes. */
const char *obj_trim(const char *s, char *buf, size_t size);

/* A list printer's JSON document: {"KEY":[ ... ]} */
struct json;
void obj_json_list_begin(struct json *j, FILE *out, const char *key);
void obj_json_list_end(struct json *j);

/* SMC hardware as `info` reports it, counted from the device lists. */
struct info_hw {
	unsigned ism;
	unsigned roce_v1_only;	/* RoCE Express: SMC-Rv1 */
	unsigned roce_v2;	/* RoCE Express2 and later: SMC-Rv1 and v2 */
};
void info_count_hw(const struct smc_list *smcd_devs, const struct smc_list *smcr_devs, struct info_hw *hw);
void info_print(FILE *out, const struct smc_sysinfo *sys, const struct info_hw *hw, bool json);

/* LINKS may be NULL when no filter is set. */
void lgr_print(FILE *out, const struct tech_opts *o, const struct smc_list *lgrs, const struct smc_list *links,
	       const struct obj_filter *f);
void link_print(FILE *out, const struct tech_opts *o, const struct smc_list *links, const struct obj_filter *f);
void dev_print(FILE *out, const struct tech_opts *o, const struct smc_list *devs, const struct obj_filter *f);
void seid_print(FILE *out, const struct smc_seid *seid, bool json);
void hslimit_print(FILE *out, uint8_t enabled, bool json);

#endif
