// ERROR: 3:3: error: 'else' without a previous 'if'
void f(void) {
  else ;
}
