# RV64GC encodings (relocs): statement  # GNU as 2.40's bytes [relocations]
	lui a0,%hi(sym)  # 37 05 00 00 [R_RISCV_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0]
	addi a0,a0,%lo(sym)  # 13 05 05 00 [R_RISCV_LO12_I@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0]
	sw a1,%lo(sym+8)(a0)  # 23 24 b5 00 [R_RISCV_LO12_S@0 sym+8] [R_RISCV_RELAX@0 *ABS*+8]
	auipc a5,%pcrel_hi(sym)  # 97 07 00 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0]
	lla a0,sym  # 17 05 00 00 13 05 05 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	la a0,sym  # 17 05 00 00 13 05 05 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	la.tls.ie a0,tsym  # 17 05 00 00 03 35 05 00 [R_RISCV_TLS_GOT_HI20@0 tsym+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	la.tls.gd a0,tsym  # 17 05 00 00 13 05 05 00 [R_RISCV_TLS_GD_HI20@0 tsym+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	call func  # 97 00 00 00 e7 80 00 00 [R_RISCV_CALL_PLT@0 func+0] [R_RISCV_RELAX@0 *ABS*+0]
	call func@plt  # 97 00 00 00 e7 80 00 00 [R_RISCV_CALL_PLT@0 func+0] [R_RISCV_RELAX@0 *ABS*+0]
	tail func  # 17 03 00 00 67 00 03 00 [R_RISCV_CALL_PLT@0 func+0] [R_RISCV_RELAX@0 *ABS*+0]
	lw a0,sym  # 17 05 00 00 03 25 05 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	fld fa0,sym,t0  # 97 02 00 00 07 b5 02 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0] [R_RISCV_PCREL_LO12_I@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	sd a1,sym,t1  # 17 03 00 00 23 30 b3 00 [R_RISCV_PCREL_HI20@0 sym+0] [R_RISCV_RELAX@0 *ABS*+0] [R_RISCV_PCREL_LO12_S@4 .L0 +0] [R_RISCV_RELAX@4 *ABS*+0]
	lui a5,%tprel_hi(tsym)  # b7 07 00 00 [R_RISCV_TPREL_HI20@0 tsym+0] [R_RISCV_RELAX@0 *ABS*+0]
	add a5,a5,tp,%tprel_add(tsym)  # b3 87 47 00 [R_RISCV_TPREL_ADD@0 tsym+0] [R_RISCV_RELAX@0 *ABS*+0]
	lw a0,%tprel_lo(tsym)(a5)  # 03 a5 07 00 [R_RISCV_TPREL_LO12_I@0 tsym+0] [R_RISCV_RELAX@0 *ABS*+0]
	auipc a0,%got_pcrel_hi(sym)  # 17 05 00 00 [R_RISCV_GOT_HI20@0 sym+0]
	auipc a0,%tls_ie_pcrel_hi(tsym)  # 17 05 00 00 [R_RISCV_TLS_GOT_HI20@0 tsym+0]
	auipc a0,%tls_gd_pcrel_hi(tsym)  # 17 05 00 00 [R_RISCV_TLS_GD_HI20@0 tsym+0]
	j far  # 6f f0 9f f8 [R_RISCV_JAL@0 far+0]
	jal far  # ef f0 5f f8 [R_RISCV_JAL@0 far+0]
	beqz a0,far  # 63 14 05 00 6f f0 df f7 [R_RISCV_JAL@4 far+0]
	bnez s1,far  # 63 84 04 00 6f f0 5f f7 [R_RISCV_JAL@4 far+0]
	bgt a0,a1,far  # 63 d4 a5 00 6f f0 df f6 [R_RISCV_JAL@4 far+0]
	beq a0,a1,far  # 63 14 b5 00 6f f0 5f f6 [R_RISCV_JAL@4 far+0]
	bleu a2,a3,far  # 63 e4 c6 00 6f f0 df f5 [R_RISCV_JAL@4 far+0]
	li a0,0x123456789abcdef0  # 37 75 24 00 1b 05 d5 8a 3a 05 13 05 d5 c4 32 05 13 05 75 5e 36 05 13 05 05 ef
	li a0,-1  # 7d 55
	li a0,0x80000000  # 1b 05 10 00 7e 05
	li t0,4096  # 85 62
	lui a0,%hi(0x12345678)  # 37 55 34 12
	addi a0,a0,%lo(0x12345678)  # 13 05 85 67
