// ERROR: 4:5: error: assignment of read-only variable 'c'
void f(void) {
  const int c = 1;
  c = 2;
}
