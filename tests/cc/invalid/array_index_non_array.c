// ERROR: 2:12: error: array index in non-array initializer
int x = { [0] = 1 };
