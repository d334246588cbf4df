// ERROR: 3:3: warning: label 'l' defined but not used [-Wunused-label]
void f(void) {
  l:
}
