// ERROR: 3:11: error: subscripted value is neither array nor pointer nor vector
int f(int x) {
  return x[1];
}
