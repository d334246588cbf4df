/* Exercises the x86-16 runtime's library: printf's conversions, the string
 * functions, malloc, qsort, strtol, setjmp/longjmp, atexit and the exit
 * status.  The same file runs natively (host gcc and glibc): the outputs
 * must agree byte for byte. */
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void deep(int n)
{
	if (n == 0)
		longjmp(env, 42);
	deep(n - 1);
}

static void bye(void)
{
	printf("atexit handler ran\n");
}

int main(void)
{
	char buf[64], *p, *q;
	int v[] = {5, -3, 9, 0, 12, 7, -8}, i, n;
	long long big = -9000000000LL;
	printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, -42, 7, 7, 5);
	printf("[%u] [%x] [%X] [%#x] [%o] [%#o] [%c] [%%]\n", 4000000000u, 0xbeef, 0xbeef, 255, 8, 8, 'z');
	printf("[%s] [%8s] [%-8s|] [%.2s] [%*d] [%-*d|] [%.*s]\n", "str", "right", "left", "trunc",
	       6, 99, 4, 3, 3, "precision");
	printf("[%ld] [%lu] [%lld] [%llu] [%llx] [%hd] [%hhu]\n", -123456789L, 3000000000ul, big,
	       18000000000000000000ull, 0x123456789abcdefull, (short)-5, (unsigned char)300);
	n = snprintf(buf, 8, "%s-%d", "abcdef", 12345);
	printf("snprintf %d [%s]\n", n, buf);
	sprintf(buf, "%08.3x|%-6c|", 0x1f, 'q');
	printf("sprintf [%s] strlen %u\n", buf, (unsigned)strlen(buf));
	strcpy(buf, "hello");
	strcat(buf, ", world");
	printf("%s %d %d %s %s\n", buf, strcmp("abc", "abd") < 0, memcmp("xy", "xy", 2),
	       strchr(buf, 'w'), strstr(buf, "lo,"));
	p = malloc(100);
	q = malloc(50);
	memset(p, 'a', 99);
	p[99] = 0;
	free(p);
	p = calloc(10, 4);
	q = realloc(q, 400);
	printf("malloc %d %d %d\n", p != NULL && q != NULL, p[39] == 0, (int)strlen(strdup("dup")));
	qsort(v, 7, sizeof v[0], cmp);
	for (i = 0; i < 7; i++)
		printf("%d%c", v[i], i == 6 ? '\n' : ' ');
	printf("strtol %ld %ld %d %d\n", strtol("-0x1F", NULL, 16), strtol("777", &p, 8), atoi("  -31x"),
	       abs(-17));
	printf("ctype %d %d %c\n", !!isdigit('7'), !!isalpha('7'), toupper('m'));
	if ((n = setjmp(env)) == 0) {
		deep(20);
		printf("not reached\n");
	} else {
		printf("longjmp %d\n", n);
	}
	puts("puts line");
	fflush(stdout);
	fprintf(stderr, "to stderr %d\n", 3);
	atexit(bye);
	exit(v[0] == -8 ? 5 : 1);
}
