// ERROR: 3:3: warning: 'return' with no value, in function returning non-void [-Wreturn-type]
int f(void) {
  return;
}
