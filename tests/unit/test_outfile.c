/* SPDX-License-Identifier: GPL-2.0-or-later */
/* outfile_write: the file replaced whole or left as it was, with the mode
 * a new file would get, and no temporary file left behind either way. */
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/check.h"
#include "applets/print/outfile.h"

static char dir[] = "/tmp/test_outfile.XXXXXX";

static void print_text(FILE *out, const void *text)
{
	fputs(text, out);
}

static char *contents(const char *path)
{
	size_t len;
	char *text = read_fixture(path, &len);

	return text ? text : strdup("(unreadable)");
}

/* The names in DIR other than KEEP. */
static int strays(const char *keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, keep);
	if (d)
		closedir(d);
	return n;
}

int main(void)
{
	char path[64], err[OUTFILE_ERR_LEN], *text;
	struct stat st;
	struct rlimit small, old;

	if (!CHECK(mkdtemp(dir), "a temporary directory"))
		return 1;
	snprintf(path, sizeof(path), "%s/smc.prom", dir);
	umask(022);
	CHECK(outfile_write(path, print_text, "first\n", err) == 0, "a new file written");
	text = contents(path);
	CHECK(strcmp(text, "first\n") == 0, "it holds what was printed: %.*s", (int)strcspn(text, "\n"), text);
	free(text);
	if (stat(path, &st) < 0)
		st.st_mode = 0;
	CHECK((st.st_mode & 0777) == 0644, "mode 0644 under umask 022 (%o)", (unsigned)(st.st_mode & 0777));
	CHECK(outfile_write(path, print_text, "second\n", err) == 0, "an existing file replaced");
	text = contents(path);
	CHECK(strcmp(text, "second\n") == 0, "it holds the new text: %.*s", (int)strcspn(text, "\n"), text);
	free(text);
	CHECK(strays("smc.prom") == 0, "no temporary file left after success");

	/* A write that fails halfway (the file size limit): the old file stays. */
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = (struct rlimit){ 16, old.rlim_max };
	fflush(stdout);	/* the limit applies to a stdout that is a file too */
	setrlimit(RLIMIT_FSIZE, &small);
	CHECK(outfile_write(path, print_text, "a text longer than sixteen bytes\n", err) < 0 &&
		      strstr(err, "File too large") && strstr(err, path),
	      "a failed write is an error: %s", err);
	setrlimit(RLIMIT_FSIZE, &old);
	text = contents(path);
	CHECK(strcmp(text, "second\n") == 0, "the old file is as it was: %.*s", (int)strcspn(text, "\n"), text);
	free(text);
	CHECK(strays("smc.prom") == 0, "no temporary file left after a failed write");

	snprintf(path, sizeof(path), "%s/none/smc.prom", dir);
	CHECK(outfile_write(path, print_text, "x\n", err) < 0 && strstr(err, "beside") && strstr(err, path),
	      "a missing directory is an error naming the file: %s", err);
	CHECK(outfile_write(dir, print_text, "x\n", err) < 0 && strstr(err, "Is a directory"),
	      "a directory in the file's place is an error: %s", err);
	CHECK(outfile_write("", print_text, "x\n", err) < 0 && strstr(err, "no file name"), "an empty name is an error: %s",
	      err);
	CHECK(strays("smc.prom") == 0, "nothing created by the failures");
	snprintf(path, sizeof(path), "%s/smc.prom", dir);
	unlink(path);
	rmdir(dir);
	return 0;
}
