// ERROR: 3:5: error: conflicting types for 'f'; have 'int(char *)'
int f(int);
int f(char *);
