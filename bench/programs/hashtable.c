/* A chained hash table of strings: hashing, malloc, strcmp, pointer chasing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    struct entry *next;
    unsigned long count;
    char key[24];
};

enum { BUCKETS = 1 << 16 };
static struct entry *table[BUCKETS];

static unsigned long hash(const char *s)
{
    unsigned long h = 14695981039346656037UL;     /* FNV-1a */
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211UL;
    return h;
}

static struct entry *lookup(const char *key)
{
    struct entry **slot = &table[hash(key) & (BUCKETS - 1)];
    for (struct entry *e = *slot; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    struct entry *e = malloc(sizeof *e);
    e->next = *slot;
    e->count = 0;
    strcpy(e->key, key);
    *slot = e;
    return e;
}

int main(void)
{
    unsigned long x = 88172645463325252UL, distinct = 0, total = 0;
    char key[24];
    for (int i = 0; i < 1000000; i++) {
        x ^= x << 13;                                 /* xorshift64 */
        x ^= x >> 7;
        x ^= x << 17;
        sprintf(key, "k%lu", x % 200000);
        struct entry *e = lookup(key);
        if (e->count++ == 0)
            distinct++;
    }
    for (int b = 0; b < BUCKETS; b++)
        for (struct entry *e = table[b]; e; e = e->next)
            total += e->count;
    printf("hashtable: %lu distinct keys, %lu lookups\n", distinct, total);
    return 0;
}
