/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcr: SMC-R (RoCE) administration. */
#include "applets/applet.h"
#include "applets/tech.h"

static const struct object smcr_objects[] = {
	{ "info", NULL, obj_info },
	{ "linkgroup", "lgr", obj_linkgroup },
	{ "device", "dev", obj_device },
	{ "stats", NULL, obj_stats },
	{ "ueid", NULL, obj_ueid },
	{ NULL, "seid", obj_seid },	/* only to say that it is SMC-D only */
	{ "handshake-limit", "hslimit", obj_hslimit },
};

int smcr_main(int argc, char **argv)
{
	return tech_main(SMC_TECH_R, smcr_objects, sizeof(smcr_objects) / sizeof(smcr_objects[0]), argc, argv);
}
