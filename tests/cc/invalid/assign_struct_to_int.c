// ERROR: 5:7: error: incompatible types when assigning to type 'int' from type 'struct s'
struct s { int a; };
void f(struct s v) {
  int i;
  i = v;
  (void)i;
}
