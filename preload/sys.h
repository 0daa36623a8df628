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
#else
#error "preload/sys.h: no system call stub for this architecture yet"
#endif

#endif
