// ERROR: 4:10: error: wrong type argument to unary exclamation mark
struct s { int a; };
int f(struct s v) {
  return !v;
}
