// ERROR: 4:5: warning: assignment to 'int' from 'int *' makes integer from pointer without a cast [-Wint-conversion]
void f(int *p) {
  int i;
  i = p;
  (void)i;
}
