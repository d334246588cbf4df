// ERROR: 2:7: error: unknown type name 'foo'
int f(foo a);
