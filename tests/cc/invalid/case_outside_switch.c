// ERROR: 3:3: error: case label not within a switch statement
void f(void) {
  case 1: ;
}
