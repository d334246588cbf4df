// ERROR: 2:5: error: invalid suffix "x" on integer constant
int 3x;
