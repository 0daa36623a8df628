/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output written to a file whole or not at all. */
#ifndef SMC_OUTFILE_H
#define SMC_OUTFILE_H

#include <stdio.h>

/* Room for the reason a write failed, with the path in it. */
#define OUTFILE_ERR_LEN 4352

/* Write what PRINT(out, DATA) prints to PATH: into a hidden temporary file
 * in PATH's directory, renamed over PATH once complete, so that a reader
 * (node_exporter's textfile collector) sees the old file or the new one,
 * never half of one. On failure PATH is as it was, the temporary file is
 * gone, ERR says why and -1 is returned. */
int outfile_write(const char *path, void (*print)(FILE *out, const void *data), const void *data,
		  char err[OUTFILE_ERR_LEN]);

#endif
