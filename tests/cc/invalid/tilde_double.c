// ERROR: 3:10: error: wrong type argument to bit-complement
double f(double d) {
  return ~d;
}
