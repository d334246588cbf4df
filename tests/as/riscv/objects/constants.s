# Constants set with .equ (before and after use) in li, %hi/%lo and data,
# loads/stores to symbols, jal with an explicit rd, jr/jalr forms.
	.attribute arch, "rv64gc"
	.equ	BASE, 0x10000000
	.equ	SMALL, 12
	.text
	li	a0, 'A'
	li	a1, BASE
	li	a2, SMALL*2
	lui	a3, %hi(BASE+0x800)
	addi	a3, a3, %lo(BASE+0x800)
	sw	a4, %lo(BASE)(a3)
	li	t0, BASE + 4096
	addi	sp, sp, -SMALL*4
	lui	a5, %hi(LATER)
	addi	a5, a5, %lo(LATER)
	la	a0, msg
	lla	a1, msg + 3
	lb	a2, msg
	sh	a2, msg+2, t3
	jal	zero, fn
	jalr	t0
	jalr	ra, 12(t0)
	jr	t0, 4
	fmv.w.x	fa0, zero
	fcvt.s.lu	fa0, a0
	fence.tso
	ecall
	ebreak
fn:	ret
	.equ	LATER, 0x12345
	.section .rodata
msg:	.string	"hi"
	.word	LATER, BASE
	.dword	fn - msg
