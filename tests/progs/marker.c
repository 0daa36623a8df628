/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libmarker.so: a library with no dependencies that a test preloads by
 * hand, to see that smc_run keeps the user's LD_PRELOAD. */
int smc_test_marker(void);

int smc_test_marker(void)
{
	return 1;
}
