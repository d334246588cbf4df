// ERROR: 2:14: error: 'zz' undeclared here (not in a function)
int a[sizeof(zz)];
