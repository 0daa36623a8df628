/* SPDX-License-Identifier: GPL-2.0-or-later */
/* seid and handshake-limit: SMC_NETLINK_DUMP_SEID and _DUMP_HS_LIMITATION
 * replies (attributes not nested) parsed and printed. */
#include <linux/smc.h>

#include "applets/objects/objects.h"
#include "netlink/hslimit.h"
#include "tests/unit/smcmsg.h"

static char *render_seid(const void *buf, size_t len, bool json)
{
	struct smc_recorded rec = { buf, len };
	struct smc_seid seid;
	struct nl_error err;
	struct capture c;

	if (smc_seid_read(&rec, &seid, &err) < 0)
		return NULL;
	seid_print(capture_start(&c), &seid, json);
	return capture_end(&c);
}

static char *render_seid_text(const void *buf, size_t len)
{
	return render_seid(buf, len, false);
}

static char *render_hslimit(const void *buf, size_t len, bool json)
{
	struct smc_recorded rec = { buf, len };
	struct nl_error err;
	struct capture c;
	uint8_t enabled;

	if (smc_hslimit_read(&rec, &enabled, &err) < 0)
		return NULL;
	hslimit_print(capture_start(&c), enabled, json);
	return capture_end(&c);
}

static char *render_hslimit_text(const void *buf, size_t len)
{
	return render_hslimit(buf, len, false);
}

int main(void)
{
	static struct msgbuf none, seid, empty, hs;
	char *want = golden("tests/golden/objects/smcd-seid-show.txt");

	/* a kernel without ISM v2 answers with an empty message */
	msg_begin(&none, SMC_NETLINK_DUMP_SEID);
	msg_end(&none);
	msg_done(&none);
	msg_begin(&seid, SMC_NETLINK_DUMP_SEID);
	put_str(&seid, SMC_NLA_SEID_ENTRY, "IBM-SYSZ-ISMSEID00000000000000CF");
	put_u8(&seid, SMC_NLA_SEID_ENABLED, 1);
	msg_end(&seid);
	msg_done(&seid);
	msg_begin(&empty, SMC_NETLINK_DUMP_SEID);
	put_str(&empty, SMC_NLA_SEID_ENTRY, "");
	put_u8(&empty, SMC_NLA_SEID_ENABLED, 0);
	msg_end(&empty);
	msg_done(&empty);
	msg_begin(&hs, SMC_NETLINK_DUMP_HS_LIMITATION);
	put_u8(&hs, SMC_NLA_HS_LIMITATION_ENABLED, 1);
	msg_end(&hs);
	msg_done(&hs);

	check_text("smcd seid show without a system EID, as smc-tools did,", render_seid(REPLY(none), false), want);
	check_text("smcd seid show", render_seid(REPLY(seid), false),
		   "IBM-SYSZ-ISMSEID00000000000000CF [enabled]\n");
	check_json("smcd seid show (no system EID)", render_seid(REPLY(none), true), "{}");
	check_json("smcd seid show", render_seid(REPLY(seid), true),
		   "{\"seid\":\"IBM-SYSZ-ISMSEID00000000000000CF\",\"enabled\":true}");
	check_json("smcd seid show (empty system EID)", render_seid(REPLY(empty), true),
		   "{\"seid\":\"\",\"enabled\":false}");
	check_text("handshake-limit show", render_hslimit(REPLY(hs), false), "enabled\n");
	check_json("handshake-limit show", render_hslimit(REPLY(hs), true), "{\"enabled\":true}");
	free(want);

	check_damage("smcd seid show", &seid, render_seid_text);
	check_damage("handshake-limit show", &hs, render_hslimit_text);
	check_real("smcd seid show (real reply, no system EID)", "seid-none.bin", render_seid_text, "n/a\n");
	/* SMC-D over loopback-ism: ISM v2, so an (empty) system EID and its state */
	check_recorded("smcd seid show (SMC-D kernel, empty system EID)", "smcd-loopback-held", "dump_seid",
		       render_seid_text, " [disabled]\n");
	check_real("handshake-limit show (real reply)", "hslimit-off.bin", render_hslimit_text, "disabled\n");
	check_real("handshake-limit show (real reply after enable)", "hslimit-on.bin", render_hslimit_text, "enabled\n");
	return 0;
}
