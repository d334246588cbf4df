// ERROR: 4:7: error: redeclaration of 'z' with no linkage
void g(void) {
  int z;
  int z;
}
