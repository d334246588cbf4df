# Symbol table order and attributes.
	.file "symbols.c"
	.text
	.globl main
	.type main, @function
main:
	call helper
	call ext_fn
	movl local_var(%rip), %eax
	leaq .LC0(%rip), %rdi
	ret
	.size main, .-main
	.type helper, @function
helper:
	ret
	.size helper, .-helper
	.hidden hid
	.globl hid
hid:	ret
	.protected prot
	.globl prot
prot:	ret
	.weak wk
	.type wk, @function
wk:	ret
	.weak wkundef
	.quad wkundef
	.data
	.align 4
	.type local_var, @object
	.size local_var, 4
local_var:
	.long 42
	.globl gvar
	.type gvar, @object
	.size gvar, 8
gvar:	.quad main
	.quad helper
	.quad .LC0
	.long main - helper
	.section .rodata.str1.1,"aMS",@progbits,1
.LC0:	.string "hi"
	.set alias_main, main
	.set abs_sym, 0x1234
	.globl abs_glob
	.set abs_glob, 99
	.equ .Lhidden_abs, 5
	.set alias_ext, ext_data + 8
	.data
	.quad alias_ext
	.long abs_sym, .Lhidden_abs
	.comm common_sym, 24, 8
	.comm common_def, 100
	.lcomm lcomm_sym, 12
	.local lcl
	.comm lcl, 8, 8
	.section .tbss,"awT",@nobits
	.align 4
	.type tlsv, @object
	.size tlsv, 4
tlsv:	.zero 4
	.text
	movl %fs:tlsv@tpoff, %eax
	.ident "GCC: (Debian 12.2.0-14) 12.2.0"
	.section .note.GNU-stack,"",@progbits
