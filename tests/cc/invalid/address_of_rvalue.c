// ERROR: 3:10: error: lvalue required as unary '&' operand
int *f(int a) {
  return &(a + 1);
}
