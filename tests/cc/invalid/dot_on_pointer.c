// ERROR: 4:11: error: 'x' is a pointer; did you mean to use '->'?
struct s { int a; };
int f(struct s *x) {
  return x.a;
}
