/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_rnics [-aIr] [FID] | -e FID | -d FID: the devices SMC can use. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/objects/objects.h"
#include "applets/print/devtype.h"
#include "applets/smc_rnics.h"
#include "netlink/device.h"
#include "sysfs/rnics.h"

static int usage(void)
{
	printf("Usage: smc_rnics [ OPTIONS ] [FID]\n"
	       "\t-a, --all            also devices SMC cannot use and powered-off functions\n"
	       "\t-d, --disable FID    power the PCI function FID off (s390)\n"
	       "\t-e, --enable FID     power the PCI function FID on (s390)\n"
	       "\t-h, --help           this message\n"
	       "\t-I, --IB-dev         IB port and device instead of port and network device\n"
	       "\t-r, --rawids         the type as PCI vendor:device\n"
	       "\t-v, --version        show version information\n");
	return 0;
}

static const char *type_name(const struct rnic *r, bool raw, char *buf, size_t size)
{
	const struct smc_pci_type *known = smc_pci_type(r->vendor, r->device, false);

	if (!r->pci)
		return r->ib_dev[0] ? "Software" : "-";
	if (!raw && known)
		return known->name;
	if (!raw && r->vendor == SMC_PCI_VENDOR_MELLANOX)
		return "ConnectX";
	snprintf(buf, size, "%04x:%04x", r->vendor, r->device);
	return buf;
}

/* The kernel's SMC-R port for R, or NULL. */
static const struct smc_dev_port *smcr_port(const struct rnic *r, const struct smc_list *smcr)
{
	const struct smc_dev *dev = smcr ? smcr->items : NULL;

	for (size_t i = 0; smcr && i < smcr->count; i++)
		if (strcmp(dev[i].ib_name, r->ib_dev) == 0 && r->ib_port >= 1 && r->ib_port <= SMC_DEV_PORTS)
			return &dev[i].port[r->ib_port - 1];
	return NULL;
}

static const struct smc_dev *smcd_dev(const struct rnic *r, const struct smc_list *smcd)
{
	const struct smc_dev *dev = smcd ? smcd->items : NULL;

	for (size_t i = 0; smcd && i < smcd->count; i++)
		if (r->pci && strcmp(dev[i].pci_id, r->pci_id) == 0)
			return &dev[i];
	return NULL;
}

/* "yes" when SMC holds links (SMC-R) or link groups (SMC-D) on R. */
static const char *in_use(const struct rnic *r, const struct rnics_in_use *use)
{
	const struct smc_dev_port *port = smcr_port(r, use->smcr);
	const struct smc_dev *ism = smcd_dev(r, use->smcd);

	if (!use->smcr && !use->smcd)
		return "-";
	return (port && port->lnk_cnt) || (ism && ism->use_cnt) ? "yes" : "no";
}

/* The PNET ID: the kernel's (marked '*' when set with smc_pnet), else the firmware's. */
static const char *pnetid(const struct rnic *r, const struct rnics_in_use *use, char *buf, size_t size)
{
	const struct smc_dev_port *port = smcr_port(r, use->smcr);
	const struct smc_dev *ism = smcd_dev(r, use->smcd);
	char kernel[SMC_PNETID_LEN + 1];

	if (ism)
		port = &ism->port[0];
	if (port && obj_trim(port->pnetid, kernel, sizeof(kernel))[0])
		snprintf(buf, size, "%s%s", kernel, port->pnetid_by_user ? "*" : "");
	else
		snprintf(buf, size, "%s", r->pnetid[0] ? r->pnetid : "n/a");
	return buf;
}

static void print_line(FILE *out, const char *const col[10])
{
	fprintf(out, "%8s  %-5s  %-12s  %-5s  %-14s %-4s  %-16s  %-15s  %-8s  %s\n", col[0], col[1], col[2], col[3],
		col[4], col[5], col[6], col[7], col[8], col[9]);
}

static void print_row(FILE *out, const struct rnic *r, const struct rnics_opts *o, const struct rnics_in_use *use)
{
	char fid[16] = "-", pchid[8] = "-", port[16] = "n/a", type[16], pnet[SMC_PNETID_LEN + 2];
	const char *dev = o->ib_dev ? r->ib_dev : r->netdev;
	const char *col[10];

	if (r->has_fid)
		snprintf(fid, sizeof(fid), "%x", r->fid);
	if (r->has_pchid)
		snprintf(pchid, sizeof(pchid), "%04x", r->pchid);
	if (r->ib_port)
		snprintf(port, sizeof(port), "%u", o->ib_dev ? r->ib_port : r->ib_port - 1);
	col[0] = fid;
	col[1] = r->power < 0 ? "-" : r->power ? "1" : "0";
	col[2] = r->pci ? r->pci_id : "-";
	col[3] = pchid;
	col[4] = type_name(r, o->raw_ids, type, sizeof(type));
	col[5] = r->power == 0 ? "" : port;
	col[6] = r->power == 0 ? "" : pnetid(r, use, pnet, sizeof(pnet));
	col[7] = dev[0] ? dev : r->power == 0 ? "" : "n/a";
	col[8] = r->state[0] ? r->state : "-";
	col[9] = r->power == 0 ? "-" : in_use(r, use);
	print_line(out, col);
}

size_t rnics_print(FILE *out, const struct smc_list *rows, const struct rnics_opts *o, const struct rnics_in_use *use)
{
	static const char *const header[10] = { "FID", "Power", "PCI_ID", "PCHID", "Type", "PPrt", "PNET_ID",
						"Net-Dev", "State", "SMC" };
	static const char *const ib_header[10] = { "FID", "Power", "PCI_ID", "PCHID", "Type", "IPrt", "PNET_ID",
						   "IB-Dev", "State", "SMC" };
	const struct rnic *r = rows->items;
	size_t printed = 0;

	print_line(out, o->ib_dev ? ib_header : header);
	for (size_t i = 0; i < rows->count; i++) {
		if (o->has_fid && (!r[i].has_fid || r[i].fid != o->fid))
			continue;
		print_row(out, &r[i], o, use);
		printed++;
	}
	return printed;
}

static int parse_fid(const char *arg, unsigned long *fid)
{
	char *end;

	*fid = strtoul(arg, &end, 16);
	if (end == arg || *end || *fid > 0xffffffffUL || arg[0] == '-')
		return fail("\"%.40s%s\" is not a valid FID (hexadecimal, at most 8 digits)", arg, strlen(arg) > 40 ? "..." : "");
	return 0;
}

/* -1: list with *O; 0..: power *FID on (*ACTION 'e') or off ('d'), or done. */
static int parse_args(int argc, char **argv, struct rnics_opts *o, int *action, unsigned long *fid)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },	  { "disable", required_argument, NULL, 'd' },
		{ "enable", required_argument, NULL, 'e' }, { "help", no_argument, NULL, 'h' },
		{ "IB-dev", no_argument, NULL, 'I' },	  { "rawids", no_argument, NULL, 'r' },
		{ "version", no_argument, NULL, 'v' },	  { NULL, 0, NULL, 0 },
	};
	const char *final_arg = argv[argc - 1];	/* see fail_refused_option() */
	int c;

	memset(o, 0, sizeof(*o));
	*action = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ad:e:hIrv", longopts, NULL)) != -1) {
		switch (c) {
		case 'a': o->all = true; break;
		case 'I': o->ib_dev = true; break;
		case 'r': o->raw_ids = true; break;
		case 'h': return usage();
		case 'v': return print_version();
		case 'd':
		case 'e':
			if (*action)
				return fail("only one of -d and -e, once");
			*action = c;
			if (parse_fid(optarg, fid))
				return 1;
			break;
		case ':': return fail_missing("FID", final_arg, "-h");
		default: return fail_refused_option("ad:e:hIrv", argv[optind - 1], "-h");
		}
	}
	if (argc - optind > 1)
		return fail_extra(argv[optind + 1], "-h");
	if (optind < argc && *action)
		return fail_extra(argv[optind], "-h");
	if (optind < argc && parse_fid(argv[optind], &o->fid))
		return 1;
	o->has_fid = optind < argc;
	return -1;
}

static int list(const struct rnics_opts *o)
{
	struct smc_list rows = SMC_LIST_INIT(struct rnic);
	struct smc_list smcr = SMC_LIST_INIT(struct smc_dev), smcd = SMC_LIST_INIT(struct smc_dev);
	struct rnics_in_use use = { NULL, NULL };
	struct nl_error err;
	size_t printed;

	if (rnics_scan("", o->all, &rows, &err) < 0)
		return fail("%s", err.text);
	/* without the SMC module, the devices are still listed */
	if (smc_dev_read(NULL, 0, &smcr, &err) == 0 && smc_dev_read(NULL, 1, &smcd, &err) == 0)
		use = (struct rnics_in_use){ &smcr, &smcd };
	printed = rnics_print(stdout, &rows, o, &use);
	smc_list_free(&rows);
	smc_list_free(&smcr);
	smc_list_free(&smcd);
	return o->has_fid && !printed ? fail("no device with FID %lx", o->fid) : 0;
}

int smc_rnics_main(int argc, char **argv)
{
	struct rnics_opts opts;
	struct nl_error err;
	unsigned long fid = 0;
	int action, rc = parse_args(argc, argv, &opts, &action, &fid);

	if (rc >= 0)
		return rc;
	if (!action)
		return list(&opts);
	return rnic_set_power("", (uint32_t)fid, action == 'e', &err) < 0 ? fail("%s", err.text) : 0;
}
