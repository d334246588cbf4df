# syscall.s -- raw Linux system calls for RISC-V 64.
#
# The kernel's convention: number in a7, arguments in a0..a5, `ecall`,
# result in a0 (-4095..-1 is -errno); nothing else is clobbered.  The C
# convention passes the number first (a0) and the arguments in a1..a6,
# so every __syscallN shifts the registers down one and puts the number
# in a7:
#
#   long __syscall6(long n, long a, long b, long c, long d, long e, long f);
#
# RISC-V's rt_sigaction has no sa_restorer: the kernel returns from a
# signal handler through the vDSO's trampoline (qemu-user provides one).

	.text
	.globl	__syscall0, __syscall1, __syscall2, __syscall3
	.globl	__syscall4, __syscall5, __syscall6
	.type	__syscall0, @function
	.type	__syscall1, @function
	.type	__syscall2, @function
	.type	__syscall3, @function
	.type	__syscall4, @function
	.type	__syscall5, @function
	.type	__syscall6, @function
__syscall0:
__syscall1:
__syscall2:
__syscall3:
__syscall4:
__syscall5:
__syscall6:
	mv	a7, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	mv	a3, a4
	mv	a4, a5
	mv	a5, a6
	ecall
	ret
	.size	__syscall0, .-__syscall0
	.section .note.GNU-stack,"",@progbits
