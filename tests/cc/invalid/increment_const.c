// ERROR: 4:4: error: increment of read-only variable 'c'
void f(void) {
  const int c = 1;
  c++;
}
