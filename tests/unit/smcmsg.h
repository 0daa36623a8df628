/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Building SMC_GEN_NETLINK replies as the kernel sends them, for the
 * parsers' unit tests, and the checks every parser gets: a cut reply and
 * a corrupted attribute length are errors (or, for a length whose change
 * only moves into the attribute's zero padding, give the very same
 * result), never a crash. */
#ifndef SMC_TEST_SMCMSG_H
#define SMC_TEST_SMCMSG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "tests/unit/check.h"
#include "tests/unit/genl_msg.h"

#define MSG_MAX_ATTRS 256

/* A dump being built, and where every attribute's nla_len is in it. */
struct msgbuf {
	struct dump_buf d;
	struct nlmsghdr *cur;
	size_t nla_len_at[MSG_MAX_ATTRS];
	size_t nattrs;
};

/* The reply built so far, as a parser's (buffer, length) arguments. */
#define REPLY(m) (m).d.buf, (m).d.len

static inline void msg_begin(struct msgbuf *m, uint8_t cmd) { m->cur = dump_msg(&m->d, cmd); }
static inline void msg_end(struct msgbuf *m) { dump_msg_end(&m->d, m->cur); }
static inline void msg_done(struct msgbuf *m) { dump_done(&m->d); }

/* Record the attribute just put at the message's tail. */
static inline void msg_note(struct msgbuf *m, const void *attr)
{
	if (m->nattrs < MSG_MAX_ATTRS)
		m->nla_len_at[m->nattrs++] = (size_t)((const char *)attr - m->d.buf);
}

#define MSG_TAIL(m) ((struct nlattr *)mnl_nlmsg_get_payload_tail((m)->cur))
/* Put an attribute with libmnl's FN, noting where it is. */
#define MSG_PUT(m, fn, t, v) (msg_note((m), MSG_TAIL(m)), fn((m)->cur, (t), (v)))
#define put_u8(m, t, v) MSG_PUT(m, mnl_attr_put_u8, t, v)
#define put_u16(m, t, v) MSG_PUT(m, mnl_attr_put_u16, t, v)
#define put_u32(m, t, v) MSG_PUT(m, mnl_attr_put_u32, t, v)
#define put_u64(m, t, v) MSG_PUT(m, mnl_attr_put_u64, t, v)
#define put_str(m, t, v) MSG_PUT(m, mnl_attr_put_strz, t, v)
static inline struct nlattr *nest_begin(struct msgbuf *m, uint16_t t)
{
	msg_note(m, MSG_TAIL(m));
	return mnl_attr_nest_start(m->cur, t);
}
static inline void nest_end(struct msgbuf *m, struct nlattr *nest) { mnl_attr_nest_end(m->cur, nest); }

/* The whole file at PATH as a string ("" if missing, which then fails the
 * comparison it is used in). */
static inline char *golden(const char *path)
{
	size_t len;
	char *text = read_fixture(path, &len);

	if (!text) {
		printf("# cannot read %s\n", path);
		text = calloc(1, 1);
	}
	return text;
}

/* What a printer wrote, captured through a memory stream. */
struct capture {
	FILE *f;
	char *text;
	size_t len;
};

static inline FILE *capture_start(struct capture *c)
{
	c->text = NULL;
	c->f = open_memstream(&c->text, &c->len);
	return c->f;
}

static inline char *capture_end(struct capture *c)
{
	fclose(c->f);
	return c->text;
}

static inline bool same_text(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return true;
	printf("# %s: got:\n%s# want:\n%s", name, got, want);
	return false;
}

/* Whether TEXT is one valid JSON document, as python3 -m json.tool sees it. */
static inline bool valid_json(const char *text)
{
	char path[] = "/tmp/smc-json-XXXXXX", cmd[128];
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	int rc;

	if (!f)
		return false;
	fputs(text, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "python3 -m json.tool %s >/dev/null", path);
	rc = system(cmd);
	unlink(path);
	return rc == 0;
}

/* GOT (freed here) is the golden text at PATH, cut from smc-tools' output. */
static inline void check_golden(const char *name, const char *path, char *got)
{
	char *want = golden(path);

	CHECK(got && same_text(name, got, want), "%s prints as smc-tools did, byte for byte (%s)", name, path);
	free(want);
	free(got);
}

/* GOT (freed here) is one valid JSON document holding NEEDLE. */
static inline void check_json(const char *name, char *got, const char *needle)
{
	if (!CHECK(got && valid_json(got) && strstr(got, needle), "%s -j: valid JSON with %s", name, needle))
		printf("# got: %s", got ? got : "(error)\n");
	free(got);
}

/* A parser under test: parse LEN bytes at BUF and render the result as text
 * (NULL on a parse error); the caller frees the text. */
typedef char *(*render_fn)(const void *buf, size_t len);

/* Every proper prefix of LEN bytes at BUF is an error, never a shorter result. */
static inline void check_cut(const char *name, const void *buf, size_t len, render_fn render)
{
	size_t errors = 0;
	char *got;

	for (size_t cut = 0; cut < len; cut++) {
		char *exact = malloc(cut ? cut : 1);	/* exactly CUT bytes, for ASan */

		memcpy(exact, buf, cut);
		got = render(exact, cut);
		errors += got == NULL;
		free(got);
		free(exact);
	}
	CHECK(errors == len, "%s: each of the %zu cut replies is an error (%zu were)", name, len, errors);
}

/* Cut replies are errors, and every single-bit flip of every attribute
 * length is an error or renders exactly as the intact reply. */
static inline void check_damage(const char *name, const struct msgbuf *m, render_fn render)
{
	char *intact = render(m->d.buf, m->d.len), *got;
	char *copy = malloc(m->d.len);
	size_t flips = 0, flip_errors = 0, flip_bad = 0;

	check_cut(name, m->d.buf, m->d.len, render);
	for (size_t a = 0; a < m->nattrs; a++) {
		for (int bit = 0; bit < 16; bit++) {
			memcpy(copy, m->d.buf, m->d.len);
			copy[m->nla_len_at[a] + bit / 8] ^= (char)(1 << (bit % 8));
			got = render(copy, m->d.len);
			flips++;
			if (!got) {
				flip_errors++;
			} else if (!intact || strcmp(got, intact) != 0) {
				printf("# %s: bit %d of the length at byte %zu misread:\n%s", name, bit, m->nla_len_at[a], got);
				flip_bad++;
			}
			free(got);
		}
	}
	CHECK(intact && flip_bad == 0 && flips > 0,
	      "%s: %zu flipped attribute-length bits: %zu errors, %zu harmless, %zu misread", name, flips, flip_errors,
	      flips - flip_errors - flip_bad, flip_bad);
	free(intact);
	free(copy);
}

/* A reply the lab's kernel sent, from tests/fixtures/objects/ (NULL, and a
 * failed check, when missing). */
static inline void *fixture(const char *name, size_t *len)
{
	char path[256];
	void *buf;

	snprintf(path, sizeof(path), "tests/fixtures/objects/%s", name);
	buf = read_fixture(path, len);
	CHECK(buf != NULL, "fixture %s is readable", path);
	return buf;
}

static inline void check_text(const char *name, char *got, const char *want)
{
	CHECK(got && same_text(name, got, want), "%s prints \"%.*s\"", name, (int)strcspn(want, "\n"), want);
	free(got);
}

/* A real kernel's reply of LEN bytes at BUF renders as WANT; cut, it is an error. */
static inline void check_reply(const char *name, const void *buf, size_t len, render_fn render, const char *want)
{
	check_text(name, render(buf, len), want);
	check_cut(name, buf, len, render);
}

/* check_reply on a reply from tests/fixtures/objects/FILE. */
static inline void check_real(const char *name, const char *file, render_fn render, const char *want)
{
	size_t len;
	void *real = fixture(file, &len);

	if (!real)
		return;
	check_reply(name, real, len, render, want);
	free(real);
}

/* check_reply on a reply recorded by tests/vm/record: tests/fixtures/DIR/COMMAND.N. */
static inline void check_recorded(const char *name, const char *dir, const char *command, render_fn render,
				  const char *want)
{
	static char buf[65536];
	char path[128];
	size_t len;

	snprintf(path, sizeof(path), "tests/fixtures/%s", dir);
	len = read_datagrams(path, command, buf, sizeof(buf));
	if (CHECK(len > 0 && len <= sizeof(buf), "%s/%s.* readable", path, command))
		check_reply(name, buf, len, render, want);
}

#endif
