/* SPDX-License-Identifier: GPL-2.0-or-later */
/* record DIR COMMAND...: send one SMC netlink request per COMMAND and keep
 * every reply datagram the kernel sends as DIR/COMMAND.N (through the netlink
 * core's SMC_NL_RECORD). Runs inside a lab guest; the files become
 * tests/fixtures. Exit 1 if any request failed (its replies are kept).
 * COMMAND "add_ueid=NAME" sets a UEID (the scenario needs one before it
 * records), "all" records every dump. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/smc.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>

#include "netlink/nl.h"

#ifndef AF_SMC
#define AF_SMC 43
#endif

struct command {
	const char *name;
	const char *family;	/* NULL: NETLINK_SOCK_DIAG */
	uint8_t cmd;
	const char *ueid;	/* add_ueid only */
};

static const struct command commands[] = {
	{ "get_sys_info", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_SYS_INFO, NULL },
	{ "get_lgr_smcr", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_LGR_SMCR, NULL },
	{ "get_link_smcr", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_LINK_SMCR, NULL },
	{ "get_lgr_smcd", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_LGR_SMCD, NULL },
	{ "get_dev_smcd", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_DEV_SMCD, NULL },
	{ "get_dev_smcr", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_DEV_SMCR, NULL },
	{ "get_stats", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_STATS, NULL },
	{ "get_fback_stats", SMC_GENL_FAMILY_NAME, SMC_NETLINK_GET_FBACK_STATS, NULL },
	{ "dump_ueid", SMC_GENL_FAMILY_NAME, SMC_NETLINK_DUMP_UEID, NULL },
	{ "dump_seid", SMC_GENL_FAMILY_NAME, SMC_NETLINK_DUMP_SEID, NULL },
	{ "dump_hs_limitation", SMC_GENL_FAMILY_NAME, SMC_NETLINK_DUMP_HS_LIMITATION, NULL },
	{ "pnetid_get", SMCR_GENL_FAMILY_NAME, SMC_PNETID_GET, NULL },
	{ "sock_diag", NULL, 0, NULL },
};

static int count_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	++*(unsigned *)data;
	return MNL_CB_OK;
}

static struct nlmsghdr *diag_request(struct smc_nl *nl)
{
	struct nlmsghdr *req = nl_request(nl, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);
	struct smc_diag_req *r = mnl_nlmsg_put_extra_header(req, sizeof(*r));

	r->diag_family = AF_SMC;
	r->diag_ext = 1 << (SMC_DIAG_CONNINFO - 1) | 1 << (SMC_DIAG_LGRINFO - 1) |
		      1 << (SMC_DIAG_SHUTDOWN - 1) | 1 << (SMC_DIAG_DMBINFO - 1) |
		      1 << (SMC_DIAG_FALLBACK - 1);
	return req;
}

/* The family lookup is not recorded: SMC_NL_RECORD is set only after it. */
static int record(const char *dir, const struct command *c)
{
	struct nl_error err = { 0 };
	struct smc_nl nl;
	struct nlmsghdr *req;
	char prefix[4096];
	unsigned messages = 0;
	int rc;

	rc = c->family ? nl_open_genl(&nl, c->family, &err) : nl_open(&nl, NETLINK_SOCK_DIAG, &err);
	if (rc < 0) {
		fprintf(stderr, "record %s: %s\n", c->name, err.text);
		return 1;
	}
	snprintf(prefix, sizeof(prefix), "%s/%s", dir, c->name);
	setenv("SMC_NL_RECORD", prefix, 1);
	if (c->ueid) {
		/* The kernel takes a UEID blank-padded to its full length. */
		char ueid[SMC_MAX_EID_LEN + 1];

		snprintf(ueid, sizeof(ueid), "%-*s", SMC_MAX_EID_LEN, c->ueid);
		req = nl_genl_request(&nl, c->cmd, NLM_F_ACK);
		mnl_attr_put_strz(req, SMC_NLA_EID_TABLE_ENTRY, ueid);
	} else {
		req = c->family ? nl_genl_request(&nl, c->cmd, NLM_F_DUMP) : diag_request(&nl);
	}
	rc = nl_transact(&nl, req, count_cb, &messages);
	unsetenv("SMC_NL_RECORD");
	if (rc < 0)
		fprintf(stderr, "record %s: %s\n", c->name, err.text);
	else
		printf("record %s: %u messages\n", c->name, messages);
	nl_close(&nl);
	return rc < 0;
}

/* The core numbers the files per process: each command gets a fresh one. */
static int record_in_child(const char *dir, const struct command *c)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		exit(record(dir, c));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 1;
	return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: record DIR COMMAND... (or all)\n");
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		size_t n = sizeof(commands) / sizeof(commands[0]), k;
		int all = strcmp(argv[i], "all") == 0;

		if (strncmp(argv[i], "add_ueid=", 9) == 0) {
			struct command add = { "add_ueid", SMC_GENL_FAMILY_NAME, SMC_NETLINK_ADD_UEID, argv[i] + 9 };

			failed |= record_in_child(argv[1], &add);
			continue;
		}
		for (k = 0; k < n; k++)
			if (all || strcmp(argv[i], commands[k].name) == 0) {
				failed |= record_in_child(argv[1], &commands[k]);
				if (!all)
					break;
			}
		if (!all && k == n) {
			fprintf(stderr, "record: unknown command \"%s\"\n", argv[i]);
			failed = 1;
		}
	}
	return failed;
}
