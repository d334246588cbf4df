# hello-x86_64.s — "hello, world" for Linux x86-64 with raw system calls.
# No C library: _start calls write(1, msg, len) and exit(0).
#   pas --64 examples/hello-x86_64.s -o hello.o
#   pld -o hello hello.o && ./hello

        .section .rodata
msg:    .ascii  "hello, world\n"
        .set    len, . - msg

        .text
        .globl  _start
        .type   _start, @function
_start:
        movl    $1, %eax                # SYS_write
        movl    $1, %edi                # fd 1: stdout
        leaq    msg(%rip), %rsi         # buffer
        movl    $len, %edx              # length
        syscall
        movl    $60, %eax               # SYS_exit
        xorl    %edi, %edi              # status 0
        syscall
        .size   _start, . - _start

        .section .note.GNU-stack,"",@progbits
