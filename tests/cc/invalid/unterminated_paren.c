// ERROR: 3:16: error: expected ')' before ';' token
int f(void) {
  return (1 + 2;
}
