/* SPDX-License-Identifier: GPL-2.0-or-later */
/* info: SMC_NETLINK_GET_SYS_INFO replies parsed and printed as smc-tools did. */
#include <linux/smc.h>

#include "applets/objects/objects.h"
#include "tests/unit/smcmsg.h"

static const struct info_hw no_hw;

/* The reply of the lab's kernel (Linux 6.12, no ISM, host name unset). */
static void lab_reply(struct msgbuf *m, const char *seid)
{
	struct nlattr *nest;

	msg_begin(m, SMC_NETLINK_GET_SYS_INFO);
	nest = nest_begin(m, SMC_GEN_SYS_INFO);
	put_u8(m, SMC_NLA_SYS_VER, 2);
	put_u8(m, SMC_NLA_SYS_REL, 1);
	put_u8(m, SMC_NLA_SYS_IS_ISM_V2, seid != NULL);
	put_u8(m, SMC_NLA_SYS_IS_SMCR_V2, 1);
	put_str(m, SMC_NLA_SYS_LOCAL_HOST, "(none)                          ");
	if (seid)
		put_str(m, SMC_NLA_SYS_SEID, seid);
	nest_end(m, nest);
	msg_end(m);
	msg_done(m);
}

static char *render(const void *buf, size_t len, const struct info_hw *hw, bool json)
{
	struct smc_recorded rec = { buf, len };
	struct smc_sysinfo info;
	struct nl_error err;
	struct capture c;

	if (smc_sysinfo_read(&rec, &info, &err) < 0)
		return NULL;
	info_print(capture_start(&c), &info, hw, json);
	return capture_end(&c);
}

static char *render_text(const void *buf, size_t len)
{
	return render(buf, len, &no_hw, false);
}

int main(void)
{
	static struct msgbuf m, seid;
	struct info_hw ism_roce = { .ism = 1, .roce_v2 = 1 };
	char *want = golden("tests/golden/objects/smcr-info.txt"), *got;

	lab_reply(&m, NULL);
	got = render_text(REPLY(m));
	CHECK(got && same_text("info", got, want), "info: the lab's reply prints as smc-tools' smcr info, byte for byte");
	free(want);
	want = golden("tests/golden/objects/smcd-info.txt");
	CHECK(got && same_text("info", got, want), "info: the lab's reply prints as smc-tools' smcd info, byte for byte");
	free(got);
	free(want);

	got = render(REPLY(m), &no_hw, true);
	CHECK(got && valid_json(got), "info -j: one valid JSON document");
	CHECK(got && strstr(got, "\"version\":2,\"release\":1,\"hostname\":\"(none)\"") &&
		      strstr(got, "\"smcd_features\":[\"v1\",\"v2\"],\"smcr_features\":[\"v1\",\"v2\"]") &&
		      strstr(got, "\"ism\":[],\"roce\":[]") && !strstr(got, "seid"),
	      "info -j: the same data as the text, numbers as numbers, no SEID when there is none");
	free(got);

	lab_reply(&seid, "IBM-SYSZ-ISMSEID00000000000000CF");
	got = render(REPLY(seid), &ism_roce, false);
	CHECK(got && strstr(got, "\nSEID:             IBM-SYSZ-ISMSEID00000000000000CF\n") &&
		      strstr(got, "\nISM:              v1 v2\n") && strstr(got, "\nRoCE:             v1 v2\n"),
	      "info: a system EID, ISM v2 and a RoCE Express2 are shown");
	free(got);

	check_damage("info", &m, render_text);

	/* the same from the reply a real kernel sent (Linux 6.12, nested with NLA_F_NESTED) */
	size_t len;
	void *real = fixture("sysinfo.bin", &len);

	want = golden("tests/golden/objects/smcr-info.txt");
	got = real ? render_text(real, len) : NULL;
	CHECK(got && same_text("info", got, want),
	      "info: a real Linux 6.12 reply prints as smc-tools' smcr info, byte for byte");
	free(got);
	free(want);
	if (real)
		check_cut("info (real reply)", real, len, render_text);
	free(real);
	return 0;
}
