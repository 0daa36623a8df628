/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc_dbg: one support bundle of everything smc-tools' smc_dbg collects,
 * and the kernel's side of it; as text, one JSON document, or a .tgz. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "applets/applet.h"
#include "applets/dbg/dbg.h"
#include "applets/dbg/tgz.h"
#include "applets/print/json.h"

#define ARGV(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define CMD(file, ...) { file, ARGV(__VA_ARGS__), NULL, NULL }
#define BUILTIN(file, fn, title) { file, NULL, fn, title }

static const struct dbg_part parts[] = {
	CMD("version.txt", "smcss", "-v"),
	CMD("version.txt", "smc_dbg", "-v"),
	CMD("version.txt", "smc_pnet", "-v"),
	CMD("version.txt", "smcd", "-v"),
	CMD("version.txt", "smcr", "-v"),
	CMD("version.txt", "smc_chk", "-v"),
	CMD("version.txt", "smc_rnics", "-v"),
	BUILTIN("kernel.txt", dbg_kernel, "uname"),
	BUILTIN("kernel.txt", dbg_modules, "SMC modules (/proc/modules)"),
	BUILTIN("kernel.txt", dbg_sysctls, "net.smc sysctls (/proc/sys/net/smc)"),
	CMD("smcss_all.txt", "smcss", "--all", "--debug"),
	CMD("smcss_smcr", "smcss", "--smcr"),
	CMD("smcss_smcd", "smcss", "--smcd"),
	CMD("pnet_table.txt", "smc_pnet", "--show"),
	CMD("smcr_links.txt", "smcr", "-d", "linkgroup", "link-show"),
	CMD("smcd_lgs.txt", "smcd", "-d", "linkgroup", "show"),
	CMD("info.txt", "smcd", "info"),
	CMD("info.txt", "smcr", "info"),
	CMD("stats.txt", "smcd", "-d", "stats"),
	CMD("stats.txt", "smcr", "-d", "stats"),
	CMD("devices.txt", "smcd", "-d", "device"),
	CMD("devices.txt", "smcr", "-d", "device"),
	CMD("devices.txt", "smc_rnics", "-a"),
	CMD("eid.txt", "smcd", "ueid", "show"),
	CMD("eid.txt", "smcd", "seid", "show"),
	CMD("handshake_limit.txt", "smcd", "handshake-limit", "show"),
};
#define PART_COUNT (sizeof(parts) / sizeof(parts[0]))

static int usage(void)
{
	printf("\nUsage: smc_dbg [ OPTIONS ]\n\n"
	       "Collect debug information\n\n"
	       "   -h, --help           display this message\n"
	       "   -j, --json           print one JSON document\n"
	       "   -t, --tgz            generate .tgz file\n"
	       "   -v, --version        display version info\n\n");
	return 0;
}

static void free_outputs(struct dbg_output *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(out[i].text);
}

/* Every part, run in order; 0, or -1 after reporting. */
static int collect(struct dbg_output *out)
{
	for (size_t i = 0; i < PART_COUNT; i++)
		if (dbg_run(&parts[i], &out[i]) < 0) {
			free_outputs(out, i);
			return -1;
		}
	return 0;
}

/* As smc-tools prints without -t: a blank line before each file's parts. */
static void print_text(const struct dbg_output *out)
{
	for (size_t i = 0; i < PART_COUNT; i++) {
		if (i == 0 || strcmp(parts[i].file, parts[i - 1].file) != 0)
			putchar('\n');
		fwrite(out[i].text, 1, out[i].len, stdout);
	}
}

static void print_json(const struct dbg_output *out)
{
	char command[256];
	struct json j;

	json_start(&j, stdout);
	json_array_begin(&j, "parts");
	for (size_t i = 0; i < PART_COUNT; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "file", parts[i].file);
		json_string(&j, "command", dbg_command(&parts[i], command, sizeof(command)));
		json_u64(&j, "status", (uint64_t)out[i].status);
		json_string(&j, "output", out[i].text);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_end(&j);
}

/* The parts of one file, joined. */
static char *file_text(const struct dbg_output *out, size_t first, size_t *end, size_t *len)
{
	size_t i;
	char *text;

	*len = 0;
	for (i = first; i < PART_COUNT && strcmp(parts[i].file, parts[first].file) == 0; i++)
		*len += out[i].len;
	*end = i;
	if ((text = malloc(*len + 1)) == NULL)
		return NULL;
	*len = 0;
	for (i = first; i < *end; i++) {
		memcpy(text + *len, out[i].text, out[i].len);
		*len += out[i].len;
	}
	return text;
}

static int write_bundle(FILE *f, const char *dir, const struct dbg_output *out)
{
	struct tgz *t = malloc(sizeof(*t));
	char name[128];
	size_t end, len;
	int rc = 0;

	if (!t)
		return -1;
	tgz_start(t, f, time(NULL));
	snprintf(name, sizeof(name), "%s/", dir);
	rc |= tgz_dir(t, name);
	for (size_t i = 0; i < PART_COUNT && rc == 0; i = end) {
		char *text = file_text(out, i, &end, &len);

		snprintf(name, sizeof(name), "%s/%s", dir, parts[i].file);
		rc = text ? tgz_file(t, name, text, len) : -1;
		free(text);
	}
	rc |= tgz_finish(t);
	free(t);
	return rc;
}

/* /tmp/smc_dbg-XXXXXX.tgz holding the directory smc_dbg-XXXXXX/. */
static int write_tgz(const struct dbg_output *out)
{
	char path[] = "/tmp/smc_dbg-XXXXXX.tgz", dir[32];
	int fd = mkostemps(path, 4, O_CLOEXEC), rc;
	FILE *f;

	if (fd < 0)
		return fail("cannot create %s: %s", path, strerror(errno));
	snprintf(dir, sizeof(dir), "%.*s", (int)(strlen(path) - strlen("/tmp/") - strlen(".tgz")), path + strlen("/tmp/"));
	if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		unlink(path);
		return fail("cannot write %s: %s", path, strerror(errno));
	}
	rc = write_bundle(f, dir, out);
	if (fclose(f) != 0 || rc != 0) {
		unlink(path);
		return fail("cannot write %s: %s", path, strerror(errno ? errno : EIO));
	}
	printf("Debug output written to %s\n", path);
	return 0;
}

int smc_dbg_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' }, { "json", no_argument, NULL, 'j' },
		{ "tgz", no_argument, NULL, 't' },  { "version", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct dbg_output out[PART_COUNT];
	int c, json = 0, tgz = 0, rc = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hjtv", longopts, NULL)) != -1) {
		if (c == 'h' || c == 'v') {
			rc = c == 'h' ? usage() : print_version();
			goto out;
		}
		if (c == '?')
			return fail_refused_option("hjtv", argv[optind - 1], "-h");
		json |= c == 'j';
		tgz |= c == 't';
	}
	if (optind < argc)
		return fail_extra(argv[optind], "-h");
	if (json && tgz)
		return fail("cannot combine options -j/--json and -t/--tgz");
	if (collect(out) < 0)
		return 1;
	if (tgz)
		rc = write_tgz(out);
	else if (json)
		print_json(out);
	else
		print_text(out);
	free_outputs(out, PART_COUNT);
out:
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("cannot write the output");
	return rc;
}
