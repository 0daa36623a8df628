/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Each part of the bundle runs in a child process (the applets keep
 * global state and exit through their mains), its stdout and stderr on
 * one pipe, so a failing part leaves its one error line in the bundle. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "applets/applet.h"
#include "applets/dbg/dbg.h"

#define OUTPUT_MAX (64u << 20)	/* a runaway part is cut here */

static int run_applet_argv(const char *const *argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	for (size_t i = 0; i < applet_count; i++)
		if (strcmp(applets[i].name, argv[0]) == 0) {
			applet_name = applets[i].name;
			return applets[i].main(argc, (char **)argv);
		}
	return fail("no applet \"%s\"", argv[0]);
}

static void child(const struct dbg_part *part, int fd)
{
	int status;

	if (dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
		_exit(127);
	close(fd);
	status = part->builtin ? part->builtin() : run_applet_argv(part->argv);
	fflush(stdout);
	_exit(status & 0xff);
}

/* Read FD to its end into OUT. */
static int slurp(int fd, struct dbg_output *out)
{
	size_t cap = 4096;
	ssize_t n;

	out->text = malloc(cap);
	out->len = 0;
	if (!out->text)
		return -1;
	for (;;) {
		if (out->len + 1 == cap && cap < OUTPUT_MAX) {
			char *bigger = realloc(out->text, cap * 2);

			if (!bigger)
				return -1;
			out->text = bigger;
			cap *= 2;
		}
		n = read(fd, out->text + out->len, cap - 1 - out->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		out->len += (size_t)n;
	}
	out->text[out->len] = '\0';
	return n < 0 ? -1 : 0;
}

int dbg_run(const struct dbg_part *part, struct dbg_output *out)
{
	int pipefd[2], status = 0, rc;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	fflush(stdout);
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return fail("cannot create a pipe: %s", strerror(errno)), -1;
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		child(part, pipefd[1]);
	}
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return fail("cannot start a process: %s", strerror(errno)), -1;
	}
	rc = slurp(pipefd[0], out);
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (rc < 0) {
		free(out->text);
		return fail("cannot read the output of a part: %s", strerror(errno ? errno : ENOMEM)), -1;
	}
	return 0;
}

const char *dbg_command(const struct dbg_part *part, char *buf, size_t size)
{
	size_t n = 0;

	if (part->builtin) {
		snprintf(buf, size, "%s", part->title);
		return buf;
	}
	buf[0] = '\0';
	for (const char *const *a = part->argv; *a && n < size; a++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", a == part->argv ? "" : " ", *a);
	return buf;
}

int dbg_kernel(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return fail("cannot read the kernel release: %s", strerror(errno));
	printf("Kernel: %s %s %s %s\n", u.sysname, u.release, u.version, u.machine);
	return 0;
}

/* The module names that are SMC's, or what it runs on. */
static int smc_module(const char *name)
{
	static const char *const names[] = { "smc", "smc_diag", "ism", "rdma_rxe", "ib_core", "mlx5_ib", NULL };

	for (const char *const *n = names; *n; n++)
		if (strcmp(name, *n) == 0)
			return 1;
	return 0;
}

int dbg_modules(void)
{
	FILE *f = fopen("/proc/modules", "re");
	char line[512], name[64];
	int found = 0;

	if (!f)
		return fail("cannot read /proc/modules: %s", strerror(errno));
	printf("SMC modules loaded:\n");
	/* the first word of a line (no sscanf: it would add 10 KiB to smc) */
	while (fgets(line, sizeof(line), f))
		if (snprintf(name, sizeof(name), "%.*s", (int)strcspn(line, " \n"), line) > 0 && smc_module(name)) {
			fputs(line, stdout);
			found = 1;
		}
	fclose(f);
	if (!found)
		printf("none%s\n",
		       access("/sys/module/smc", F_OK) == 0 ? " (smc is built into the kernel)" : "");
	return 0;
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void print_sysctl(const char *dir, const char *name)
{
	char path[300], value[256] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "re")) == NULL) {
		printf("net.smc.%s: %s\n", name, strerror(errno));
		return;
	}
	if (!fgets(value, sizeof(value), f))
		value[0] = '\0';
	fclose(f);
	value[strcspn(value, "\n")] = '\0';
	printf("net.smc.%s = %s\n", name, value);
}

int dbg_sysctls(void)
{
	static const char dir[] = "/proc/sys/net/smc";
	struct dirent **names;
	int n = scandir(dir, &names, visible, alphasort);

	if (n < 0)
		return fail("no net.smc sysctls: cannot open %s: %s", dir, strerror(errno));
	printf("net.smc sysctls:\n");
	for (int i = 0; i < n; i++) {
		print_sysctl(dir, names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return 0;
}
