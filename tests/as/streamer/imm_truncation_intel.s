# Intel syntax: a ptr size, like a suffix, lets gas cut a wide immediate.
# warnings: same as gas
.intel_syntax noprefix
mov al, 0x100
in al, 0x100
add word ptr [rax], 0x1ffff
mov byte ptr [rax], 0x100
mov dword ptr [rax], 0x123456789
imul ax, word ptr [rbx], 0x12345
