// ERROR: 3:13: error: 'q' redeclared as different kind of symbol
int q;
typedef int q;
