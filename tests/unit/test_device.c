/* SPDX-License-Identifier: GPL-2.0-or-later */
/* device: SMC_NETLINK_GET_DEV_SMCR and _GET_DEV_SMCD replies parsed and
 * printed as smc-tools did on the lab's hosts (SoftRoCE rxe0 on eth0). */
#include <linux/smc.h>

#include "applets/objects/objects.h"
#include "tests/unit/smcmsg.h"

/* Port 1 on ifindex 2 (eth0), active, one link. */
static void put_port_eth0(struct msgbuf *m, const char *pnetid)
{
	struct nlattr *port = nest_begin(m, SMC_NLA_DEV_PORT);

	put_u8(m, SMC_NLA_DEV_PORT_PNET_USR, 0);
	put_str(m, SMC_NLA_DEV_PORT_PNETID, pnetid);
	put_u32(m, SMC_NLA_DEV_PORT_NETDEV, 2);
	put_u8(m, SMC_NLA_DEV_PORT_VALID, 1);
	put_u8(m, SMC_NLA_DEV_PORT_STATE, 1);
	put_u32(m, SMC_NLA_DEV_PORT_LNK_CNT, 1);
	nest_end(m, port);
}

/* rxe0 as Linux 6.12 reports it: PCI values read from a parent that is no
 * PCI device (FID noise, no PCI ID), one port. FID 0 leaves them out. */
static void put_rxe0(struct msgbuf *m, uint32_t fid)
{
	struct nlattr *nest;

	msg_begin(m, SMC_NETLINK_GET_DEV_SMCR);
	nest = nest_begin(m, SMC_GEN_DEV_SMCR);
	put_u8(m, SMC_NLA_DEV_IS_CRIT, 1);
	if (fid) {
		put_u32(m, SMC_NLA_DEV_PCI_FID, fid);
		put_u16(m, SMC_NLA_DEV_PCI_CHID, 0);
		put_u16(m, SMC_NLA_DEV_PCI_VENDOR, 0);
		put_u16(m, SMC_NLA_DEV_PCI_DEVICE, 0);
		put_str(m, SMC_NLA_DEV_PCI_ID, "");
	}
	put_str(m, SMC_NLA_DEV_IB_NAME, "rxe0");
	put_port_eth0(m, "");
	nest_end(m, nest);
	msg_end(m);
}

/* An ISM device of an IBM Z machine, with a user-set PNET ID. */
static void put_ism(struct msgbuf *m)
{
	struct nlattr *nest, *port;

	msg_begin(m, SMC_NETLINK_GET_DEV_SMCD);
	nest = nest_begin(m, SMC_GEN_DEV_SMCD);
	put_u32(m, SMC_NLA_DEV_USE_CNT, 3);
	put_u8(m, SMC_NLA_DEV_IS_CRIT, 0);
	put_u32(m, SMC_NLA_DEV_PCI_FID, 0x1234);
	put_u16(m, SMC_NLA_DEV_PCI_CHID, 0x07c0);
	put_u16(m, SMC_NLA_DEV_PCI_VENDOR, 0x1014);
	put_u16(m, SMC_NLA_DEV_PCI_DEVICE, 0x04ed);
	put_str(m, SMC_NLA_DEV_PCI_ID, "0000:00:00.0");
	port = nest_begin(m, SMC_NLA_DEV_PORT);
	put_u8(m, SMC_NLA_DEV_PORT_PNET_USR, 1);
	put_str(m, SMC_NLA_DEV_PORT_PNETID, "NET1");
	nest_end(m, port);
	nest_end(m, nest);
	msg_end(m);
}

/* A RoCE card with PCI device ID DEVICE on eth0, with a link. */
static void put_roce(struct msgbuf *m, uint16_t device)
{
	struct nlattr *nest;

	msg_begin(m, SMC_NETLINK_GET_DEV_SMCR);
	nest = nest_begin(m, SMC_GEN_DEV_SMCR);
	put_u8(m, SMC_NLA_DEV_IS_CRIT, 1);
	put_u32(m, SMC_NLA_DEV_PCI_FID, 0x10);
	put_u16(m, SMC_NLA_DEV_PCI_CHID, 0x1c0);
	put_u16(m, SMC_NLA_DEV_PCI_VENDOR, 0x15b3);
	put_u16(m, SMC_NLA_DEV_PCI_DEVICE, device);
	put_str(m, SMC_NLA_DEV_PCI_ID, "0000:00:00.0");
	put_str(m, SMC_NLA_DEV_IB_NAME, "mlx5_0");
	put_port_eth0(m, "NET1");
	nest_end(m, nest);
	msg_end(m);
}

static char *render(const void *buf, size_t len, struct tech_opts o, const struct obj_filter *f)
{
	struct smc_list devs = SMC_LIST_INIT(struct smc_dev);
	struct smc_recorded rec = { buf, len };
	struct nl_error err;
	struct capture c;

	if (smc_dev_read(&rec, o.tech == SMC_TECH_D, &devs, &err) < 0)
		return NULL;
	for (size_t i = 0; i < devs.count; i++)
		for (int p = 0; p < SMC_DEV_PORTS; p++) {
			struct smc_dev_port *port = &((struct smc_dev *)devs.items)[i].port[p];

			/* what if_indextoname() says on the lab's hosts */
			strcpy(port->netdev, port->netdev_index == 2 ? "eth0" : "");
		}
	dev_print(capture_start(&c), &o, &devs, f);
	smc_list_free(&devs);
	return capture_end(&c);
}

static const struct obj_filter no_filter;
static const struct tech_opts smcr = { .tech = SMC_TECH_R }, smcr_d = { .tech = SMC_TECH_R, .details = 1 };
static const struct tech_opts smcd = { .tech = SMC_TECH_D }, smcd_d = { .tech = SMC_TECH_D, .details = 1 };
static const struct tech_opts smcr_j = { .tech = SMC_TECH_R, .json = true };
static const struct tech_opts smcd_j = { .tech = SMC_TECH_D, .json = true };

static char *render_smcr(const void *buf, size_t len)
{
	return render(buf, len, smcr_d, &no_filter);
}

static char *render_smcd(const void *buf, size_t len)
{
	return render(buf, len, smcd, &no_filter);
}

/* COUNT devices with nothing in them, then NLMSG_DONE, in a malloc'd buffer. */
static char *many_devices(size_t count, size_t *len)
{
	const size_t msg = NLMSG_HDRLEN + GENL_HDRLEN + NLA_HDRLEN;
	char *buf = calloc(count + 1, msg);

	for (size_t i = 0; buf && i <= count; i++) {
		struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf + i * msg);
		struct genlmsghdr *genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));	/* DONE: status 0 */

		nlh->nlmsg_type = i < count ? TEST_FAMILY_ID : NLMSG_DONE;
		nlh->nlmsg_flags = NLM_F_MULTI;
		nlh->nlmsg_seq = 7;
		if (i == count)
			break;
		genl->cmd = SMC_NETLINK_GET_DEV_SMCR;
		mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, SMC_GEN_DEV_SMCR));
	}
	*len = count * msg + NLMSG_HDRLEN + GENL_HDRLEN;
	return buf;
}

/* The device list is bounded: SMC_LIST_MAX devices are read, one more is an error. */
static void check_bound(void)
{
	struct smc_list devs = SMC_LIST_INIT(struct smc_dev);
	struct smc_recorded rec;
	struct nl_error err;
	size_t len;
	char *buf = many_devices(SMC_LIST_MAX, &len);
	int rc;

	rec = (struct smc_recorded){ buf, len };
	rc = buf ? smc_dev_read(&rec, 0, &devs, &err) : -1;
	CHECK(rc == 0 && devs.count == SMC_LIST_MAX, "smcr device: %d devices are read", SMC_LIST_MAX);
	smc_list_free(&devs);
	free(buf);
	buf = many_devices(SMC_LIST_MAX + 1, &len);
	rec = (struct smc_recorded){ buf, len };
	rc = buf ? smc_dev_read(&rec, 0, &devs, &err) : 0;
	CHECK(rc < 0 && devs.items == NULL && strstr(err.text, "more than"),
	      "smcr device: one device more is an error, nothing kept (%s)", rc < 0 ? err.text : "no error");
	free(buf);
}

/* Every RoCE card smc-tools names (smc_rnics knows Express3 since 1.8.1):
 * its name in smcr device's Type column, and the SMC-R versions info
 * counts it for. */
static void check_roce_types(void)
{
	static const struct {
		uint16_t device;
		const char *type;
		unsigned v1_only, v2;
	} cards[] = {
		{ 0x1003, "RoCE_Express ", 1, 0 },
		{ 0x1004, "RoCE_Express ", 1, 0 },
		{ 0x1016, "RoCE_Express2", 0, 1 },
		{ 0x101e, "RoCE_Express3", 0, 1 },
		{ 0x1017, "0x1017       ", 0, 0 },	/* a ConnectX-5: not a RoCE Express */
	};

	for (size_t i = 0; i < sizeof(cards) / sizeof(cards[0]); i++) {
		struct smc_list devs = SMC_LIST_INIT(struct smc_dev), none = SMC_LIST_INIT(struct smc_dev);
		struct msgbuf *m = calloc(1, sizeof(*m));
		struct smc_recorded rec;
		struct nl_error err;
		struct info_hw hw = { 0 };
		char want[64], *got;

		put_roce(m, cards[i].device);
		msg_done(m);
		snprintf(want, sizeof(want), "    ACTIVE  %s  Yes ", cards[i].type);
		got = render(REPLY(*m), smcr, &no_filter);
		CHECK(got && strstr(got, want), "smcr device: PCI device %#x is of type \"%s\"", cards[i].device, cards[i].type);
		free(got);
		rec = (struct smc_recorded){ REPLY(*m) };
		if (CHECK(smc_dev_read(&rec, 0, &devs, &err) == 0, "PCI device %#x is read", cards[i].device))
			info_count_hw(&none, &devs, &hw);
		CHECK(hw.roce_v1_only == cards[i].v1_only && hw.roce_v2 == cards[i].v2 && hw.ism == 0,
		      "info: PCI device %#x counts as %u RoCE v1 and %u v2 (%u, %u)", cards[i].device, cards[i].v1_only,
		      cards[i].v2, hw.roce_v1_only, hw.roce_v2);
		smc_list_free(&devs);
		free(m);
	}
}

int main(void)
{
	static struct msgbuf host_a, host_b, no_pci, ism, none;
	struct obj_filter eth0 = { .netdev = "eth0" }, eth1 = { .netdev = "eth1" };
	struct obj_filter rxe0 = { .ibdev = "rxe0" }, mlx = { .ibdev = "mlx5_0" };
	char *got;

	put_rxe0(&host_a, 0x7f5a);
	msg_done(&host_a);
	put_rxe0(&host_b, 0x7fb7);
	msg_done(&host_b);
	put_rxe0(&no_pci, 0);
	msg_done(&no_pci);
	put_ism(&ism);
	msg_done(&ism);
	msg_done(&none);

	check_golden("smcr device", "tests/golden/objects/host-a-smcr-device.txt",
		     render(REPLY(host_a), smcr, &no_filter));
	check_golden("smcr -d device (server)", "tests/golden/objects/host-a-smcr-d-device.txt",
		     render(REPLY(host_a), smcr_d, &no_filter));
	check_golden("smcr -d device (client)", "tests/golden/objects/host-b-smcr-d-device.txt",
		     render(REPLY(host_b), smcr_d, &no_filter));
	check_golden("smcr device show netdev eth0", "tests/golden/objects/host-a-smcr-device-netdev-eth0.txt",
		     render(REPLY(host_a), smcr, &eth0));
	check_golden("smcr device show ibdev rxe0", "tests/golden/objects/host-a-smcr-device.txt",
		     render(REPLY(host_a), smcr, &rxe0));
	check_golden("smcd device (none)", "tests/golden/objects/smcd-device-none.txt",
		     render(REPLY(none), smcd, &no_filter));
	check_golden("smcd -d device (none)", "tests/golden/objects/smcd-loopback-d-device.txt",
		     render(REPLY(none), smcd_d, &no_filter));

	got = render(REPLY(no_pci), smcr_d, &no_filter);
	CHECK(got && strstr(got, "\neth0            rxe0        1    ACTIVE  0              Yes   "
				 "0000                0000        1"),
	      "smcr -d device: a device without PCI identity is shown, FID and PCHID 0000, no PCI-ID");
	free(got);
	got = render(REPLY(host_a), smcr, &eth1);
	CHECK(got && strchr(got, '\n') == got + strlen(got) - 1, "smcr device show netdev eth1: the header only");
	free(got);
	got = render(REPLY(host_a), smcr, &mlx);
	CHECK(got && strchr(got, '\n') == got + strlen(got) - 1, "smcr device show ibdev mlx5_0: the header only");
	free(got);
	got = render(REPLY(ism), smcd, &no_filter);
	CHECK(got && strcmp(got, "FID  Type  PCI-ID        PCHID  InUse  #LGs  PNET-ID  \n"
				 "1234 ISM   0000:00:00.0  07c0   No        3  *NET1            \n") == 0,
	      "smcd device: an ISM device in smc-tools' columns, a user-set PNET ID starred");
	free(got);

	check_json("smcr device", render(REPLY(host_a), smcr_j, &no_filter),
		   "{\"devices\":[{\"netdev\":\"eth0\",\"ib_dev\":\"rxe0\",\"ib_port\":1,\"port_state\":\"ACTIVE\",\"lnk_cnt\":1,"
		   "\"type\":\"0\",\"pci_device\":0,\"pci_vendor\":0,\"is_crit\":true,\"pci_fid\":32602,\"pci_id\":\"\","
		   "\"pci_chid\":0,\"pnetid\":\"\",\"pnetid_by_user\":false}]}");
	check_json("smcd device", render(REPLY(ism), smcd_j, &no_filter),
		   "{\"use_cnt\":3,\"type\":\"ISM\",\"pci_device\":1261,\"pci_vendor\":4116,\"is_crit\":false,\"pci_fid\":4660,"
		   "\"pci_id\":\"0000:00:00.0\",\"pci_chid\":1984,\"pnetid\":\"NET1\",\"pnetid_by_user\":true}");
	check_json("smcd device (none)", render(REPLY(none), smcd_j, &no_filter), "{\"devices\":[]}");

	check_bound();
	check_roce_types();
	check_damage("smcr device", &host_a, render_smcr);
	check_damage("smcd device", &ism, render_smcd);

	check_real("smcr device (real reply, no RDMA device)", "dev-smcr-none.bin", render_smcr, "");
	check_real("smcd device (real reply, no ISM)", "dev-smcd-none.bin", render_smcd, "");
	/* 6.12 leaves loopback-ism out of the device dump, as smc-tools showed */
	check_recorded("smcd device (recorded, loopback-ism only)", "smcd-loopback-held", "get_dev_smcd", render_smcd, "");
	check_real("smcr -d device (real reply, lab server with a link)", "dev-smcr-host-a.bin", render_smcr,
		   "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit   FID   PCI-ID        PCHID  #Links  PNET-ID  \n"
		   "eth0            rxe0        1    ACTIVE  0              Yes   0000                0000        1"
		   "                   \n");
	check_real("smcr -d device (real reply, lab client with a link)", "dev-smcr-host-b.bin", render_smcr,
		   "Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit   FID   PCI-ID        PCHID  #Links  PNET-ID  \n"
		   "eth0            rxe0        1    ACTIVE  0              Yes   0000                0000        1"
		   "                   \n");
	/* rxe0 on a dummy interface, ifindex 2 (named eth0 by render()), no PCI parent */
	size_t len;
	void *real = fixture("dev-smcr-rxe0.bin", &len);

	got = real ? render_smcr(real, len) : NULL;
	CHECK(got && strstr(got, "\neth0            rxe0        1    ACTIVE  0               No   "
				 "0000                0000        0                   \n"),
	      "smcr -d device: a real Linux 6.12 reply: rxe0 port 1 active, not critical, no PCI values, no links");
	free(got);
	if (real)
		check_cut("smcr device (real reply)", real, len, render_smcr);
	free(real);
	return 0;
}
