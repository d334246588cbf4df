// ERROR: 4:10: error: cannot take address of bit-field 'b'
struct s { int b : 3; };
void *f(struct s *p) {
  return &p->b;
}
