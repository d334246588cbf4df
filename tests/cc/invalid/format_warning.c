// ERROR: 4:12: warning: format '%d' expects argument of type 'int', but argument 2 has type 'long int' [-Wformat=]
int printf(const char *, ...);
void f(long l) {
  printf("%d\n", l);
}
