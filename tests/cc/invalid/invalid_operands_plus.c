// ERROR: 4:12: error: invalid operands to binary + (have 'struct s' and 'int')
struct s { int a; };
int f(struct s x) {
  return x + 1;
}
