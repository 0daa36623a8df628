/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_chk's pieces that need no kernel: PNET IDs out of EBCDIC
 * util_strings, target addresses, and the verdict's text for SMC, for a
 * fallback with both sides' reasons, and for no connection. */
#include <errno.h>
#include <string.h>
#include <linux/smc_diag.h>

#include "tests/unit/capture.h"
#include "applets/chk/chk.h"

/* "NET1" and "PNETB" in code page 1047, blank-padded to 16 bytes per port. */
static void test_util_string(void)
{
	unsigned char util[48];
	char id[17];

	memset(util, 0x40, sizeof(util));
	memcpy(util + 16, "\xd5\xc5\xe3\xf1", 4);
	memcpy(util + 32, "\xd7\xd5\xc5\xe3\xc2", 5);
	chk_util_string_pnetid(util, sizeof(util), 0, id);
	CHECK(strcmp(id, "") == 0, "util_string port 0: blanks, no PNET ID");
	chk_util_string_pnetid(util, sizeof(util), 1, id);
	CHECK(strcmp(id, "NET1") == 0, "util_string port 1: NET1 (got \"%s\")", id);
	chk_util_string_pnetid(util, sizeof(util), 2, id);
	CHECK(strcmp(id, "PNETB") == 0, "util_string port 2: PNETB (got \"%s\")", id);
	chk_util_string_pnetid(util, 20, 1, id);
	CHECK(strcmp(id, "NET1") == 0, "a util_string cut short: what it has");
	chk_util_string_pnetid(util, sizeof(util), 5, id);
	CHECK(strcmp(id, "") == 0, "a port past the util_string: none");
	memset(util, 0, 16);
	util[0] = 0xc9;
	chk_util_string_pnetid(util, sizeof(util), 0, id);
	CHECK(strcmp(id, "I") == 0, "NUL bytes read as blanks (got \"%s\")", id);
}

static void test_target(void)
{
	struct chk_target t;

	CHECK(chk_target_parse("198.18.0.1", 37373, &t) && t.addr.ss_family == AF_INET, "198.18.0.1 is IPv4");
	CHECK(chk_target_parse("fe80::1", 1, &t) && t.addr.ss_family == AF_INET6, "fe80::1 is IPv6");
	CHECK(!chk_target_parse("host.example", 1, &t), "a name is not a target");
	CHECK(!chk_target_parse("", 1, &t), "an empty string is not a target");
}

static char *verdict_text(const struct chk_verdict *v)
{
	struct capture c;
	size_t len;

	if (capture_start(&c) < 0)
		return NULL;
	chk_print_verdict(v, "Client", "Server");
	return capture_end(&c, &len);
}

static void test_verdicts(void)
{
	struct chk_verdict smcr = { .connected = true, .mode = SMC_DIAG_MODE_SMCR, .version = 2 };
	struct chk_verdict smcd = { .connected = true, .mode = SMC_DIAG_MODE_SMCD };
	struct chk_verdict fallback = { .connected = true, .mode = SMC_DIAG_MODE_FALLBACK_TCP,
					.reason = 0x05000000, .peer_reason = 0x03030002 };
	struct chk_verdict unknown = { .connected = true, .mode = SMC_DIAG_MODE_FALLBACK_TCP,
				       .reason = 0x05000000, .peer_reason = 0x07000000 };
	struct chk_verdict refused = { .error = ECONNREFUSED };
	char *text;

	text = verdict_text(&smcr);
	CHECK(text && strcmp(text, "     Success, using SMC-R v2\n") == 0, "SMC-R v2");
	free(text);
	text = verdict_text(&smcd);
	CHECK(text && strcmp(text, "     Success, using SMC-D\n") == 0, "SMC-D, version unknown");
	free(text);
	text = verdict_text(&fallback);
	CHECK(text && strncmp(text, "     Failed  (TCP fallback), reasons:\n          Client: 0x05000000 PEERDECL: ", 77) == 0 &&
	      strstr(text, "\n          Server: 0x03030002 NOSMCRDEV: No usable SMC-R"), "fallback, both reasons");
	free(text);
	text = verdict_text(&unknown);
	CHECK(text && strstr(text, "Server: 0x07000000 (Unknown error code or non-Linux OS)\n"), "an unknown peer code");
	free(text);
	text = verdict_text(&refused);
	CHECK(text && strcmp(text, "     Failed, no connection: Connection refused\n") == 0, "no connection");
	free(text);
	CHECK(chk_status(&smcr) == CHK_SMC && chk_status(&fallback) == CHK_FALLBACK && chk_status(&refused) == CHK_FAILED,
	      "exit statuses: 0 SMC, 2 fallback, 1 no connection");
}

int main(void)
{
	test_util_string();
	test_target();
	test_verdicts();
	return 0;
}
