/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The JSON writer: nesting, commas, escaping. */
#include <stdlib.h>
#include <string.h>

#include "applets/print/json.h"
#include "tests/unit/check.h"

int main(void)
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
	CHECK(strcmp(text, "{\"SMCR\":{\"A\":0,\"B\":18446744073709551615},"
			   "\"list\":[\"q\\\"b\\\\s\\u0001\\u000a\",true,-5],\"empty\":[],\"avg\":338.50}\n") == 0,
	      "json writer output: %s", text);
	free(text);
	return 0;
}
