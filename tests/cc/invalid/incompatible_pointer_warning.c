// ERROR: 4:5: warning: assignment to 'int *' from incompatible pointer type 'char *' [-Wincompatible-pointer-types]
void f(char *c) {
  int *p;
  p = c;
  (void)p;
}
