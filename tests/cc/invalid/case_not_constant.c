// ERROR: 4:3: error: case label does not reduce to an integer constant
void f(int x, int y) {
  switch (x) {
  case y: break;
  }
}
