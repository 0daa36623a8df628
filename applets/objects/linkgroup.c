/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkgroup [show | link-show] [all | LG-ID | netdev NETDEV | ibdev IBDEV]
 * (SMC-R), linkgroup [show] [all | LG-ID] (SMC-D). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "applets/applet.h"
#include "applets/print/json.h"
#include "applets/objects/objects.h"

/* NAMES[X], or X in hex with a question mark when the kernel knows more. */
static const char *name_of(unsigned x, const char *const *names, unsigned count, char *buf, size_t size)
{
	if (x < count)
		return names[x];
	snprintf(buf, size, "%#x?", x);
	return buf;
}

struct lgr_names {
	char role_buf[16], type_buf[16], state_buf[16];
	const char *role, *type, *state;
};

static void lgr_names(const struct smc_lgr *lgr, uint32_t state, struct lgr_names *n)
{
	static const char *const roles[] = { "CLNT", "SERV" };
	static const char *const types[] = { "NONE", "SINGLE", "SYM", "ASYMP", "ASYML" };
	static const char *const states[] = { "LINK_UNUSED", "LINK_INACTIVE", "LINK_ACTIVATING", "LINK_ACTIVE" };

	n->role = name_of(lgr->role, roles, 2, n->role_buf, sizeof(n->role_buf));
	n->type = name_of(lgr->type, types, 5, n->type_buf, sizeof(n->type_buf));
	n->state = name_of(state, states, 4, n->state_buf, sizeof(n->state_buf));
}

static bool link_matches(const struct smc_link *link, const struct obj_filter *f)
{
	return (!f->netdev || strcmp(f->netdev, link->netdev) == 0) && (!f->ibdev || strcmp(f->ibdev, link->ib_dev) == 0);
}

/* Whether LGR is shown: with a device filter, it needs a link on the device. */
static bool lgr_matches(const struct smc_lgr *lgr, const struct smc_list *links, const struct obj_filter *f)
{
	const struct smc_link *link = links ? links->items : NULL;

	if (!f->netdev && !f->ibdev)
		return true;
	for (size_t i = 0; links && i < links->count; i++)
		if (link[i].lgr.id == lgr->id && link_matches(&link[i], f))
			return true;
	return false;
}

/* smc-tools' LG-ID filter: SMC-R takes a link's ID too (its link group's ID
 * with the link's number in the low byte), SMC-D only the exact ID. */
static bool lgid_matches(uint32_t id, const struct tech_opts *o, const struct obj_filter *f)
{
	if (f->lgid_kind != OBJ_LGID_ONE)
		return f->lgid_kind == OBJ_LGID_ANY;
	return id == (o->tech == SMC_TECH_R ? f->lgid & 0xffffff00 : f->lgid);
}

/* SMC version 2's view of the peer; smc-tools prints none of it. */
static void lgr_v2_json(struct json *j, const struct tech_opts *o, const struct smc_lgr *lgr)
{
	static const char *const peer_os[] = { "unknown", "z/OS", "Linux", "AIX" };
	char buf[SMC_MAX_EID_LEN + 1];

	if (!lgr->v2.version)
		return;
	json_u64(j, "smc_version", lgr->v2.version);
	json_u64(j, "peer_release", lgr->v2.release);
	json_string(j, "peer_os", name_of(lgr->v2.os, peer_os, 4, buf, sizeof(buf)));
	json_string(j, "peer_host", obj_trim(lgr->v2.peer_host, buf, sizeof(buf)));
	json_string(j, "negotiated_eid", obj_trim(lgr->v2.negotiated_eid, buf, sizeof(buf)));
	if (o->tech == SMC_TECH_R)
		json_bool(j, "direct", lgr->direct);
}

static void lgr_json(struct json *j, const struct tech_opts *o, const struct smc_lgr *lgr)
{
	char pnetid[sizeof(lgr->pnetid)], gid[17];
	struct lgr_names n;

	json_u64(j, "lgr_id", lgr->id);
	if (o->tech == SMC_TECH_R) {
		lgr_names(lgr, 0, &n);
		json_string(j, "role", n.role);
		json_string(j, "type", n.type);
	}
	json_u64(j, "vlan_id", lgr->vlan_id);
	json_u64(j, "conns_num", lgr->conns_num);
	json_string(j, "pnetid", obj_trim(lgr->pnetid, pnetid, sizeof(pnetid)));
	lgr_v2_json(j, o, lgr);
	if (o->tech == SMC_TECH_D) {
		/* 64-bit identifiers as smcss shows them: hex text, exact in any JSON reader */
		snprintf(gid, sizeof(gid), "%016" PRIx64, lgr->gid);
		json_string(j, "gid", gid);
		snprintf(gid, sizeof(gid), "%016" PRIx64, lgr->peer_gid);
		json_string(j, "peer_gid", gid);
	}
}

static void lgr_row(FILE *out, const struct tech_opts *o, const struct smc_lgr *lgr)
{
	char pnetid[sizeof(lgr->pnetid)];
	struct lgr_names n;

	lgr_names(lgr, 0, &n);
	fprintf(out, "%08x ", lgr->id);
	if (o->tech == SMC_TECH_R)
		fprintf(out, "%-8s %-8s %#4x  %6u ", n.role, n.type, lgr->vlan_id, lgr->conns_num);
	else
		fprintf(out, "%#4x  %6u ", lgr->vlan_id, lgr->conns_num);
	fprintf(out, " %-16s \n", obj_trim(lgr->pnetid, pnetid, sizeof(pnetid)));
}

void lgr_print(FILE *out, const struct tech_opts *o, const struct smc_list *lgrs, const struct smc_list *links,
	       const struct obj_filter *f)
{
	const struct smc_lgr *lgr = lgrs->items;
	struct json j;

	if (o->json) {
		obj_json_list_begin(&j, out, "linkgroups");
	} else if (lgrs->count) {
		fputs(o->tech == SMC_TECH_R ? "LG-ID    LG-Role  LG-Type  VLAN  #Conns  PNET-ID \n"
					    : "LG-ID    VLAN  #Conns  PNET-ID \n", out);
	}
	for (size_t i = 0; i < lgrs->count; i++) {
		if (!lgr_matches(&lgr[i], links, f) || !lgid_matches(lgr[i].id, o, f))
			continue;
		if (!o->json) {
			lgr_row(out, o, &lgr[i]);
			continue;
		}
		json_object_begin(&j, NULL);
		lgr_json(&j, o, &lgr[i]);
		json_object_end(&j);
	}
	if (o->json)
		obj_json_list_end(&j);
}

static void link_json(struct json *j, const struct smc_link *link)
{
	struct lgr_names n;

	lgr_names(&link->lgr, link->state, &n);
	json_object_begin(j, NULL);
	json_u64(j, "lgr_id", link->lgr.id);
	json_string(j, "role", n.role);
	json_string(j, "type", n.type);
	json_string(j, "netdev", link->netdev);
	json_string(j, "state", n.state);
	json_u64(j, "conn_cnt", link->conn_cnt);
	json_u64(j, "link_id", link->link_id);
	json_u64(j, "link_uid", link->link_uid);
	json_u64(j, "peer_uid", link->peer_uid);
	json_string(j, "ib_dev", link->ib_dev);
	json_u64(j, "ib_port", link->ib_port);
	json_string(j, "gid", link->gid);
	json_string(j, "peer_gid", link->peer_gid);
	json_object_end(j);
}

static void link_row(FILE *out, const struct tech_opts *o, const struct smc_link *link)
{
	struct lgr_names n;

	lgr_names(&link->lgr, link->state, &n);
	fprintf(out, "%08x %-8s %-8s %-15.15s %-15s %6u  ", link->lgr.id, n.role, n.type, link->netdev, n.state,
		link->conn_cnt);
	if (o->details >= 1)
		fprintf(out, "%08x  %08x  %-8.8s  %4u  ", link->link_uid, link->peer_uid, link->ib_dev, link->ib_port);
	if (o->details >= 2)
		fprintf(out, "%-40s  %s  ", link->gid, link->peer_gid);
	fputc('\n', out);
}

void link_print(FILE *out, const struct tech_opts *o, const struct smc_list *links, const struct obj_filter *f)
{
	const struct smc_link *link = links->items;
	struct json j;

	if (o->json) {
		obj_json_list_begin(&j, out, "links");
	} else if (links->count) {
		fprintf(out, "LG-ID    LG-Role  LG-Type  Net-Dev         Link-State      #Conns  %s%s\n",
			o->details >= 1 ? "Link-UID  Peer-UID  IB-Dev    IB-P  " : "",
			o->details >= 2 ? "Local-GID                                 Peer-GID  " : "");
	}
	for (size_t i = 0; i < links->count; i++) {
		if (!link_matches(&link[i], f) || !lgid_matches(link[i].lgr.id, o, f))
			continue;
		if (o->json)
			link_json(&j, &link[i]);
		else
			link_row(out, o, &link[i]);
	}
	if (o->json)
		obj_json_list_end(&j);
}

int obj_linkgroup(const struct tech_opts *opts, int argc, char **argv)
{
	/* smc-tools' smcd takes link-show too, as show */
	static const char *const commands[] = { "show", "link-show", NULL };
	static const struct obj_syntax smcr_syntax = {
		commands, true, true, true, "linkgroup [show | link-show] [all | LG-ID | netdev NETDEV | ibdev IBDEV]"
	};
	static const struct obj_syntax smcd_syntax = { commands, true, false, true, "linkgroup [show] [all | LG-ID]" };
	struct smc_list lgrs = SMC_LIST_INIT(struct smc_lgr), links = SMC_LIST_INIT(struct smc_link);
	bool smcr = opts->tech == SMC_TECH_R;
	struct obj_args args;
	struct nl_error err;
	bool want_links;
	int status;

	if (obj_parse(argc, argv, smcr ? &smcr_syntax : &smcd_syntax, &args, &status))
		return status;
	want_links = smcr && (args.command == 1 || args.filter.netdev || args.filter.ibdev);
	if (smc_lgr_read(NULL, !smcr, &lgrs, want_links ? &links : NULL, &err) < 0)
		return fail("%s", err.text);
	for (size_t i = 0; i < links.count; i++) {
		struct smc_link *link = &((struct smc_link *)links.items)[i];

		obj_netdev_name(link->netdev_index, link->netdev);
	}
	if (want_links && args.command == 1)
		link_print(stdout, opts, &links, &args.filter);
	else
		lgr_print(stdout, opts, &lgrs, want_links ? &links : NULL, &args.filter);
	smc_list_free(&lgrs);
	smc_list_free(&links);
	return 0;
}
