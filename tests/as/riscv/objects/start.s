# A C start-up file and syscall wrappers in the style of a libc's (written
# for these tests): _start sets up gp without relaxation, calls main, exits.
	.attribute arch, "rv64imafdc"
	.text
	.globl	_start
	.type	_start, @function
_start:
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	mv	a5, a0
	ld	a0, 0(sp)
	addi	a1, sp, 8
	slli	a2, a0, 3
	add	a2, a2, a1
	addi	a2, a2, 8
	andi	sp, sp, -16
	call	main
	tail	exit
	.size	_start, .-_start

	.globl	syscall3
	.type	syscall3, @function
syscall3:
	mv	a7, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	ecall
	li	a5, -4096
	bgtu	a0, a5, 1f
	ret
1:	neg	a0, a0
	la	t0, errno
	sw	a0, 0(t0)
	li	a0, -1
	ret
	.size	syscall3, .-syscall3

	.globl	setjmp
setjmp:
	sd	ra, 0(a0)
	sd	s0, 8(a0)
	sd	s1, 16(a0)
	sd	sp, 96(a0)
	fsd	fs0, 104(a0)
	fsd	fs11, 192(a0)
	frcsr	t0
	sw	t0, 200(a0)
	li	a0, 0
	ret
	.globl	longjmp
longjmp:
	ld	ra, 0(a0)
	ld	s0, 8(a0)
	ld	sp, 96(a0)
	fld	fs0, 104(a0)
	seqz	a0, a1
	add	a0, a0, a1
	jr	ra

	.globl	spin
spin:
	lr.w.aq	t0, (a0)
	bnez	t0, spin
	li	t1, 1
	sc.w.rl	t0, t1, (a0)
	bnez	t0, spin
	fence	rw, rw
	amoadd.d.aqrl	a1, a2, (a0)
	amoswap.w	zero, zero, (a0)
	fence.i
	csrr	a0, cycle
	rdtime	a1
	csrw	fcsr, zero
	csrsi	fflags, 1
	fcvt.w.d	a0, fa0, rtz
	fcvt.l.s	a1, fa1, rup
	fmadd.d	fa0, fa1, fa2, fa3, rne
	fsqrt.s	fa0, fa0
	fmv.x.d	a0, fa0
	fclass.d	a0, fa0
	wfi
	ret

	.data
	.align	3
	.globl	errno
errno:	.word	0
	.dword	_start, spin + 8
	.half	1, 2
	.byte	3
