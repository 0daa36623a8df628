/* SPDX-License-Identifier: GPL-2.0-or-later */
/* seid [show | enable | disable]: the system EID of SMC-D. */
#include <stdio.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"

void seid_print(FILE *out, const struct smc_seid *seid, bool json)
{
	struct json j;

	if (!json) {
		if (seid->available)
			fprintf(out, "%s [%s]\n", seid->seid, seid->enabled ? "enabled" : "disabled");
		else
			fputs("n/a\n", out);
		return;
	}
	json_start(&j, out);
	if (seid->available) {
		json_string(&j, "seid", seid->seid);
		json_bool(&j, "enabled", seid->enabled);
	}
	json_end(&j);
}

int obj_seid(const struct tech_opts *opts, int argc, char **argv)
{
	static const char *const commands[] = { "show", "enable", "disable", NULL };
	static const struct obj_syntax syntax = { commands, false, false, false, "seid [show | enable | disable]" };
	struct smc_seid seid;
	struct nl_error err;
	struct obj_args args;
	int command, status;

	if (opts->tech != SMC_TECH_D)
		return fail("%s: the system EID is SMC-D only, use \"smcd seid\"", argv[0]);
	if (obj_parse(argc, argv, &syntax, &args, &status))
		return status;
	command = args.command;
	if (smc_seid_read(NULL, &seid, &err) < 0)
		return fail("%s", err.text);
	if (command == 0) {
		seid_print(stdout, &seid, opts->json);
		return 0;
	}
	if (!seid.available)
		return fail("%s %s: this system has no system EID", argv[0], commands[command]);
	if (smc_seid_set(command == 1, &err) < 0)
		return fail("%s %s: %s", argv[0], commands[command], err.text);
	return 0;
}
