// ERROR: 4:10: error: called object 'v' is not a function or function pointer
int v;
int f(void) {
  return v();
}
