// ERROR: 4:3: error: wrong type argument to unary minus
struct s { int a; };
void f(struct s x) {
  -x;
}
