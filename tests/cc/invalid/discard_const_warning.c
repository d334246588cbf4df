// ERROR: 3:13: warning: initialization discards 'const' qualifier from pointer target type [-Wdiscarded-qualifiers]
void f(const char *c) {
  char *p = c;
  (void)p;
}
