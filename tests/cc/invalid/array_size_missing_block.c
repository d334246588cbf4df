// ERROR: 3:7: error: array size missing in 'a'
void f(void) {
  int a[];
}
