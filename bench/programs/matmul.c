/* Dense double matrix multiply: floating point in a triple loop. */
#include <stdio.h>
#include <stdlib.h>

enum { N = 200 };

static void multiply(const double *a, const double *b, double *c)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double sum = 0.0;
            for (int k = 0; k < N; k++)
                sum += a[i * N + k] * b[k * N + j];
            c[i * N + j] = sum;
        }
}

int main(void)
{
    double *a = malloc(sizeof(double) * N * N);
    double *b = malloc(sizeof(double) * N * N);
    double *c = malloc(sizeof(double) * N * N);
    for (int i = 0; i < N * N; i++) {
        a[i] = (double)(i % 17) / 7.0;
        b[i] = (double)(i % 13) / 5.0;
    }
    for (int round = 0; round < 3; round++) {
        multiply(a, b, c);
        multiply(c, b, a);
        for (int i = 0; i < N * N; i++)
            a[i] /= 1000.0;
    }
    double trace = 0.0;
    for (int i = 0; i < N; i++)
        trace += a[i * N + i];
    printf("matmul: trace %.6e\n", trace);
    free(a);
    free(b);
    free(c);
    return 0;
}
