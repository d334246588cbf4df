// ERROR: 4:15: warning: format '%d' expects a matching 'int' argument [-Wformat=]
int printf(const char *, ...);
void f(void) {
  printf("%s %d\n", "a");
}
