// ERROR: 3:3: error: variable-sized object may not be initialized
void f(int n) {
  int a[n] = { 0 };
}
