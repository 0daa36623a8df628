/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <inttypes.h>
#include <stdio.h>

#include "applets/print/decline.h"

/* Codes as the kernel numbers them in net/smc/smc_clc.h (SMC_CLC_DECL_*). */
static const struct {
	uint32_t code;
	const char *name;
	const char *explanation;
} declines[] = {
	{ 0x01010000, "MEMORY", "Insufficient memory: the kernel could not allocate the SMC buffers" },
	{ 0x02010000, "TIMEOUT_CL", "Timeout waiting for the peer's CLC confirm message: check the RDMA/ISM path between the hosts" },
	{ 0x02020000, "TIMEOUT_AL", "Timeout waiting for the peer's LLC add link message: check the RDMA path between the hosts" },
	{ 0x03000000, "CNF_ERR", "Configuration error" },
	{ 0x03010000, "PEER_NO_SMC", "The peer did not offer SMC: it runs plain TCP or SMC is not enabled for its program" },
	{ 0x03020000, "IPSEC", "IPsec is used on the connection, which SMC cannot carry" },
	{ 0x03030000, "NOSMCDEV", "No SMC device found: check for RoCE/RDMA or ISM devices, matching PNET IDs and, for v2, a common UEID" },
	{ 0x03030001, "NOSMCDDEV", "No usable SMC-D (ISM) device: none at all, or none with the PNET ID of the interface" },
	{ 0x03030002, "NOSMCRDEV", "No usable SMC-R (RoCE/RDMA) device: none at all, or none with the PNET ID of the interface" },
	{ 0x03030003, "NOISM2SUPP", "The ISM device does not support SMC-Dv2" },
	{ 0x03030004, "NOV2EXT", "The peer's proposal lacks the SMCv2 extension" },
	{ 0x03030005, "NOV2DEXT", "The peer's proposal lacks the SMC-Dv2 extension" },
	{ 0x03030006, "NOSEID", "The peer's proposal has no system EID (SEID) for SMC-Dv2" },
	{ 0x03030007, "NOSMCD2DEV", "No SMC-Dv2 device found, or none the peer can reach" },
	{ 0x03030008, "NOUEID", "No common UEID with the peer: set the same one on both hosts (smcr ueid add)" },
	{ 0x03030009, "RELEASEERR", "The SMC release of the peer is not supported" },
	{ 0x0303000a, "MAXCONNERR", "The link group reached its maximum number of connections" },
	{ 0x0303000b, "MAXLINKERR", "The link group reached its maximum number of links" },
	{ 0x03040000, "MODEUNSUPP", "The requested SMC mode is not supported by the peer" },
	{ 0x03050000, "RMBE_EC", "The peer's receive buffer (RMBE) eye catcher is wrong" },
	{ 0x03060000, "OPTUNSUPP", "A TCP option the SMC handshake needs is missing (e.g. stripped by a middlebox)" },
	{ 0x03070000, "DIFFPREFIX", "The peers are in different IP subnets, which SMC-Dv1 and SMC-Rv1 need to share" },
	{ 0x03080000, "GETVLANERR", "The VLAN ID of the interface could not be read" },
	{ 0x03090000, "ISMVLANERR", "The ISM device could not register the VLAN ID" },
	{ 0x030a0000, "NOACTLINK", "No active link in the link group" },
	{ 0x030b0000, "NOSRVLINK", "The SMC-R link the server proposed was not found" },
	{ 0x030c0000, "VERSMISMAT", "The SMC versions of the peers do not match" },
	{ 0x030d0000, "MAX_DMB", "The ISM device has no free DMB (Direct Memory Buffer)" },
	{ 0x030e0000, "NOROUTE", "No route to the peer over the SMC-Rv2 device" },
	{ 0x030f0000, "NOINDIRECT", "The peer does not allow an indirect (routed) SMC-Rv2 path" },
	{ 0x04000000, "SYNCERR", "Synchronisation error between the peers" },
	{ 0x05000000, "PEERDECL", "The peer declined the SMC handshake: its reason is the peer's code" },
	{ 0x09990000, "INTERR", "Internal error in the kernel's SMC" },
	{ 0x09990001, "ERR_RTOK", "Internal error: the peer's RDMA token was rejected" },
	{ 0x09990002, "ERR_RDYLNK", "Internal error: the SMC-R link did not become ready" },
	{ 0x09990003, "ERR_REGBUF", "Internal error: a buffer could not be registered with the RDMA device" },
};

static int decline_index(uint32_t code)
{
	for (size_t i = 0; i < sizeof(declines) / sizeof(declines[0]); i++)
		if (declines[i].code == code)
			return (int)i;
	return -1;
}

const char *decline_name(uint32_t code, char buf[DECLINE_NAME_LEN])
{
	int i = decline_index(code);

	if (i >= 0)
		return declines[i].name;
	snprintf(buf, DECLINE_NAME_LEN, "0x%08" PRIx32, code);
	return buf;
}

const char *decline_explanation(uint32_t code)
{
	int i = decline_index(code);

	return i >= 0 ? declines[i].explanation : NULL;
}
