// ERROR: 3:10: error: 'y' undeclared (first use in this function)
int f(void) {
  return y;
}
