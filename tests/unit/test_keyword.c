/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcd/smcr read words as smc-tools 1.8.5 does (its smc.c and the objects'
 * handle_cmd_params()): a word means the first keyword, in smc-tools'
 * order, that it is a prefix of; options likewise, "--" ends them. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "applets/applet.h"
#include "applets/tech.h"
#include "tests/unit/check.h"

static void check_objects(void)
{
	static const struct { const char *word, *object; } words[] = {
		/* smc-tools' cmds[]: device, linkgroup, info, stats, ueid, seid, help */
		{ "d", "device" }, { "de", "device" }, { "device", "device" },
		{ "l", "linkgroup" }, { "link", "linkgroup" }, { "i", "info" },
		{ "s", "stats" }, { "st", "stats" }, { "se", "seid" }, { "u", "ueid" },
		{ "h", "help" }, { "he", "help" }, { "help", "help" },
		/* ours */
		{ "ha", "handshake-limit" }, { "hslimit", "handshake-limit" }, { "lgr", "linkgroup" },
		{ "dev", "device" },
		/* unknown to smc-tools as to us */
		{ "x", NULL }, { "", NULL }, { "stats2", NULL }, { "S", NULL }, { "-d", NULL },
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const struct object *obj = tech_find_object(words[i].word, smcd_objects, smcd_object_count);
		const char *got = obj ? obj->name : NULL;

		CHECK(words[i].object ? got && strcmp(got, words[i].object) == 0 : got == NULL,
		      "object word \"%s\" means %s (got %s)", words[i].word, words[i].object ? words[i].object : "nothing",
		      got ? got : "nothing");
	}
}

/* tech_parse_options() with the usage or version it prints (on stdout,
 * where the checks go) and its error line thrown away. */
static int parse_quietly(int argc, char **argv, struct tech_opts *o)
{
	int out = dup(STDOUT_FILENO), err = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY), next;

	fflush(stdout);
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	next = tech_parse_options(argc, argv, o, smcd_objects, smcd_object_count);
	fflush(stdout);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	close(out);
	close(err);
	close(null);
	return next;
}

static void check_options(void)
{
	static const struct {
		const char *words[3];
		int next;		/* index of the object word; -1 error, -2 help or version */
		int details;
		bool absolute, json;
	} lines[] = {
		{ { "-d" }, 2, 1, false, false },
		{ { "-de" }, 2, 1, false, false },
		{ { "--details" }, 2, 1, false, false },
		{ { "--d" }, 2, 1, false, false },
		{ { "-dd" }, 2, 2, false, false },
		{ { "-dde" }, 2, 2, false, false },
		{ { "--ddetails" }, 2, 2, false, false },
		{ { "-a" }, 2, 0, true, false },
		{ { "-abs" }, 2, 0, true, false },
		{ { "-" }, 2, 0, true, false },		/* a prefix of -absolute, its first option */
		{ { "-ad" }, 2, 1, true, false },
		{ { "-da" }, 2, 1, true, false },
		{ { "--da" }, 2, 1, true, false },
		{ { "-d", "-a" }, 3, 0, true, false },	/* one mode: the last option sets it */
		{ { "-a", "-d" }, 3, 1, false, false },
		{ { "-dd", "-d" }, 3, 1, false, false },
		{ { "--", "-d" }, 2, 0, false, false },	/* "--" ends the options */
		{ { "-j" }, 2, 0, false, true },
		{ { "--json", "-d" }, 3, 1, false, true },
		{ { "-ver" }, -2, 0, false, false },
		{ { "-v" }, -2, 0, false, false },
		{ { "--version" }, -2, 0, false, false },
		{ { "-he" }, -2, 0, false, false },
		{ { "-h" }, -2, 0, false, false },
		{ { "--help" }, -2, 0, false, false },
		{ { "-x" }, -1, 0, false, false },
		{ { "-ddd" }, -1, 0, false, false },
		{ { "-detailsx" }, -1, 0, false, false },
		{ { "---d" }, -1, 0, false, false },
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		char *argv[6] = { "smcd" };
		struct tech_opts o = { .tech = SMC_TECH_D };
		int argc = 1, next;

		for (int w = 0; w < 3 && lines[i].words[w]; w++)
			argv[argc++] = (char *)lines[i].words[w];
		argv[argc++] = "stats";
		next = parse_quietly(argc, argv, &o);
		CHECK(next == lines[i].next && (next < 0 || (o.details == lines[i].details &&
							      o.absolute == lines[i].absolute &&
							      o.json == lines[i].json)),
		      "options %s %s: next %d (%d), details %d, absolute %d, json %d", argv[1], argc > 3 ? argv[2] : "",
		      next, lines[i].next, o.details, o.absolute, o.json);
	}
}

int main(void)
{
	static const char *const commands[] = { "show", "link-show" };

	applet_name = "smcd";
	CHECK(match_keyword("s", commands, 2) == 0 && match_keyword("l", commands, 2) == 1 &&
	      match_keyword("link-show", commands, 2) == 1 && match_keyword("shows", commands, 2) == -1 &&
	      match_keyword("", commands, 2) == -1, "a command word is the first command it is a prefix of");
	check_objects();
	check_options();
	return 0;
}
