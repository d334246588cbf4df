// ERROR: 3:12: error: invalid operands to binary * (have 'int *' and 'int')
int f(int *p) {
  return p * 2;
}
