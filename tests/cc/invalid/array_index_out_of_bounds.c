// ERROR: 2:15: error: array index in initializer exceeds array bounds
int a[2] = { [5] = 1 };
