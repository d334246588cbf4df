// ERROR: 3:3: error: continue statement not within a loop
void f(void) {
  continue;
}
