/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "applets/applet.h"

const char *applet_name = "smc";

/* The message stays one line whatever the arguments hold: control bytes
 * are shown as \xNN, and a message past the buffer ends in "...". */
int fail(const char *fmt, ...)
{
	char text[1024], line[4 * sizeof(text)];
	size_t n = 0;
	va_list ap;
	int len;

	fflush(stdout);
	va_start(ap, fmt);
	len = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof(text))
		memcpy(text + sizeof(text) - 4, "...", 4);
	for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
		if (*c < ' ' || *c == 0x7f)
			n += (size_t)sprintf(line + n, "\\x%02x", *c);
		else
			line[n++] = (char)*c;
	}
	line[n] = '\0';
	fprintf(stderr, "%s: %s\n", applet_name, line);
	return 1;
}

int fail_unknown(const char *what, const char *word, const char *help)
{
	return fail("%s \"%s\" is unknown, try \"%s %s\"", what, word, applet_name, help);
}

int fail_unknown_letter(char letter, const char *help)
{
	return fail_unknown("option", (char[]){ '-', letter, '\0' }, help);
}

int fail_refused_option(const char *optstring, const char *arg, const char *help)
{
	if (optopt && !strchr(optstring, optopt))
		return fail_unknown_letter((char)optopt, help);
	return fail_unknown("option", arg, help);
}

int fail_ambiguous(const char *what, const char *word, const char *help)
{
	return fail("%s \"%s\" is ambiguous, try \"%s %s\"", what, word, applet_name, help);
}

int fail_extra(const char *word, const char *help)
{
	return fail("extra argument \"%s\", try \"%s %s\"", word, applet_name, help);
}

int fail_missing(const char *what, const char *after, const char *help)
{
	if (after)
		return fail("missing %s after \"%s\", try \"%s %s\"", what, after, applet_name, help);
	return fail("missing %s, try \"%s %s\"", what, applet_name, help);
}

int print_version(void)
{
	printf("%s (smc) %s\n", applet_name, SMC_VERSION);
	return 0;
}

bool is_option(const char *arg, const char *short_opt, const char *long_opt)
{
	if (short_opt && strcmp(arg, short_opt) == 0)
		return true;
	if (!long_opt || arg[0] != '-')
		return false;
	arg += arg[1] == '-' ? 2 : 1;
	return strcmp(arg, long_opt) == 0;
}

/* A descriptor 0-2 left closed is held on "/" as O_PATH, close-on-exec: a
 * socket or file we open cannot become standard output, a write there still
 * fails (EBADF), and a program we execute finds it closed as it was left. */
void hold_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && open("/", O_PATH | O_CLOEXEC) != fd)
			return;
}

int finish_output(int status)
{
	bool flushed = fflush(stdout) == 0;
	int flush_errno = errno;

	if (status != 0 || (flushed && !ferror(stdout)))
		return status;
	/* A line-buffered stdout (musl's) failed in an earlier write whose
	 * errno is gone: an empty write to the same descriptor asks again
	 * (EBADF for a closed one, ENOSPC for /dev/full). */
	if (flushed && write(STDOUT_FILENO, "", 0) == 0)
		return fail("write error on standard output");
	return fail("write error: %s", strerror(flushed ? errno : flush_errno));
}
