// ERROR: 4:11: error: void value not ignored as it ought to be
void g(void);
int f(void) {
  int x = g();
  return x;
}
