/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Included first (-include) into a lab program: socket() becomes the raw
 * system call, as a Go program or a libc-free program makes it. */
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define socket(domain, type, protocol) ((int)syscall(SYS_socket, (domain), (type), (protocol)))
