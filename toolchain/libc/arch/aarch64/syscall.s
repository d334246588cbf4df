// syscall.s -- raw Linux system calls for AArch64.
//
// The kernel's convention: number in x8, arguments in x0..x5, `svc #0`,
// result in x0 (-4095..-1 is -errno); nothing else is clobbered.  The C
// convention passes the number first (x0) and the arguments in x1..x6,
// so every __syscallN shifts the registers down one and puts the number
// in x8:
//
//   long __syscall6(long n, long a, long b, long c, long d, long e, long f);

	.text
	.globl	__syscall0, __syscall1, __syscall2, __syscall3
	.globl	__syscall4, __syscall5, __syscall6
	.type	__syscall0, %function
	.type	__syscall1, %function
	.type	__syscall2, %function
	.type	__syscall3, %function
	.type	__syscall4, %function
	.type	__syscall5, %function
	.type	__syscall6, %function
__syscall0:
__syscall1:
__syscall2:
__syscall3:
__syscall4:
__syscall5:
__syscall6:
	mov	x8, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	mov	x3, x4
	mov	x4, x5
	mov	x5, x6
	svc	#0
	ret
	.size	__syscall0, .-__syscall0

// The signal trampoline: sigaction installs it as sa_restorer (SA_RESTORER;
// without one the kernel would return through the vDSO's, which a static
// program under qemu-user may not have), and rt_sigreturn (139) restores
// the interrupted context from the frame on the stack.
	.globl	__restore_rt
	.type	__restore_rt, %function
__restore_rt:
	mov	x8, #139
	svc	#0
	brk	#0
	.size	__restore_rt, .-__restore_rt
	.section .note.GNU-stack,"",%progbits
