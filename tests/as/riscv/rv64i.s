# RV64GC encodings (rv64i): statement  # GNU as 2.40's bytes [relocations]
	add a0,s0,s1  # 33 05 94 00
	add s0,a3,a4  # 33 84 e6 00
	addi a1,a4,-1564  # 93 05 47 9e
	addi a1,gp,4  # 93 85 41 00
	addiw a0,a0,-1084  # 1b 05 45 bc
	addiw a1,a1,248  # 9b 85 85 0f
	addw s0,t6,s11  # 3b 84 bf 01
	addw t4,t4,a1  # bb 8e be 00
	and t0,s9,s10  # b3 f2 ac 01
	and s3,s0,a3  # b3 79 d4 00
	andi s0,s7,-433  # 13 f4 fb e4
	andi s0,a0,1  # 13 74 15 00
	auipc a3,966590  # 97 e6 fb eb
	auipc s0,298837  # 17 54 f5 48
	ebreak  # 02 90
	ebreak  # 02 90
	ecall  # 73 00 00 00
	ecall  # 73 00 00 00
	fence ir,i  # 0f 00 80 0a
	fence r,ow  # 0f 00 50 02
	fence  # 0f 00 f0 0f
	fence  # 0f 00 f0 0f
	fence.i  # 0f 10 00 00
	fence.i  # 0f 10 00 00
	fence.tso  # 0f 00 30 83
	fence.tso  # 0f 00 30 83
	jalr t4,4(a3)  # e7 8e 46 00
	jalr a3,1615(a1)  # e7 86 f5 64
	lb s8,-1433(sp)  # 03 0c 71 a6
	lb a1,-1101(t1)  # 83 05 33 bb
	lbu a1,-572(s0)  # 83 45 44 dc
	lbu s1,-16(t0)  # 83 c4 02 ff
	ld s0,381(a5)  # 03 b4 d7 17
	ld a5,557(a0)  # 83 37 d5 22
	lh a0,-1583(t2)  # 03 95 13 9d
	lh a3,1863(s0)  # 83 16 74 74
	lhu a1,1491(sp)  # 83 55 31 5d
	lhu a5,-1(a0)  # 83 57 f5 ff
	lui s1,1037678  # b7 e4 56 fd
	lui a0,1  # 05 65
	lw a0,-1207(a2)  # 03 25 96 b4
	lw ra,-1258(sp)  # 83 20 61 b1
	lwu a6,1752(sp)  # 03 68 81 6d
	lwu t1,-1279(sp)  # 03 63 11 b0
	mret  # 73 00 20 30
	mret  # 73 00 20 30
	or s0,s0,a2  # 51 8c
	or a0,a2,a0  # 51 8d
	ori a0,s10,248  # 13 65 8d 0f
	ori a2,a4,248  # 13 66 87 0f
	sb s1,1314(sp)  # 23 01 91 52
	sb t6,-823(gp)  # a3 84 f1 cd
	sd s1,-422(s1)  # 23 bd 94 e4
	sd a0,1(t2)  # a3 b0 a3 00
	sfence.vma  # 73 00 00 12
	sfence.vma  # 73 00 00 12
	sfence.vma a5  # 73 80 07 12
	sfence.vma s11  # 73 80 0d 12
	sfence.vma gp,s4  # 73 80 41 13
	sfence.vma a1,a0  # 73 80 a5 12
	sh s1,-1532(s1)  # 23 92 94 a0
	sh a4,-16(sp)  # 23 18 e1 fe
	sll sp,a1,s0  # 33 91 85 00
	sll a0,a5,a2  # 33 95 c7 00
	slli t6,tp,31  # 93 1f f2 01
	slli a4,a4,62  # 7a 17
	slliw a1,a0,22  # 9b 15 65 01
	slliw s0,s2,25  # 1b 14 99 01
	sllw t2,a4,s1  # bb 13 97 00
	sllw s11,s6,s8  # bb 1d 8b 01
	slt a2,a4,s0  # 33 26 87 00
	slt a0,a0,a2  # 33 25 c5 00
	slti s0,t4,16  # 13 a4 0e 01
	slti a4,a1,387  # 13 a7 35 18
	sltiu a4,s0,88  # 13 37 84 05
	sltiu a3,s9,504  # 93 b6 8c 1f
	sltu s1,a7,s8  # b3 b4 88 01
	sltu a0,a4,a1  # 33 35 b7 00
	sra a4,s1,a3  # 33 d7 d4 40
	sra s3,a2,a2  # b3 59 c6 40
	srai a4,a4,59  # 6d 97
	srai s0,a1,3  # 13 d4 35 40
	sraiw a3,ra,29  # 9b d6 d0 41
	sraiw a4,s1,11  # 1b d7 b4 40
	sraw a2,a4,sp  # 3b 56 27 40
	sraw a0,a2,s0  # 3b 55 86 40
	sret  # 73 00 20 10
	sret  # 73 00 20 10
	srl a1,a4,a6  # b3 55 07 01
	srl s6,t2,s2  # 33 db 23 01
	srli gp,t2,4  # 93 d1 43 00
	srli a3,s6,11  # 93 56 bb 00
	srliw a4,a4,17  # 1b 57 17 01
	srliw s6,s11,28  # 1b db cd 01
	srlw t3,a3,a0  # 3b de a6 00
	srlw a1,a2,a0  # bb 55 a6 00
	sub a5,a5,a0  # 89 8f
	sub a4,a2,a5  # 33 07 f6 40
	subw a5,zero,t3  # bb 07 c0 41
	subw a3,s0,s1  # bb 06 94 40
	sw a5,-1082(ra)  # 23 a3 f0 bc
	sw a0,1729(a1)  # a3 a0 a5 6c
	uret  # 73 00 20 00
	uret  # 73 00 20 00
	wfi  # 73 00 50 10
	wfi  # 73 00 50 10
	xor a1,a2,a5  # b3 45 f6 00
	xor s0,s3,a2  # 33 c4 c9 00
	xori s1,a5,1791  # 93 c4 f7 6f
	xori s1,a5,248  # 93 c4 87 0f
