/* long double literals on x86 (x87 extended): rounded from their exact value,
 * not through double; static data, run-time constants and negations. */
#include <stdio.h>
#include <string.h>

static long double table[] = {0.1L, -0.1L, 1e4000L, 0x1.123456789abcdef1p-16440L, 3.4e-4950L,
                              1.18973149535723176502e+4932L, 1.2e4932L,
                              0x1.fffffffffffffffep16383L, 3.14159265358979323846264338L,
                              18446744073709551615UL, -9223372036854775807LL, 1e30L};

static void show(long double x) {
    unsigned char b[10];
    memcpy(b, &x, 10);
    for (int j = 9; j >= 0; j--)
        printf("%02x", b[j]);
    printf("\n");
}

long double minus_third(void) { return -0.333333333333333333333333L; }

int main(void) {
    for (unsigned i = 0; i < sizeof table / sizeof *table; i++)
        show(table[i]);
    show(minus_third());
    show(2.718281828459045235360287L * 2);
    return 0;
}
