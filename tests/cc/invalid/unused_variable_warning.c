// ERROR: 3:7: warning: unused variable 'unused' [-Wunused-variable]
int f(void) {
  int unused;
  return 0;
}
