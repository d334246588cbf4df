// ERROR: 5:3: error: multiple default labels in one switch
void f(int x) {
  switch (x) {
  default: break;
  default: break;
  }
}
