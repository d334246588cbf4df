// ERROR: 2:24: error: expected ';' before '}' token
int f(int a) { return a }
