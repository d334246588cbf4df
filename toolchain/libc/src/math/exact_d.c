/* The exact math functions for double (the text is exact.h). */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#define T double
#define F(name) name
#define MANT DBL_MANT_DIG
#define EMIN (DBL_MIN_EXP - 1)
#define EMAX (DBL_MAX_EXP - 1)
#define WIDER 1
#include "exact.h"
