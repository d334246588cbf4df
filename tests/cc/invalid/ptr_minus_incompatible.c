// ERROR: 3:12: error: invalid operands to binary - (have 'int *' and 'char *')
long f(int *a, char *b) {
  return a - b;
}
