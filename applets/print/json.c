/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <inttypes.h>

#include "applets/print/json.h"

static bool pretty;

void json_set_pretty(bool on)
{
	pretty = on;
}

/* The length of the well-formed UTF-8 sequence at P (RFC 3629: no overlong
 * form, no surrogate, nothing above U+10FFFF), or 0. */
static int utf8_length(const unsigned char *p)
{
	int len = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
	unsigned lo = 0x80, hi = 0xbf;

	if (p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

/* S as a JSON string. Names from the kernel (interfaces, devices) may hold
 * any bytes: a byte that is not part of well-formed UTF-8 is written as
 * \u00XX, the code point of its value, so the document stays valid JSON. */
static void put_string(FILE *out, const char *s)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int len = *p >= 0x80 ? utf8_length(p) : 1;

		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f || len == 0)
			fprintf(out, "\\u%04x", *p);
		else
			p += fwrite(p, 1, len, out) - 1;
	}
	putc('"', out);
}

static void new_line(struct json *j, int depth)
{
	fprintf(j->out, "\n%*s", 4 * depth, "");
}

/* The comma before a member, and its key. */
static void member(struct json *j, const char *key)
{
	if (j->has_member[j->depth])
		putc(',', j->out);
	if (pretty && j->depth > 0)
		new_line(j, j->depth);
	j->has_member[j->depth] = true;
	if (key) {
		put_string(j->out, key);
		fputs(pretty ? ": " : ":", j->out);
	}
}

static void open_scope(struct json *j, const char *key, char bracket)
{
	member(j, key);
	putc(bracket, j->out);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->has_member[j->depth] = false;
}

static void close_scope(struct json *j, char bracket)
{
	if (pretty && j->has_member[j->depth])
		new_line(j, j->depth - 1);
	putc(bracket, j->out);
	if (j->depth > 0)
		j->depth--;
}

void json_start(struct json *j, FILE *out)
{
	j->out = out;
	j->depth = 0;
	j->has_member[0] = false;
	open_scope(j, NULL, '{');
}

void json_end(struct json *j)
{
	close_scope(j, '}');
	putc('\n', j->out);
}

void json_object_begin(struct json *j, const char *key) { open_scope(j, key, '{'); }
void json_object_end(struct json *j) { close_scope(j, '}'); }
void json_array_begin(struct json *j, const char *key) { open_scope(j, key, '['); }
void json_array_end(struct json *j) { close_scope(j, ']'); }

void json_u64(struct json *j, const char *key, uint64_t value)
{
	member(j, key);
	fprintf(j->out, "%" PRIu64, value);
}

void json_i64(struct json *j, const char *key, int64_t value)
{
	member(j, key);
	fprintf(j->out, "%" PRId64, value);
}

void json_double(struct json *j, const char *key, double value)
{
	member(j, key);
	fprintf(j->out, "%.2f", value);
}

void json_string(struct json *j, const char *key, const char *value)
{
	member(j, key);
	put_string(j->out, value);
}

void json_bool(struct json *j, const char *key, bool value)
{
	member(j, key);
	fputs(value ? "true" : "false", j->out);
}
