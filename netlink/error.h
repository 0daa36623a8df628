/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The error the netlink layer hands to applets: an errno-style code and one
 * line of text to print. Applets include this (and domain headers), never
 * libmnl. */
#ifndef SMC_NL_ERROR_H
#define SMC_NL_ERROR_H

struct nl_error {
	int code;
	char text[256];
};

int nl_error_set(struct nl_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
