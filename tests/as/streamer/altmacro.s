# .altmacro: %expr arguments, <string> and quoted arguments, names without
# backslash, &name& pasting, LOCAL names, .irp; .noaltmacro switches back.
	.altmacro
	.macro sum from=0, to=5
	.long from
	.if to-from
	sum %from+1,to
	.endif
	.endm
	.data
	sum 0, 3
	.macro str s, t
	.ascii s
	.ascii "t"
	.endm
	str <"a<b>c">, <x!>y>
	str "qr", <z w>
	.macro cat a, b
	.long a&b
	lab&a&_&b: .byte 1
	.long \a
	.endm
	cat 1, 2
	.macro loc x
	LOCAL l1, l2
l1:	.long l1, l2, x
l2:	.byte 2
	.endm
	loc 5
	loc 6
	.irp r, %1+1, <3,4>, 5
	.byte r
	.endr
	.macro dol v
	.long $v, v$
	.endm
	.set $v, 9
	.set v$, 8
	.noaltmacro
	.macro plain a
	.long \a, a
	.endm
	.set a, 7
	plain 3
	.altmacro
	.macro num n
	.long n, 1f, n&n
1:	.byte n
	.endm
	.set nf, 3
	num 4

	.macro kw x=<1, 2>, y
	.byte x
	.byte y
	.endm
	kw , 9
	kw <3,4>, 6
	kw %(2*3), %1+1
	.irpc c, 123
	.byte c
	.endr
	.macro lp n
	LOCAL top
top:	.long top
	.if n
	lp %n-1
	.endif
	.endm
	lp 2
	.macro bk v
	.long \v, v
	.ascii "v"
	.endm
	bk 5
