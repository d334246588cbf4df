// ERROR: 3:22: error: too many arguments to function 'f'
int f(int a);
int g(void) { return f(1, 2); }
