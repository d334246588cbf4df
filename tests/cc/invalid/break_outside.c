// ERROR: 3:3: error: break statement not within loop or switch
void f(void) {
  break;
}
