// ERROR: 4:1: warning: control reaches end of non-void function [-Wreturn-type]
int f(int x) {
  if (x) return 1;
}
