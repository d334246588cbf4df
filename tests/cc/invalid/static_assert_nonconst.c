// ERROR: 3:16: error: expression in static assertion is not constant
int n;
_Static_assert(n, "x");
