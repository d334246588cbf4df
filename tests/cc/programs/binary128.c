/* Binary128 values through every path a back end has: arithmetic (the
 * soft-float calls), comparisons incl. NaN, conversions to and from every
 * integer and float type, arguments and results in registers and on the
 * stack, variadic arguments, struct members, constants, globals.  Printed
 * as bits so the output is exact. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if __LDBL_MANT_DIG__ == 113
typedef long double tf;
#define TF(x) x##L
#else
typedef __float128 tf;
#define TF(x) x##Q
#endif

static void show(const char *what, tf x) {
    unsigned long long w[2];
    memcpy(w, &x, sizeof x);
    printf("%s %016llx%016llx\n", what, w[1], w[0]);
}

tf g = 3.0;
/* literals rounded from their exact decimal or hex value, not through double */
tf literals[] = {TF(0.1), TF(-0.1), TF(1e4000), TF(-3.4e-4940), TF(1e-4966),
                 TF(1.18973149535723176508575932662800702e4932), TF(1.2e4932),
                 TF(0x1.23456789abcdef0123456789abcdp-16390),
                 TF(3.14159265358979323846264338327950288), 18446744073709551615UL,
                 -9223372036854775807LL, TF(1e30)};
tf table[3] = {1.0, -2.5, 1e300};
struct pair { tf a; tf b; };
struct mixed { double d; tf t; };

tf add(tf a, tf b) { return a + b; }
tf many(tf a, tf b, tf c, tf d, tf e, tf f, tf h, tf i, tf j, tf k) {
    return a - b + c * d - e / f + h + i - j + k;
}
struct pair swap(struct pair p) { struct pair r = {p.b, p.a}; return r; }
tf mixed_sum(struct mixed m) { return m.d + m.t; }

tf sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    tf total = 0;
    for (int i = 0; i < n; i++)
        total += va_arg(ap, tf);
    va_end(ap);
    return total;
}

static volatile tf zero = 0.0;

int main(void) {
    for (unsigned i = 0; i < sizeof literals / sizeof *literals; i++)
        show("literal", literals[i]);
    show("literal pi/10", TF(3.14159265358979323846264338327950288) / 10);
    tf a = 1.5, b = -0.25;
    show("add", add(a, b));
    show("sub", a - b);
    show("mul", a * b);
    show("div", a / b);
    show("neg", -a);
    show("many", many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    show("global", g * table[1] + table[2]);
    struct pair p = {a, b};
    struct pair q = swap(p);
    show("swap.a", q.a);
    show("swap.b", q.b);
    struct mixed m = {0.5, 2.0};
    show("mixed", mixed_sum(m));
    show("va", sum(4, a, b, g, (tf)7));
    tf nan = zero / zero;
    printf("cmp %d %d %d %d %d %d\n", a < b, a <= b, a > b, a >= b, a == b, a != b);
    printf("nan %d %d %d %d %d %d %d\n", nan < a, nan <= a, nan > a, nan >= a, nan == nan,
           nan != nan, !(nan < a));
    printf("to int %d %u %lld %llu\n", (int)(a * -10), (unsigned)(a * 10),
           (long long)(table[2] > 1e20 ? (tf)-123456789012345.0 : a), (unsigned long long)(g * 1e18));
    printf("to float %a %a\n", (double)(a / 3), (double)(float)(b * 3));
    signed char sc = -5; unsigned short us = 65000; long long ll = -9000000000000000000LL;
    unsigned long long ull = 18000000000000000000ULL;
    show("from sc", sc);
    show("from us", us);
    show("from ll", ll);
    show("from ull", ull);
    show("from float", 0.1f);
    show("from double", 0.1);
    __int128 big = (__int128)1 << 100;
    show("from i128", big);
    printf("to i128 %d\n", (int)((__int128)(table[2] / 1e270) >> 64));
    return 0;
}
