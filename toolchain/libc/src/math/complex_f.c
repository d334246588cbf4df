/* The <complex.h> functions for float (the text is cfuncs.h). */
#include <math.h>

#define T float
#define F(name) name##f
#define C(name) c##name##f
#include "cfuncs.h"
