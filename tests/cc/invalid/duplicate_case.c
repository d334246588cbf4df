// ERROR: 5:3: error: duplicate case value
int f(int x) {
  switch (x) {
  case 1: return 1;
  case 1: return 2;
  }
  return 0;
}
