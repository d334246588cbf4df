# .loc view numbers (dwarf2dbg.c set_or_check_view), read in .rodata so the
# comparison sees them: 0 when the address advanced since the section's
# previous row, else the previous view + 1; symbolic across a relaxable
# branch or an alignment until layout; subsection heads settled at the end.
	.file 0 "/src" "a.c" md5 0xffeeddccbbaa99887766554433221100
	.file 1 "a.c"
	.file 2 "dir" "b.h" md5 0x00112233445566778899aabbccddeeff
	.text
f:
	.loc 1 1 1 view -0
	.loc 1 2 1 view .LVU1
	nop
	.loc 1 3 1 is_stmt 0 view .LVU2
	.loc 2 3 2 discriminator 1 view .LVU3
	jmp .L2
	.loc 1 4 1 view .LVU4
	.p2align 4
.L2:
	.loc 1 4 5 prologue_end view .LVU5
	.loc 1 4 6 view .LVU6
	.loc 1 5 6
	ret
	.loc 1 5 7 view .LVU7
	nop
	.loc 1 5 8 view 0
	.loc 1 5 9 view .LVU8
	.loc 1 6 1
	.loc 1 6 2 view .LVU13
	.loc 1 6 3 view .LVU14
	jmp .L3
	.loc 1 6 4 view .LVU15
.L3:
	.loc_mark_labels 1
.L4:
	.loc 1 6 5 view .LVU16
	.loc_mark_labels 0
	.section .text.b,"ax",@progbits
	.loc 1 9 1 view .LVU9
	.loc 1 9 2 view .LVU10
	.text 1
	.loc 1 10 2 view .LVU11
	.loc 1 10 3 view .LVU12
	.section .rodata
	.uleb128 .LVU1, .LVU2, .LVU3, .LVU4, .LVU5, .LVU6, .LVU7, .LVU8
	.uleb128 .LVU9, .LVU10, .LVU11, .LVU12, .LVU13, .LVU14, .LVU15, .LVU16
	.byte .LVU1, .LVU2, .LVU3, .LVU4, .LVU5, .LVU6, .LVU7, .LVU8
	.byte .LVU9, .LVU10, .LVU11, .LVU12, .LVU13, .LVU14, .LVU15, .LVU16
