// ERROR: 4:16: error: 'sizeof' applied to a bit-field
struct s { int b : 3; };
unsigned long f(struct s v) {
  return sizeof(v.b);
}
