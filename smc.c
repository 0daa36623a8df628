/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc: the applet table and the dispatch on argv[0] or the first argument. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"

const struct applet applets[] = {
	{ "smcd",      smcd_main,       "SMC-D: info, linkgroup, device, stats, ueid, seid" },
	{ "smcr",      smcr_main,       "SMC-R: info, linkgroup, device, stats, ueid" },
	{ "smc_run",   smc_run_main,    "run a program with its TCP sockets turned into SMC sockets" },
	{ "smcss",     smcss_main,      "list SMC sockets" },
	{ "smc_pnet",  smc_pnet_main,   "show and change the PNET table" },
	{ "smc_rnics", smc_rnics_main,  "list the RDMA and ISM devices SMC can use" },
	{ "smc_chk",   smc_chk_main,    "check whether SMC works between two hosts, and why not" },
	{ "smc_dbg",   smc_dbg_main,    "collect debug information in one bundle" },
};
const size_t applet_count = sizeof(applets) / sizeof(applets[0]);

/* Short names accepted as the first argument of `smc`. */
static const struct { const char *alias, *name; } aliases[] = {
	{ "run", "smc_run" },
	{ "ss", "smcss" },
	{ "pnet", "smc_pnet" },
	{ "chk", "smc_chk" },
	{ "dbg", "smc_dbg" },
};

static const struct applet *find_applet(const char *name, bool alias_ok)
{
	for (size_t i = 0; alias_ok && i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(name, aliases[i].alias) == 0)
			name = aliases[i].name;
	for (size_t i = 0; i < applet_count; i++)
		if (strcmp(name, applets[i].name) == 0)
			return &applets[i];
	return NULL;
}

static int run_applet(const struct applet *a, int argc, char **argv)
{
	applet_name = a->name;
	return a->main(argc, argv);
}

/* "smc APPLET help" is "APPLET --help". */
static int applet_help(const struct applet *a)
{
	char *argv[] = { (char *)a->name, "--help", NULL };

	return run_applet(a, 2, argv);
}

static int usage(void)
{
	printf("Usage: smc APPLET [ARGS...]  or  APPLET [ARGS...] through a link named so\n"
	       "       smc {-h|--help | -v|--version | --list | --install [-s] [-r] [-f] DIR}\n\n"
	       "Applets:\n");
	for (size_t i = 0; i < applet_count; i++)
		printf("  %-9s %s\n", applets[i].name, applets[i].summary);
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		printf("  %-9s short for %s\n", aliases[i].alias, aliases[i].name);
	return 0;
}

static int list_applets(void)
{
	for (size_t i = 0; i < applet_count; i++)
		puts(applets[i].name);
	return 0;
}

static int dispatch(int argc, char **argv)
{
	const char *base = argc > 0 ? strrchr(argv[0], '/') : NULL;
	const struct applet *a;

	base = base ? base + 1 : (argc > 0 ? argv[0] : "smc");
	if ((a = find_applet(base, false)) != NULL)
		return run_applet(a, argc, argv);
	if (argc < 2)
		return fail_missing("applet", NULL, "--help");
	if (argc > 2 && (is_option(argv[1], "-h", "help") || is_option(argv[1], "-v", "version") ||
			 is_option(argv[1], NULL, "list")))
		return fail_extra(argv[2], "--help");
	if (is_option(argv[1], "-h", "help") || (argc == 2 && strcmp(argv[1], "help") == 0))
		return usage();
	if (is_option(argv[1], "-v", "version"))
		return print_version();
	if (is_option(argv[1], NULL, "list"))
		return list_applets();
	if (is_option(argv[1], NULL, "install"))
		return smc_install(argc - 1, argv + 1);
	if ((a = find_applet(argv[1], true)) != NULL)
		return argc == 3 && strcmp(argv[2], "help") == 0 ? applet_help(a) : run_applet(a, argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return fail_unknown("option", argv[1], "--help");
	return fail_unknown("applet", argv[1], "--help");
}

int main(int argc, char **argv)
{
	hold_std_fds();
	return finish_output(dispatch(argc, argv));
}
