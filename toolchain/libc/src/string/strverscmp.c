/* strverscmp -- GNU: compare with digit runs as numbers (leading zeros
 * mean a fraction, as glibc). */
#include <ctype.h>
#include <string.h>

int strverscmp(const char *l0, const char *r0)
{
	const unsigned char *l = (const void *)l0, *r = (const void *)r0;
	size_t i, dp, j;
	int z = 1;
	for (dp = i = 0; l[i] == r[i]; i++) {
		int c = l[i];
		if (!c)
			return 0;
		if (!isdigit(c))
			dp = i + 1, z = 1;
		else if (c != '0')
			z = 0;
	}
	if (l[dp] != '0' && r[dp] != '0') {
		for (j = i; isdigit(l[j]); j++)
			if (!isdigit(r[j]))
				return 1;
		if (isdigit(r[j]))
			return -1;
	} else if (z && dp < i && (isdigit(l[i]) || isdigit(r[i]))) {
		return (unsigned char)(l[i] - '0') - (unsigned char)(r[i] - '0');
	}
	return l[i] - r[i];
}
