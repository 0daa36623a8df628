/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd: SMC-D (ISM and loopback-ism) administration. */
#include "applets/applet.h"
#include "applets/tech.h"

static const struct object smcd_objects[] = {
	{ "info", NULL, obj_info },
	{ "linkgroup", "lgr", obj_linkgroup },
	{ "device", "dev", obj_device },
	{ "stats", NULL, obj_stats },
	{ "ueid", NULL, obj_ueid },
	{ "seid", NULL, obj_seid },
	{ "handshake-limit", "hslimit", obj_hslimit },
};

int smcd_main(int argc, char **argv)
{
	return tech_main(SMC_TECH_D, smcd_objects, sizeof(smcd_objects) / sizeof(smcd_objects[0]), argc, argv);
}
