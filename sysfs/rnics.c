/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysfs/rnics.h"

#define PCI_VENDOR_IBM	0x1014
#define PCI_DEVICE_ISM	0x04ed

/* PATH (PATH_MAX bytes) from FMT; a path too long is "", which no open finds. */
static void __attribute__((format(printf, 2, 3))) path_fmt(char *path, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(path, PATH_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_MAX)
		path[0] = '\0';
}

/* The first line of the file at PATH, without its newline, in BUF. */
static int read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	bool ok = f && fgets(buf, (int)size, f);

	if (f)
		fclose(f);
	if (!ok)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int read_hex(const char *path, unsigned long *value)
{
	char buf[32], *end;

	if (read_line(path, buf, sizeof(buf)) < 0)
		return -1;
	*value = strtoul(buf, &end, 16);
	return end == buf ? -1 : 0;
}

static int no_dots(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* strcmp(), not alphasort()'s strcoll(): sysfs names are ASCII, and the
 * locale machinery would double the static binary's growth. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The names in DIR but "." and "..", sorted; their count, or -1. */
static int list_dir(const char *dir, struct dirent ***names)
{
	return scandir(dir, names, no_dots, by_name);
}

static void free_names(struct dirent **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The firmware's PNET IDs (s390 util_string): EBCDIC, 16 bytes a port. */
static void read_pnetid(const char *pci_dir, unsigned index, char out[SMC_PNETID_LEN + 1])
{
	static const char upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	unsigned char raw[4 * SMC_PNETID_LEN];
	char path[PATH_MAX];
	size_t len = 0;
	ssize_t n;
	int fd;

	path_fmt(path, "%s/util_string", pci_dir);
	out[0] = '\0';
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = read(fd, raw, sizeof(raw));
	close(fd);
	for (size_t i = index * SMC_PNETID_LEN; n > 0 && i < (size_t)n && len < SMC_PNETID_LEN; i++, len++) {
		unsigned char c = raw[i];

		/* the letters sit at C1-C9, D1-D9 and E2-E9, the digits at F0-F9 */
		if (c >= 0xc1 && c <= 0xc9)
			out[len] = upper[c - 0xc1];
		else if (c >= 0xd1 && c <= 0xd9)
			out[len] = upper[9 + c - 0xd1];
		else if (c >= 0xe2 && c <= 0xe9)
			out[len] = upper[18 + c - 0xe2];
		else if (c >= 0xf0 && c <= 0xf9)
			out[len] = (char)('0' + c - 0xf0);
		else
			out[len] = ' ';
	}
	while (len > 0 && out[len - 1] == ' ')
		len--;
	out[len] = '\0';
}

/* The PCI attributes of the function at PCI_DIR (a real path) into R. */
static void read_pci(const char *root, const char *pci_dir, unsigned pnet_index, struct rnic *r)
{
	char path[PATH_MAX];
	unsigned long v;
	const char *base = strrchr(pci_dir, '/');

	r->pci = true;
	snprintf(r->pci_id, sizeof(r->pci_id), "%.31s", base ? base + 1 : pci_dir);
	path_fmt(path, "%s/vendor", pci_dir);
	r->vendor = read_hex(path, &v) == 0 ? (uint16_t)v : 0;
	path_fmt(path, "%s/device", pci_dir);
	r->device = read_hex(path, &v) == 0 ? (uint16_t)v : 0;
	path_fmt(path, "%s/function_id", pci_dir);
	if ((r->has_fid = read_hex(path, &v) == 0))
		r->fid = (uint32_t)v;
	path_fmt(path, "%s/pchid", pci_dir);
	if ((r->has_pchid = read_hex(path, &v) == 0))
		r->pchid = (uint16_t)v;
	path_fmt(path, "%s/sys/bus/pci/slots/%08x/power", root, r->fid);
	r->power = r->has_fid && read_hex(path, &v) == 0 ? v != 0 : -1;
	read_pnetid(pci_dir, pnet_index, r->pnetid);
}

/* The network device of PORT of the RDMA device at DEV: the one its first
 * GID belongs to (RoCE), else the parent a software device names. */
static void read_netdev(const char *dev, const char *port, char out[IF_NAMESIZE])
{
	char path[PATH_MAX], name[64];

	path_fmt(path, "%s/ports/%s/gid_attrs/ndevs/0", dev, port);
	if (read_line(path, name, sizeof(name)) < 0) {
		path_fmt(path, "%s/parent", dev);
		if (read_line(path, name, sizeof(name)) < 0)
			name[0] = '\0';
	}
	snprintf(out, IF_NAMESIZE, "%.15s", name);
}

/* A PCI function's directory is named by its address, DDDD:BB:DD.F; the
 * parent software RoCE names (a virtio device, say) is not one. */
static bool is_pci_function(const char *dir)
{
	const char *base = strrchr(dir, '/'), *p;
	static const char seps[] = "::.";

	p = base ? base + 1 : dir;
	for (int i = 0; i < 4; i++) {
		size_t digits = strspn(p, "0123456789abcdef");

		if (!digits || p[digits] != (i < 3 ? seps[i] : '\0'))
			return false;
		p += digits + (i < 3);
	}
	return true;
}

static int add_port(const char *root, const char *dev, const char *name, const char *port, bool all,
		    struct smc_list *list, struct nl_error *err)
{
	char path[PATH_MAX], state[32], layer[32], pci_dir[PATH_MAX];
	struct rnic r = { .power = -1 };
	struct rnic *slot;

	path_fmt(path, "%s/ports/%s/link_layer", dev, port);
	r.roce = read_line(path, layer, sizeof(layer)) == 0 && strcmp(layer, "Ethernet") == 0;
	if (!r.roce && !all)
		return 0;
	snprintf(r.ib_dev, sizeof(r.ib_dev), "%.64s", name);
	r.ib_port = (unsigned)strtoul(port, NULL, 10);
	path_fmt(path, "%s/ports/%s/state", dev, port);
	if (read_line(path, state, sizeof(state)) == 0)	/* "4: ACTIVE" */
		snprintf(r.state, sizeof(r.state), "%.15s", strchr(state, ' ') ? strchr(state, ' ') + 1 : state);
	read_netdev(dev, port, r.netdev);
	path_fmt(path, "%s/device", dev);
	if (realpath(path, pci_dir) && is_pci_function(pci_dir))
		read_pci(root, pci_dir, r.ib_port ? r.ib_port - 1 : 0, &r);
	if (!(slot = smc_list_add(list, err)))
		return -1;
	*slot = r;
	return 0;
}

static int scan_rdma(const char *root, bool all, struct smc_list *list, struct nl_error *err)
{
	char dir[PATH_MAX], dev[PATH_MAX], ports_dir[PATH_MAX];
	struct dirent **devs = NULL;
	int n, rc = 0;

	path_fmt(dir, "%s/sys/class/infiniband", root);
	n = list_dir(dir, &devs);
	for (int i = 0; i < n && rc == 0; i++) {
		struct dirent **ports = NULL;
		int p;

		path_fmt(dev, "%s/%s", dir, devs[i]->d_name);
		path_fmt(ports_dir, "%s/ports", dev);
		p = list_dir(ports_dir, &ports);
		for (int k = 0; k < p && rc == 0; k++)
			rc = add_port(root, dev, devs[i]->d_name, ports[k]->d_name, all, list, err);
		if (p >= 0)
			free_names(ports, p);
	}
	if (n >= 0)
		free_names(devs, n);
	return rc;
}

/* Runs FN on the real path of every PCI function until it returns non-zero. */
static int each_function(const char *root, int (*fn)(const char *pci_dir, void *ctx), void *ctx)
{
	char dir[PATH_MAX], fn_dir[PATH_MAX], real[PATH_MAX];
	struct dirent **fns = NULL;
	int n, rc = 0;

	path_fmt(dir, "%s/sys/bus/pci/devices", root);
	n = list_dir(dir, &fns);
	for (int i = 0; i < n && rc == 0; i++) {
		path_fmt(fn_dir, "%s/%s", dir, fns[i]->d_name);
		if (realpath(fn_dir, real))
			rc = fn(real, ctx);
	}
	if (n >= 0)
		free_names(fns, n);
	return rc;
}

struct scan_ctx {
	const char *root;
	struct smc_list *list;
	struct nl_error *err;
	uint32_t fid;			/* find_function(): the FID looked for */
	char found[PATH_MAX];
};

static int add_function(const char *pci_dir, struct scan_ctx *ctx)
{
	struct rnic *r = smc_list_add(ctx->list, ctx->err);

	if (!r)
		return -1;
	read_pci(ctx->root, pci_dir, 0, r);
	return 0;
}

/* ISM functions: PCI functions with no RDMA device. */
static int add_if_ism(const char *pci_dir, void *data)
{
	char path[PATH_MAX];
	unsigned long vendor, device;

	path_fmt(path, "%s/vendor", pci_dir);
	if (read_hex(path, &vendor) < 0 || vendor != PCI_VENDOR_IBM)
		return 0;
	path_fmt(path, "%s/device", pci_dir);
	if (read_hex(path, &device) < 0 || device != PCI_DEVICE_ISM)
		return 0;
	return add_function(pci_dir, data);
}

static int has_fid(const char *pci_dir, void *data)
{
	struct scan_ctx *ctx = data;
	char path[PATH_MAX];
	unsigned long fid;

	path_fmt(path, "%s/function_id", pci_dir);
	if (read_hex(path, &fid) < 0 || fid != ctx->fid)
		return 0;
	snprintf(ctx->found, sizeof(ctx->found), "%s", pci_dir);
	return 1;
}

static bool listed(const struct smc_list *list, uint32_t fid)
{
	const struct rnic *r = list->items;

	for (size_t i = 0; i < list->count; i++)
		if (r[i].has_fid && r[i].fid == fid)
			return true;
	return false;
}

/* -a on s390: the slots that are powered off (their functions are nowhere
 * else) and the functions of other types, as upstream's -a shows them. */
static int add_slot(const char *slot, struct scan_ctx *ctx)
{
	char path[PATH_MAX];
	unsigned long power;
	struct rnic *r;

	ctx->fid = (uint32_t)strtoul(slot, NULL, 16);
	path_fmt(path, "%s/sys/bus/pci/slots/%s/power", ctx->root, slot);
	if (read_hex(path, &power) < 0 || listed(ctx->list, ctx->fid))
		return 0;
	if (power)
		return each_function(ctx->root, has_fid, ctx) == 1 ? add_function(ctx->found, ctx) : 0;
	if (!(r = smc_list_add(ctx->list, ctx->err)))
		return -1;
	r->has_fid = true;
	r->fid = ctx->fid;
	r->power = 0;
	return 0;
}

static int scan_slots(struct scan_ctx *ctx)
{
	char dir[PATH_MAX];
	struct dirent **slots = NULL;
	int n, rc = 0;

	path_fmt(dir, "%s/sys/bus/pci/slots", ctx->root);
	n = list_dir(dir, &slots);
	for (int i = 0; i < n && rc == 0; i++)
		rc = add_slot(slots[i]->d_name, ctx);
	if (n >= 0)
		free_names(slots, n);
	return rc;
}

int rnics_scan(const char *root, bool all, struct smc_list *list, struct nl_error *err)
{
	struct scan_ctx ctx = { .root = root, .list = list, .err = err };

	if (scan_rdma(root, all, list, err) < 0 || each_function(root, add_if_ism, &ctx) < 0 ||
	    (all && scan_slots(&ctx) < 0)) {
		smc_list_free(list);
		return -1;
	}
	return 0;
}

int rnic_set_power(const char *root, uint32_t fid, bool on, struct nl_error *err)
{
	char path[PATH_MAX];
	unsigned long power;
	int fd;
	ssize_t n;

	path_fmt(path, "%s/sys/bus/pci/slots", root);
	if (access(path, F_OK) < 0)
		return nl_error_set(err, ENOTSUP, "this system has no PCI slots (%s) to power a function on or off", path);
	path_fmt(path, "%s/sys/bus/pci/slots/%08x/power", root, fid);
	if (read_hex(path, &power) < 0)
		return nl_error_set(err, ENOENT, "FID %x does not exist", fid);
	if ((power != 0) == on)
		return nl_error_set(err, EALREADY, "FID %x is already %s", fid, on ? "enabled" : "disabled");
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
		return nl_error_set(err, errno, "cannot %s FID %x: %s", on ? "enable" : "disable", fid, strerror(errno));
	n = write(fd, on ? "1\n" : "0\n", 2);
	if (close(fd) < 0 || n != 2)
		return nl_error_set(err, errno, "cannot %s FID %x: %s", on ? "enable" : "disable", fid, strerror(errno));
	return 0;
}
