// ERROR: 3:19: error: '_Generic' selector of type 'double' is not compatible with any association
int f(void) {
  return _Generic(1.0, int: 1, char: 2);
}
