/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Direct Linux system calls for the freestanding preload library: its only
 * architecture-specific code. sys_call() returns what the kernel returns: a
 * value >= 0, or -errno (errno is the caller's business). */
#ifndef SMC_PRELOAD_SYS_H
#define SMC_PRELOAD_SYS_H

#include <asm/unistd.h>

#if defined(__x86_64__)
static inline long sys_call(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}
#elif defined(__aarch64__)
static inline long sys_call(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a1;
	register long x1 __asm__("x1") = a2;
	register long x2 __asm__("x2") = a3;
	register long x3 __asm__("x3") = a4;
	register long x4 __asm__("x4") = a5;

	__asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory", "cc");
	return x0;
}
#elif defined(__s390x__)
static inline long sys_call(long nr, long a1, long a2, long a3, long a4, long a5)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;
	register long r6 __asm__("r6") = a5;

	__asm__ volatile("svc 0" : "+r"(r2) : "r"(r1), "r"(r3), "r"(r4), "r"(r5), "r"(r6) : "memory", "cc");
	return r2;
}
#else
#error "preload/sys.h: no system call stub for this architecture yet"
#endif

#endif
