# `.set b, a` before `a` has a .type: b takes the type when the alias is resolved.
	.global b
	.set b,a
	.data
	.type a, @object
	.size a, 4
a:	.word 1
