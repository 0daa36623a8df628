/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The formats: gzip is RFC 1952 around deflate (RFC 1951) blocks of type
 * 00, stored; tar is POSIX ustar (512-byte headers, data padded to 512). */
#include <stdio.h>
#include <string.h>

#include "applets/dbg/tgz.h"

#define TAR_BLOCK 512

uint32_t tgz_crc32(uint32_t crc, const void *data, size_t len)
{
	const unsigned char *p = data;

	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

static void put_le(unsigned char *p, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void emit(struct tgz *t, const void *data, size_t len)
{
	if (fwrite(data, 1, len, t->out) != len)
		t->error = 1;
}

/* One stored block of the pending bytes; FINAL marks the last. */
static void flush_block(struct tgz *t, int final)
{
	unsigned char head[5];

	head[0] = final ? 1 : 0;	/* BFINAL, BTYPE 00 */
	put_le(head + 1, (uint32_t)t->pending, 2);
	put_le(head + 3, (uint32_t)(~t->pending & 0xffff), 2);
	emit(t, head, sizeof(head));
	emit(t, t->block, t->pending);
	t->pending = 0;
}

static void deflate_write(struct tgz *t, const void *data, size_t len)
{
	const unsigned char *p = data;

	t->crc = tgz_crc32(t->crc, data, len);
	t->size += (uint32_t)len;
	while (len) {
		size_t n = TGZ_BLOCK - t->pending < len ? TGZ_BLOCK - t->pending : len;

		memcpy(t->block + t->pending, p, n);
		t->pending += n;
		p += n;
		len -= n;
		if (t->pending == TGZ_BLOCK)
			flush_block(t, 0);
	}
}

void tgz_start(struct tgz *t, FILE *out, time_t mtime)
{
	unsigned char head[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };	/* deflate, OS Unix */

	t->out = out;
	t->mtime = mtime;
	t->crc = t->size = 0;
	t->pending = 0;
	t->error = 0;
	put_le(head + 4, (uint32_t)mtime, 4);
	emit(t, head, sizeof(head));
}

static int tar_header(struct tgz *t, const char *name, size_t size, char type, const char *mode)
{
	unsigned char h[TAR_BLOCK];
	unsigned sum = 0;

	if (strlen(name) >= 100)
		return -1;
	memset(h, 0, sizeof(h));
	memcpy(h, name, strlen(name));
	snprintf((char *)h + 100, 8, "%s", mode);
	snprintf((char *)h + 108, 8, "%07o", 0u);
	snprintf((char *)h + 116, 8, "%07o", 0u);
	snprintf((char *)h + 124, 12, "%011llo", (unsigned long long)size);
	snprintf((char *)h + 136, 12, "%011llo", (unsigned long long)t->mtime);
	h[156] = (unsigned char)type;
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memcpy(h + 265, "root", 4);
	memcpy(h + 297, "root", 4);
	memset(h + 148, ' ', 8);
	for (int i = 0; i < TAR_BLOCK; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);	/* six digits, NUL, and the blank left */
	deflate_write(t, h, sizeof(h));
	return 0;
}

int tgz_dir(struct tgz *t, const char *name)
{
	return tar_header(t, name, 0, '5', "0000755");
}

int tgz_file(struct tgz *t, const char *name, const void *data, size_t len)
{
	static const unsigned char zeros[TAR_BLOCK];

	if (tar_header(t, name, len, '0', "0000644") < 0)
		return -1;
	deflate_write(t, data, len);
	if (len % TAR_BLOCK)
		deflate_write(t, zeros, TAR_BLOCK - len % TAR_BLOCK);
	return 0;
}

int tgz_finish(struct tgz *t)
{
	static const unsigned char zeros[2 * TAR_BLOCK];
	unsigned char trailer[8];

	deflate_write(t, zeros, sizeof(zeros));
	flush_block(t, 1);
	put_le(trailer, t->crc, 4);
	put_le(trailer + 4, t->size, 4);
	emit(t, trailer, sizeof(trailer));
	if (fflush(t->out) != 0 || ferror(t->out))
		t->error = 1;
	return t->error ? -1 : 0;
}
