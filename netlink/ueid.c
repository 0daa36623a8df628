/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "netlink/smc_gen.h"
#include "netlink/ueid.h"

static bool is_upper_or_digit(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The kernel's rule (net/smc/smc_clc.c): 1 to 32 characters, the first an
 * upper-case letter or a digit, the rest also '.' or '-' but no two dots in
 * a row; blanks only as padding at the end. */
int ueid_prepare(const char *name, char padded[SMC_MAX_EID_LEN + 1], struct nl_error *err)
{
	size_t len = strlen(name);

	while (len > 0 && name[len - 1] == ' ')
		len--;
	if (len == 0)
		return nl_error_set(err, EINVAL, "UEID is empty");
	if (len > SMC_MAX_EID_LEN)
		return nl_error_set(err, EINVAL, "UEID is %zu characters long, at most %d are allowed",
				    len, SMC_MAX_EID_LEN);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '.' && i > 0 && name[i - 1] == '.')
			return nl_error_set(err, EINVAL, "UEID characters %zu and %zu are consecutive dots ('..'): "
					    "not allowed", i, i + 1);
		if (is_upper_or_digit(c) || (i > 0 && (c == '.' || c == '-')))
			continue;
		if (c >= 'a' && c <= 'z')
			return nl_error_set(err, EINVAL, "UEID character %zu ('%c') is lower case: "
					    "UEIDs use upper-case letters", i + 1, c);
		if (i == 0 && (c == '.' || c == '-'))
			return nl_error_set(err, EINVAL, "UEID must begin with an upper-case letter or a digit, "
					    "not '%c'", c);
		if (c >= ' ' && c < 0x7f)
			return nl_error_set(err, EINVAL, "UEID character %zu ('%c') is not allowed: "
					    "use A-Z, 0-9, '.' or '-'", i + 1, c);
		return nl_error_set(err, EINVAL, "UEID character %zu (byte 0x%02x) is not allowed: "
				    "use A-Z, 0-9, '.' or '-'", i + 1, c);
	}
	memset(padded, ' ', SMC_MAX_EID_LEN);
	memcpy(padded, name, len);
	padded[SMC_MAX_EID_LEN] = '\0';
	return 0;
}

static int entry_cb(const struct nlattr *attr, void *data, struct nl_error *err)
{
	struct ueid_table *table = data;
	const char *str = mnl_attr_get_payload(attr);
	size_t len = mnl_attr_get_payload_len(attr);

	if (mnl_attr_get_type(attr) != SMC_NLA_EID_TABLE_ENTRY)
		return 0;
	if (len == 0 || len > SMC_MAX_EID_LEN + 1 || strnlen(str, len) != len - 1)
		return nl_error_set(err, EBADMSG, "malformed UEID entry: not a string of at most %d characters",
				    SMC_MAX_EID_LEN);
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char)str[i] < ' ' || (unsigned char)str[i] >= 0x7f)
			return nl_error_set(err, EBADMSG, "malformed UEID entry: byte 0x%02x at %zu",
					    (unsigned char)str[i], i + 1);
	if (table->count == UEID_TABLE_SIZE)
		return nl_error_set(err, EBADMSG, "the kernel reported more than %d UEIDs", UEID_TABLE_SIZE);
	memcpy(table->id[table->count++], str, len);
	return 0;
}

int ueid_parse(const void *buf, size_t len, struct ueid_table *table, struct nl_error *err)
{
	memset(table, 0, sizeof(*table));
	return gen_parse_dump(buf, len, SMC_NETLINK_DUMP_UEID, entry_cb, table, err);
}

int ueid_dump(struct ueid_table *table, struct nl_error *err)
{
	memset(table, 0, sizeof(*table));
	return gen_dump(SMC_NETLINK_DUMP_UEID, entry_cb, table, err);
}

/* The kernel's answers to a change, in words. */
static int explain(const char *verb, const char *name, struct nl_error *err)
{
	char text[sizeof(err->text)];

	switch (err->code) {
	case EPERM:
	case EACCES:
		return nl_error_set(err, err->code, "permission denied: changing UEIDs needs CAP_NET_ADMIN");
	case EEXIST:
		return nl_error_set(err, err->code, "UEID %s is already set", name);
	case ENOENT:
		return nl_error_set(err, err->code, "UEID %s is not set", name);
	case ERANGE:
		return nl_error_set(err, err->code, "cannot add UEID %s: the kernel holds at most %d UEIDs, "
				    "remove one first", name, SMC_MAX_UEID);
	case EINVAL:
		return nl_error_set(err, err->code, "the kernel rejected UEID %s as invalid", name);
	}
	memcpy(text, err->text, sizeof(text));
	return nl_error_set(err, err->code, "cannot %s UEID%s%s: %s", verb, *name ? " " : "s", name, text);
}

static int change(uint8_t cmd, const char *verb, const char *name, struct nl_error *err)
{
	char padded[SMC_MAX_EID_LEN + 1];
	char trimmed[SMC_MAX_EID_LEN + 1] = "";
	int rc;

	if (name) {
		if (ueid_prepare(name, padded, err) < 0)
			return -1;
		snprintf(trimmed, sizeof(trimmed), "%.*s", (int)strcspn(padded, " "), padded);
	}
	rc = gen_do(cmd, SMC_NLA_EID_TABLE_ENTRY, name ? padded : NULL, err);
	if (rc == GEN_ERR_OPEN)
		return -1;
	/* On s390 removing the last UEID succeeds with EAGAIN: SEID is on again. */
	if (rc == GEN_ERR_REQUEST && cmd == SMC_NETLINK_REMOVE_UEID && err->code == EAGAIN)
		return 1;
	return rc == 0 ? 0 : explain(verb, trimmed, err);
}

int ueid_add(const char *name, struct nl_error *err)
{
	return change(SMC_NETLINK_ADD_UEID, "add", name, err);
}

int ueid_del(const char *name, struct nl_error *err)
{
	return change(SMC_NETLINK_REMOVE_UEID, "remove", name, err);
}

int ueid_flush(struct nl_error *err)
{
	return change(SMC_NETLINK_FLUSH_UEID, "flush", NULL, err);
}
