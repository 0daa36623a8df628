/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The static analysis (-s): per active interface, what SMC could use
 * there: its PNET ID, the RoCE/RDMA and ISM devices that match it, the
 * versions the kernel offers, the EIDs it advertises, the IP subnets. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/chk/chk.h"
#include "applets/objects/objects.h"
#include "netlink/ueid.h"

#define MAX_SUBNETS 32
#define LABEL "     %-20s"

int chk_system_read(struct chk_system *sys)
{
	struct nl_error err;

	memset(sys, 0, sizeof(*sys));
	sys->smcr_devs = (struct smc_list)SMC_LIST_INIT(struct smc_dev);
	sys->smcd_devs = (struct smc_list)SMC_LIST_INIT(struct smc_dev);
	if (smc_sysinfo_read(NULL, &sys->info, &err) < 0 || smc_dev_read(NULL, 0, &sys->smcr_devs, &err) < 0 ||
	    smc_dev_read(NULL, 1, &sys->smcd_devs, &err) < 0 || ueid_dump(&sys->ueids, &err) < 0 ||
	    smc_seid_read(NULL, &sys->seid, &err) < 0) {
		chk_system_free(sys);
		return fail("%s", err.text), -1;
	}
	return 0;
}

void chk_system_free(struct chk_system *sys)
{
	smc_list_free(&sys->smcr_devs);
	smc_list_free(&sys->smcd_devs);
}

static bool same_pnetid(const struct smc_dev_port *port, const char *id)
{
	char trimmed[SMC_PNETID_LEN + 1];

	return id[0] && strcmp(obj_trim(port->pnetid, trimmed, sizeof(trimmed)), id) == 0;
}

/* What matches one interface: device ports, and the SMC versions usable. */
struct match {
	const struct smc_dev *dev[16];
	unsigned port[16];
	int count;
	bool v2;
};

static void match_smcr(const struct chk_system *sys, const struct chk_iface *iface, const char *id, struct match *m)
{
	const struct smc_dev *dev = sys->smcr_devs.items;

	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < sys->smcr_devs.count; i++)
		for (unsigned p = 0; p < SMC_DEV_PORTS && m->count < 16; p++) {
			if (!dev[i].port[p].valid ||
			    (dev[i].port[p].netdev_index != iface->index && !same_pnetid(&dev[i].port[p], id)))
				continue;
			m->dev[m->count] = &dev[i];
			m->port[m->count++] = p;
		}
	m->v2 = m->count && sys->info.is_smcr_v2;
}

/* An ISM device without a PNET ID serves SMC-Dv2 on any interface. */
static void match_smcd(const struct chk_system *sys, const char *id, struct match *m)
{
	const struct smc_dev *dev = sys->smcd_devs.items;
	char trimmed[SMC_PNETID_LEN + 1];

	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < sys->smcd_devs.count && m->count < 16; i++) {
		bool unset = !obj_trim(dev[i].port[0].pnetid, trimmed, sizeof(trimmed))[0];

		if (!same_pnetid(&dev[i].port[0], id) && !(unset && sys->info.is_ism_v2))
			continue;
		m->v2 |= sys->info.is_ism_v2;
		m->dev[m->count++] = &dev[i];
	}
}

static const char *dev_name(const struct match *m, int i, bool smcr, char *buf, size_t size)
{
	if (smcr)
		snprintf(buf, size, "%s port %u", m->dev[i]->ib_name, m->port[i] + 1);
	else
		snprintf(buf, size, "%s", m->dev[i]->pci_id[0] ? m->dev[i]->pci_id : "(no PCI ID)");
	return buf;
}

/* LABEL and the first item on one line, further items aligned below. */
static void print_column(const char *label, const char *item, bool first)
{
	if (first)
		printf(LABEL "%s\n", label, item);
	else
		printf(LABEL "%s\n", "", item);
}

static void print_devices(const char *label, const struct match *m, bool smcr)
{
	char name[SMC_IBNAME_LEN + 16];

	if (!m->count)
		print_column(label, "none", true);
	for (int i = 0; i < m->count; i++)
		print_column(label, dev_name(m, i, smcr, name, sizeof(name)), i == 0);
}

static void print_eids(const struct chk_system *sys)
{
	char eid[SMC_MAX_EID_LEN + 1];

	if (sys->seid.enabled && sys->seid.seid[0])
		print_column("Advertising SEID:", obj_trim(sys->seid.seid, eid, sizeof(eid)), true);
	for (size_t i = 0; i < sys->ueids.count; i++)
		print_column("Advertising UEIDs:", obj_trim(sys->ueids.id[i], eid, sizeof(eid)), i == 0);
}

/* loopback-ism is not in the kernel's SMC-D device list (6.12): on a
 * loopback interface SMC-Dv2 may still serve this host. */
static const char *reach(const struct chk_system *sys, const struct chk_iface *iface, const struct match *smcr,
			 const struct match *smcd)
{
	if (smcr->v2 || smcd->v2)
		return "any (SMCv2)";
	if (smcr->count || smcd->count)
		return "the subnets above (SMCv1)";
	if (iface->loopback && sys->info.version >= 2)
		return "this host, where the kernel has loopback-ism (SMC-Dv2)";
	return "none (no SMC device)";
}

static void print_static(const struct chk_system *sys, const struct chk_iface *iface, const struct chk_pnetid *p,
			 const struct match *smcr, const struct match *smcd)
{
	char subnets[MAX_SUBNETS][CHK_SUBNET_LEN], pnetid[SMC_PNETID_LEN + 2], versions[64];
	int n = chk_iface_subnets(iface->name, subnets, MAX_SUBNETS);

	printf("Checking active link:    %s\n  Static Analysis (SMC-D and SMC-R)\n", iface->name);
	snprintf(pnetid, sizeof(pnetid), "%s%s", p->id[0] ? p->id : "n/a", p->from_table ? "*" : "");
	print_column("PNET ID:", pnetid, true);
	print_devices("SMC-D devices:", smcd, false);
	print_devices("SMC-R devices:", smcr, true);
	snprintf(versions, sizeof(versions), "SMC-D v1%s, SMC-R v1%s", sys->info.version >= 2 ? " v2" : "",
		 sys->info.is_smcr_v2 ? " v2" : "");
	print_column("Kernel offers:", versions, true);
	print_eids(sys);
	if (!n)
		print_column("IP subnets:", "none", true);
	for (int i = 0; i < n; i++)
		print_column("IP subnets:", subnets[i], i == 0);
	print_column("Reachable subnets:", reach(sys, iface, smcr, smcd), true);
	printf("\n");
}

static void json_devices(struct json *j, const char *key, const struct match *m, bool smcr)
{
	char name[SMC_IBNAME_LEN + 16];

	json_array_begin(j, key);
	for (int i = 0; i < m->count; i++)
		json_string(j, NULL, dev_name(m, i, smcr, name, sizeof(name)));
	json_array_end(j);
}

static void json_versions(struct json *j, const char *key, bool v2)
{
	json_array_begin(j, key);
	json_u64(j, NULL, 1);
	if (v2)
		json_u64(j, NULL, 2);
	json_array_end(j);
}

static void json_static(struct json *j, const struct chk_system *sys, const struct chk_iface *iface,
			const struct chk_pnetid *p, const struct match *smcr, const struct match *smcd)
{
	char subnets[MAX_SUBNETS][CHK_SUBNET_LEN], eid[SMC_MAX_EID_LEN + 1];
	int n = chk_iface_subnets(iface->name, subnets, MAX_SUBNETS);

	if (p->id[0]) {
		json_string(j, "pnet_id", p->id);
		json_string(j, "pnet_id_source", p->from_table ? "pnet_table" : "hardware");
	}
	json_devices(j, "smcd_devices", smcd, false);
	json_devices(j, "smcr_devices", smcr, true);
	json_versions(j, "smcd_versions", sys->info.version >= 2);
	json_versions(j, "smcr_versions", sys->info.is_smcr_v2);
	if (sys->seid.enabled && sys->seid.seid[0])
		json_string(j, "seid", obj_trim(sys->seid.seid, eid, sizeof(eid)));
	json_array_begin(j, "ueids");
	for (size_t i = 0; i < sys->ueids.count; i++)
		json_string(j, NULL, obj_trim(sys->ueids.id[i], eid, sizeof(eid)));
	json_array_end(j);
	json_array_begin(j, "subnets");
	for (int i = 0; i < n; i++)
		json_string(j, NULL, subnets[i]);
	json_array_end(j);
	json_string(j, "reachable", reach(sys, iface, smcr, smcd));
}

int chk_static(const struct chk_system *sys, const struct chk_iface *iface, struct json *j)
{
	struct match smcr, smcd;
	struct chk_pnetid p;

	if (chk_pnetid(iface->name, &p) < 0)
		return -1;
	match_smcr(sys, iface, p.id, &smcr);
	match_smcd(sys, p.id, &smcd);
	if (j)
		json_static(j, sys, iface, &p, &smcr, &smcd);
	else
		print_static(sys, iface, &p, &smcr, &smcd);
	return 0;
}
