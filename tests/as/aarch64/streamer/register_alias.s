// Register aliases: name .req register, .unreq name.
	.text
tmp	.req x9
cnt .req w10
	mov tmp, #5
	add cnt, cnt, #1
	ldr tmp, [tmp, #8]
	.unreq tmp
tmp	.req x11
	str tmp, [sp]
