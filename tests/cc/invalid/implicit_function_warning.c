// ERROR: 3:10: warning: implicit declaration of function 'foo' [-Wimplicit-function-declaration]
int f(void) {
  return foo(1);
}
