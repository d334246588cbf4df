/* qsort, qsort_r -- C11 7.22.5.2.  A stable merge sort through a
 * temporary buffer, like glibc's, so elements that compare equal keep
 * their order (programs that print sorted ties print the same thing);
 * without memory for the buffer, an insertion sort (also stable). */
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_r)(const void *, const void *, void *);

static void merge_sort(char *base, char *tmp, size_t n, size_t size, cmp_r cmp, void *arg)
{
	size_t half, i, j, k;
	if (n < 2)
		return;
	half = n / 2;
	merge_sort(base, tmp, half, size, cmp, arg);
	merge_sort(base + half * size, tmp, n - half, size, cmp, arg);
	if (cmp(base + (half - 1) * size, base + half * size, arg) <= 0)
		return;                         /* already in order */
	memcpy(tmp, base, half * size);
	i = 0, j = half, k = 0;
	while (i < half && j < n) {
		if (cmp(tmp + i * size, base + j * size, arg) <= 0)
			memcpy(base + k++ * size, tmp + i++ * size, size);
		else
			memcpy(base + k++ * size, base + j++ * size, size);
	}
	if (i < half)
		memcpy(base + k * size, tmp + i * size, (half - i) * size);
}

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_r cmp, void *arg)
{
	size_t i, j;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size, arg) > 0; j--)
			swap_bytes(base + (j - 1) * size, base + j * size, size);
}

void qsort_r(void *base, size_t n, size_t size, cmp_r cmp, void *arg)
{
	char *tmp;
	if (n < 2 || !size)
		return;
	tmp = malloc((n / 2 + 1) * size);
	if (!tmp) {
		insertion_sort(base, n, size, cmp, arg);
		return;
	}
	merge_sort(base, tmp, n, size, cmp, arg);
	free(tmp);
}

static int call_plain(const void *a, const void *b, void *fn)
{
	return (*(int (**)(const void *, const void *))fn)(a, b);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	qsort_r(base, n, size, call_plain, &cmp);
}
