/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd: SMC-D (ISM and loopback-ism) administration. */
#include "applets/applet.h"
#include "applets/tech.h"

const struct object smcd_objects[] = {
	{ "info", NULL, obj_info, false },
	{ "linkgroup", "lgr", obj_linkgroup, false },
	{ "device", "dev", obj_device, false },
	{ "stats", NULL, obj_stats, false },
	{ "ueid", NULL, obj_ueid, false },
	{ "seid", NULL, obj_seid, false },
	{ "handshake-limit", "hslimit", obj_hslimit, false },
};

const size_t smcd_object_count = sizeof(smcd_objects) / sizeof(smcd_objects[0]);

int smcd_main(int argc, char **argv)
{
	return tech_main(SMC_TECH_D, smcd_objects, smcd_object_count, argc, argv);
}
