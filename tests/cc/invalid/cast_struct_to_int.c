// ERROR: 4:3: error: aggregate value used where an integer was expected
struct s { int a; };
int f(struct s v) {
  return (int)v;
}
