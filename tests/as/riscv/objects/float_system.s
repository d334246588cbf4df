# F/D instructions with rounding modes, FP CSR pseudos, privileged and atomic forms.
	.attribute arch, "rv64gc"
	.text
fp:
	flw	ft0, 4(a0)
	fsw	ft0, 8(sp)
	fld	fs0, 16(s1)
	fsd	fs0, 0(sp)
	fmadd.s	fa0, fa1, fa2, fa3, dyn
	fnmsub.d	fa0, fa1, fa2, fa3
	fcvt.w.s	a0, fa0, rtz
	fcvt.wu.d	a0, fa0, rmm
	fcvt.d.w	fa0, a0
	fcvt.d.lu	fa0, a0, rne
	fcvt.s.d	fa0, fa1, rup
	fmin.d	fa0, fa1, fa2
	fle.s	a0, fa0, fa1
	fgt.d	a0, fa0, fa1
	fge.s	a0, fa0, fa1
	fsgnjx.d	fa0, fa1, fa1
	fneg.d	fa0, fa1
	fabs.s	fa0, fa1
	fmv.s	fa0, fa1
	fmv.x.w	a0, fa0
	fmv.d.x	fa0, a0
	frflags	a0
	fsflags	a0, a1
	fsflagsi	a0, 3
	fsrm	a0
	fsrmi	2
	frrm	a1
	fscsr	a0, a1
	csrrw	a0, 0x7c0, a1
	csrwi	mscratch, 7
	sfence.vma
	sfence.vma	a0, a1
	mret
	sret
	lr.d.aqrl	a0, (a1)
	sc.d.aq	a0, a2, (a1)
	amomaxu.w.rl	a0, a2, 0(a1)
	amoor.d	zero, a2, (sp)
