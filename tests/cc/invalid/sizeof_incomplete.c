// ERROR: 4:17: error: invalid application of 'sizeof' to incomplete type 'struct s'
struct s;
int f(void) {
  return sizeof(struct s);
}
