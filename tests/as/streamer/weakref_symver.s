# .weakref and .symver (gas 2.40: versioned names in the symbol table)
	.globl start
start:
	.weakref wa, wtarget
	call wa
	movq wa@GOTPCREL(%rip), %rax
	.weakref wb, defined_here
	call wb
	.weakref wc, strong
	call wc
	call strong
	.weakref wd, unused_target
	.weakref we, wa
	.long we
defined_here:
	ret
	.data
	.quad wa, wb+8
wr2start:


	call t1
	.weakref a1, t1
	call a1
	.weakref a2, t2
	.globl t2
	call a2
	.weakref a3, t3
	.type a3, @function
	call a3
	.weakref a4, t4
	.weak a4
	call a4
	.weakref a5, t5
	.size t5, 4
	.weakref a6, t6
	.set a6x, a6
	call a6x
	.weakref a7, t7
	.long a7 - wr2start
t4:	ret
	.text
	.globl foo_v1
	.type foo_v1, @function
foo_v1:	ret
	.size foo_v1, 1
	.symver foo_v1, foo@VERS_1
	.globl foo_v2
foo_v2:	ret
	.symver foo_v2, foo@@VERS_2
	.symver bar_local, bar@@@VERS_3
bar_local: nop
	.symver ext_old, ext@VERS_0
	call ext_old
	.symver baz, baz@VERS_4, remove
	.globl baz
baz: ret
	.symver hidden_one, hid@VERS_5, hidden
	.globl hidden_one
hidden_one: ret
	.symver w1, w@@VERS_6
	.weak w1
w1: ret
	.symver unref, unref@VERS_7
