// ERROR: 3:22: error: too few arguments to function 'f'
int f(int a, int b);
int g(void) { return f(1); }
