/* Long double odds and ends. */
#include <math.h>

long double scalbl(long double x, long double n)
{
	return scalbnl(x, (int)(n > 100000 ? 100000 : n < -100000 ? -100000 : n));
}
