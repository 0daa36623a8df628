/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <inttypes.h>

#include "applets/print/json.h"

static void put_string(FILE *out, const char *s)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			putc(*p, out);
	}
	putc('"', out);
}

/* The comma before a member, and its key. */
static void member(struct json *j, const char *key)
{
	if (j->has_member[j->depth])
		putc(',', j->out);
	j->has_member[j->depth] = true;
	if (key) {
		put_string(j->out, key);
		putc(':', j->out);
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
