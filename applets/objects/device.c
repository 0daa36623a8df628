/* SPDX-License-Identifier: GPL-2.0-or-later */
/* device [show] [all | netdev NETDEV | ibdev IBDEV] (SMC-R, one row per
 * port), device [show] [all] (SMC-D). */
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/devtype.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"

static const char *port_state(uint8_t state, char *buf, size_t size)
{
	if (state <= 1)
		return state ? "ACTIVE" : "INACTIVE";
	snprintf(buf, size, "%#x?", state);
	return buf;
}

/* The PNET ID as shown: trimmed, marked with '*' when the user set it. */
static const char *port_pnetid(const struct smc_dev_port *port, char *buf, size_t size)
{
	char trimmed[SMC_PNETID_LEN + 1];

	snprintf(buf, size, "%s%s", port->pnetid_by_user ? "*" : "", obj_trim(port->pnetid, trimmed, sizeof(trimmed)));
	return buf;
}

static void dev_json(struct json *j, const struct smc_dev *dev, const struct smc_dev_port *port, bool smcr)
{
	char type[16], state[16], pnetid[SMC_PNETID_LEN + 1];

	json_object_begin(j, NULL);
	if (smcr) {
		json_string(j, "netdev", port->netdev);
		json_string(j, "ib_dev", dev->ib_name);
		json_u64(j, "ib_port", (uint64_t)(port - dev->port) + 1);
		json_string(j, "port_state", port_state(port->state, state, sizeof(state)));
		json_u64(j, "lnk_cnt", port->lnk_cnt);
	} else {
		json_u64(j, "use_cnt", dev->use_cnt);
	}
	json_string(j, "type", smc_pci_type_name(dev->pci_device, type, sizeof(type)));
	json_u64(j, "pci_device", dev->pci_device);
	json_u64(j, "pci_vendor", dev->pci_vendor);
	json_bool(j, "is_crit", dev->is_crit);
	json_u64(j, "pci_fid", dev->pci_fid);
	json_string(j, "pci_id", dev->pci_id);
	json_u64(j, "pci_chid", dev->pci_chid);
	json_string(j, "pnetid", obj_trim(port->pnetid, pnetid, sizeof(pnetid)));
	json_bool(j, "pnetid_by_user", port->pnetid_by_user);
	json_object_end(j);
}

static void smcr_row(FILE *out, const struct tech_opts *o, const struct smc_dev *dev, const struct smc_dev_port *port)
{
	char type[16], state[16], pnetid[SMC_PNETID_LEN + 2];

	fprintf(out, "%-15.15s %-8.8s %4u  %8s  %-13s  %3s   ", port->netdev, dev->ib_name,
		(unsigned)(port - dev->port) + 1, port_state(port->state, state, sizeof(state)),
		smc_pci_type_name(dev->pci_device, type, sizeof(type)), dev->is_crit ? "Yes" : "No");
	if (o->details >= 1)
		fprintf(out, "%04x  %-12s  %04x    ", dev->pci_fid, dev->pci_id, dev->pci_chid);
	fprintf(out, "%5u  %-16s \n", port->lnk_cnt, port_pnetid(port, pnetid, sizeof(pnetid)));
}

static void smcd_row(FILE *out, const struct smc_dev *dev)
{
	char type[16], pnetid[SMC_PNETID_LEN + 2];

	fprintf(out, "%04x %-4s  %-12s  %04x   %-4s  %5u  %-16s \n", dev->pci_fid,
		smc_pci_type_name(dev->pci_device, type, sizeof(type)), dev->pci_id, dev->pci_chid, dev->is_crit ? "Yes" : "No",
		dev->use_cnt, port_pnetid(&dev->port[0], pnetid, sizeof(pnetid)));
}

static bool port_matches(const struct smc_dev *dev, const struct smc_dev_port *port, const struct obj_filter *f)
{
	return port->valid && (!f->netdev || strcmp(f->netdev, port->netdev) == 0) &&
	       (!f->ibdev || strcmp(f->ibdev, dev->ib_name) == 0);
}

void dev_print(FILE *out, const struct tech_opts *o, const struct smc_list *devs, const struct obj_filter *f)
{
	const struct smc_dev *dev = devs->items;
	bool smcr = o->tech == SMC_TECH_R;
	struct json j;

	if (o->json) {
		obj_json_list_begin(&j, out, "devices");
	} else if (devs->count && smcr) {
		fprintf(out, "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit  %s#Links  PNET-ID  \n",
			o->details >= 1 ? " FID   PCI-ID        PCHID  " : "");
	} else if (devs->count) {
		fputs("FID  Type  PCI-ID        PCHID  InUse  #LGs  PNET-ID  \n", out);
	}
	for (size_t i = 0; i < devs->count; i++) {
		for (int p = 0; p < (smcr ? SMC_DEV_PORTS : 1); p++) {
			const struct smc_dev_port *port = &dev[i].port[p];

			if (smcr && !port_matches(&dev[i], port, f))
				continue;
			if (o->json)
				dev_json(&j, &dev[i], port, smcr);
			else if (smcr)
				smcr_row(out, o, &dev[i], port);
			else
				smcd_row(out, &dev[i]);
		}
	}
	if (o->json)
		obj_json_list_end(&j);
}

int obj_device(const struct tech_opts *opts, int argc, char **argv)
{
	static const char *const commands[] = { "show", NULL };
	static const struct obj_syntax smcr_syntax = {
		commands, true, true, false, "device [show] [all | netdev NETDEV | ibdev IBDEV]"
	};
	static const struct obj_syntax smcd_syntax = { commands, true, false, false, "device [show] [all]" };
	struct smc_list devs = SMC_LIST_INIT(struct smc_dev);
	bool smcr = opts->tech == SMC_TECH_R;
	struct obj_args args;
	struct nl_error err;
	int status;

	if (obj_parse(argc, argv, smcr ? &smcr_syntax : &smcd_syntax, &args, &status))
		return status;
	if (smc_dev_read(NULL, !smcr, &devs, &err) < 0)
		return fail("%s", err.text);
	for (size_t i = 0; i < devs.count; i++)
		for (int p = 0; p < SMC_DEV_PORTS; p++) {
			struct smc_dev_port *port = &((struct smc_dev *)devs.items)[i].port[p];

			obj_netdev_name(port->netdev_index, port->netdev);
		}
	dev_print(stdout, opts, &devs, &args.filter);
	smc_list_free(&devs);
	return 0;
}
