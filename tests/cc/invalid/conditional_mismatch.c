// ERROR: 4:16: error: type mismatch in conditional expression
struct s { int a; };
int f(int c, struct s v) {
  return c ? v : 1;
}
