# Thread-local storage sequences (local-exec, initial-exec, global-dynamic)
# and the relocation operators written out.
	.attribute arch, "rv64gc"
	.option pic
	.text
	.globl	tls
tls:
	lui	a5, %tprel_hi(tv)
	add	a5, a5, tp, %tprel_add(tv)
	lw	a0, %tprel_lo(tv)(a5)
	sw	a0, %tprel_lo(tv+4)(a5)
	la.tls.ie	a1, te
	add	a1, a1, tp
	la.tls.gd	a0, te
	call	__tls_get_addr@plt
.Lpcrel_hi0:
	auipc	a2, %pcrel_hi(gv)
	addi	a2, a2, %pcrel_lo(.Lpcrel_hi0)
.Lgot0:
	auipc	a3, %got_pcrel_hi(ext)
	ld	a3, %pcrel_lo(.Lgot0)(a3)
	la	a4, ext
	lla	a4, gv+8
	lui	a6, %hi(gv)
	addi	a6, a6, %lo(gv)
	sd	a0, %lo(gv+16)(a6)
	ld	a7, gv
	fsw	fa0, gv, t0
	li	a0, 0x123456789
	li	a1, -2048
	li	a2, 2047
	li	a3, 0x7ffff800
	li	a4, 0xffffffff80000000
	ret
	.section .tbss,"awT",@nobits
	.align	2
tv:	.zero	8
	.data
gv:	.zero	24
