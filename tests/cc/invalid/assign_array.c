// ERROR: 4:5: error: assignment to expression with array type
void f(void) {
  int a[2], b[2];
  a = b;
}
