/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A streaming JSON writer for the applets' -j/json output: compact (or
 * pretty), one document per call, strings escaped, numbers as numbers. */
#ifndef SMC_JSON_H
#define SMC_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
	FILE *out;
	int depth;
	bool has_member[JSON_MAX_DEPTH];
};

/* Indented, one member a line, as iproute2's -p; set once by an applet's
 * option parsing, before any output. */
void json_set_pretty(bool on);

void json_start(struct json *j, FILE *out);	/* opens the top-level object */
void json_end(struct json *j);			/* closes it and ends the line */

/* KEY is NULL for array elements, a name for object members. */
void json_object_begin(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array_begin(struct json *j, const char *key);
void json_array_end(struct json *j);
void json_u64(struct json *j, const char *key, uint64_t value);
void json_i64(struct json *j, const char *key, int64_t value);
void json_double(struct json *j, const char *key, double value);
void json_string(struct json *j, const char *key, const char *value);
void json_bool(struct json *j, const char *key, bool value);

#endif
