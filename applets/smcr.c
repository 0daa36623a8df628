/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcr: SMC-R (RoCE) administration. */
#include "applets/applet.h"
#include "applets/tech.h"

static const struct object smcr_objects[] = {
	{ "info", NULL, obj_info, false },
	{ "linkgroup", "lgr", obj_linkgroup, false },
	{ "device", "dev", obj_device, false },
	{ "stats", NULL, obj_stats, false },
	{ "ueid", NULL, obj_ueid, false },
	{ "seid", NULL, obj_seid, true },	/* only to say that it is SMC-D only */
	{ "handshake-limit", "hslimit", obj_hslimit, false },
};

int smcr_main(int argc, char **argv)
{
	return tech_main(SMC_TECH_R, smcr_objects, sizeof(smcr_objects) / sizeof(smcr_objects[0]), argc, argv);
}
