// ERROR: 2:1: error: requested alignment '3' is not a positive power of 2
_Alignas(3) int x;
