// ERROR: 3:10: error: lvalue required as increment operand
void f(int a) {
  (a + 1)++;
}
