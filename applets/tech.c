/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/tech.h"

int match_keyword(const char *arg, const char *const *keywords, size_t count)
{
	size_t len = strlen(arg);
	int found = -1;

	if (len == 0)
		return -1;
	for (size_t i = 0; i < count; i++) {
		if (strcmp(arg, keywords[i]) == 0)
			return (int)i;
		if (strncmp(arg, keywords[i], len) == 0)
			found = found == -1 ? (int)i : -2;
	}
	return found;
}

static int tech_usage(const struct object *objects, size_t count)
{
	printf("Usage: %s [ OPTIONS ] OBJECT {COMMAND | help}\nwhere  OBJECT := {", applet_name);
	for (size_t i = 0, n = 0; i < count; i++)
		if (objects[i].name)
			printf("%s%s", n++ ? " | " : "", objects[i].name);
	printf("}\n       OPTIONS := {-v[ersion] | -h[elp] | -d[etails] | -dd[etails] | -a[bsolute] | -j[son]}\n");
	return 0;
}

/* One option word: a long name, or a cluster of the letters d, a, j. */
static int parse_option(const char *arg, struct tech_opts *o)
{
	static const char *const longs[] = { "details", "ddetails", "absolute", "json" };
	const char *word = arg + (arg[1] == '-' ? 2 : 1);

	switch (strlen(word) > 2 ? match_keyword(word, longs, 4) : -1) {
	case 0: o->details = o->details > 1 ? 2 : o->details + 1; return 0;
	case 1: o->details = 2; return 0;
	case 2: o->absolute = true; return 0;
	case 3: o->json = true; return 0;
	}
	if (arg[1] == '-' || !word[0])
		return fail_unknown("option", arg, "help");
	for (const char *c = word; *c; c++) {
		if (*c == 'd')
			o->details = o->details > 1 ? 2 : o->details + 1;
		else if (*c == 'a')
			o->absolute = true;
		else if (*c == 'j')
			o->json = true;
		else
			return fail_unknown("option", arg, "help");
	}
	return 0;
}

static const struct object *find_object(const char *arg, const struct object *objects, size_t count)
{
	const struct object *listed[16];
	const char *names[16];
	size_t n = 0;
	int i;

	for (size_t k = 0; k < count; k++) {
		if (objects[k].alias && strcmp(arg, objects[k].alias) == 0)
			return &objects[k];
		if (objects[k].name) {
			listed[n] = &objects[k];
			names[n++] = objects[k].name;
		}
	}
	i = match_keyword(arg, names, n);
	if (i == -2)
		fail_ambiguous("object", arg, "help");
	else if (i < 0)
		fail_unknown("object", arg, "help");
	return i >= 0 ? listed[i] : NULL;
}

int tech_main(enum smc_tech tech, const struct object *objects, size_t count, int argc, char **argv)
{
	struct tech_opts opts = { .tech = tech };
	const struct object *obj;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (is_option(argv[i], "-h", "help"))
			return tech_usage(objects, count);
		if (is_option(argv[i], "-v", "version"))
			return print_version();
		if (parse_option(argv[i], &opts))
			return 1;
	}
	if (i == argc)
		return fail_missing("object", NULL, "help");
	if (strcmp(argv[i], "help") == 0)
		return i + 1 == argc ? tech_usage(objects, count)
				     : fail_extra(argv[i + 1], "help");
	obj = find_object(argv[i], objects, count);
	return obj ? obj->run(&opts, argc - i, argv + i) : 1;
}
