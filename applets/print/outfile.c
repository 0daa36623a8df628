/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/print/outfile.h"

/* "DIR/.NAME.XXXXXX" for PATH "DIR/NAME": a name the textfile collector
 * skips (it reads *.prom only), in the directory rename() needs. */
static int temp_name(const char *path, char tmp[PATH_MAX])
{
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	int n = snprintf(tmp, PATH_MAX, "%.*s.%s.XXXXXX", dir_len, path, slash ? slash + 1 : path);

	return n > 0 && n < PATH_MAX ? 0 : -1;
}

/* The mode a file created by open(O_CREAT, 0666) would get. */
static mode_t default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

static int failed(const char *what, const char *path, int errnum, char err[OUTFILE_ERR_LEN])
{
	snprintf(err, OUTFILE_ERR_LEN, "cannot %s %s: %s", what, path, strerror(errnum));
	return -1;
}

int outfile_write(const char *path, void (*print)(FILE *out, const void *data), const void *data,
		  char err[OUTFILE_ERR_LEN])
{
	char tmp[PATH_MAX];
	FILE *out;
	int fd, errnum;

	if (!path[0]) {
		snprintf(err, OUTFILE_ERR_LEN, "no file name to write to");
		return -1;
	}
	if (path[strlen(path) - 1] == '/')
		return failed("write", path, EISDIR, err);
	if (temp_name(path, tmp) < 0)
		return failed("write", path, ENAMETOOLONG, err);
	fd = mkstemp(tmp);
	if (fd < 0)
		return failed("create a temporary file beside", path, errno, err);
	out = fdopen(fd, "w");
	if (!out) {
		errnum = errno;
		close(fd);
		unlink(tmp);
		return failed("write", path, errnum, err);
	}
	print(out, data);
	errno = EIO;
	if (fflush(out) != 0 || ferror(out) || fchmod(fd, default_mode()) < 0 || fsync(fd) < 0) {
		errnum = errno;
		fclose(out);
		unlink(tmp);
		return failed("write", path, errnum, err);
	}
	if (fclose(out) != 0 || rename(tmp, path) < 0) {
		errnum = errno;
		unlink(tmp);
		return failed("replace", path, errnum, err);
	}
	return 0;
}
