// ERROR: 3:7: warning: variable 'x' set but not used [-Wunused-but-set-variable]
void f(void) {
  int x;
  x = 1;
}
