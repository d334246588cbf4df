// ERROR: 4:10: error: used struct type value where scalar is required
struct s { int a; };
void f(struct s v) {
  while (v) ;
}
