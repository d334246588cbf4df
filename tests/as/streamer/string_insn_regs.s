# String instructions naming other registers than the implied ones: gas
# only warns, and a 32-bit register sets the address size.
# warnings: same as gas
	.text
	lodsw (%si),%ax
	scasw %es:(%di),%ax
	stosb %al,(%di)
	lodsb (%bx),%al
	lodsb (%ebx),%al
	lodsb (%rbx),%al
	lodsb 4(%rsi),%al
	xlat (%bx)
	addr32 lodsb (%si),%al
	movsb (%rbx),(%rdi)
	movsb (%esi),(%ebx)
	movsb (%rsi),(%rbx)
	lodsb (%rbx,%rcx),%al
	lodsb (%bx,%si),%al
	lodsb (%r8),%al
	addr32 lodsb (%esi),%al
	lodsb (%esi),%al
	scasw %es:(%edi),%ax
	stosl %eax,%es:(%edi)
	movsb (%esi),%es:(%edi)
	cmpsb %es:(%edi),(%esi)
	addr32 scasw %es:(%edi),%ax
	lodsb (%rsi),%al
	outsb (%esi),(%dx)
	insb (%dx),%es:(%edi)
	xlat (%ebx)
	cmpsb (%si),(%rdi)
	cmpsb (%rsi),(%di)
	cmpsb (%edi),(%esi)
