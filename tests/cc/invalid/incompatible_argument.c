// ERROR: 5:5: error: incompatible type for argument 1 of 'g'
struct s { int a; };
void g(int);
void f(struct s v) {
  g(v);
}
