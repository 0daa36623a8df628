/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "applets/print/format.h"

const char *format_short(uint64_t value, char buf[SHORT_NUM_LEN])
{
	static const char units[] = "KMGTPE";
	uint64_t scale = 1, rounded, rest;
	int digits = 4, unit, whole;
	char sig[5];

	if (value < 1000) {
		snprintf(buf, SHORT_NUM_LEN, "%" PRIu64, value);
		return buf;
	}
	while (value / scale >= 10000) {
		scale *= 10;
		digits++;
	}
	rounded = value / scale;
	rest = value % scale;
	if (rest >= scale - rest)	/* rest >= scale / 2, without overflow */
		rounded++;
	if (rounded == 10000) {
		rounded = 1000;
		digits++;
	}
	/* ROUNDED: the four significant digits; DIGITS: how many VALUE has. */
	snprintf(sig, sizeof(sig), "%04u", (unsigned)rounded);
	unit = (digits - 1) / 3;
	whole = digits - 3 * unit;
	memcpy(buf, sig, whole);
	buf[whole] = '.';
	memcpy(buf + whole + 1, sig + whole, 4 - whole);
	buf[5] = units[unit - 1];
	buf[6] = '\0';
	return buf;
}

static const struct {
	uint32_t code;
	const char *name;
} declines[] = {
	{ 0x01010000, "MEMORY" },
	{ 0x02010000, "TIMEOUT_CL" },
	{ 0x02020000, "TIMEOUT_AL" },
	{ 0x03000000, "CNF_ERR" },
	{ 0x03010000, "PEER_NO_SMC" },
	{ 0x03020000, "IPSEC" },
	{ 0x03030000, "NOSMCDEV" },
	{ 0x03030001, "NOSMCDDEV" },
	{ 0x03030002, "NOSMCRDEV" },
	{ 0x03030003, "NOISM2SUPP" },
	{ 0x03030004, "NOV2EXT" },
	{ 0x03030005, "NOV2DEXT" },
	{ 0x03030006, "NOSEID" },
	{ 0x03030007, "NOSMCD2DEV" },
	{ 0x03030008, "NOUEID" },
	{ 0x03030009, "RELEASEERR" },
	{ 0x0303000a, "MAXCONNERR" },
	{ 0x0303000b, "MAXLINKERR" },
	{ 0x03040000, "MODEUNSUPP" },
	{ 0x03050000, "RMBE_EC" },
	{ 0x03060000, "OPTUNSUPP" },
	{ 0x03070000, "DIFFPREFIX" },
	{ 0x03080000, "GETVLANERR" },
	{ 0x03090000, "ISMVLANERR" },
	{ 0x030a0000, "NOACTLINK" },
	{ 0x030b0000, "NOSRVLINK" },
	{ 0x030c0000, "VERSMISMAT" },
	{ 0x030d0000, "MAX_DMB" },
	{ 0x030e0000, "NOROUTE" },
	{ 0x030f0000, "NOINDIRECT" },
	{ 0x04000000, "SYNCERR" },
	{ 0x05000000, "PEERDECL" },
	{ 0x09990000, "INTERR" },
	{ 0x09990001, "ERR_RTOK" },
	{ 0x09990002, "ERR_RDYLNK" },
	{ 0x09990003, "ERR_REGBUF" },
};

const char *decline_name(uint32_t code, char buf[DECLINE_NAME_LEN])
{
	for (size_t i = 0; i < sizeof(declines) / sizeof(declines[0]); i++)
		if (declines[i].code == code)
			return declines[i].name;
	snprintf(buf, DECLINE_NAME_LEN, "0x%08" PRIx32, code);
	return buf;
}
