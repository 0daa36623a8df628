/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcss on sock_diag replies built from the uapi structs with the values
 * of the reference captures: text compared with the smc-tools 1.8.5 output
 * cut into tests/golden/smcss, JSON checked by python, and cut or
 * corrupted replies refused without a crash. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/sock_diag.h>

#include "applets/smcss.h"
#include "netlink/diag.h"
#include "netlink/nl.h"
#include "tests/unit/capture.h"
#include "tests/unit/check.h"

#define GOLDEN "tests/golden/smcss/"

struct spec {
	uint8_t family, state, mode;
	const char *src, *dst;
	uint16_t sport, dport;
	uint64_t inode;
	uint32_t fb_reason, fb_peer;
	const struct smc_diag_conninfo *conn;
	const struct smc_diag_lgrinfo *lgr;
	const struct smcd_diag_dmbinfo *dmb;
};

#define SOCK(fam, st, mo, s, d, sp, dp, ino) \
	.family = (fam), .state = (st), .mode = (mo), .src = (s), .dst = (d), .sport = (sp), .dport = (dp), .inode = (ino)

static void put_addr(__be32 dst[4], const char *text)
{
	memset(dst, 0, 16);
	if (!text || inet_pton(AF_INET, text, dst) == 1)
		return;
	inet_pton(AF_INET6, text, dst);
}

/* One record as the kernel's __smc_diag_dump() lays it out; extensions
 * only when asked for in EXT, as the kernel does. */
static void put_sock(char *buf, size_t *len, const struct spec *s, unsigned ext)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf + *len);
	struct smc_diag_fallback fb = { s->fb_reason, s->fb_peer };
	struct smc_diag_msg m = { 0 };

	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	nlh->nlmsg_flags = NLM_F_MULTI;
	nlh->nlmsg_seq = 7;
	m.diag_family = s->family;
	m.diag_state = s->state;
	m.diag_mode = s->mode;
	m.id.idiag_sport = htons(s->sport);
	m.id.idiag_dport = htons(s->dport);
	put_addr(m.id.idiag_src, s->src);
	put_addr(m.id.idiag_dst, s->dst);
	m.diag_inode = s->inode;
	memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(m)), &m, sizeof(m));
	mnl_attr_put_u8(nlh, SMC_DIAG_SHUTDOWN, 0);
	mnl_attr_put(nlh, SMC_DIAG_FALLBACK, sizeof(fb), &fb);
	if ((ext & SMC_DIAG_EXT(SMC_DIAG_CONNINFO)) && s->conn)
		mnl_attr_put(nlh, SMC_DIAG_CONNINFO, sizeof(*s->conn), s->conn);
	if ((ext & SMC_DIAG_EXT(SMC_DIAG_LGRINFO)) && s->lgr)
		mnl_attr_put(nlh, SMC_DIAG_LGRINFO, sizeof(*s->lgr), s->lgr);
	if ((ext & SMC_DIAG_EXT(SMC_DIAG_DMBINFO)) && s->dmb)
		mnl_attr_put(nlh, SMC_DIAG_DMBINFO, sizeof(*s->dmb), s->dmb);
	*len += nlh->nlmsg_len;
}

static void put_done(char *buf, size_t *len)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf + *len);
	int *status = mnl_nlmsg_put_extra_header(nlh, sizeof(int));

	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI;
	nlh->nlmsg_seq = 7;
	*status = 0;
	*len += nlh->nlmsg_len;
}

static size_t build_dump(char *buf, const struct spec *specs, size_t n, unsigned ext)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++)
		put_sock(buf, &len, &specs[i], ext);
	put_done(buf, &len);
	return len;
}

/* The values of the two-host SMC-R capture (host-a-server.txt, host-b-client.txt). */
static const struct smc_diag_conninfo conn_a = {
	.token = 1, .sndbuf_size = 0x10000, .rmbe_size = 0x10000, .peer_rmbe_size = 0x10000,
	.rx_prod = { .wrap = 0x61 }, .rx_cons = { .wrap = 0x5d }, .tx_prod = { .wrap = 0x5e },
	.tx_cons = { .wrap = 0x60 }, .rx_prod_flags = 0x80, .tx_prod_flags = 0x80,
	.tx_prep = { .wrap = 0x5f }, .tx_sent = { .wrap = 0x5e }, .tx_fin = { .wrap = 0x5e },
};
static const struct smc_diag_lgrinfo lgr_a = {
	.lnk = { { .link_id = 1, .ibname = "rxe0", .ibport = 1,
		   .gid = "0000:0000:0000:0000:0000:ffff:c612:0001",
		   .peer_gid = "0000:0000:0000:0000:0000:ffff:c612:0002" } },
	.role = 1,
};
static const struct smc_diag_lgrinfo lgr_b = {
	.lnk = { { .link_id = 1, .ibname = "rxe0", .ibport = 1,
		   .gid = "0000:0000:0000:0000:0000:ffff:c612:0002",
		   .peer_gid = "0000:0000:0000:0000:0000:ffff:c612:0001" } },
	.role = 0,
};
static const struct spec host_a[] = {
	{ SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCR, "198.18.0.1", "198.18.0.2", 5000, 47132, 390), .conn = &conn_a, .lgr = &lgr_a },
	{ SOCK(AF_SMC, 10, SMC_DIAG_MODE_SMCR, "0.0.0.0", "0.0.0.0", 8080, 0, 394) },
	{ SOCK(AF_SMC, 10, SMC_DIAG_MODE_SMCR, "0.0.0.0", "0.0.0.0", 5000, 0, 388) },
};
static const struct spec host_b[] = {
	{ SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCR, "198.18.0.2", "198.18.0.1", 47132, 5000, 388), .lgr = &lgr_b },
};

/* The SMC-D loopback capture (smcd-loopback.txt). */
static const struct smcd_diag_dmbinfo dmb_1 = {
	.linkid = 0x100, .my_gid = 0xb84263b7fa77a480, .token = 0xc8e84f73253a58dc,
	.peer_gid = 0xb84263b7fa77a480, .peer_token = 0x3e52388262b11f7b,
};
static const struct smcd_diag_dmbinfo dmb_2 = {
	.linkid = 0x200, .my_gid = 0xb84263b7fa77a480, .token = 0x3e52388262b11f7b,
	.peer_gid = 0xb84263b7fa77a480, .peer_token = 0xc8e84f73253a58dc,
};
static const struct spec loopback[] = {
	{ SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCD, "127.0.0.1", "127.0.0.1", 5000, 56138, 49), .dmb = &dmb_1 },
	{ SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCD, "127.0.0.1", "127.0.0.1", 56138, 5000, 52), .dmb = &dmb_2 },
};

static char dump[65536];

/* smcss's options from ARGS, split at blanks. */
static bool opts_from(const char *args, struct smcss_opts *opts)
{
	char argbuf[64], *argv[8] = { "smcss" };
	int argc = 1;

	snprintf(argbuf, sizeof(argbuf), "%s", args);
	for (char *tok = strtok(argbuf, " "); tok && argc < 7; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	return smcss_parse_args(argc, argv, opts) == -1;
}

/* What smcss prints for the reply in BUF, or NULL if the parser refused it. */
static char *print_dump(const char *buf, size_t len, const struct smcss_opts *opts)
{
	struct smcss_out out = { .opts = opts };
	struct nl_error err;
	struct capture cap;
	char *text;
	int rc;

	if (capture_start(&cap) < 0)
		return NULL;
	rc = smc_diag_parse(buf, len, smcss_socket, &out, &err);
	if (rc == 0)
		smcss_end(&out);
	text = capture_end(&cap, NULL);
	if (rc == 0)
		return text;
	free(text);
	return NULL;
}

/* smcss ARGS run on a dump of SPECS: what it prints, or NULL. */
static char *run_smcss(const char *args, const struct spec *specs, size_t n)
{
	struct smcss_opts opts;

	if (!opts_from(args, &opts))
		return NULL;
	return print_dump(dump, build_dump(dump, specs, n, smcss_diag_ext(&opts)), &opts);
}

static void golden(const char *args, const struct spec *specs, size_t n, const char *file)
{
	size_t len;
	char *want = read_fixture(file, &len);
	char *got = run_smcss(args, specs, n);

	CHECK(want && got && strcmp(want, got) == 0, "smcss %s matches %s byte for byte%s%s", args, file,
	      got && want && strcmp(want, got) ? "; got:\n" : "", got && want && strcmp(want, got) ? got : "");
	free(want);
	free(got);
}

static void test_golden(void)
{
	const size_t na = sizeof(host_a) / sizeof(host_a[0]);

	golden("-a", host_a, na, GOLDEN "host-a-a.txt");
	golden("-R", host_a, na, GOLDEN "host-a-R.txt");
	golden("-aW", host_a, na, GOLDEN "host-a-aW.txt");
	golden("-l", host_a, na, GOLDEN "host-a-l.txt");
	golden("-d", host_a, na, GOLDEN "host-a-d.txt");
	golden("-a", host_b, 1, GOLDEN "host-b-a.txt");
	golden("-R", host_b, 1, GOLDEN "host-b-R.txt");
	golden("-aR", host_b, 1, GOLDEN "host-b-aR.txt");
	golden("-D", loopback, 2, GOLDEN "loopback-D.txt");
	golden("--smcd", loopback, 2, GOLDEN "loopback-D.txt");
	golden("--all --wide", host_a, na, GOLDEN "host-a-aW.txt");
}

/* TEXT less its line that starts with START; false if it has none. */
static bool drop_line(char *text, const char *start)
{
	char *line = text ? strstr(text, start) : NULL, *eol = line ? strchr(line, '\n') : NULL;

	if (eol)
		memmove(line, eol + 1, strlen(eol + 1) + 1);
	return eol != NULL;
}

/* Our help is the reference's plus the -j and -p lines. */
static void test_help(void)
{
	char *argv[] = { "smcss", "-h" };
	struct smcss_opts opts;
	struct capture cap;
	size_t len;
	char *want = read_fixture(GOLDEN "help.txt", &len), *got;
	bool extra;
	int rc;

	capture_start(&cap);
	rc = smcss_parse_args(2, argv, &opts);
	got = capture_end(&cap, NULL);
	extra = drop_line(got, "\t-j, --json");
	extra = drop_line(got, "\t-p, --pretty") && extra;
	CHECK(rc == 0 && extra && want && strcmp(got, want) == 0,
	      "smcss -h is the reference's help plus the -j and -p lines");
	free(want);
	free(got);
}

static void expect_line(const char *args, const struct spec *s, const char *want)
{
	char *got = run_smcss(args, s, 1);
	const char *line = got ? strchr(got, '\n') : NULL;

	CHECK(line && strcmp(line + 1, want) == 0, "smcss %s prints \"%.*s\" (got \"%.*s\")", args,
	      (int)strcspn(want, "\n"), want, line ? (int)strcspn(line + 1, "\n") : 9, line ? line + 1 : "(nothing)");
	free(got);
}

/* Rows the captures do not have, written by hand from smc-tools' column rules. */
static void test_rows(void)
{
	const struct spec fallback = { SOCK(AF_SMC, 1, SMC_DIAG_MODE_FALLBACK_TCP, "198.18.0.1", "198.18.0.2",
					    5001, 40000, 400), .fb_reason = 0x03030000 };
	const struct spec fallback_peer = { SOCK(AF_SMC, 1, SMC_DIAG_MODE_FALLBACK_TCP, "198.18.0.1", "198.18.0.2",
						 5001, 40000, 401), .fb_reason = 0x05000000, .fb_peer = 0x03010000 };
	const struct spec v6 = { SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCR, "fd00::1", "fd00::2", 5000, 40000, 402) };
	const struct spec v6_long = { SOCK(AF_SMC, 1, SMC_DIAG_MODE_SMCR, "2001:db8:85a3:1234:5678:8a2e:370:7334",
					   "fd00::2", 5000, 40000, 403) };
	const struct spec v6_old = { SOCK(AF_INET6, 1, SMC_DIAG_MODE_SMCR, "::", "::", 5000, 0, 404) };
	const struct spec closed = { SOCK(AF_SMC, 7, SMC_DIAG_MODE_SMCR, "198.18.0.1", "198.18.0.2", 5000, 40000, 405) };
	const struct spec init = { SOCK(AF_SMC, 2, SMC_DIAG_MODE_SMCR, NULL, NULL, 0, 0, 406) };
	const struct spec odd = { SOCK(AF_SMC, 99, SMC_DIAG_MODE_SMCR, "198.18.0.1", "198.18.0.2", 1, 2, 407) };

	expect_line("", &fallback,
		    "ACTIVE         00000 0000400 198.18.0.1:5001         198.18.0.2:40000        0000 TCP 0x03030000\n");
	expect_line("-d", &fallback_peer,
		    "ACTIVE         00000 0000401 198.18.0.1:5001         198.18.0.2:40000        0000 TCP 0x05000000/0x03010000\n");
	expect_line("", &v6,
		    "ACTIVE         00000 0000402 fd00::1:5000            fd00::2:40000           0000 SMCR \n");
	expect_line("", &v6_long,
		    "ACTIVE         00000 0000403 2001:db8:85a3:12..:5000 fd00::2:40000           0000 SMCR \n");
	expect_line("-W", &v6_long,
		    "ACTIVE         00000 0000403 2001:db8:85a3:1234:5678:8a2e:370:7334:5000 fd00::2:40000           0000 SMCR \n");
	expect_line("", &v6_old,
		    "ACTIVE         00000 0000404 :::5000                 :::0                    0000 SMCR \n");
	expect_line("", &closed,
		    "CLOSED         00000 0000405 198.18.0.1:5000         198.18.0.2:40000        0000 \n");
	expect_line("-a", &init, "INIT           00000 0000406 \n");
	expect_line("", &odd,
		    "0x63?          00000 0000407 198.18.0.1:1            198.18.0.2:2            0000 SMCR \n");

	char *got = run_smcss("", &init, 1);
	CHECK(got && strchr(got, '\n')[1] == '\0', "INIT sockets are left out without -a");
	free(got);
	got = run_smcss("-R", &fallback, 1);
	CHECK(got && strchr(got, '\n')[1] == '\0', "-R leaves out fallback sockets");
	free(got);
	got = run_smcss("-D", host_a, 3);
	CHECK(got && strchr(got, '\n')[1] == '\0', "-D leaves out SMC-R sockets");
	free(got);
	got = run_smcss("-a", host_a, 0);
	CHECK(got && strcmp(got, "State          UID   Inode   Local Address           Peer Address            Intf Mode \n") == 0,
	      "an empty dump prints the header alone");
	free(got);
}

static void json_case(const char *args, const struct spec *specs, size_t n, const char *needle)
{
	char *got = run_smcss(args, specs, n);

	CHECK(got && json_valid(got) && strstr(got, needle), "smcss %s: valid JSON with %s", args, needle);
	free(got);
}

static void test_json(void)
{
	json_case("-a -j", host_a, 3, "{\"state\":\"ACTIVE\",\"uid\":0,\"inode\":390,\"local_address\":\"198.18.0.1\","
				       "\"local_port\":5000,\"peer_address\":\"198.18.0.2\",\"peer_port\":47132,"
				       "\"interface\":0,\"mode\":\"SMCR\"}");
	json_case("-a -j", host_a, 3, "{\"state\":\"LISTEN\",\"uid\":0,\"inode\":388,\"local_address\":\"0.0.0.0\","
				       "\"local_port\":5000}");
	json_case("-Rj", host_a, 3, "\"smcr\":{\"role\":\"SERV\",\"ib_device\":\"rxe0\",\"ib_port\":1,\"link_id\":1,"
				     "\"gid\":\"0000:0000:0000:0000:0000:ffff:c612:0001\"");
	json_case("-dj", host_a, 3, "\"rx_prod\":{\"wrap\":97,\"count\":0}");
	json_case("-Dj", loopback, 2, "\"smcd\":{\"gid\":13277284293273953408,\"token\":14476908358146873564,"
					 "\"peer_gid\":13277284293273953408,\"peer_token\":4490713911094484859,\"link_id\":256}");
	json_case("-j", host_a, 0, "{\"sockets\":[]}");
}

/* Every cut of a reply is refused, except a cut between two messages,
 * which reads as a dump that goes on in the next datagram. */
static void test_truncated(void)
{
	size_t full = build_dump(dump, host_a, 1, SMC_DIAG_EXT(SMC_DIAG_CONNINFO) | SMC_DIAG_EXT(SMC_DIAG_LGRINFO));
	size_t first = ((struct nlmsghdr *)dump)->nlmsg_len;
	int refused = 0, boundary_ok = 0, wrong = 0;

	for (size_t cut = 0; cut < full; cut++) {
		char *copy = malloc(cut ? cut : 1);
		struct smcss_opts opts = { .all = true };
		struct smcss_out out = { .opts = &opts };
		struct nl_error err;
		struct capture cap;
		int rc;

		memcpy(copy, dump, cut);
		capture_start(&cap);
		rc = smc_diag_parse(copy, cut, smcss_socket, &out, &err);
		free(capture_end(&cap, NULL));
		if (rc < 0 && err.code == EBADMSG)
			refused++;
		else if (rc == 0 && cut == first)
			boundary_ok++;
		else
			wrong++;
		free(copy);
	}
	CHECK(refused == (int)full - 1 && boundary_ok == 1 && wrong == 0,
	      "all %zu cuts of an SMC-R record: %d refused, %d at the message boundary read as an open dump, %d wrong",
	      full, refused, boundary_ok, wrong);
}

static int count_cb(const struct smc_diag_sock *s, void *data, struct nl_error *err)
{
	(*(int *)data)++;
	return 0;
}

/* Every attribute's nla_len set to values a corrupted reply could carry. */
static void test_corrupt_nla_len(void)
{
	size_t full = build_dump(dump, host_a, 1, SMC_DIAG_EXT(SMC_DIAG_CONNINFO) | SMC_DIAG_EXT(SMC_DIAG_LGRINFO));
	struct nlmsghdr *nlh = (struct nlmsghdr *)dump;
	int tried = 0, refused = 0;
	size_t off = sizeof(*nlh) + sizeof(struct smc_diag_msg);

	while (off < nlh->nlmsg_len) {
		struct nlattr *attr = (struct nlattr *)(dump + off);
		uint16_t orig = attr->nla_len;
		uint16_t bad[] = { 0, 1, 3, 4, (uint16_t)(orig - 1), (uint16_t)(nlh->nlmsg_len - off + 1),
				   (uint16_t)((orig << 8) | (orig >> 8)), (uint16_t)(orig ^ 0x8000), 0xffff };

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			struct nl_error err;
			int n = 0;

			attr->nla_len = bad[i];
			tried++;
			if (smc_diag_parse(dump, full, count_cb, &n, &err) < 0 && n == 0)
				refused++;
			else
				printf("# attribute %u nla_len %u -> %u accepted\n", attr->nla_type, orig, bad[i]);
		}
		attr->nla_len = orig;
		off += MNL_ALIGN(orig);
	}
	CHECK(tried > 0 && refused == tried, "%d corrupted nla_len values refused out of %d", refused, tried);

	nlh->nlmsg_len = sizeof(*nlh) + sizeof(struct smc_diag_msg) - 4;
	struct nl_error err;
	int n = 0, rc = smc_diag_parse(dump, nlh->nlmsg_len, count_cb, &n, &err);
	CHECK(rc < 0 && n == 0, "a record shorter than struct smc_diag_msg is refused: %s", err.text);
}

/* A kernel error in the reply (sock_diag without smc_diag says ENOENT). */
static void test_kernel_error(void)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(dump);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	struct nl_error err;
	int n = 0;

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_seq = 7;
	e->error = -ENOENT;
	int rc = smc_diag_parse(dump, nlh->nlmsg_len, count_cb, &n, &err);
	CHECK(rc < 0 && err.code == ENOENT,
	      "an ENOENT answer is an error with code ENOENT: %s", err.text);
}

/* NLMSG_DONE ends the dump (what follows is not read); a negative status
 * in it is the dump's failure. */
static void test_done(void)
{
	size_t len = build_dump(dump, host_a, 1, 0);
	struct nl_error err;
	int n = 0, rc;

	put_sock(dump, &len, &host_a[1], 0);
	rc = smc_diag_parse(dump, len, count_cb, &n, &err);
	CHECK(rc == 0 && n == 1, "NLMSG_DONE ends the dump: %d record(s) before it read, none after", n);
	len = build_dump(dump, host_a, 1, 0);
	*(int *)mnl_nlmsg_get_payload((struct nlmsghdr *)(dump + len - 20)) = -ENOBUFS;
	n = 0;
	rc = smc_diag_parse(dump, len, count_cb, &n, &err);
	CHECK(rc < 0 && err.code == ENOBUFS, "a DONE with status -ENOBUFS fails the dump: %s", err.text);
}

/* A newer kernel's longer DMBINFO (GID extensions appended) still parses. */
static int dmb_cb(const struct smc_diag_sock *s, void *data, struct nl_error *err)
{
	*(uint64_t *)data = s->has_dmb ? s->dmb.peer_token : 0;
	return 0;
}

static void test_longer_dmbinfo(void)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(dump);
	struct smc_diag_msg m = { .diag_family = AF_SMC, .diag_state = 1, .diag_mode = SMC_DIAG_MODE_SMCD };
	unsigned char longer[sizeof(dmb_1) + 16] = { 0 };
	struct nl_error err;
	uint64_t peer_token = 0;

	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(m)), &m, sizeof(m));
	memcpy(longer, &dmb_1, sizeof(dmb_1));
	mnl_attr_put(nlh, SMC_DIAG_DMBINFO, sizeof(longer), longer);
	CHECK(smc_diag_parse(dump, nlh->nlmsg_len, dmb_cb, &peer_token, &err) == 0 &&
	      peer_token == dmb_1.peer_token, "a DMBINFO longer than 6.1's struct parses");
}

/* Many records in one buffer: each one reaches the callback. */
static void test_many(void)
{
	static char big[1 << 20];
	size_t len = 0;
	int n = 0;
	struct nl_error err;

	for (int i = 0; i < 5000 && len + 512 < sizeof(big); i++)
		put_sock(big, &len, &host_a[0], SMC_DIAG_EXT(SMC_DIAG_CONNINFO));
	put_done(big, &len);
	int rc = smc_diag_parse(big, len, count_cb, &n, &err);
	CHECK(rc == 0 && n == 5000, "5000 records in one buffer reach the callback one by one (%d)", n);
}

struct tally {
	int sockets, v4, v6, listen, active, clients, servers, fallback_ok;
};

static int tally_cb(const struct smc_diag_sock *s, void *data, struct nl_error *err)
{
	struct tally *t = data;
	uint16_t port = s->family == AF_INET ? 7000 : 7001;

	t->sockets++;
	t->v4 += s->family == AF_INET;
	t->v6 += s->family == AF_INET6;
	if (s->state == 10 && s->sport == port)
		t->listen++;
	if (s->state != 1 || s->mode != SMC_DIAG_MODE_FALLBACK_TCP || !s->has_fallback)
		return 0;
	t->active++;
	if (s->dport == port) {
		t->clients++;
		t->fallback_ok += s->fallback_reason == 0x03030000 && s->peer_diagnosis == 0;
	} else if (s->sport == port) {
		t->servers++;
		t->fallback_ok += s->fallback_reason == 0x05000000 && s->peer_diagnosis == 0x03030000;
	}
	return 0;
}

/* A real kernel's dump: tests/fixtures/guest-fallback-v4v6 (see its README). */
static void test_fixture(void)
{
	size_t len = read_datagrams("tests/fixtures/guest-fallback-v4v6", "sock_diag", dump, sizeof(dump));
	struct tally t = { 0 };
	struct nl_error err;
	int rc = len && len <= sizeof(dump) ? smc_diag_parse(dump, len, tally_cb, &t, &err) : -1;

	CHECK(rc == 0 && t.sockets == 6 && t.v4 == 3 && t.v6 == 3,
	      "6.12 fallback dump: 6 sockets, 3 IPv4 and 3 IPv6 told apart under diag_family AF_SMC");
	CHECK(t.listen == 2 && t.active == 4 && t.clients == 2 && t.servers == 2,
	      "6.12 fallback dump: a listener, a client and a server per family on the recorded ports");
	CHECK(t.fallback_ok == 4, "6.12 fallback dump: clients 0x03030000, servers 0x05000000/0x03030000");

	struct smcss_opts opts = { .all = true };
	char *text = print_dump(dump, len, &opts);
	CHECK(text && strstr(text, "\nLISTEN         00000 ") && strstr(text, " ::1:7001                \n") &&
	      strstr(text, " TCP 0x05000000/0x03030000\n"), "6.12 fallback dump printed with -a: LISTEN rows, ::1, codes");
	free(text);
}

/* smcss ARGS on the recorded datagrams DIR/NAME.*: what it prints. */
static char *print_recorded(const char *dir, const char *name, const char *args)
{
	struct smcss_opts opts;
	size_t len = read_datagrams(dir, name, dump, sizeof(dump));

	if (!len || len > sizeof(dump) || !opts_from(args, &opts))
		return NULL;
	return print_dump(dump, len, &opts);
}

/* The 6.12 fallback dump as JSON: each reason with its name from the table. */
static void test_fallback_json(void)
{
	char *text;

	text = print_recorded("tests/fixtures/guest-fallback-v4v6", "sock_diag", "-a -j");
	CHECK(text && json_valid(text) &&
	      strstr(text, "\"fallback_reason\":83886080,\"fallback_reason_name\":\"PEERDECL\","
			   "\"peer_diagnosis\":50528256,\"peer_diagnosis_name\":\"NOSMCDEV\"") &&
	      strstr(text, "\"fallback_reason_name\":\"NOSMCDEV\",\"peer_diagnosis\":0}"),
	      "6.12 fallback dump, smcss -a -j: both reasons named from the decline table");
	free(text);
}

/* Put TO (as long as FROM) where FROM is in TEXT, every time. */
static void substitute(char *text, const char *from, const char *to)
{
	for (char *p = text; p && (p = strstr(p, from)) != NULL; p += strlen(to))
		memcpy(p, to, strlen(to));
}

/* The 6.12 SMC-R guests' dumps, printed: the reference's layout once the
 * run's own inode numbers and client port are put back to the reference's. */
static void recorded_golden(const char *side, const char *name, const char *args, const char *inode,
			    const char *ref_inode, const char *file)
{
	char dir[128];
	size_t len;
	char *got, *want = read_fixture(file, &len);

	snprintf(dir, sizeof(dir), "tests/fixtures/guest-smcr-%s", side);
	got = print_recorded(dir, name, args);
	if (got) {
		substitute(got, inode, ref_inode);
		substitute(got, ":38238 ", ":47132 ");
	}
	CHECK(got && want && strcmp(got, want) == 0,
	      "6.12 SMC-R %s, smcss %s: %s byte for byte (inode and client port put back)", side, args, file);
	free(got);
	free(want);
}

static void test_smcr_fixtures(void)
{
	char *got;

	recorded_golden("server", "sock_diag-R", "-R", "0000381", "0000390", GOLDEN "host-a-R.txt");
	recorded_golden("client", "sock_diag-R", "-R", "0000385", "0000388", GOLDEN "host-b-R.txt");
	recorded_golden("client", "sock_diag-R", "-aR", "0000385", "0000388", GOLDEN "host-b-aR.txt");
	recorded_golden("client", "sock_diag-R", "-a", "0000385", "0000388", GOLDEN "host-b-a.txt");
	got = print_recorded("tests/fixtures/guest-smcr-server", "sock_diag-d", "-d");
	CHECK(got && strstr(got, " 0000 SMCR  <->  00000001 00010000 00010000 00010000 0000:00000000 0003:0000e000 00:00   "),
	      "6.12 SMC-R server, smcss -d: shutdown, token, 64 KiB buffers and cursors");
	free(got);
	got = print_recorded("tests/fixtures/guest-smcr-client", "sock_diag-R", "-aR -j");
	CHECK(got && json_valid(got) && strstr(got, "\"smcr\":{\"role\":\"CLNT\",\"ib_device\":\"rxe0\",\"ib_port\":1,"
						  "\"link_id\":1,\"gid\":\"0000:0000:0000:0000:0000:ffff:c612:0002\""),
	      "6.12 SMC-R client, smcss -aR -j: valid JSON with the link");
	free(got);
}

/* The SMC-D lab kernel's dump with one SMC-Dv2 connection over loopback-ism
 * held open (tests/vm/record smcd): smc-tools' -D layout once this run's
 * inodes, client port, GID and tokens are put back to the reference's. */
static void test_smcd_fixture(void)
{
	static const char *const run_to_ref[][2] = {
		{ "0000046", "0000049" }, { "0000051", "0000052" }, { ":7000 ", ":5000 " }, { ":59302 ", ":56138 " },
		{ "934d12845e5ce748", "b84263b7fa77a480" }, { "349b36cc38ad8c32", "c8e84f73253a58dc" },
		{ "1e9b62f54e4661e7", "3e52388262b11f7b" },
	};
	size_t len;
	char *want = read_fixture(GOLDEN "loopback-D.txt", &len);
	char *got = print_recorded("tests/fixtures/smcd-loopback-held", "sock_diag", "-D");

	for (size_t i = 0; got && i < sizeof(run_to_ref) / sizeof(run_to_ref[0]); i++)
		substitute(got, run_to_ref[i][0], run_to_ref[i][1]);
	CHECK(got && want && strcmp(got, want) == 0,
	      "6.12 SMC-D loopback-ism, smcss -D: %s byte for byte (run's values put back)%s%s", GOLDEN "loopback-D.txt",
	      got && want && strcmp(got, want) ? "; got:\n" : "", got && want && strcmp(got, want) ? got : "");
	free(got);
	free(want);
}

int main(void)
{
	test_golden();
	test_help();
	test_rows();
	test_json();
	test_truncated();
	test_corrupt_nla_len();
	test_kernel_error();
	test_fallback_json();
	test_done();
	test_longer_dmbinfo();
	test_many();
	test_fixture();
	test_smcr_fixtures();
	test_smcd_fixture();
	return 0;
}
