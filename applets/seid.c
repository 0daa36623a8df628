/* seid: not implemented yet. */
#include "applets/applet.h"
#include "applets/tech.h"

int obj_seid(const struct tech_opts *opts, int argc, char **argv)
{
	return fail("%s: not implemented yet", argv[0]);
}
