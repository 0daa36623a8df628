/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
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

bool obj_parse(int argc, char **argv, const struct obj_syntax *syntax, struct obj_args *args, int *status)
{
	static const char *const filter_words[] = { "all", "netdev", "ibdev", NULL };
	int i = 1, k;
	char help[64];

	snprintf(help, sizeof(help), "%.40s help", argv[0]);
	memset(args, 0, sizeof(*args));
	*status = 1;
	if (i < argc && strcmp(argv[i], "help") == 0) {
		if (argc > 2)
			return fail_extra(argv[2], help), true;
		printf("Usage: %s %s\n", applet_name, syntax->usage);
		*status = 0;
		return true;
	}
	if (i < argc && (k = word_index(argv[i], syntax->commands)) >= 0) {
		args->command = k;
		i++;
	}
	if (i < argc && syntax->all && (k = word_index(argv[i], filter_words)) >= 0 && (k == 0 || syntax->devices)) {
		i++;
		if (k > 0 && i == argc)
			return fail_missing(k == 1 ? "NETDEV" : "IBDEV", argv[i - 1], help), true;
		if (k > 0 && !filter_name_ok(argv[i], k == 1 ? IFNAMSIZ : IB_DEVICE_NAME_MAX))
			return fail("%s: %s name \"%.40s%s\" is empty or too long", argv[0], argv[i - 1], argv[i],
				    strlen(argv[i]) > 40 ? "..." : ""), true;
		if (k == 1)
			args->filter.netdev = argv[i++];
		else if (k == 2)
			args->filter.ibdev = argv[i++];
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
