/* The README's first program: pcc examples/hello.c -o hello && ./hello */
#include <stdio.h>

int main(void)
{
    printf("hello, %s\n", "world");
    return 0;
}
