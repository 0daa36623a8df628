/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkgroup: SMC_NETLINK_GET_LGR_SMCR, _GET_LINK_SMCR and _GET_LGR_SMCD
 * replies parsed and printed as smc-tools did on the lab's two hosts. */
#include <arpa/inet.h>
#include <linux/smc.h>

#include "applets/objects/objects.h"
#include "tests/unit/smcmsg.h"

#define GID_A "0000:0000:0000:0000:0000:ffff:c612:0001"
#define GID_B "0000:0000:0000:0000:0000:ffff:c612:0002"

/* One SMC-R link group as Linux 6.12 sends it, v2 nests included. */
static void put_lgr_r(struct msgbuf *m, uint8_t role)
{
	struct nlattr *nest, *v2;

	msg_begin(m, SMC_NETLINK_GET_LGR_SMCR);
	nest = nest_begin(m, SMC_GEN_LGR_SMCR);
	put_u32(m, SMC_NLA_LGR_R_ID, 0x100);
	put_u32(m, SMC_NLA_LGR_R_CONNS_NUM, 0);
	put_u8(m, SMC_NLA_LGR_R_ROLE, role);
	put_u8(m, SMC_NLA_LGR_R_TYPE, 1);
	put_u8(m, SMC_NLA_LGR_R_BUF_TYPE, 0);
	put_u8(m, SMC_NLA_LGR_R_VLAN_ID, 0);
	msg_note(m, MSG_TAIL(m));
	mnl_attr_put(m->cur, SMC_NLA_LGR_R_PAD, 0, NULL);
	put_u64(m, SMC_NLA_LGR_R_NET_COOKIE, 4096);
	put_str(m, SMC_NLA_LGR_R_PNETID, "");
	v2 = nest_begin(m, SMC_NLA_LGR_R_V2_COMMON);
	put_u8(m, SMC_NLA_LGR_V2_VER, 2);
	put_u8(m, SMC_NLA_LGR_V2_REL, 1);
	put_u8(m, SMC_NLA_LGR_V2_OS, 3);
	put_str(m, SMC_NLA_LGR_V2_PEER_HOST, "(none)                          ");
	put_str(m, SMC_NLA_LGR_V2_NEG_EID, "SMC-TEST-UEID-1                 ");
	nest_end(m, v2);
	v2 = nest_begin(m, SMC_NLA_LGR_R_V2);
	put_u8(m, SMC_NLA_LGR_R_V2_DIRECT, 1);
	nest_end(m, v2);
	nest_end(m, nest);
	msg_end(m);
}

static void put_link(struct msgbuf *m, const char *gid, const char *peer_gid)
{
	struct nlattr *nest;

	msg_begin(m, SMC_NETLINK_GET_LINK_SMCR);
	nest = nest_begin(m, SMC_GEN_LINK_SMCR);
	put_u8(m, SMC_NLA_LINK_ID, 1);
	put_u32(m, SMC_NLA_LINK_STATE, 3);
	put_u32(m, SMC_NLA_LINK_CONN_CNT, 0);
	put_u8(m, SMC_NLA_LINK_IB_PORT, 1);
	put_u32(m, SMC_NLA_LINK_NET_DEV, 2);
	put_str(m, SMC_NLA_LINK_IB_DEV, "rxe0");
	put_u32(m, SMC_NLA_LINK_UID, htonl(0x101));
	put_u32(m, SMC_NLA_LINK_PEER_UID, htonl(0x101));
	put_str(m, SMC_NLA_LINK_GID, gid);
	put_str(m, SMC_NLA_LINK_PEER_GID, peer_gid);
	nest_end(m, nest);
	msg_end(m);
}

static void put_lgr_d(struct msgbuf *m, uint32_t id)
{
	struct nlattr *nest;

	msg_begin(m, SMC_NETLINK_GET_LGR_SMCD);
	nest = nest_begin(m, SMC_GEN_LGR_SMCD);
	put_u32(m, SMC_NLA_LGR_D_ID, id);
	put_u64(m, SMC_NLA_LGR_D_GID, 0xb84263b7fa77a480ULL);
	put_u64(m, SMC_NLA_LGR_D_PEER_GID, 0xb84263b7fa77a480ULL);
	put_u8(m, SMC_NLA_LGR_D_VLAN_ID, 0);
	put_u32(m, SMC_NLA_LGR_D_CONNS_NUM, 1);
	put_u32(m, SMC_NLA_LGR_D_CHID, 0xffff);	/* the kernel sends a u32 for this u16 */
	put_str(m, SMC_NLA_LGR_D_PNETID, "");
	nest_end(m, nest);
	msg_end(m);
}

static struct tech_opts opts(enum smc_tech tech, int details, bool json)
{
	return (struct tech_opts){ .tech = tech, .details = details, .json = json };
}

/* What `linkgroup` prints for the reply in BUF: link-show when SHOW_LINKS. */
static char *render(const void *buf, size_t len, struct tech_opts o, bool show_links, const struct obj_filter *f)
{
	struct smc_list lgrs = SMC_LIST_INIT(struct smc_lgr), links = SMC_LIST_INIT(struct smc_link);
	struct smc_recorded rec = { buf, len };
	bool want_links = show_links || f->netdev || f->ibdev;
	struct nl_error err;
	struct capture c;

	if (smc_lgr_read(&rec, o.tech == SMC_TECH_D, &lgrs, want_links ? &links : NULL, &err) < 0)
		return NULL;
	for (size_t i = 0; i < links.count; i++) {
		struct smc_link *link = &((struct smc_link *)links.items)[i];

		/* what if_indextoname() says on the lab's hosts */
		strcpy(link->netdev, link->netdev_index == 2 ? "eth0" : "");
	}
	capture_start(&c);
	if (show_links)
		link_print(c.f, &o, &links, f);
	else
		lgr_print(c.f, &o, &lgrs, want_links ? &links : NULL, f);
	smc_list_free(&lgrs);
	smc_list_free(&links);
	return capture_end(&c);
}

static const struct obj_filter no_filter;

static char *render_links(const void *buf, size_t len)
{
	return render(buf, len, opts(SMC_TECH_R, 2, false), true, &no_filter);
}

static char *render_lgrs(const void *buf, size_t len)
{
	return render(buf, len, opts(SMC_TECH_R, 0, false), false, &no_filter);
}

static char *render_lgrs_eth0(const void *buf, size_t len)
{
	static const struct obj_filter eth0 = { .netdev = "eth0" };

	return render(buf, len, opts(SMC_TECH_R, 0, false), false, &eth0);
}

static char *render_lgrs_json(const void *buf, size_t len)
{
	return render(buf, len, opts(SMC_TECH_R, 1, true), false, &no_filter);
}

static char *render_smcd_json(const void *buf, size_t len)
{
	return render(buf, len, opts(SMC_TECH_D, 1, true), false, &no_filter);
}

static char *render_smcd(const void *buf, size_t len)
{
	return render(buf, len, opts(SMC_TECH_D, 0, false), false, &no_filter);
}

/* The LG-ID filter as smc-tools applies it: SMC-R masks the link's number
 * off (101 is link 1 of link group 100), SMC-D compares the whole ID; 0 is
 * no filter, a word without a hex digit matches nothing. The rows are
 * those of smc-tools' captures (host-a-server.txt, smcd-loopback.txt). */
static void check_lgid_filter(const struct msgbuf *lgr_a, const struct msgbuf *link_a, const struct msgbuf *smcd)
{
	static const char smcr_header[] = "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n";
	static const char smcr_row[] = "00000100 SERV     SINGLE      0       0                   \n";
	static const char link_row[] = "00000100 SERV     SINGLE   eth0            LINK_ACTIVE          0  \n";
	static const char smcd_header[] = "LG-ID    VLAN  #Conns  PNET-ID \n";
	static const char smcd_100[] = "00000100    0       1                   \n";
	static const char smcd_200[] = "00000200    0       1                   \n";
	static const struct {
		enum smc_tech tech;
		bool links;
		enum obj_lgid kind;
		uint32_t id;
		const char *rows[2];
	} cases[] = {
		{ SMC_TECH_R, false, OBJ_LGID_ONE, 0x100, { smcr_row } },
		{ SMC_TECH_R, false, OBJ_LGID_ONE, 0x101, { smcr_row } },
		{ SMC_TECH_R, false, OBJ_LGID_ONE, 0x200, { NULL } },
		{ SMC_TECH_R, false, OBJ_LGID_NONE, 0, { NULL } },
		{ SMC_TECH_R, true, OBJ_LGID_ONE, 0x1ff, { link_row } },
		{ SMC_TECH_R, true, OBJ_LGID_ONE, 0x40, { NULL } },
		{ SMC_TECH_D, false, OBJ_LGID_ONE, 0x200, { smcd_200 } },
		{ SMC_TECH_D, false, OBJ_LGID_ONE, 0x201, { NULL } },
		{ SMC_TECH_D, false, OBJ_LGID_ANY, 0, { smcd_100, smcd_200 } },
		{ SMC_TECH_D, false, OBJ_LGID_NONE, 0, { NULL } },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct msgbuf *m = cases[i].tech == SMC_TECH_D ? smcd : cases[i].links ? link_a : lgr_a;
		struct obj_filter f = { .lgid_kind = cases[i].kind, .lgid = cases[i].id };
		char want[512];
		char *got;

		snprintf(want, sizeof(want), "%s%s%s",
			 cases[i].tech == SMC_TECH_D ? smcd_header
			 : cases[i].links ? "LG-ID    LG-Role  LG-Type  Net-Dev         Link-State      #Conns  \n"
					  : smcr_header,
			 cases[i].rows[0] ? cases[i].rows[0] : "", cases[i].rows[1] ? cases[i].rows[1] : "");
		got = render(REPLY(*m), opts(cases[i].tech, 0, false), cases[i].links, &f);
		check_text(cases[i].tech == SMC_TECH_D ? "smcd linkgroup LG-ID" : cases[i].links ?
			   "smcr linkgroup link-show LG-ID" : "smcr linkgroup LG-ID", got, want);
	}
}

int main(void)
{
	static struct msgbuf lgr_a, lgr_b, link_a, link_b, smcd, none, odd;
	struct obj_filter eth0 = { .netdev = "eth0" }, eth9 = { .netdev = "eth9" }, rxe0 = { .ibdev = "rxe0" };
	char *got;

	put_lgr_r(&lgr_a, 1);
	msg_done(&lgr_a);
	put_lgr_r(&lgr_b, 0);
	msg_done(&lgr_b);
	put_lgr_r(&link_a, 1);
	put_link(&link_a, GID_A, GID_B);
	msg_done(&link_a);
	put_lgr_r(&link_b, 0);
	put_link(&link_b, GID_B, GID_A);
	msg_done(&link_b);
	put_lgr_d(&smcd, 0x100);
	put_lgr_d(&smcd, 0x200);
	msg_done(&smcd);
	msg_done(&none);

	check_golden("smcr linkgroup (server)", "tests/golden/objects/host-a-smcr-linkgroup.txt",
		     render(REPLY(lgr_a), opts(SMC_TECH_R, 0, false), false, &no_filter));
	/* smc-tools 1.8.5 has detail columns for link-show only */
	check_golden("smcr -dd linkgroup (server)", "tests/golden/objects/host-a-smcr-linkgroup.txt",
		     render(REPLY(lgr_a), opts(SMC_TECH_R, 2, false), false, &no_filter));
	check_golden("smcd -d linkgroup (two over loopback-ism)", "tests/golden/objects/smcd-loopback-linkgroup.txt",
		     render(REPLY(smcd), opts(SMC_TECH_D, 1, false), false, &no_filter));
	check_golden("smcr linkgroup (client)", "tests/golden/objects/host-b-smcr-linkgroup.txt",
		     render(REPLY(lgr_b), opts(SMC_TECH_R, 0, false), false, &no_filter));
	check_golden("smcr linkgroup link-show", "tests/golden/objects/host-a-smcr-link-show.txt",
		     render(REPLY(link_a), opts(SMC_TECH_R, 0, false), true, &no_filter));
	check_golden("smcr -d linkgroup link-show", "tests/golden/objects/host-a-smcr-d-link-show.txt",
		     render(REPLY(link_a), opts(SMC_TECH_R, 1, false), true, &no_filter));
	check_golden("smcr -dd linkgroup link-show (server)", "tests/golden/objects/host-a-smcr-dd-link-show.txt",
		     render(REPLY(link_a), opts(SMC_TECH_R, 2, false), true, &no_filter));
	check_golden("smcr -dd linkgroup link-show (client)", "tests/golden/objects/host-b-smcr-dd-link-show.txt",
		     render(REPLY(link_b), opts(SMC_TECH_R, 2, false), true, &no_filter));
	check_golden("smcr linkgroup link-show ibdev rxe0", "tests/golden/objects/host-a-smcr-link-show.txt",
		     render(REPLY(link_a), opts(SMC_TECH_R, 0, false), true, &rxe0));
	check_golden("smcr linkgroup show netdev eth0", "tests/golden/objects/host-a-smcr-linkgroup.txt",
		     render(REPLY(link_a), opts(SMC_TECH_R, 0, false), false, &eth0));
	check_golden("smcd linkgroup (two over loopback-ism)", "tests/golden/objects/smcd-loopback-linkgroup.txt",
		     render_smcd(REPLY(smcd)));
	check_golden("smcd linkgroup (none)", "tests/golden/objects/smcd-linkgroup-none.txt",
		     render_smcd(REPLY(none)));

	got = render(REPLY(link_a), opts(SMC_TECH_R, 0, false), false, &eth9);
	CHECK(got && strchr(got, '\n') == got + strlen(got) - 1, "smcr linkgroup show netdev eth9: the header only");
	free(got);
	got = render(REPLY(link_a), opts(SMC_TECH_R, 0, false), true, &eth9);
	CHECK(got && strchr(got, '\n') == got + strlen(got) - 1, "smcr linkgroup link-show netdev eth9: the header only");
	free(got);

	check_json("smcr linkgroup", render(REPLY(lgr_a), opts(SMC_TECH_R, 0, true), false, &no_filter),
		   "{\"linkgroups\":[{\"lgr_id\":256,\"role\":\"SERV\",\"type\":\"SINGLE\",\"vlan_id\":0,"
		   "\"conns_num\":0,\"pnetid\":\"\",\"smc_version\":2,\"peer_release\":1,\"peer_os\":\"AIX\","
		   "\"peer_host\":\"(none)\",\"negotiated_eid\":\"SMC-TEST-UEID-1\",\"direct\":true}]}");
	check_json("smcr linkgroup link-show", render(REPLY(link_b), opts(SMC_TECH_R, 0, true), true, &no_filter),
		   "\"role\":\"CLNT\",\"type\":\"SINGLE\",\"netdev\":\"eth0\",\"state\":\"LINK_ACTIVE\",\"conn_cnt\":0,"
		   "\"link_id\":1,\"link_uid\":257,\"peer_uid\":257,\"ib_dev\":\"rxe0\",\"ib_port\":1,\"gid\":\"" GID_B "\"");
	check_json("smcd linkgroup", render(REPLY(smcd), opts(SMC_TECH_D, 0, true), false, &no_filter),
		   "{\"lgr_id\":512,\"vlan_id\":0,\"conns_num\":1,\"pnetid\":\"\",\"gid\":\"b84263b7fa77a480\",");
	check_json("smcd linkgroup (none)", render(REPLY(none), opts(SMC_TECH_D, 0, true), false, &no_filter),
		   "{\"linkgroups\":[]}");

	/* values this tool has no name for are shown, not hidden */
	msg_begin(&odd, SMC_NETLINK_GET_LGR_SMCR);
	struct nlattr *nest = nest_begin(&odd, SMC_GEN_LGR_SMCR);
	put_u8(&odd, SMC_NLA_LGR_R_ROLE, 7);
	put_u8(&odd, SMC_NLA_LGR_R_TYPE, 9);
	put_u8(&odd, SMC_NLA_LGR_R_VLAN_ID, 10);
	put_str(&odd, SMC_NLA_LGR_R_PNETID, "NET1            ");
	nest_end(&odd, nest);
	msg_end(&odd);
	msg_done(&odd);
	got = render(REPLY(odd), opts(SMC_TECH_R, 0, false), false, &no_filter);
	CHECK(got && strstr(got, "\n00000000 0x7?     0x9?      0xa       0  NET1             \n"),
	      "smcr linkgroup: an unknown role and type in hex, VLAN in hex, PNET ID trimmed");
	free(got);

	check_lgid_filter(&lgr_a, &link_a, &smcd);

	/* -j adds what SMC version 2 knows of the peer, from the lab's kernels
	 * (UEID SMC-LAB-UEID, no hostname set) */
	check_recorded("smcr -d -j linkgroup (recorded, SMC-Rv2 server)", "two-hosts-server-held", "get_lgr_smcr",
		       render_lgrs_json, "{\"linkgroups\":[{\"lgr_id\":256,\"role\":\"SERV\",\"type\":\"SINGLE\","
		       "\"vlan_id\":0,\"conns_num\":1,\"pnetid\":\"\",\"smc_version\":2,\"peer_release\":1,"
		       "\"peer_os\":\"Linux\",\"peer_host\":\"(none)\",\"negotiated_eid\":\"SMC-LAB-UEID\",\"direct\":true}]}\n");
	check_recorded("smcd -d -j linkgroup (recorded, SMC-Dv2 over loopback-ism)", "smcd-loopback-held", "get_lgr_smcd",
		       render_smcd_json, "{\"linkgroups\":[{\"lgr_id\":256,\"vlan_id\":0,\"conns_num\":1,\"pnetid\":\"\","
		       "\"smc_version\":2,\"peer_release\":1,\"peer_os\":\"Linux\",\"peer_host\":\"(none)\","
		       "\"negotiated_eid\":\"SMC-LAB-UEID\",\"gid\":\"934d12845e5ce748\",\"peer_gid\":\"934d12845e5ce748\"},"
		       "{\"lgr_id\":512,\"vlan_id\":0,\"conns_num\":1,\"pnetid\":\"\",\"smc_version\":2,\"peer_release\":1,"
		       "\"peer_os\":\"Linux\",\"peer_host\":\"(none)\",\"negotiated_eid\":\"SMC-LAB-UEID\","
		       "\"gid\":\"934d12845e5ce748\",\"peer_gid\":\"934d12845e5ce748\"}]}\n");

	check_damage("smcr linkgroup link-show", &link_a, render_links);
	check_damage("smcd linkgroup", &smcd, render_smcd);
	check_real("smcr linkgroup (real reply, none)", "lgr-smcr-none.bin", render_lgrs, "");
	check_real("smcr -dd linkgroup link-show (real reply, none)", "link-smcr-none.bin", render_links, "");
	check_real("smcd linkgroup (real reply, none)", "lgr-smcd-none.bin", render_smcd, "");

	/* the SMC-D lab kernel holding one SMC-Dv2 connection over loopback-ism
	 * (tests/vm/record smcd): smc-tools' layout from smcd-loopback.txt */
	got = golden("tests/golden/objects/smcd-loopback-linkgroup.txt");
	check_recorded("smcd linkgroup (recorded, loopback-ism)", "smcd-loopback-held", "get_lgr_smcd", render_smcd, got);
	free(got);

	/* the lab's two hosts with one SMC-Rv2 connection open (so #Conns 1
	 * where smc-tools' captures, taken after it closed, show 0) */
	check_real("smcr linkgroup (real reply, server)", "lgr-smcr-host-a.bin", render_lgrs,
		   "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n"
		   "00000100 SERV     SINGLE      0       1                   \n");
	check_real("smcr linkgroup (real reply, client)", "lgr-smcr-host-b.bin", render_lgrs,
		   "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n"
		   "00000100 CLNT     SINGLE      0       1                   \n");
	check_real("smcr -dd linkgroup link-show (real reply, server)", "link-smcr-host-a.bin", render_links,
		   "LG-ID    LG-Role  LG-Type  Net-Dev         Link-State      #Conns  Link-UID  Peer-UID  IB-Dev    IB-P  "
		   "Local-GID                                 Peer-GID  \n"
		   "00000100 SERV     SINGLE   eth0            LINK_ACTIVE          1  00000101  00000101  rxe0         1  "
		   GID_A "   " GID_B "  \n");
	check_real("smcr -dd linkgroup link-show (real reply, client)", "link-smcr-host-b.bin", render_links,
		   "LG-ID    LG-Role  LG-Type  Net-Dev         Link-State      #Conns  Link-UID  Peer-UID  IB-Dev    IB-P  "
		   "Local-GID                                 Peer-GID  \n"
		   "00000100 CLNT     SINGLE   eth0            LINK_ACTIVE          1  00000101  00000101  rxe0         1  "
		   GID_B "   " GID_A "  \n");
	check_real("smcr linkgroup show netdev eth0 (real link reply, server)", "link-smcr-host-a.bin", render_lgrs_eth0,
		   "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n"
		   "00000100 SERV     SINGLE      0       1                   \n");
	got = render(REPLY(link_a), opts(SMC_TECH_R, 0, false), false, &no_filter);
	CHECK(!got, "smcr linkgroup show: a link in the reply to GET_LGR_SMCR is an error");
	free(got);
	return 0;
}
