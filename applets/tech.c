/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/tech.h"

int match_keyword(const char *arg, const char *const *keywords, size_t count)
{
	size_t len = strlen(arg);

	for (size_t i = 0; len && i < count; i++)
		if (strncmp(arg, keywords[i], len) == 0)
			return (int)i;
	return -1;
}

static int tech_usage(const struct object *objects, size_t count)
{
	printf("Usage: %s [ OPTIONS ] OBJECT {COMMAND | help}\nwhere  OBJECT := {", applet_name);
	for (size_t i = 0, n = 0; i < count; i++)
		if (!objects[i].unlisted)
			printf("%s%s", n++ ? " | " : "", objects[i].name);
	printf("}\n       OPTIONS := {-v[ersion] | -h[elp] | -d[etails] | -dd[etails] | -a[bsolute] | -j[son] | -p[retty]}\n");
	return 0;
}

/* smc-tools' option words in its order: a word means the first one it is a
 * prefix of, so "-" is -absolute and "-de" -details. -json and -pretty are
 * ours. */
enum { OPT_ABSOLUTE, OPT_VERSION, OPT_DETAILS, OPT_DDETAILS, OPT_HELP, OPT_JSON, OPT_PRETTY, OPT_COUNT };
static const char *const option_words[OPT_COUNT] = {
	"-absolute", "-version", "-details", "-ddetails", "-help", "-json", "-pretty"
};

/* Sets the detail level and -a together: smc-tools keeps one mode that
 * the last option sets ("-d -a" is -a alone, "-ad" and "-da" both). */
static void set_mode(struct tech_opts *o, int details, bool absolute)
{
	o->details = details;
	o->absolute = absolute;
}

int tech_parse_options(int argc, char **argv, struct tech_opts *o, const struct object *objects, size_t count)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *word = argv[i] + (argv[i][1] == '-');	/* "--details" reads as "-details" */

		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		if (strncmp(word, "-ad", 3) == 0 || strncmp(word, "-da", 3) == 0) {
			set_mode(o, 1, true);
			continue;
		}
		switch (match_keyword(word, option_words, OPT_COUNT)) {
		case OPT_ABSOLUTE: set_mode(o, 0, true); break;
		case OPT_DETAILS: set_mode(o, 1, false); break;
		case OPT_DDETAILS: set_mode(o, 2, false); break;
		case OPT_JSON: o->json = true; break;
		case OPT_PRETTY: json_set_pretty(true); break;
		case OPT_VERSION: print_version(); return -2;
		case OPT_HELP: tech_usage(objects, count); return -2;
		default: fail_unknown("option", argv[i], "help"); return -1;
		}
	}
	return i;
}

/* smc-tools' object order, which decides what an abbreviation means ("s" is
 * stats, "h" help); handshake-limit is ours, after help. */
static const char *const object_order[] = {
	"device", "linkgroup", "info", "stats", "ueid", "seid", "help", "handshake-limit"
};

const struct object tech_help_object = { "help", NULL, NULL, true };

const struct object *tech_find_object(const char *arg, const struct object *objects, size_t count)
{
	int k = match_keyword(arg, object_order, sizeof(object_order) / sizeof(object_order[0]));

	for (size_t i = 0; i < count; i++)
		if (objects[i].alias && strcmp(arg, objects[i].alias) == 0)
			return &objects[i];
	if (k >= 0 && strcmp(object_order[k], tech_help_object.name) == 0)
		return &tech_help_object;
	for (size_t i = 0; k >= 0 && i < count; i++)
		if (strcmp(objects[i].name, object_order[k]) == 0)
			return &objects[i];
	fail_unknown("object", arg, "help");
	return NULL;
}

int tech_main(enum smc_tech tech, const struct object *objects, size_t count, int argc, char **argv)
{
	struct tech_opts opts = { .tech = tech };
	const struct object *obj;
	int i = tech_parse_options(argc, argv, &opts, objects, count);

	if (i < 0)
		return i == -2 ? 0 : 1;
	if (i == argc)
		return fail_missing("object", NULL, "help");
	obj = tech_find_object(argv[i], objects, count);
	if (obj == &tech_help_object)	/* what follows help does not matter, as in smc-tools */
		return tech_usage(objects, count);
	return obj ? obj->run(&opts, argc - i, argv + i) : 1;
}
