// ERROR: 3:11: error: request for member 'a' in something not a structure or union
int f(int x) {
  return x.a;
}
