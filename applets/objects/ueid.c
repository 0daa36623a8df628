/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd/smcr ueid {show | add NAME | del NAME | flush | help} */
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/tech.h"
#include "netlink/ueid.h"

enum { UEID_SHOW, UEID_ADD, UEID_DEL, UEID_FLUSH, UEID_HELP };
static const char *const commands[] = { "show", "add", "del", "flush", "help" };

static int usage(void)
{
	printf("Usage: %s ueid [show | add <ueid> | del <ueid> | flush]\n"
	       "  A UEID has 1 to 32 characters: A-Z, 0-9, '.' and '-', beginning with a letter or digit.\n",
	       applet_name);
	return 0;
}

static int show(const struct tech_opts *opts)
{
	struct ueid_table table;
	struct nl_error err;
	struct json j;

	if (ueid_dump(&table, &err) < 0)
		return fail("%s", err.text);
	if (!opts->json) {
		for (size_t i = 0; i < table.count; i++)
			puts(table.id[i]);
		return 0;
	}
	json_start(&j, stdout);
	json_array_begin(&j, "ueid");
	for (size_t i = 0; i < table.count; i++) {
		char *id = table.id[i];

		id[strcspn(id, " ")] = '\0';
		json_string(&j, NULL, id);
	}
	json_array_end(&j);
	json_end(&j);
	return 0;
}

int obj_ueid(const struct tech_opts *opts, int argc, char **argv)
{
	int cmd = argc > 1 ? match_keyword(argv[1], commands, 5) : UEID_SHOW;
	int wanted = cmd == UEID_ADD || cmd == UEID_DEL ? 3 : 2;
	struct nl_error err;
	int rc;

	if (argc == 1)
		return show(opts);
	if (cmd < 0)
		return fail_unknown("ueid command", argv[1], "ueid help");
	if (argc < wanted)
		return fail_missing("UEID", argv[1], "ueid help");
	if (argc > wanted)
		return fail_extra(argv[wanted], "ueid help");
	switch (cmd) {
	case UEID_HELP:
		return usage();
	case UEID_ADD:
		rc = ueid_add(argv[2], &err);
		break;
	case UEID_DEL:
		rc = ueid_del(argv[2], &err);
		if (rc == 1)
			printf("SEID is in use again: no UEID is left\n");
		break;
	case UEID_FLUSH:
		rc = ueid_flush(&err);
		break;
	default:
		return show(opts);
	}
	if (rc < 0 && argc == 3)
		return fail("ueid %s \"%.40s%s\": %s", commands[cmd], argv[2], strlen(argv[2]) > 40 ? "..." : "", err.text);
	return rc < 0 ? fail("%s", err.text) : 0;
}
