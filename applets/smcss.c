/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smcss: list SMC sockets, in smc-tools' columns or as JSON, as the
 * kernel's dump streams in (one datagram in memory at a time). */
#include <arpa/inet.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "applets/applet.h"
#include "applets/print/decline.h"
#include "applets/print/json.h"
#include "applets/print/line.h"
#include "applets/smcss.h"
#include "netlink/diag.h"

#define ADDR_WIDTH 23	/* "Local Address" and "Peer Address" columns */

/* The kernel's enum smc_state (net/smc/smc.h). */
enum {
	SMC_ACTIVE = 1,
	SMC_INIT = 2,
	SMC_CLOSED = 7,
	SMC_LISTEN = 10,
};

static const char *state_name(uint8_t state, char buf[8])
{
	static const struct { uint8_t state; const char *name; } names[] = {
		{ SMC_ACTIVE, "ACTIVE" }, { SMC_INIT, "INIT" }, { SMC_CLOSED, "CLOSED" },
		{ SMC_LISTEN, "LISTEN" }, { 20, "PEERCLOSEWAIT1" }, { 21, "PEERCLOSEWAIT2" },
		{ 22, "APPCLOSEWAIT1" }, { 23, "APPCLOSEWAIT2" }, { 24, "APPFINCLOSEWAIT1" },
		{ 25, "PEERFINCLOSEWAIT" }, { 26, "PEERABORTWAIT" }, { 27, "PROCESSABORT" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].state == state)
			return names[i].name;
	snprintf(buf, 8, "%#x?", state);
	return buf;
}

static const char *mode_name(uint8_t mode)
{
	switch (mode) {
	case SMC_DIAG_MODE_SMCR:
		return "SMCR";
	case SMC_DIAG_MODE_SMCD:
		return "SMCD";
	case SMC_DIAG_MODE_FALLBACK_TCP:
		return "TCP";
	}
	return "?";
}

static bool shows(const struct smcss_opts *o, const struct smc_diag_sock *s)
{
	if (o->listening)
		return s->state == SMC_LISTEN;
	if (!o->all && (s->state == SMC_LISTEN || s->state == SMC_INIT))
		return false;
	if (o->smcr && s->mode != SMC_DIAG_MODE_SMCR)
		return false;
	if (o->smcd && s->mode != SMC_DIAG_MODE_SMCD)
		return false;
	return true;
}

unsigned smcss_diag_ext(const struct smcss_opts *o)
{
	return (o->debug ? SMC_DIAG_EXT(SMC_DIAG_CONNINFO) : 0) |
	       (o->smcr ? SMC_DIAG_EXT(SMC_DIAG_LGRINFO) : 0) |
	       (o->smcd ? SMC_DIAG_EXT(SMC_DIAG_DMBINFO) : 0);
}

/* How much of a socket both printers show: INIT sockets have no addresses,
 * LISTEN ones no peer, CLOSED ones no mode. */
static bool has_local(const struct smc_diag_sock *s)
{
	return s->state != SMC_INIT;
}

static bool has_peer(const struct smc_diag_sock *s)
{
	return has_local(s) && s->state != SMC_LISTEN;
}

static bool has_mode(const struct smc_diag_sock *s)
{
	return has_peer(s) && s->state != SMC_CLOSED;
}

static bool has_details(const struct smc_diag_sock *s)
{
	return has_mode(s) && s->mode != SMC_DIAG_MODE_FALLBACK_TCP;
}

/* ---- text ---- */

static void print_header(const struct smcss_opts *o)
{
	printf("State          UID   Inode   Local Address           Peer Address            Intf Mode ");
	if (o->debug)
		printf("Shutd Token    Sndbuf   Rcvbuf   Peerbuf  rxprod-Cursor rxcons-Cursor rxFlags "
		       "txprod-Cursor txcons-Cursor txFlags txprep-Cursor txsent-Cursor txfin-Cursor  ");
	if (o->smcr)
		printf("Role IB-device       Port Linkid GID                                      Peer-GID");
	if (o->smcd)
		printf("GID              Token            Peer-GID         Peer-Token       Linkid");
	putchar('\n');
}

/* inet_ntop's text; IPv4 by hand, as musl's inet_ntop calls snprintf. */
static void ip_text(struct line *ip, int family, const uint8_t addr[16])
{
	char text[INET6_ADDRSTRLEN];

	if (family != AF_INET) {
		line_put(ip, inet_ntop(family, addr, text, sizeof(text)) ? text : "?");
		return;
	}
	for (int i = 0; i < 4; i++) {
		if (i)
			line_put(ip, ".");
		line_dec(ip, addr[i], 1);
	}
}

/* "address:port" in its column, the address cut and marked ".." to fit
 * unless WIDE. */
static void line_addr(struct line *l, const struct smcss_opts *o, int family, const uint8_t addr[16],
		      uint16_t port)
{
	size_t start = l->len;
	struct line ip, port_text;

	line_start(&ip);
	ip_text(&ip, family, addr);
	line_start(&port_text);
	line_dec(&port_text, port, 1);
	if (!o->wide && ip.len + 1 + port_text.len > ADDR_WIDTH) {
		line_putn(l, ip.text, ADDR_WIDTH - 3 - port_text.len);
		line_put(l, "..");
	} else {
		line_putn(l, ip.text, ip.len);
	}
	line_put(l, ":");
	line_putn(l, port_text.text, port_text.len);
	line_pad_to(l, start + ADDR_WIDTH);
	line_put(l, " ");
}

static void line_curs(struct line *l, const struct smc_diag_curs *c)
{
	line_hex(l, c->wrap, 4);
	line_put(l, ":");
	line_hex(l, c->count, 8);
	line_put(l, " ");
}

/* "%02x:%02x   " */
static void line_flags(struct line *l, uint8_t prod, uint8_t conn_state)
{
	line_hex(l, prod, 2);
	line_put(l, ":");
	line_hex(l, conn_state, 2);
	line_put(l, "   ");
}

/* Each of COUNT values in hex, DIGITS wide, and a space. */
static void line_hex_list(struct line *l, const uint64_t *values, size_t count, int digits)
{
	for (size_t i = 0; i < count; i++) {
		line_hex(l, values[i], digits);
		line_put(l, " ");
	}
}

static void line_debug(struct line *l, const struct smc_diag_sock *s)
{
	if (s->has_shutdown) {
		char shut[] = " R-W  ";

		shut[1] = s->shutdown & 1 ? 'R' : '<';
		shut[3] = s->shutdown & 2 ? 'W' : '>';
		line_put(l, shut);
	}
	if (!s->has_conn)
		return;
	line_hex_list(l, (const uint64_t[]){ s->conn.token, s->conn.sndbuf_size, s->conn.rmbe_size,
					     s->conn.peer_rmbe_size }, 4, 8);
	line_curs(l, &s->conn.rx_prod);
	line_curs(l, &s->conn.rx_cons);
	line_flags(l, s->conn.rx_prod_flags, s->conn.rx_conn_state_flags);
	line_curs(l, &s->conn.tx_prod);
	line_curs(l, &s->conn.tx_cons);
	line_flags(l, s->conn.tx_prod_flags, s->conn.tx_conn_state_flags);
	line_curs(l, &s->conn.tx_prep);
	line_curs(l, &s->conn.tx_sent);
	line_curs(l, &s->conn.tx_fin);
}

static void line_mode(struct line *l, const struct smc_diag_sock *s)
{
	if (s->mode != SMC_DIAG_MODE_FALLBACK_TCP) {
		line_right(l, mode_name(s->mode), 4);
		line_put(l, " ");
		return;
	}
	line_put(l, "TCP ");
	if (!s->has_fallback)
		return;
	line_put(l, "0x");
	line_hex(l, s->fallback_reason, 8);
	if (s->peer_diagnosis) {
		line_put(l, "/0x");
		line_hex(l, s->peer_diagnosis, 8);
	}
}

/* "%4s %-15s %02x   %02x     %-40s %s" */
static void line_lgr(struct line *l, const struct smc_diag_sock *s)
{
	line_right(l, s->lgr.role ? "SERV" : "CLNT", 4);
	line_put(l, " ");
	line_left(l, s->lgr.ibname, 15);
	line_put(l, " ");
	line_hex(l, s->lgr.ibport, 2);
	line_put(l, "   ");
	line_hex(l, s->lgr.link_id, 2);
	line_put(l, "     ");
	line_left(l, s->lgr.gid, 40);
	line_put(l, " ");
	line_put(l, s->lgr.peer_gid);
}

static void print_socket(const struct smcss_opts *o, const struct smc_diag_sock *s)
{
	struct line l;
	char buf[8];

	line_start(&l);
	line_left(&l, state_name(s->state, buf), 14);
	line_put(&l, " ");
	line_dec(&l, s->uid, 5);
	line_put(&l, " ");
	line_dec(&l, s->inode, 7);
	line_put(&l, " ");
	if (has_local(s))
		line_addr(&l, o, s->family, s->src, s->sport);
	if (has_peer(s)) {
		line_addr(&l, o, s->family, s->dst, s->dport);
		line_hex(&l, s->ifindex, 4);
		line_put(&l, " ");
	}
	if (has_mode(s))
		line_mode(&l, s);
	if (has_details(s) && o->debug)
		line_debug(&l, s);
	if (has_details(s) && o->smcr && s->has_lgr)
		line_lgr(&l, s);
	if (has_details(s) && o->smcd && s->has_dmb) {
		line_hex_list(&l, (const uint64_t[]){ s->dmb.my_gid, s->dmb.token, s->dmb.peer_gid,
						      s->dmb.peer_token }, 4, 16);
		line_hex(&l, s->dmb.linkid, 8);
		line_put(&l, " ");
	}
	line_write(&l, stdout);
}

/* ---- JSON ---- */

static void json_addr(struct json *j, const char *addr_key, const char *port_key, int family,
		      const uint8_t addr[16], uint16_t port)
{
	char ip[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, ip, sizeof(ip)))
		snprintf(ip, sizeof(ip), "?");
	json_string(j, addr_key, ip);
	json_u64(j, port_key, port);
}

static void json_curs(struct json *j, const char *key, const struct smc_diag_curs *c)
{
	json_object_begin(j, key);
	json_u64(j, "wrap", c->wrap);
	json_u64(j, "count", c->count);
	json_object_end(j);
}

static void json_conn(struct json *j, const struct smc_diag_sock *s)
{
	json_object_begin(j, "connection");
	json_u64(j, "token", s->conn.token);
	json_u64(j, "sndbuf_size", s->conn.sndbuf_size);
	json_u64(j, "rmbe_size", s->conn.rmbe_size);
	json_u64(j, "peer_rmbe_size", s->conn.peer_rmbe_size);
	json_curs(j, "rx_prod", &s->conn.rx_prod);
	json_curs(j, "rx_cons", &s->conn.rx_cons);
	json_u64(j, "rx_prod_flags", s->conn.rx_prod_flags);
	json_u64(j, "rx_conn_state_flags", s->conn.rx_conn_state_flags);
	json_curs(j, "tx_prod", &s->conn.tx_prod);
	json_curs(j, "tx_cons", &s->conn.tx_cons);
	json_u64(j, "tx_prod_flags", s->conn.tx_prod_flags);
	json_u64(j, "tx_conn_state_flags", s->conn.tx_conn_state_flags);
	json_curs(j, "tx_prep", &s->conn.tx_prep);
	json_curs(j, "tx_sent", &s->conn.tx_sent);
	json_curs(j, "tx_fin", &s->conn.tx_fin);
	json_object_end(j);
}

static void json_details(struct json *j, const struct smcss_opts *o, const struct smc_diag_sock *s)
{
	if (o->debug && s->has_shutdown) {
		json_bool(j, "shutdown_rx", s->shutdown & 1);
		json_bool(j, "shutdown_tx", s->shutdown & 2);
	}
	if (o->debug && s->has_conn)
		json_conn(j, s);
	if (o->smcr && s->has_lgr) {
		json_object_begin(j, "smcr");
		json_string(j, "role", s->lgr.role ? "SERV" : "CLNT");
		json_string(j, "ib_device", s->lgr.ibname);
		json_u64(j, "ib_port", s->lgr.ibport);
		json_u64(j, "link_id", s->lgr.link_id);
		json_string(j, "gid", s->lgr.gid);
		json_string(j, "peer_gid", s->lgr.peer_gid);
		json_object_end(j);
	}
	if (o->smcd && s->has_dmb) {
		json_object_begin(j, "smcd");
		json_u64(j, "gid", s->dmb.my_gid);
		json_u64(j, "token", s->dmb.token);
		json_u64(j, "peer_gid", s->dmb.peer_gid);
		json_u64(j, "peer_token", s->dmb.peer_token);
		json_u64(j, "link_id", s->dmb.linkid);
		json_object_end(j);
	}
}

static void json_socket(struct json *j, const struct smcss_opts *o, const struct smc_diag_sock *s)
{
	char buf[8], name[DECLINE_NAME_LEN];

	json_object_begin(j, NULL);
	json_string(j, "state", state_name(s->state, buf));
	json_u64(j, "uid", s->uid);
	json_u64(j, "inode", s->inode);
	if (has_local(s))
		json_addr(j, "local_address", "local_port", s->family, s->src, s->sport);
	if (has_peer(s)) {
		json_addr(j, "peer_address", "peer_port", s->family, s->dst, s->dport);
		json_u64(j, "interface", s->ifindex);
	}
	if (has_mode(s))
		json_string(j, "mode", mode_name(s->mode));
	if (has_mode(s) && s->mode == SMC_DIAG_MODE_FALLBACK_TCP && s->has_fallback) {
		json_u64(j, "fallback_reason", s->fallback_reason);
		json_string(j, "fallback_reason_name", decline_name(s->fallback_reason, name));
		json_u64(j, "peer_diagnosis", s->peer_diagnosis);
		if (s->peer_diagnosis)
			json_string(j, "peer_diagnosis_name", decline_name(s->peer_diagnosis, name));
	}
	if (has_details(s))
		json_details(j, o, s);
	json_object_end(j);
}

/* ---- the listing ---- */

static void begin(struct smcss_out *out)
{
	if (out->started)
		return;
	out->started = true;
	if (!out->opts->json) {
		print_header(out->opts);
		return;
	}
	json_start(&out->json, stdout);
	json_array_begin(&out->json, "sockets");
}

void smcss_end(struct smcss_out *out)
{
	begin(out);
	if (!out->opts->json)
		return;
	json_array_end(&out->json);
	json_end(&out->json);
}

int smcss_socket(const struct smc_diag_sock *sock, void *data, struct nl_error *err)
{
	struct smcss_out *out = data;

	if (!shows(out->opts, sock))
		return 0;
	begin(out);
	if (out->opts->json)
		json_socket(&out->json, out->opts, sock);
	else
		print_socket(out->opts, sock);
	return 0;
}

/* ---- options ---- */

static int usage(void)
{
	printf("Usage: smcss [ OPTIONS ]\n"
	       "\t-h, --help          this message\n"
	       "\t-v, --version       show version information\n"
	       "\t-a, --all           show all sockets\n"
	       "\t-l, --listening     show listening sockets\n"
	       "\t-d, --debug         show debug socket information\n"
	       "\t-W, --wide          do not truncate IP addresses\n"
	       "\t-D, --smcd          show detailed SMC-D information (shows only SMC-D sockets)\n"
	       "\t-R, --smcr          show detailed SMC-R information (shows only SMC-R sockets)\n"
	       "\t-j, --json          print the sockets as one JSON document\n"
	       "\t-p, --pretty        indent the JSON, one member a line\n"
	       "\tno OPTIONS          show all connected sockets\n");
	return 0;
}

/* The combinations smc-tools refuses. */
static int check_combination(const struct smcss_opts *o)
{
	static const char *const names[] = { "--all", "--debug", "--smcr", "--smcd" };
	const bool set[] = { o->all, o->debug, o->smcr, o->smcd };

	if (o->smcd && o->smcr)
		return fail("--smcd together with --smcr is not supported");
	for (size_t i = 0; o->listening && i < sizeof(set) / sizeof(set[0]); i++)
		if (set[i])
			return fail("--listening together with %s is not supported", names[i]);
	return 0;
}

/* Returns -1 when the options are valid and the listing should run, else
 * the exit status (help, version, or an error already reported). */
int smcss_parse_args(int argc, char **argv, struct smcss_opts *o)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },	{ "listening", no_argument, NULL, 'l' },
		{ "debug", no_argument, NULL, 'd' },	{ "smcd", no_argument, NULL, 'D' },
		{ "smcr", no_argument, NULL, 'R' },	{ "wide", no_argument, NULL, 'W' },
		{ "json", no_argument, NULL, 'j' },	{ "pretty", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },	{ "version", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+aldDRWjphv", longopts, NULL)) != -1) {
		switch (c) {
		case 'a': o->all = true; break;
		case 'l': o->listening = true; break;
		case 'd': o->debug = true; break;
		case 'D': o->smcd = true; break;
		case 'R': o->smcr = true; break;
		case 'W': o->wide = true; break;
		case 'j': o->json = true; break;
		case 'p': json_set_pretty(true); break;
		case 'h': return usage();
		case 'v': return print_version();
		default:
			return fail_refused_option("aldDRWjphv", argv[optind - 1], "-h");
		}
	}
	if (optind < argc)
		return fail_extra(argv[optind], "-h");
	return check_combination(o) ? 1 : -1;
}

int smcss_main(int argc, char **argv)
{
	struct smcss_opts opts;
	struct smcss_out out = { .opts = &opts };
	struct nl_error err;
	int rc = smcss_parse_args(argc, argv, &opts);

	if (rc >= 0)
		return rc;
	if (smc_diag_dump(smcss_diag_ext(&opts), smcss_socket, &out, &err) < 0)
		return fail("%s", err.text);
	smcss_end(&out);
	return 0;
}
