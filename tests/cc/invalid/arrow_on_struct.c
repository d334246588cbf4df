// ERROR: 4:11: error: invalid type argument of '->' (have 'struct s')
struct s { int a; };
int f(struct s x) {
  return x->a;
}
