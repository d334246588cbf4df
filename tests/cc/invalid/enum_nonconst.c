// ERROR: 3:10: error: enumerator value for 'A' is not an integer constant
int n;
enum e { A = n };
