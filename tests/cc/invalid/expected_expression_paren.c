// ERROR: 3:11: error: expected expression before ')' token
int f(void) {
  return ();
}
