/* The <complex.h> functions for long double (the text is cfuncs.h). */
#include <math.h>

#define T long double
#define F(name) name##l
#define C(name) c##name##l
#include "cfuncs.h"
