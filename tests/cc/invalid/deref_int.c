// ERROR: 3:10: error: invalid type argument of unary '*' (have 'int')
int f(int x) {
  return *x;
}
