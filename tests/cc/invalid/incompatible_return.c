// ERROR: 4:10: error: incompatible types when returning type 'struct s' but 'int' was expected
struct s { int a; };
int f(struct s v) {
  return v;
}
