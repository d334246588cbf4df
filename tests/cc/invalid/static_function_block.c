// ERROR: 3:14: error: invalid storage class for function 'g'
void f(void) {
  static int g(void);
}
