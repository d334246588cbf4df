// ERROR: 3:12: warning: division by zero [-Wdiv-by-zero]
int f(int a) {
  return a / 0;
}
