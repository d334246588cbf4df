// ERROR: 3:10: error: called object 'x' is not a function or function pointer
int f(int x) {
  return x(1);
}
