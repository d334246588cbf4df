// ERROR: 3:6: error: assignment of read-only location '*p'
void f(const int *p) {
  *p = 2;
}
