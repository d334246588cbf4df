// ERROR: 4:7: error: used struct type value where scalar is required
struct s { int a; };
void f(struct s v) {
  if (v) ;
}
