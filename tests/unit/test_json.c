/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The JSON writer: nesting, commas, escaping. */
#include <stdlib.h>
#include <string.h>

#include "applets/print/json.h"
#include "tests/unit/check.h"

/* One document with every kind of member, compact or pretty. */
static char *sample(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct json j;

	json_start(&j, out);
	json_object_begin(&j, "SMCR");
	json_u64(&j, "A", 0);
	json_u64(&j, "B", UINT64_MAX);
	json_object_end(&j);
	json_array_begin(&j, "list");
	json_string(&j, NULL, "q\"b\\s\x01\n");
	json_bool(&j, NULL, true);
	json_i64(&j, NULL, -5);
	json_array_end(&j);
	json_array_begin(&j, "empty");
	json_array_end(&j);
	json_double(&j, "avg", 338.5);
	json_end(&j);
	fclose(out);
	return text;
}

/* S as a one-member document's string. */
static char *string_doc(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct json j;

	json_start(&j, out);
	json_string(&j, "name", s);
	json_end(&j);
	fclose(out);
	return text;
}

/* Interface names may hold any bytes: well-formed UTF-8 passes as it is,
 * every other byte becomes \u00XX, so the document is valid JSON. */
static void test_utf8(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "eth\xc3\xa9", "eth\xc3\xa9" },				/* é */
		{ "\xe2\x82\xac\xf0\x9f\x98\x80", "\xe2\x82\xac\xf0\x9f\x98\x80" },	/* € and an emoji */
		{ "a\xff" "b", "a\\u00ffb" },					/* never in UTF-8 */
		{ "a\xc3", "a\\u00c3" },					/* cut at the end */
		{ "\xc3(", "\\u00c3(" },					/* bad continuation */
		{ "\xc0\xaf", "\\u00c0\\u00af" },				/* overlong '/' */
		{ "\xe0\x80\xaf", "\\u00e0\\u0080\\u00af" },		/* overlong, 3 bytes */
		{ "\xed\xa0\x80", "\\u00ed\\u00a0\\u0080" },		/* a UTF-16 surrogate */
		{ "\xf4\x90\x80\x80", "\\u00f4\\u0090\\u0080\\u0080" },	/* above U+10FFFF */
		{ "\x80x", "\\u0080x" },					/* a lone continuation */
	};
	char want[64];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text = string_doc(cases[i].in);

		snprintf(want, sizeof(want), "{\"name\":\"%s\"}\n", cases[i].want);
		CHECK(strcmp(text, want) == 0, "UTF-8 case %zu: %.*s", i, (int)strcspn(text, "\n"), text);
		free(text);
	}
}

int main(void)
{
	char *text = sample();

	test_utf8();
	CHECK(strcmp(text, "{\"SMCR\":{\"A\":0,\"B\":18446744073709551615},"
			   "\"list\":[\"q\\\"b\\\\s\\u0001\\u000a\",true,-5],\"empty\":[],\"avg\":338.50}\n") == 0,
	      "json writer output: %.*s", (int)strcspn(text, "\n"), text);
	free(text);
	json_set_pretty(true);
	text = sample();
	CHECK(strcmp(text, "{\n"
			   "    \"SMCR\": {\n"
			   "        \"A\": 0,\n"
			   "        \"B\": 18446744073709551615\n"
			   "    },\n"
			   "    \"list\": [\n"
			   "        \"q\\\"b\\\\s\\u0001\\u000a\",\n"
			   "        true,\n"
			   "        -5\n"
			   "    ],\n"
			   "    \"empty\": [],\n"
			   "    \"avg\": 338.50\n"
			   "}\n") == 0,
	      "pretty json writer output:\n%s", text);
	free(text);
	return 0;
}
