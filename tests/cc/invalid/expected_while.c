// ERROR: 3:8: error: expected 'while' before 'for'
void f(void) {
  do ; for
}
