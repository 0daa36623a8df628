#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"

const char *applet_name = "smc";

int fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", applet_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int print_version(void)
{
	printf("%s (smc) %s\n", applet_name, SMC_VERSION);
	return 0;
}

bool is_option(const char *arg, const char *short_opt, const char *long_opt)
{
	if (short_opt && strcmp(arg, short_opt) == 0)
		return true;
	if (!long_opt || arg[0] != '-')
		return false;
	arg += arg[1] == '-' ? 2 : 1;
	return strcmp(arg, long_opt) == 0;
}
