/* SPDX-License-Identifier: GPL-2.0-or-later */
/* handshake-limit [show | enable | disable]: whether the kernel limits
 * concurrent SMC handshakes in this network namespace. */
#include <stdio.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"
#include "netlink/hslimit.h"

void hslimit_print(FILE *out, uint8_t enabled, bool json)
{
	struct json j;

	if (!json) {
		fprintf(out, "%s\n", enabled ? "enabled" : "disabled");
		return;
	}
	json_start(&j, out);
	json_bool(&j, "enabled", enabled);
	json_end(&j);
}

int obj_hslimit(const struct tech_opts *opts, int argc, char **argv)
{
	static const char *const commands[] = { "show", "enable", "disable", NULL };
	static const struct obj_syntax syntax = { commands, false, false, false, "handshake-limit [show | enable | disable]" };
	struct nl_error err;
	struct obj_args args;
	int command, status;
	uint8_t enabled;

	if (obj_parse(argc, argv, &syntax, &args, &status))
		return status;
	command = args.command;
	if (command == 0) {
		if (smc_hslimit_read(NULL, &enabled, &err) < 0)
			return fail("%s", err.text);
		hslimit_print(stdout, enabled, opts->json);
		return 0;
	}
	if (smc_hslimit_set(command == 1, &err) < 0)
		return fail("%s %s: %s", argv[0], commands[command], err.text);
	return 0;
}
