/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The checks shared by the link group, link and device targets. */
#ifndef SMC_FUZZ_OBJECTS_H
#define SMC_FUZZ_OBJECTS_H

#include "netlink/device.h"
#include "netlink/linkgroup.h"
#include "tests/fuzz/fuzz.h"

/* SMC-D or SMC-R link groups, and with WITH_LINKS their links. */
static inline int fuzz_lgrs(const uint8_t *data, size_t size, int smcd, int with_links)
{
	struct smc_recorded rec = fuzz_recorded(data, size);
	struct smc_list lgrs = SMC_LIST_INIT(struct smc_lgr), links = SMC_LIST_INIT(struct smc_link);
	struct nl_error err = { 0 };
	int rc = smc_lgr_read(&rec, smcd, &lgrs, with_links ? &links : NULL, &err);

	fuzz_outcome(rc, &err);
	fuzz_list(rc, &lgrs);
	fuzz_list(rc, &links);
	for (size_t i = 0; i < lgrs.count; i++)
		FUZZ_TERMINATED(((struct smc_lgr *)lgrs.items)[i].pnetid);
	for (size_t i = 0; i < links.count; i++) {
		const struct smc_link *link = (struct smc_link *)links.items + i;

		FUZZ_TERMINATED(link->ib_dev);
		FUZZ_TERMINATED(link->gid);
		FUZZ_TERMINATED(link->peer_gid);
		FUZZ_TERMINATED(link->lgr.pnetid);
	}
	smc_list_free(&lgrs);
	smc_list_free(&links);
	return 0;
}

static inline int fuzz_devs(const uint8_t *data, size_t size, int smcd)
{
	struct smc_recorded rec = fuzz_recorded(data, size);
	struct smc_list devs = SMC_LIST_INIT(struct smc_dev);
	struct nl_error err = { 0 };
	int rc = smc_dev_read(&rec, smcd, &devs, &err);

	fuzz_outcome(rc, &err);
	fuzz_list(rc, &devs);
	for (size_t i = 0; i < devs.count; i++) {
		const struct smc_dev *dev = (struct smc_dev *)devs.items + i;

		FUZZ_TERMINATED(dev->pci_id);
		FUZZ_TERMINATED(dev->ib_name);
		for (int p = 0; p < SMC_DEV_PORTS; p++)
			FUZZ_TERMINATED(dev->port[p].pnetid);
	}
	smc_list_free(&devs);
	return 0;
}

#endif
