# The .insn directive: instructions given by format and fields.
	.attribute arch, "rv64gc"
	.insn r OP, 0, 0, a0, a1, a2
	.insn r 0x33, 0, 1, a0, a1, a2
	.insn r MADD, 0, 0, fa0, fa1, fa2, fa3
	.insn r4 MADD, 0, 1, fa0, fa1, fa2, fa3
	.insn i OP_IMM, 0, a0, a1, 13
	.insn i LOAD, 3, a0, 8(sp)
	.insn i OP_IMM, 0, a0, a1, %lo(sym)
	.insn s STORE, 3, a0, 8(sp)
	.insn u LUI, a0, 0x12345
	.insn u LUI, a0, %hi(sym)
	.insn b BRANCH, 0, a0, a1, target
	.insn j JAL, ra, target
	.insn 0x00000013
	.insn 4, 0x00100073
	.insn 0x0001
	.insn i CUSTOM_0, 1, t0, t1, -5
target:
	ret
