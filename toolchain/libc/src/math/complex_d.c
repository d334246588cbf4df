/* The <complex.h> functions for double (the text is cfuncs.h). */
#include <math.h>

#define T double
#define F(name) name
#define C(name) c##name
#include "cfuncs.h"
