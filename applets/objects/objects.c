/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <rdma/ib_user_verbs.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"

static int word_index(const char *arg, const char *const *words)
{
	size_t n = 0;

	while (words[n])
		n++;
	return match_keyword(arg, words, n);
}

/* A device name the kernel could hold in a buffer of SIZE bytes. */
static bool filter_name_ok(const char *name, size_t size)
{
	return name[0] && strnlen(name, size) < size;
}

static bool is_help(const char *arg)
{
	static const char *const help[] = { "help" };

	return match_keyword(arg, help, 1) == 0;
}

static void parse_lgid(const char *arg, struct obj_filter *f)
{
	char *end;
	uint32_t id = (uint32_t)strtol(arg, &end, 16);

	if (end == arg)
		f->lgid_kind = OBJ_LGID_NONE;
	else if (id != 0)
		f->lgid_kind = OBJ_LGID_ONE;
	f->lgid = id;
}

/* "netdev NAME" or "ibdev NAME" (K is 1 or 2) at ARGV[*I], the name taken;
 * HELP is the object's help command, for the error. */
static bool parse_device(int argc, char **argv, int *i, int k, struct obj_filter *f, const char *help)
{
	const char *word = argv[(*i)++];

	if (*i == argc)
		return fail_missing(k == 1 ? "NETDEV" : "IBDEV", word, help), false;
	if (!filter_name_ok(argv[*i], k == 1 ? IFNAMSIZ : IB_DEVICE_NAME_MAX))
		return fail("%s: %s name \"%.40s%s\" is empty or too long", argv[0], word, argv[*i],
			    strlen(argv[*i]) > 40 ? "..." : ""), false;
	if (k == 1)
		f->netdev = argv[(*i)++];
	else
		f->ibdev = argv[(*i)++];
	return true;
}

/* "help" (or a prefix) at ARGV[I]: the usage, when nothing follows. */
static bool obj_help(int argc, char **argv, int i, const struct obj_syntax *syntax, int *status, const char *help)
{
	if (i + 1 < argc)
		return fail_extra(argv[i + 1], help), true;
	printf("Usage: %s %s\n", applet_name, syntax->usage);
	*status = 0;
	return true;
}

bool obj_parse(int argc, char **argv, const struct obj_syntax *syntax, struct obj_args *args, int *status)
{
	static const char *const filter_words[] = { "all", "netdev", "ibdev", NULL };
	bool all = false;
	int i = 1, k;
	char help[64];

	snprintf(help, sizeof(help), "%.40s help", argv[0]);
	memset(args, 0, sizeof(*args));
	*status = 1;
	if (i < argc && (k = word_index(argv[i], syntax->commands)) >= 0) {
		args->command = k;
		i++;
	}
	for (; i < argc; i++, all = true) {	/* any number of "all" */
		if (is_help(argv[i]))
			return obj_help(argc, argv, i, syntax, status, help);
		if (!syntax->all || word_index(argv[i], filter_words) != 0)
			break;
	}
	k = i < argc && syntax->all ? word_index(argv[i], filter_words) : -1;
	if (k > 0 && syntax->devices) {
		if (!parse_device(argc, argv, &i, k, &args->filter, help))
			return true;
	} else if (i < argc && syntax->lgid && !all) {
		parse_lgid(argv[i++], &args->filter);
	}
	if (i < argc)
		return (i == 1 ? fail_unknown("argument", argv[i], help) : fail_extra(argv[i], help)), true;
	return false;
}

void obj_netdev_name(uint32_t index, char name[IF_NAMESIZE])
{
	if (!index || !if_indextoname(index, name))
		name[0] = '\0';
}

const char *obj_trim(const char *s, char *buf, size_t size)
{
	size_t len;

	while (isspace((unsigned char)*s))
		s++;
	len = strnlen(s, size - 1);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

void obj_json_list_begin(struct json *j, FILE *out, const char *key)
{
	json_start(j, out);
	json_array_begin(j, key);
}

void obj_json_list_end(struct json *j)
{
	json_array_end(j);
	json_end(j);
}
