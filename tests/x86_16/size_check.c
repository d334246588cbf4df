/* Code the -Os work in the i386 back end shapes (tests/x86_16/test_x86_16_size.py):
   folded addresses, values across calls in esi/edi and in spill slots, pushed
   arguments, narrow loads and parameters, constant local initialisers, long long
   across calls, noreturn calls.  Prints the same natively and in real mode. */
#include <stdio.h>
#include <stdlib.h>

struct point { int x, y; char tag; short w; };

static const int squares[6] = {0, 1, 4, 9, 16, 25};

__attribute__((noinline)) static int sum6(int a, int b, int c, int d, int e, int f)
{
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

__attribute__((noinline)) static void fill(struct point *p, int i)
{
    p[i].x = i;
    p[i].y = -i;
    p[i].tag = (char)('a' + i);
    p[i].w = (short)(i * 1000 - 3000);
}

__attribute__((noinline)) static int classify(signed char c, short s, unsigned char u)
{
    int r = 0;
    if (c < 0) r |= 1;
    if (s > 100) r |= 2;
    if (u > 200) r |= 4;
    if (c == -128) r |= 8;
    return r;
}

__attribute__((noinline)) static long long mix(long long a, int k)
{
    return a * 3 + k;
}

__attribute__((noinline)) static void check(int ok)
{
    if (!ok)
        abort();
}

int main(void)
{
    struct point pts[5];
    int table[12] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    int i, total = 0, a = 7, b = 11, c = 13, d = 17, e = 19, f = 23, g = 29;
    long long acc = 1;

    for (i = 0; i < 5; i++)
        fill(pts, i);
    for (i = 0; i < 5; i++)
        total += pts[i].x * 3 + pts[i].y + pts[i].tag + pts[i].w;
    printf("points %d\n", total);
    for (i = 0; i < 12; i++) {
        total += sum6(a, b, c, d, e, table[i]);
        a += b; b ^= c; c -= d; d += e; e = e * 3 + f; f += g; g -= i;
        acc = mix(acc, table[i]);
    }
    printf("sum %d %d %d %d %d %d %d %d\n", total, a, b, c, d, e, f, g);
    printf("acc %lld\n", acc);
    printf("classify %d %d %d %d\n", classify(-128, 101, 201), classify(5, 100, 200),
           classify(-1, -5, 255), classify(127, 32767, 0));
    for (i = 0; i < 6; i++)
        total -= squares[i];
    check(squares[3] == 9);
    printf("done %d\n", total);
    return total & 0x7f;
}
