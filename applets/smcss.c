/* smcss: not implemented yet. */
#include "applets/applet.h"

int smcss_main(int argc, char **argv)
{
	if (argc > 1 && is_option(argv[1], "-v", "version"))
		return print_version();
	return fail("not implemented yet");
}
