# Branches and jumps whose size layout chooses: compressed when near,
# 4 bytes when within 4 KiB, inverted over a jal when farther, and
# relocations kept in every case (GNU as under relaxation).
	.attribute arch, "rv64gc"
	.text
	.globl	f
f:
	beqz	a0, .Lnear
	bnez	a5, .Lnear
	beq	a0, a1, .Lnear
	blt	a0, zero, .Lmid
	bgez	s1, .Lfar
	bnez	a4, .Lfar
	j	.Lnear
	j	.Lfar
	jal	g
	jal	t0, .Lmid
	beqz	a0, undefined_sym
	bnez	a5, g
	j	undefined_sym
	bgt	a0, a1, .Lnear
	ble	a0, a1, .Lnear
	bgtu	a2, a3, .Lmid
	bleu	a2, a3, .Lfar
	blez	a0, .Lnear
	bgtz	a0, .Lnear
	bltz	a0, .Lnear
.Lnear:
	addi	a0, a0, 1
	.skip	600
.Lmid:
	addi	a0, a0, 2
	.skip	4000
.Lfar:
	beqz	a0, f
	bnez	a1, .Lnear
	j	f
	ret
	.globl	g
	.type	g, @function
g:
	ret
	.weak	w
w:	beqz	a0, w
	j	w
	.option norvc
	beqz	a0, .Lend
	j	.Lend
	.option rvc
.Lend:
	ret
