// ERROR: 3:14: error: 'x' has both 'extern' and initializer
void f(void) {
  extern int x = 1;
}
