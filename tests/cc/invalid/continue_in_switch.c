// ERROR: 3:24: error: continue statement not within a loop
void f(int x) {
  switch (x) { case 0: continue; }
}
