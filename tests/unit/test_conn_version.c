/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_conn_version() on a real kernel's replies (tests/fixtures): each
 * active socket's link group is found and says SMC version 2; a socket
 * whose link group is gone says 0. */
#include <string.h>

#include "tests/unit/check.h"
#include "netlink/linkgroup.h"

static char dump[1 << 16], lgrs[1 << 16];

struct found {
	struct smc_recorded lgr_rec;
	int active, v2, failed;
};

static int version_cb(const struct smc_diag_sock *sock, void *data, struct nl_error *err)
{
	struct found *f = data;
	int version;

	if (sock->state != 1 || (!sock->has_lgr && !sock->has_dmb))
		return 0;
	f->active++;
	version = smc_conn_version(&f->lgr_rec, sock, err);
	f->v2 += version == 2;
	f->failed += version < 0;
	return 0;
}

static void check_scenario(const char *dir, const char *lgr_reply, int want_active)
{
	size_t len = read_datagrams(dir, "sock_diag", dump, sizeof(dump));
	size_t lgr_len = read_datagrams(dir, lgr_reply, lgrs, sizeof(lgrs));
	struct found f = { { lgrs, lgr_len }, 0, 0, 0 };
	struct nl_error err;
	int rc = len && len <= sizeof(dump) && lgr_len <= sizeof(lgrs) ? smc_diag_parse(dump, len, version_cb, &f, &err)
								     : -1;

	CHECK(rc == 0 && f.failed == 0, "%s: the dump and %s parse", dir, lgr_reply);
	CHECK(f.active == want_active && f.v2 == want_active, "%s: %d of %d active sockets found on a v2 link group",
	      dir, f.v2, f.active);
}

static void check_gone(void)
{
	size_t lgr_len = read_datagrams("tests/fixtures/two-hosts-client-held", "get_link_smcr", lgrs, sizeof(lgrs));
	struct smc_recorded rec = { lgrs, lgr_len };
	struct smc_diag_sock sock;
	struct nl_error err;

	memset(&sock, 0, sizeof(sock));
	sock.has_lgr = true;
	strcpy(sock.lgr.ibname, "rxe9");
	CHECK(smc_conn_version(&rec, &sock, &err) == 0, "a link no link group has: version 0");
	sock.has_lgr = false;
	CHECK(smc_conn_version(NULL, &sock, &err) == 0, "a fallback socket: version 0, the kernel not asked");
}

int main(void)
{
	check_scenario("tests/fixtures/two-hosts-client-held", "get_link_smcr", 1);
	check_scenario("tests/fixtures/two-hosts-server-held", "get_link_smcr", 1);
	check_scenario("tests/fixtures/smcd-loopback-held", "get_lgr_smcd", 2);
	check_gone();
	return 0;
}
