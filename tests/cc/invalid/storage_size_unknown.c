// ERROR: 4:12: error: storage size of 'v' isn't known
struct s;
void f(void) {
  struct s v;
}
