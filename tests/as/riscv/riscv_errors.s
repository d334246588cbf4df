# statements pas must reject  # GNU as 2.40's message
	addi a0,a0,5000  # illegal operands `addi a0,a0,5000'
	slli a0,a0,64  # improper shift amount (64)
	foo a0,a1  # unrecognized opcode `foo a0,a1'
	add a0,a1  # illegal operands `add a0,a1'
	fadd.d fa0,fa1  # illegal operands `fadd.d fa0,fa1'
	ld a0,4096(a1)  # illegal operands `ld a0,4096(a1)'
	csrrwi a0,fflags,32  # improper CSRxI immediate (32)
	lr.w a0,4(a1)  # illegal operands `lr.w a0,4(a1)'
	fence iorw,rx  # illegal operands `fence iorw,rx'
