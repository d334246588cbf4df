# syscall.s -- raw Linux system calls for i386.
#
# The kernel's convention (`int $0x80`): number in %eax, arguments in %ebx
# %ecx %edx %esi %edi %ebp, result in %eax (-4095..-1 is -errno).  Four of
# those registers are callee-saved in C, so every __syscallN saves them and
# loads all six arguments from the stack -- reading the words past the last
# real argument is harmless (they are the caller's frame):
#
#   long __syscall6(long n, long a, long b, long c, long d, long e, long f);
#
# After the four pushes and the return address, n is at 20(%esp).

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
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	__syscall0, .-__syscall0

# The signal trampoline: sigaction installs it as sa_restorer (SA_RESTORER),
# the kernel makes the handler return here, and rt_sigreturn (173 on i386)
# restores the interrupted context from the frame on the stack.
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$173, %eax
	int	$0x80
	hlt
	.size	__restore_rt, .-__restore_rt
	.section .note.GNU-stack,"",@progbits
