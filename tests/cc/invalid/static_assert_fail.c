// ERROR: 2:1: error: static assertion failed: "nope"
_Static_assert(1 == 2, "nope");
