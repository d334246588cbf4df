// ERROR: 4:10: warning: too many arguments for format [-Wformat-extra-args]
int printf(const char *, ...);
void f(void) {
  printf("x\n", 1);
}
