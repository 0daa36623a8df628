/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for one exec of a static binary: "hello, world" against musl. */
#include <stdio.h>

int main(void)
{
	puts("hello, world");
	return 0;
}
