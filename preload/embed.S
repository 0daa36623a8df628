/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The preload library's bytes inside smc, for `smc run` to write to its
 * private directory and `smc --install` to DIR/../lib/smc. */
	.section .rodata.preload, "a"
	.balign 16
	.globl smc_preload_image
	.globl smc_preload_image_end
smc_preload_image:
	.incbin PRELOAD_SO
smc_preload_image_end:
	.section .note.GNU-stack, "", @progbits
