/* SPDX-License-Identifier: GPL-2.0-or-later */
/* info [show]: the SMC capabilities of the kernel and the hardware. */
#include <stdio.h>

#include "applets/applet.h"
#include "applets/print/devtype.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"

void info_count_hw(const struct smc_list *smcd_devs, const struct smc_list *smcr_devs, struct info_hw *hw)
{
	const struct smc_dev *dev = smcr_devs->items;

	hw->ism = (unsigned)smcd_devs->count;
	hw->roce_v1_only = hw->roce_v2 = 0;
	for (size_t i = 0; i < smcr_devs->count; i++) {
		const struct smc_pci_type *type = smc_pci_type(0, dev[i].pci_device, true);

		if (type && type->kind == SMC_PCI_ROCE_V1)
			hw->roce_v1_only++;
		else if (type && type->kind == SMC_PCI_ROCE_V2)
			hw->roce_v2++;
	}
}

/* The SMC versions a feature line lists: "v1", "v1 v2" or, with none, "n/a". */
static const char *versions(bool v1, bool v2)
{
	return v1 ? (v2 ? "v1 v2" : "v1") : "n/a";
}

static void versions_json(struct json *j, const char *key, bool v1, bool v2)
{
	json_array_begin(j, key);
	if (v1)
		json_string(j, NULL, "v1");
	if (v2)
		json_string(j, NULL, "v2");
	json_array_end(j);
}

static void info_json(FILE *out, const struct smc_sysinfo *sys, const struct info_hw *hw)
{
	char host[sizeof(sys->local_host)];
	struct json j;

	json_start(&j, out);
	json_object_begin(&j, "kernel");
	json_u64(&j, "version", sys->version);
	json_u64(&j, "release", sys->release);
	json_string(&j, "hostname", obj_trim(sys->local_host, host, sizeof(host)));
	versions_json(&j, "smcd_features", true, sys->version >= 2);
	versions_json(&j, "smcr_features", true, sys->is_smcr_v2);
	json_object_end(&j);
	json_object_begin(&j, "hardware");
	if (sys->seid[0])
		json_string(&j, "seid", sys->seid);
	versions_json(&j, "ism", hw->ism, hw->ism && sys->is_ism_v2);
	versions_json(&j, "roce", hw->roce_v1_only || hw->roce_v2, hw->roce_v2);
	json_object_end(&j);
	json_end(&j);
}

void info_print(FILE *out, const struct smc_sysinfo *sys, const struct info_hw *hw, bool json)
{
	if (json)
		return info_json(out, sys, hw);
	fputs("Kernel Capabilities\n", out);
	if (sys->version)
		fprintf(out, "SMC Version:      %u.%u\n", sys->version, sys->release);
	else
		fputs("SMC Version:      n/a\n", out);
	fprintf(out, "SMC Hostname:     %s\n", sys->local_host[0] ? sys->local_host : "n/a");
	fprintf(out, "SMC-D Features:   %s\n", versions(true, sys->version >= 2));
	fprintf(out, "SMC-R Features:   %s\n", versions(true, sys->is_smcr_v2));
	fputs("\nHardware Capabilities\n", out);
	fprintf(out, "SEID:             %s\n", sys->seid[0] ? sys->seid : "n/a");
	fprintf(out, "ISM:              %s\n", versions(hw->ism, hw->ism && sys->is_ism_v2));
	fprintf(out, "RoCE:             %s\n", versions(hw->roce_v1_only || hw->roce_v2, hw->roce_v2));
}

int obj_info(const struct tech_opts *opts, int argc, char **argv)
{
	static const char *const commands[] = { "show", NULL };
	static const struct obj_syntax syntax = { commands, false, false, false, "info [show]" };
	struct smc_list smcd_devs = SMC_LIST_INIT(struct smc_dev), smcr_devs = SMC_LIST_INIT(struct smc_dev);
	struct smc_sysinfo sys;
	struct info_hw hw;
	struct nl_error err;
	struct obj_args args;
	int status;

	if (obj_parse(argc, argv, &syntax, &args, &status))
		return status;
	if (smc_sysinfo_read(NULL, &sys, &err) < 0 || smc_dev_read(NULL, 1, &smcd_devs, &err) < 0)
		return fail("%s", err.text);
	if (smc_dev_read(NULL, 0, &smcr_devs, &err) < 0) {
		smc_list_free(&smcd_devs);
		return fail("%s", err.text);
	}
	info_count_hw(&smcd_devs, &smcr_devs, &hw);
	smc_list_free(&smcd_devs);
	smc_list_free(&smcr_devs);
	info_print(stdout, &sys, &hw, opts->json);
	return 0;
}
