# boot16.s — a boot-sector style real-mode snippet (.code16).
# The BIOS loads the sector at 0x7c00 and jumps to it; this prints a message
# with the BIOS teletype call (int $0x10, ah=0x0e), then halts.
#   pas --32 examples/boot16.s -o boot16.o
#   ld -m elf_i386 -Ttext=0x7c00 --oformat=binary -o boot.bin boot16.o

        .code16
        .text
        .globl  _start
_start:
        cli
        xorw    %ax, %ax
        movw    %ax, %ds
        movw    %ax, %ss
        movw    $0x7c00, %sp
        sti
        movw    $message, %si
        movb    $0x0e, %ah              # BIOS teletype output
1:      lodsb
        testb   %al, %al
        jz      2f
        int     $0x10
        jmp     1b
2:      hlt
        jmp     2b

message:
        .asciz  "hello from real mode\r\n"

        .org    510                     # pad to the boot signature
        .word   0xaa55
