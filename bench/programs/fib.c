/* Recursive Fibonacci: calls, returns and integer adds. */
#include <stdio.h>

static long fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(void)
{
    long total = 0;
    for (int i = 0; i < 3; i++)
        total += fib(33 + i % 2);
    printf("fib: %ld\n", total);
    return 0;
}
