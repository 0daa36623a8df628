/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_rnics on fake sysfs trees built here: an s390 machine (a RoCE
 * Express2 function with its FID, PCHID and firmware PNET ID, an ISM
 * function, a powered-off slot) and a PC (a ConnectX-5 and SoftRoCE). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/smc_rnics.h"
#include "netlink/device.h"
#include "sysfs/rnics.h"
#include "tests/unit/smcmsg.h"

static char root[64];

/* ROOT/PATH holding TEXT, its directories made. */
static void put_file(const char *path, const void *text, size_t len)
{
	char full[512];
	FILE *f;

	snprintf(full, sizeof(full), "%s/%s", root, path);
	for (char *slash = strchr(full + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(full, 0755);
		*slash = '/';
	}
	f = fopen(full, "w");
	if (f) {
		fwrite(text, 1, len, f);
		fclose(f);
	}
}

static void put_text(const char *path, const char *text)
{
	put_file(path, text, strlen(text));
}

static void link_to(const char *target, const char *path)
{
	char full[512];

	snprintf(full, sizeof(full), "%s/%s", root, path);
	CHECK(symlink(target, full) == 0, "fake sysfs: %s -> %s", path, target);
}

/* An RDMA device NAME with port 1 on NETDEV, over the PCI function PCI (or none). */
static void put_rdma(const char *name, const char *netdev, const char *pci, const char *state)
{
	char path[256], target[256];

	snprintf(path, sizeof(path), "sys/class/infiniband/%s/ports/1/link_layer", name);
	put_text(path, "Ethernet\n");
	snprintf(path, sizeof(path), "sys/class/infiniband/%s/ports/1/state", name);
	put_text(path, state);
	snprintf(path, sizeof(path), "sys/class/infiniband/%s/ports/1/gid_attrs/ndevs/0", name);
	put_text(path, netdev);
	if (pci) {
		snprintf(target, sizeof(target), "../../../bus/pci/devices/%s", pci);
		snprintf(path, sizeof(path), "sys/class/infiniband/%s/device", name);
		link_to(target, path);
	}
}

static void put_pci(const char *pci, const char *vendor, const char *device)
{
	char path[256];

	snprintf(path, sizeof(path), "sys/bus/pci/devices/%s/vendor", pci);
	put_text(path, vendor);
	snprintf(path, sizeof(path), "sys/bus/pci/devices/%s/device", pci);
	put_text(path, device);
}

static void build_s390(void)
{
	/* "NET1" and "NET2" in EBCDIC, blank-padded to 16 bytes a port */
	unsigned char util[32];

	memset(util, 0x40, sizeof(util));
	memcpy(util, "\xd5\xc5\xe3\xf1", 4);
	memcpy(util + 16, "\xd5\xc5\xe3\xf2", 4);
	put_pci("0000:00:00.0", "0x15b3\n", "0x1016\n");
	put_text("sys/bus/pci/devices/0000:00:00.0/function_id", "0x00000011\n");
	put_text("sys/bus/pci/devices/0000:00:00.0/pchid", "0x01c4\n");
	put_file("sys/bus/pci/devices/0000:00:00.0/util_string", util, sizeof(util));
	put_text("sys/bus/pci/slots/00000011/power", "1\n");
	put_rdma("mlx5_0", "ens1\n", "0000:00:00.0", "4: ACTIVE\n");
	put_pci("0001:00:00.0", "0x1014\n", "0x04ed\n");
	put_text("sys/bus/pci/devices/0001:00:00.0/function_id", "0x00000212\n");
	put_text("sys/bus/pci/devices/0001:00:00.0/pchid", "0x07c1\n");
	put_file("sys/bus/pci/devices/0001:00:00.0/util_string", util + 16, 16);
	put_text("sys/bus/pci/slots/00000212/power", "1\n");
	put_text("sys/bus/pci/slots/00000300/power", "0\n");
	/* a zEDC function: not for SMC, listed with -a */
	put_pci("0002:00:00.0", "0x1014\n", "0x044b\n");
	put_text("sys/bus/pci/devices/0002:00:00.0/function_id", "0x00000400\n");
	put_text("sys/bus/pci/slots/00000400/power", "1\n");
}

static void build_pc(void)
{
	put_pci("0000:03:00.0", "0x15b3\n", "0x1017\n");
	put_rdma("mlx5_1", "ens1f0\n", "0000:03:00.0", "1: DOWN\n");
	/* SoftRoCE's device is its network device's parent, here a virtio
	 * device: a vendor and a device, but no PCI function */
	put_text("sys/devices/virtio0/vendor", "0x1af4\n");
	put_text("sys/devices/virtio0/device", "0x0001\n");
	put_rdma("rxe0", "eth0\n", NULL, "4: ACTIVE\n");
	link_to("../../../devices/virtio0", "sys/class/infiniband/rxe0/device");
	/* an InfiniBand port: not for SMC, listed with -a */
	put_text("sys/class/infiniband/ib0dev/ports/1/link_layer", "InfiniBand\n");
	put_text("sys/class/infiniband/ib0dev/ports/1/state", "4: ACTIVE\n");
}

static char *render(const struct rnics_opts *o, const struct rnics_in_use *use)
{
	struct smc_list rows = SMC_LIST_INIT(struct rnic);
	struct nl_error err;
	struct capture c;

	if (!CHECK(rnics_scan(root, o->all, &rows, &err) == 0, "the fake tree is read"))
		return NULL;
	rnics_print(capture_start(&c), &rows, o, use);
	smc_list_free(&rows);
	return capture_end(&c);
}

#define HEADER "     FID  Power  PCI_ID        PCHID  Type           PPrt  PNET_ID           Net-Dev          State     SMC\n"

static void check_s390(void)
{
	struct smc_dev roce = { .ib_name = "mlx5_0" };
	struct smc_list smcr = { &roce, 1, 1, sizeof(roce) }, smcd = SMC_LIST_INIT(struct smc_dev);
	struct rnics_in_use none = { NULL, NULL }, used = { &smcr, &smcd };
	struct rnics_opts o = { 0 };
	struct nl_error err;

	build_s390();
	check_text("smc_rnics (s390)", render(&o, &none),
		   HEADER
		   "      11  1      0000:00:00.0  01c4   RoCE_Express2  0     NET1              ens1             ACTIVE    -\n"
		   "     212  1      0001:00:00.0  07c1   ISM            n/a   NET2              n/a              -         -\n");
	roce.port[0].lnk_cnt = 2;
	snprintf(roce.port[0].pnetid, sizeof(roce.port[0].pnetid), "%s", "NETX            ");	/* as the kernel pads it */
	roce.port[0].pnetid_by_user = 1;
	o = (struct rnics_opts){ .all = true, .ib_dev = true };
	check_text("smc_rnics -a -I (s390, SMC using the RoCE port, a PNET ID set with smc_pnet)", render(&o, &used),
		   "     FID  Power  PCI_ID        PCHID  Type           IPrt  PNET_ID           IB-Dev           State     SMC\n"
		   "      11  1      0000:00:00.0  01c4   RoCE_Express2  1     NETX*             mlx5_0           ACTIVE    yes\n"
		   "     212  1      0001:00:00.0  07c1   ISM            n/a   NET2              n/a              -         no\n"
		   "     300  0      -             -      -                                                       -         -\n"
		   "     400  1      0002:00:00.0  -      1014:044b      n/a   n/a               n/a              -         no\n");
	o = (struct rnics_opts){ .raw_ids = true, .has_fid = true, .fid = 0x212 };
	check_text("smc_rnics -r 212", render(&o, &none),
		   HEADER "     212  1      0001:00:00.0  07c1   1014:04ed      n/a   NET2              n/a              -         -\n");

	CHECK(rnic_set_power(root, 0x300, true, &err) == 0, "smc_rnics -e 300 powers the slot on");
	o = (struct rnics_opts){ .all = true, .has_fid = true, .fid = 0x300 };
	check_text("smc_rnics -a 300 after -e: powered on (its function not there in the fake tree)", render(&o, &none),
		   HEADER);
	CHECK(rnic_set_power(root, 0x300, true, &err) < 0 && strstr(err.text, "FID 300 is already enabled"),
	      "smc_rnics -e 300 again: %s", err.text);
	CHECK(rnic_set_power(root, 0x11, false, &err) == 0, "smc_rnics -d 11 powers the slot off");
	CHECK(rnic_set_power(root, 0x999, false, &err) < 0 && strstr(err.text, "FID 999 does not exist"),
	      "smc_rnics -d 999: %s", err.text);
}

static void check_pc(void)
{
	struct rnics_in_use none = { NULL, NULL };
	struct rnics_opts o = { 0 };
	struct nl_error err;

	build_pc();
	check_text("smc_rnics (PC)", render(&o, &none),
		   HEADER
		   "       -  -      0000:03:00.0  -      ConnectX       0     n/a               ens1f0           DOWN      -\n"
		   "       -  -      -             -      Software       0     n/a               eth0             ACTIVE    -\n");
	o.all = true;
	o.raw_ids = true;
	check_text("smc_rnics -a -r (PC): the InfiniBand port too", render(&o, &none),
		   HEADER
		   "       -  -      -             -      Software       0     n/a               n/a              ACTIVE    -\n"
		   "       -  -      0000:03:00.0  -      15b3:1017      0     n/a               ens1f0           DOWN      -\n"
		   "       -  -      -             -      Software       0     n/a               eth0             ACTIVE    -\n");
	CHECK(rnic_set_power(root, 0x11, true, &err) < 0 && strstr(err.text, "no PCI slots"),
	      "smc_rnics -e on a PC: one clear line (%s)", err.text);
}

int main(void)
{
	char cmd[128];

	snprintf(root, sizeof(root), "/tmp/smc-rnics-XXXXXX");
	if (!CHECK(mkdtemp(root) != NULL, "a temporary directory for the fake sysfs"))
		return 1;
	check_s390();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	CHECK(system(cmd) == 0, "s390 tree removed");
	CHECK(mkdir(root, 0755) == 0, "a new tree");
	check_pc();
	CHECK(system(cmd) == 0, "PC tree removed");
	return 0;
}
