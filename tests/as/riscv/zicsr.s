# RV64GC encodings (zicsr): statement  # GNU as 2.40's bytes [relocations]
	csrrc t0,instret,a0  # f3 32 25 c0
	csrrc a2,fcsr,tp  # 73 36 32 00
	csrrci a5,cycle,19  # f3 f7 09 c0
	csrrci s0,0x340,20  # 73 74 0a 34
	csrrs a4,frm,a0  # 73 27 25 00
	csrrs a4,mstatus,a2  # 73 27 06 30
	csrrsi a1,cycle,2  # f3 65 01 c0
	csrrsi a0,mstatus,22  # 73 65 0b 30
	csrrw a1,cycle,s0  # f3 15 04 c0
	csrrw s4,frm,a5  # 73 9a 27 00
	csrrwi s3,mstatus,19  # f3 d9 09 30
	csrrwi s11,mstatus,23  # f3 dd 0b 30
