// ERROR: 3:3: error: 'default' label not within a switch statement
void f(void) {
  default: ;
}
