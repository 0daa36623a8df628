/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>

#include "applets/print/devtype.h"

static const struct smc_pci_type pci_types[] = {
	{ SMC_PCI_VENDOR_MELLANOX, 0x1003, "RoCE_Express", SMC_PCI_ROCE_V1 },
	{ SMC_PCI_VENDOR_MELLANOX, 0x1004, "RoCE_Express", SMC_PCI_ROCE_V1 },
	{ SMC_PCI_VENDOR_MELLANOX, 0x1016, "RoCE_Express2", SMC_PCI_ROCE_V2 },
	{ SMC_PCI_VENDOR_MELLANOX, 0x101e, "RoCE_Express3", SMC_PCI_ROCE_V2 },
	{ SMC_PCI_VENDOR_IBM, 0x04ed, "ISM", SMC_PCI_ISM },
};

const struct smc_pci_type *smc_pci_type(uint16_t vendor, uint16_t device, bool any_vendor)
{
	for (size_t i = 0; i < sizeof(pci_types) / sizeof(pci_types[0]); i++)
		if (pci_types[i].device == device && (any_vendor || pci_types[i].vendor == vendor))
			return &pci_types[i];
	return NULL;
}

const char *smc_pci_type_name(uint16_t device, char *buf, size_t size)
{
	const struct smc_pci_type *type = smc_pci_type(0, device, true);

	if (type)
		return type->name;
	snprintf(buf, size, "%#x", device);
	return buf;
}
