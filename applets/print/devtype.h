/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The PCI functions SMC knows by name: one table for smcr/smcd device,
 * info and smc_rnics. */
#ifndef SMC_PRINT_DEVTYPE_H
#define SMC_PRINT_DEVTYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SMC_PCI_VENDOR_IBM	0x1014
#define SMC_PCI_VENDOR_MELLANOX	0x15b3

enum smc_pci_kind {
	SMC_PCI_ROCE_V1,	/* RoCE Express: SMC-Rv1 only */
	SMC_PCI_ROCE_V2,	/* RoCE Express2 and later: SMC-Rv1 and v2 */
	SMC_PCI_ISM,
};

struct smc_pci_type {
	uint16_t vendor;
	uint16_t device;
	const char *name;	/* as smc-tools names it */
	enum smc_pci_kind kind;
};

/* The entry for the PCI DEVICE ID (of any vendor when ANY_VENDOR, as
 * smc-tools' device lists match), or NULL. */
const struct smc_pci_type *smc_pci_type(uint16_t vendor, uint16_t device, bool any_vendor);

/* The type's name, or DEVICE in hex ("0x101f", "0") in BUF. */
const char *smc_pci_type_name(uint16_t device, char *buf, size_t size);

#endif
