/* The exact math functions for long double (the text is exact.h). */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#define T long double
#define F(name) name##l
#define MANT LDBL_MANT_DIG
#define EMIN (LDBL_MIN_EXP - 1)
#define EMAX (LDBL_MAX_EXP - 1)
#define WIDER 0
#include "exact.h"
