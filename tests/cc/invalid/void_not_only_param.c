// ERROR: 2:7: error: 'void' must be the only parameter
int f(void, int);
