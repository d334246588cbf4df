// ERROR: 2:9: error: invalid suffix "abc" on integer constant
int x = 12abc;
