# syscall.s -- raw Linux system calls for x86-64.
#
# The kernel's convention: number in %rax, arguments in %rdi %rsi %rdx
# %r10 %r8 %r9, result in %rax (-4095..-1 is -errno); `syscall` clobbers
# %rcx and %r11.  The C convention differs only in the fourth argument
# (%rcx), so every __syscallN is the same few instructions: the number
# comes first in C (%rdi) and the arguments shift down one register.
#
#   long __syscall6(long n, long a, long b, long c, long d, long e, long f);
# The sixth argument arrives on the stack at 8(%rsp).

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
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	syscall
	ret
	.size	__syscall0, .-__syscall0

# The signal trampoline: sigaction installs it as sa_restorer (SA_RESTORER),
# the kernel makes the handler return here, and rt_sigreturn restores the
# interrupted context from the frame on the stack.
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movq	$15, %rax
	syscall
	hlt
	.size	__restore_rt, .-__restore_rt
	.section .note.GNU-stack,"",@progbits
