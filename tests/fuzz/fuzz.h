/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the libFuzzer targets: each feeds its input to one parser of
 * kernel replies (or one validator of names and sizes) and aborts when a
 * result breaks what its callers rely on, so that libFuzzer reports it
 * like a crash. Built by `make fuzz-build` with clang's
 * -fsanitize=fuzzer,address,undefined against the same sources as smc. */
#ifndef SMC_FUZZ_H
#define SMC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netlink/error.h"
#include "netlink/reply.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) \
	((cond) ? (void)0 : (fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond), abort()))

/* A field of SIZE bytes holds a C string. */
#define FUZZ_TERMINATED(field) FUZZ_ASSERT(memchr((field), '\0', sizeof(field)) != NULL)

/* A failed parse names what went wrong; a successful one leaves no text
 * behind that a caller could mistake for an error. */
static inline void fuzz_outcome(int rc, const struct nl_error *err)
{
	FUZZ_ASSERT(rc == 0 || rc == -1);
	if (rc < 0)
		FUZZ_ASSERT(err->text[0] != '\0' && memchr(err->text, '\0', sizeof(err->text)));
}

/* The input as a NUL-terminated string (cut at its first NUL), malloc'd. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	FUZZ_ASSERT(text != NULL);
	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

static inline struct smc_recorded fuzz_recorded(const uint8_t *data, size_t size)
{
	return (struct smc_recorded){ data, size };
}

/* A list a reader filled: within its bound, and empty after a failure. */
static inline void fuzz_list(int rc, const struct smc_list *list)
{
	FUZZ_ASSERT(list->count <= SMC_LIST_MAX && list->count <= list->cap);
	if (rc < 0)
		FUZZ_ASSERT(list->count == 0 && list->items == NULL);
}

#endif
