/* The exact math functions for float (the text is exact.h). */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#define T float
#define F(name) name##f
#define MANT FLT_MANT_DIG
#define EMIN (FLT_MIN_EXP - 1)
#define EMAX (FLT_MAX_EXP - 1)
#define WIDER 2
#include "exact.h"
