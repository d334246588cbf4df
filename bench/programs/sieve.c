/* Sieve of Eratosthenes: byte stores, loops and array indexing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LIMIT = 4000000 };

int main(void)
{
    char *composite = malloc(LIMIT + 1);
    long count = 0;
    for (int round = 0; round < 4; round++) {
        memset(composite, 0, LIMIT + 1);
        count = 0;
        for (long i = 2; i <= LIMIT; i++) {
            if (composite[i])
                continue;
            count++;
            for (long j = i * i; j <= LIMIT; j += i)
                composite[j] = 1;
        }
    }
    printf("sieve: %ld primes up to %d\n", count, LIMIT);
    free(composite);
    return 0;
}
