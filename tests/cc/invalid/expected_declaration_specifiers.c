// ERROR: 2:14: error: expected declaration specifiers or '...' before numeric constant
int f(int a, 5);
