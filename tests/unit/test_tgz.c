/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The .tgz writer against the real tools: gzip -t accepts it, tar xzf
 * unpacks every entry with its bytes (an empty file, one of exactly one
 * tar block, one across several stored deflate blocks), and the CRC-32 is
 * gzip's (the check value of "123456789"). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/check.h"
#include "applets/dbg/tgz.h"

#define BIG (3 * TGZ_BLOCK + 1000)

static int same_file(const char *path, const void *want, size_t len)
{
	size_t got_len = 0;
	char *got = read_fixture(path, &got_len);
	int same = got && got_len == len && memcmp(got, want, len) == 0;

	free(got);
	return same;
}

int main(void)
{
	char dir[] = "/tmp/smc-tgz-XXXXXX", path[256], cmd[512];
	static char big[BIG], block[512], longname[101];
	struct tgz *t = malloc(sizeof(*t));
	FILE *f;

	CHECK(tgz_crc32(0, "123456789", 9) == 0xcbf43926, "CRC-32 check value of \"123456789\"");
	if (!CHECK(t && mkdtemp(dir), "a temporary directory"))
		return 0;
	for (size_t i = 0; i < BIG; i++)
		big[i] = (char)(i * 7 + i / 251);
	memset(block, 'b', sizeof(block));
	snprintf(path, sizeof(path), "%s/bundle.tgz", dir);
	f = fopen(path, "wb");
	tgz_start(t, f, 1700000000);
	CHECK(tgz_dir(t, "bundle/") == 0 && tgz_file(t, "bundle/small.txt", "hello\n", 6) == 0 &&
	      tgz_file(t, "bundle/empty.txt", "", 0) == 0 && tgz_file(t, "bundle/block.txt", block, sizeof(block)) == 0 &&
	      tgz_file(t, "bundle/big.bin", big, sizeof(big)) == 0, "entries written");
	memset(longname, 'x', sizeof(longname) - 1);
	CHECK(tgz_file(t, longname, "", 0) == -1, "a name of 100 bytes or more is refused");
	CHECK(tgz_finish(t) == 0 && fclose(f) == 0, "archive finished");
	snprintf(cmd, sizeof(cmd), "gzip -t %s/bundle.tgz", dir);
	CHECK(system(cmd) == 0, "gzip -t accepts it");
	snprintf(cmd, sizeof(cmd), "cd %s && tar xzf bundle.tgz", dir);
	CHECK(system(cmd) == 0, "tar xzf unpacks it");
	snprintf(path, sizeof(path), "%s/bundle/small.txt", dir);
	CHECK(same_file(path, "hello\n", 6), "small.txt has its bytes");
	snprintf(path, sizeof(path), "%s/bundle/empty.txt", dir);
	CHECK(access(path, F_OK) == 0 && same_file(path, "", 0), "empty.txt is there and empty");
	snprintf(path, sizeof(path), "%s/bundle/block.txt", dir);
	CHECK(same_file(path, block, sizeof(block)), "block.txt (512 bytes) has its bytes");
	snprintf(path, sizeof(path), "%s/bundle/big.bin", dir);
	CHECK(same_file(path, big, sizeof(big)), "big.bin (over three stored blocks) has its bytes");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "cleaned up");
	free(t);
	return 0;
}
