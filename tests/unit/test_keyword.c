/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Keyword abbreviation as smcd/smcr accept it for objects and commands. */
#include "applets/tech.h"
#include "tests/unit/check.h"

int main(void)
{
	static const char *const objs[] = { "info", "linkgroup", "device", "stats", "ueid", "seid" };

	CHECK(match_keyword("stats", objs, 6) == 3, "exact keyword matches");
	CHECK(match_keyword("st", objs, 6) == 3, "unique prefix matches");
	CHECK(match_keyword("i", objs, 6) == 0, "one-letter unique prefix matches");
	CHECK(match_keyword("s", objs, 6) == -2, "prefix of two keywords is ambiguous");
	CHECK(match_keyword("statsx", objs, 6) == -1, "longer than a keyword is unknown");
	CHECK(match_keyword("", objs, 6) == -1, "empty word is unknown");
	CHECK(match_keyword("bogus", objs, 6) == -1, "unknown word");
	return 0;
}
