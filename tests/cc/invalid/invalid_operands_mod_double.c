// ERROR: 3:12: error: invalid operands to binary % (have 'double' and 'int')
double f(double d) {
  return d % 2;
}
