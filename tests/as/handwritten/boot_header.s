# target: i386
# Real-mode boot sector and setup header in the style of a kernel's
# arch/x86/boot/header.S after cpp: .code16, a named header section placed
# with .org, fields computed from label differences, far jumps, .rept.
	BOOTSEG		= 0x07C0
	SYSSEG		= 0x1000
	SETUPSECTS	= 4
	ROOT_RDONLY	= 1

	.code16
	.section ".bstext", "ax"
	.global bootsect_start
bootsect_start:
	ljmp	$BOOTSEG, $start2
start2:
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorw	%sp, %sp
	sti
	cld
	movw	$bugger_off_msg, %si
msg_loop:
	lodsb
	andb	%al, %al
	jz	bs_die
	movb	$0xe, %ah
	movw	$7, %bx
	int	$0x10
	jmp	msg_loop
bs_die:
	xorw	%ax, %ax
	int	$0x16
	int	$0x19
	ljmp	$0xf000, $0xfff0

	.section ".bsdata", "a"
bugger_off_msg:
	.ascii	"Use a boot loader.\r\n"
	.ascii	"\n"
	.ascii	"Remove disk and press any key to reboot...\r\n"
	.byte	0

	.section ".header", "a"
	.globl	sentinel
sentinel:	.byte 0xff, 0xff
	.globl	hdr
hdr:
setup_sects:	.byte	SETUPSECTS
root_flags:	.word	ROOT_RDONLY
syssize:	.long	(end_of_image - start_of_image + 15) / 16
ram_size:	.word	0
vid_mode:	.word	0xfffd
root_dev:	.word	0
boot_flag:	.word	0xAA55

	.globl	_start
_start:
	.byte	0xeb
	.byte	start_of_setup - 1f
1:
	.ascii	"HdrS"
	.word	0x020f
realmode_swtch:	.word	0, 0
start_sys_seg:	.word	SYSSEG
	.word	kernel_version - 512
type_of_loader:	.byte	0
loadflags:	.byte	1 | (1 << 7)
setup_move_size: .word	0x8000
code32_start:	.long	0x100000
ramdisk_image:	.long	0
ramdisk_size:	.long	0
bootsect_kludge: .long	0
heap_end_ptr:	.word	_end_setup - 512
ext_loader_ver:	.byte	0
ext_loader_type: .byte	0
cmd_line_ptr:	.long	0
initrd_addr_max: .long	0x7fffffff
kernel_alignment: .long	0x200000
relocatable_kernel: .byte 1
min_alignment:	.byte	21
xloadflags:	.word	(1 << 0) | (1 << 1)
cmdline_size:	.long	2048 - 1
hardware_subarch: .long	0
hardware_subarch_data: .quad 0
payload_offset:	.long	start_of_image - hdr
payload_length:	.long	end_of_image - start_of_image
setup_data:	.quad	0
pref_address:	.quad	0x1000000
init_size:	.long	(end_of_image - start_of_image) * 4
handover_offset: .long	0

	.section ".entrytext", "ax"
start_of_setup:
	movw	%ds, %ax
	movw	%ax, %es
	cld
	movw	%ss, %dx
	cmpw	%ax, %dx
	movw	%sp, %dx
	je	2f
	movw	$_end_setup, %dx
	testb	$(1 << 7), loadflags
	jz	1f
	movw	heap_end_ptr, %dx
1:	addw	$1024, %dx
	jnc	2f
	xorw	%dx, %dx
2:	andw	$~3, %dx
	jnz	3f
	movw	$0xfffc, %dx
3:	movw	%ax, %ss
	movzwl	%dx, %esp
	sti
	pushw	%ds
	pushw	$6f
	lretw
6:
	cmpl	$0x5a5aaa55, setup_sig
	jne	setup_bad
	movw	$__bss_start, %di
	movw	$_end_setup, %cx
	xorl	%eax, %eax
	subw	%di, %cx
	shrw	$2, %cx
	rep; stosl
	calll	main
setup_bad:
	.rept	3
	hlt
	.endr
	jmp	setup_bad

	.section ".data", "aw"
	.balign	16
kernel_version:	.asciz	"6.1.0 (builder@host) #1"
setup_sig:	.long	0x5a5aaa55
	.balign	4, 0
start_of_image:
	.fill	100, 1, 0x90
end_of_image:

	.bss
	.balign	16
__bss_start:	.skip	64
_end_setup:

	.section ".bootsig", "a"
	.byte	SETUPSECTS
	.org	510 - 0x1f0, 0
	.word	0xAA55
	.org	. + 16
	.word	(sentinel - hdr) & 0xffff, (boot_flag - hdr) / 2
