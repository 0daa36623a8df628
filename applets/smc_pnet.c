/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_pnet: show, add, delete and flush entries of the kernel's PNET table. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/smc_pnet.h"
#include "netlink/pnet.h"

static int usage(void)
{
	printf("Usage: smc_pnet [ OPTIONS ] [PNETID]\n"
	       "\t-h, --help            this message\n"
	       "\t-v, --version         show version information\n"
	       "\t-a, --add             add an entry for PNETID, with -I and/or -D\n"
	       "\t-d, --delete          delete the entries of PNETID\n"
	       "\t-s, --show            show the entries of PNETID, or all\n"
	       "\t-f, --flush           delete every entry\n"
	       "\t-I, --interface IF    Ethernet interface of the entry\n"
	       "\t-D, --ibdevice DEV    RDMA or ISM device of the entry\n"
	       "\t-P, --ibport PORT     RDMA device port, 1 or 2 (default: 1)\n"
	       "\t-j, --json            show as one JSON document\n"
	       "\t-p, --pretty          indent the JSON, one member a line\n"
	       "\tno OPTIONS            show the whole table\n");
	return 0;
}

static int set_cmd(struct pnet_opts *o, char cmd)
{
	if (o->cmd && o->cmd != cmd)
		return fail("-%c and -%c exclude each other, try \"smc_pnet -h\"", o->cmd, cmd);
	o->cmd = cmd;
	return 0;
}

static int parse_port(const char *arg, struct pnet_opts *o)
{
	if (strcmp(arg, "1") != 0 && strcmp(arg, "2") != 0)
		return fail("port \"%s\" is not 1 or 2", arg);
	o->ibport = (uint8_t)(arg[0] - '0');
	return 0;
}

static int set_once(const char **slot, const char *value, char opt)
{
	if (*slot)
		return fail("-%c given twice (\"%s\" and \"%s\"), an entry has one", opt, *slot, value);
	*slot = value;
	return 0;
}

/* last_arg: the argument getopt_long took the option from; final_arg:
 * argv's last, the only place where a value can be missing. */
static int parse_option(int c, struct pnet_opts *o, const char *last_arg, const char *final_arg)
{
	switch (c) {
	case 'a': case 'd': case 's': case 'f':
		return set_cmd(o, (char)c);
	case 'I': return set_once(&o->ethname, optarg, 'I');
	case 'D': return set_once(&o->ibname, optarg, 'D');
	case 'P':
		if (o->ibport)
			return fail("-P given twice (%u and \"%s\"), an entry has one port", o->ibport, optarg);
		return parse_port(optarg, o);
	case 'j': o->json = true; return 0;
	case 'p': json_set_pretty(true); return 0;
	case ':':
		return fail_missing("value", final_arg, "-h");
	}
	return fail_refused_option("adsfI:D:P:jphv", last_arg, "-h");
}

/* What each command needs and refuses. */
static int check_args(struct pnet_opts *o, const char *pnetid, struct nl_error *err)
{
	bool device = o->ethname || o->ibname || o->ibport;

	if (!o->cmd && pnetid)
		return fail("PNETID \"%s\" needs -a, -d or -s, try \"smc_pnet -h\"", pnetid);
	if (!o->cmd)
		o->cmd = 's';
	if (o->cmd == 'f' && pnetid)
		return fail("-f takes no PNETID");
	if ((o->cmd == 'a' || o->cmd == 'd') && !pnetid)
		return fail("-%c needs a PNETID", o->cmd);
	if (o->cmd != 'a' && device)
		return fail("-I, -D and -P go only with -a");
	if (o->cmd == 'a' && !o->ethname && !o->ibname)
		return fail("-a needs an interface (-I) or a device (-D)");
	if (o->ibport && !o->ibname)
		return fail("-P needs a device (-D)");
	if (o->json && o->cmd != 's')
		return fail("-j goes only with showing the table");
	if (pnetid && pnetid_prepare(pnetid, o->pnetid, err) < 0)
		return fail("%s", err->text);
	o->has_pnetid = pnetid != NULL;
	if (o->ibname && !o->ibport)
		o->ibport = 1;
	return 0;
}

int pnet_parse_args(int argc, char **argv, struct pnet_opts *o)
{
	static const struct option longopts[] = {
		{ "add", no_argument, NULL, 'a' },	   { "delete", no_argument, NULL, 'd' },
		{ "show", no_argument, NULL, 's' },	   { "flush", no_argument, NULL, 'f' },
		{ "interface", required_argument, NULL, 'I' }, { "ibdevice", required_argument, NULL, 'D' },
		{ "ibport", required_argument, NULL, 'P' }, { "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },	   { "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const char *final_arg = argv[argc - 1];	/* see fail_refused_option() */
	struct nl_error err;
	int c;

	memset(o, 0, sizeof(*o));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":adsfI:D:P:jphv", longopts, NULL)) != -1) {
		if (c == 'h')
			return usage();
		if (c == 'v')
			return print_version();
		if (parse_option(c, o, argv[optind - 1], final_arg))
			return 1;
	}
	if (argc - optind > 1)
		return fail_extra(argv[optind + 1], "-h");
	return check_args(o, optind < argc ? argv[optind] : NULL, &err) ? 1 : -1;
}

/* The JSON document opens with the first entry, or at the end when there
 * is none: a failing request leaves stdout empty. */
static void begin(struct pnet_out *out)
{
	if (out->started || !out->opts->json)
		return;
	out->started = true;
	json_start(&out->json, stdout);
	json_array_begin(&out->json, "pnet_table");
}

static int print_entry(const struct pnet_entry *e, void *data, struct nl_error *err)
{
	struct pnet_out *out = data;
	struct json *j = &out->json;

	if (!out->opts->json) {
		printf("%s %s %s %u\n", e->pnetid, e->ethname, e->ibname, e->ibport);
		return 0;
	}
	begin(out);
	json_object_begin(j, NULL);
	json_string(j, "pnetid", e->pnetid);
	if (e->has_eth)
		json_string(j, "ethname", e->ethname);
	if (e->has_ib) {
		json_string(j, "ibname", e->ibname);
		json_u64(j, "ibport", e->ibport);
	}
	json_object_end(j);
	return 0;
}

int pnet_print(const struct pnet_opts *o, const void *buf, size_t len, struct nl_error *err)
{
	struct pnet_out out = { .opts = o };
	int rc;

	if (buf)
		rc = pnet_parse(buf, len, print_entry, &out, err);
	else
		rc = pnet_show(o->has_pnetid ? o->pnetid : NULL, print_entry, &out, err);
	if (rc < 0 || !o->json)
		return rc;
	begin(&out);
	json_array_end(&out.json);
	json_end(&out.json);
	return 0;
}

static int run(const struct pnet_opts *o, struct nl_error *err)
{
	switch (o->cmd) {
	case 'a':
		return pnet_add(o->pnetid, o->ethname, o->ibname, o->ibport, err);
	case 'd':
		return pnet_del(o->pnetid, err);
	case 'f':
		return pnet_flush(err);
	}
	return pnet_print(o, NULL, 0, err);
}

int smc_pnet_main(int argc, char **argv)
{
	struct pnet_opts opts;
	struct nl_error err;
	int rc = pnet_parse_args(argc, argv, &opts);

	if (rc >= 0)
		return rc;
	if (run(&opts, &err) < 0)
		return fail("%s", err.text);
	return 0;
}
