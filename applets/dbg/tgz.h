/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A .tgz writer without a compression library: a ustar archive inside a
 * gzip member of stored (uncompressed) deflate blocks, which gzip and
 * tar xzf read like any other. */
#ifndef SMC_TGZ_H
#define SMC_TGZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* The largest payload of one stored deflate block. */
#define TGZ_BLOCK 65535

struct tgz {
	FILE *out;
	time_t mtime;
	uint32_t crc;			/* of all the bytes so far */
	uint32_t size;			/* their count, modulo 2^32 as gzip keeps it */
	size_t pending;
	unsigned char block[TGZ_BLOCK];
	int error;			/* a write failed */
};

/* Begin the gzip member on OUT; entries get MTIME. */
void tgz_start(struct tgz *t, FILE *out, time_t mtime);
/* A directory entry NAME ("dir/"), and a file entry NAME holding LEN bytes
 * of DATA. Names longer than 99 bytes are refused (-1). */
int tgz_dir(struct tgz *t, const char *name);
int tgz_file(struct tgz *t, const char *name, const void *data, size_t len);
/* End the archive and the gzip member; 0, or -1 when any write failed. */
int tgz_finish(struct tgz *t);

/* The CRC-32 of gzip (ISO 3309) over LEN bytes, continuing from CRC (0 to begin). */
uint32_t tgz_crc32(uint32_t crc, const void *data, size_t len);

#endif
