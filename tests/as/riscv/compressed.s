# RV64GC encodings (compressed, written out): statement  # GNU as 2.40's bytes [relocations]
	c.addi a5,27  # ed 07
	c.addi a5,-8  # e1 17
	c.addi t1,28  # 71 03
	c.addi s5,-9  # dd 1a
	c.addiw tp,25  # 65 22
	c.addiw a0,-14  # 49 35
	c.addiw gp,-27  # 95 31
	c.addiw s4,18  # 49 2a
	c.li t6,25  # e5 4f
	c.li s5,-12  # d1 5a
	c.li s4,-31  # 05 5a
	c.li s11,-24  # a1 5d
	c.lui tp,2  # 09 62
	c.lui s6,1048573  # 75 7b
	c.lui a7,19  # cd 68
	c.lui s7,10  # a9 6b
	c.addi16sp sp,176  # 4d 61
	c.addi16sp sp,-432  # 61 71
	c.addi16sp sp,-48  # 79 71
	c.addi16sp sp,160  # 0d 61
	c.addi4spn a2,sp,420  # 50 13
	c.addi4spn s1,sp,728  # a4 0d
	c.addi4spn a2,sp,324  # d0 02
	c.addi4spn a1,sp,528  # 0c 0c
	c.slli a0,2  # 0a 05
	c.slli gp,37  # 96 11
	c.slli s9,7  # 9e 0c
	c.slli a3,7  # 9e 06
	c.srai a4,5  # 15 87
	c.srli s0,14  # 39 80
	c.srli s0,31  # 7d 80
	c.srai a4,27  # 6d 87
	c.andi s1,-7  # e5 98
	c.andi a2,11  # 2d 8a
	c.andi s1,7  # 9d 88
	c.andi a3,-31  # 85 9a
	c.add s9,t5  # fa 9c
	c.mv t0,s0  # a2 82
	c.mv ra,sp  # 8a 80
	c.add s10,a6  # 42 9d
	c.jr s6  # 02 8b
	c.jr a5  # 82 87
	c.jr s8  # 02 8c
	c.jr a4  # 02 87
	c.addw a4,s1  # 25 9f
	c.and a4,a1  # 6d 8f
	c.sub a2,a2  # 11 8e
	c.sub a1,a0  # 89 8d
	c.sw s1,8(a0)  # 04 c5
	c.lw a5,64(s0)  # 3c 40
	c.sw a2,96(s1)  # b0 d0
	c.lw s1,52(a1)  # c4 59
	c.ld a3,184(a5)  # d4 7f
	c.ld a5,64(a4)  # 3c 63
	c.ld a0,152(a1)  # c8 6d
	c.ld a1,80(a1)  # ac 69
	c.fsd fa5,40(a4)  # 1c b7
	c.fld fs1,48(s0)  # 04 38
	c.fsd fa1,200(a2)  # 6c a6
	c.fsd fa5,144(a0)  # 5c a9
	c.lwsp t0,116(sp)  # d6 52
	c.swsp s2,36(sp)  # 4a d2
	c.swsp t2,104(sp)  # 9e d4
	c.lwsp gp,136(sp)  # aa 41
	c.sdsp a5,248(sp)  # be fd
	c.ldsp sp,176(sp)  # 4a 71
	c.sdsp a2,128(sp)  # 32 e1
	c.ldsp a2,136(sp)  # 2a 66
	c.fsdsp fs5,136(sp)  # 56 a5
	c.fldsp ft1,480(sp)  # 9e 30
	c.fsdsp fs3,32(sp)  # 4e b0
	c.fldsp ft4,488(sp)  # 3e 32
	c.nop  # 01 00
	c.ebreak  # 02 90
	c.ebreak  # 02 90
	c.nop  # 01 00
	c.addi16sp sp,16  # 41 61
	c.j target  # 19 a0 [R_RISCV_RVC_JUMP@0 target+0]
	c.beqz a0,target  # 11 c1 [R_RISCV_RVC_BRANCH@0 target+0]
	c.bnez s1,target  # 89 e0 [R_RISCV_RVC_BRANCH@0 target+0]
	target: c.nop  # 01 00
