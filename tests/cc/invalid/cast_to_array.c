// ERROR: 3:3: error: cast specifies array type
void f(int i) {
  (int[2])i;
}
