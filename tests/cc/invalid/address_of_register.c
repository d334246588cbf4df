// ERROR: 4:3: error: address of register variable 'r' requested
int *f(void) {
  register int r = 0;
  return &r;
}
