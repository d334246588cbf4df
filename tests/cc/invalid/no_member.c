// ERROR: 4:11: error: 'struct s' has no member named 'b'
struct s { int a; };
int f(struct s x) {
  return x.b;
}
