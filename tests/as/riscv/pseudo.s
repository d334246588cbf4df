# RV64GC encodings (pseudo): statement  # GNU as 2.40's bytes [relocations]
	li a2,1  # 05 46
	li t0,-6115849030743567905  # b7 02 b2 fa 9b 82 b2 23 b2 02 93 82 f2 5a b2 02 93 82 d2 9c b2 02 93 82 f2 1d
	li a3,-5230723164024657241  # b7 76 b7 ff 9b 86 d6 8b be 06 93 86 96 f7 b6 06 93 86 36 e7 b2 06 93 86 76 aa
	mv a0,t0  # 16 85
	mv a1,a5  # be 85
	mv s9,s0  # a2 8c
	not t5,a3  # 13 cf f6 ff
	not a4,s1  # 13 c7 f4 ff
	not s10,tp  # 13 4d f2 ff
	neg a0,a0  # 33 05 a0 40
	neg s0,a3  # 33 04 d0 40
	neg t5,a3  # 33 0f d0 40
	negw s11,s1  # bb 0d 90 40
	negw t0,gp  # bb 02 30 40
	negw s5,s3  # bb 0a 30 41
	sext.w s10,t5  # 1b 0d 0f 00
	sext.w s0,a3  # 1b 84 06 00
	sext.w ra,a4  # 9b 00 07 00
	seqz t3,s1  # 13 be 14 00
	seqz s7,s10  # 93 3b 1d 00
	seqz a1,s9  # 93 b5 1c 00
	snez a1,a1  # b3 35 b0 00
	snez t2,a2  # b3 33 c0 00
	snez a2,a6  # 33 36 00 01
	sltz a4,a4  # 33 27 07 00
	sltz t2,t0  # b3 a3 02 00
	sltz tp,s0  # 33 22 04 00
	sgtz t2,t1  # b3 23 60 00
	sgtz a4,a2  # 33 27 c0 00
	sgtz t0,s0  # b3 22 80 00
	sgt s0,s0,a3  # 33 a4 86 00
	sgt s1,s11,t0  # b3 a4 b2 01
	sgt a2,s6,a3  # 33 a6 66 01
	nop  # 01 00
	nop  # 01 00
	nop  # 01 00
	ret  # 82 80
	ret  # 82 80
	ret  # 82 80
	jr zero  # 67 00 00 00
	jr t2  # 82 83
	jr a3  # 82 86
	jalr sp  # 02 91
	jalr s6  # 02 9b
	jalr a3  # 82 96
	fmv.d ft7,fa1  # d3 83 b5 22
	fmv.d fa1,ft1  # d3 85 10 22
	fmv.d ft8,fs0  # 53 0e 84 22
	fneg.s fs1,fa1  # d3 94 b5 20
	fneg.s fa2,fs8  # 53 16 8c 21
	fneg.s fa6,fa7  # 53 98 18 21
	fabs.d ft0,fa0  # 53 20 a5 22
	fabs.d fa5,ft2  # d3 27 21 22
	fabs.d fa4,fa0  # 53 27 a5 22
	csrr t3,mstatus  # 73 2e 00 30
	csrr s1,instret  # f3 24 20 c0
	csrr a1,time  # f3 25 10 c0
	csrw fcsr,sp  # 73 10 31 00
	csrw cycle,a3  # 73 90 06 c0
	csrw 0x340,a5  # 73 90 07 34
	csrs mstatus,s4  # 73 20 0a 30
	csrs fflags,a5  # 73 a0 17 00
	csrs instret,a1  # 73 a0 25 c0
	csrci 0x340,2  # 73 70 01 34
	csrci fcsr,9  # 73 f0 34 00
	csrci time,24  # 73 70 1c c0
	rdcycle a2  # 73 26 00 c0
	rdcycle a0  # 73 25 00 c0
	rdcycle sp  # 73 21 00 c0
	rdtime t1  # 73 23 10 c0
	rdtime s11  # f3 2d 10 c0
	rdtime t1  # 73 23 10 c0
	frcsr a2  # 73 26 30 00
	frcsr a5  # f3 27 30 00
	frcsr s1  # f3 24 30 00
	fsrm s3,s5  # f3 99 2a 00
	fsrm a5,a4  # f3 17 27 00
	fsrm a3,t5  # f3 16 2f 00
	fence  # 0f 00 f0 0f
	fence  # 0f 00 f0 0f
	fence  # 0f 00 f0 0f
	fence.i  # 0f 10 00 00
	fence.i  # 0f 10 00 00
	fence.i  # 0f 10 00 00
	addi sp,sp,-498  # 13 01 e1 e0
	addi s9,sp,240  # 93 0c 01 0f
	addi sp,sp,208  # 69 61
	add a4,tp,a0  # 33 07 a2 00
	add a2,a0,s0  # 33 06 85 00
	add a4,zero,s0  # 22 87
	ld gp,80(s0)  # 83 31 04 05
	ld s5,136(sp)  # aa 6a
	ld s0,328(sp)  # 36 64
	sd a3,24(a4)  # 14 ef
	sd a3,176(sp)  # 36 f9
	sd sp,88(a2)  # 23 3c 26 04
	lw s9,128(a4)  # 83 2c 07 08
	lw ra,160(a2)  # 83 20 06 0a
	lw a3,80(s0)  # 34 48
	fsd fa1,144(a5)  # cc ab
	fsd ft5,360(a2)  # 27 34 56 16
	fsd fa0,336(a0)  # 27 38 a5 14
	lui a6,66339  # 37 38 32 10
	lui a5,757816  # b7 87 03 b9
	lui a7,18958  # b7 e8 a0 04
	andi a3,a1,19  # 93 f6 35 01
	andi s0,t2,-25  # 13 f4 73 fe
	andi a0,a3,-13  # 13 f5 36 ff
	srai a0,s6,31  # 13 55 fb 41
	srai a5,a3,49  # 93 d7 16 43
	srai a3,ra,13  # 93 d6 d0 40
