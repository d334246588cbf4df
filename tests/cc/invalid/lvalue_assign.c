// ERROR: 3:9: error: lvalue required as left operand of assignment
void f(int a) {
  a + 1 = 2;
}
