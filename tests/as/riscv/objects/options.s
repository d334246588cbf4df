# .option in all its forms: rvc/norvc, arch (+ext, -ext, isa), push/pop,
# pic/nopic (la through the GOT or pc-relative), relax/norelax -- each
# change of the architecture string starts a new $x<arch> mapping symbol.
	.text
	.globl	opts
opts:
	addi	a0, a0, 1
	la	a0, ext
	.option	rvc
	addi	a0, a0, 1
	.option	pic
	la	a1, ext
	la	a2, local
	.option	nopic
	la	a3, ext
	.option	push
	.option	arch, -c
	addi	a0, a0, 1
	.option	arch, +c
	addi	a0, a0, 1
	.option	pop
	addi	a0, a0, 1
	.option	push
	.option	arch, rv64imac
	addi	a0, a0, 1
	.option	pop
	.option	norvc
	addi	a0, a0, 1
	.option	rvc
	.option	norelax
	call	ext
	lla	a4, local
	.option	relax
	call	ext
local:
	ret
	.section .text.second,"ax",@progbits
	addi	a0, a0, 1
	.option	arch, +zihintpause
	pause
	.option	csr-check
	csrr	a0, mstatus
