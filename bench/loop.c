/* SPDX-License-Identifier: GPL-2.0-or-later */
/* loop N PROGRAM [ARGS...]: run PROGRAM N times, one after the other, its
 * output thrown away, and print the mean wall time per run and the largest
 * peak RSS among the runs (from wait4). Used where hyperfine is not at
 * hand (the lab guests) and to compare two commands run the same way. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int run_once(char **argv, long *max_rss_kib)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	if (ru.ru_maxrss > *max_rss_kib)
		*max_rss_kib = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int main(int argc, char **argv)
{
	long runs, failed = 0, max_rss_kib = 0;
	double start;

	if (argc < 3 || (runs = strtol(argv[1], NULL, 10)) < 1) {
		fprintf(stderr, "usage: loop N PROGRAM [ARGS...]\n");
		return 1;
	}
	start = now_us();
	for (long i = 0; i < runs; i++)
		failed += run_once(argv + 2, &max_rss_kib) != 0;
	printf("%.1f us per run, peak RSS %ld KiB, %ld runs, %ld failed\n", (now_us() - start) / (double)runs,
	       max_rss_kib, runs, failed);
	return failed != 0;
}
